import type { Kysely } from 'kysely';

/**
 * The emergency worklist and its webhook outbox. An `emergency_alerts` row is written in the same
 * transaction as the red flag that raises it (an intake stopped for an emergency, an artifact with
 * a red-flag finding) and stays pinned until a clinician acknowledges it (who, when). Each
 * `alert_deliveries` row is one POST owed to the hospital's paging webhook: retried with backoff
 * until delivered, never dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('emergency_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.references('patients.id').onDelete('cascade'))
    .addColumn('intake_id', 'text')
    .addColumn('artifact_id', 'text')
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('triage', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .execute();
  await db.schema.createIndex('emergency_alerts_open').on('emergency_alerts').columns(['acknowledged_at', 'created_at']).execute();
  await db.schema
    .createTable('alert_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('emergency_alerts.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('alert_deliveries_due').on('alert_deliveries').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_deliveries').ifExists().execute();
  await db.schema.dropTable('emergency_alerts').ifExists().execute();
}
