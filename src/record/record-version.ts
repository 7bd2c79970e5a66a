import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

/**
 * Every write to a patient's record moves `patients.updated_at` forward, inside the writing
 * transaction. That timestamp is the record's version: the chart cache compares it before
 * serving a stored chart, so no replica serves a chart older than the record.
 */
export async function touchPatients(db: Kysely<Database> | Transaction<Database>, patientIds: Iterable<string>, at: string): Promise<void> {
  const ids = [...new Set(patientIds)];
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('patients')
      .set({ updated_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}
