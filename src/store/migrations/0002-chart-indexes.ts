import type { Kysely } from 'kysely';

/**
 * Indexes that serve the patient chart: the newest encounters and documents come straight off an
 * index (no sort, no reading of the large `resource`/`body` columns), and the per-drug and
 * per-problem summaries are answered from covering indexes alone.
 */
const INDEXES: [name: string, table: string, columns: string[]][] = [
  ['encounters_patient_start', 'encounters', ['patient_id', 'period_start', 'id']],
  ['documents_patient_date', 'documents', ['patient_id', 'date', 'id']],
  ['medications_patient_drug', 'medications', ['patient_id', 'display', 'authored_at', 'status', 'dosage_text']],
  ['conditions_patient_problem', 'conditions', ['patient_id', 'code', 'display', 'onset_at', 'abated_at', 'clinical_status']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
