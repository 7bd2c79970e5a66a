import type { Kysely } from 'kysely';

/**
 * Patient consent: the current flags per patient (no row means the defaults in
 * `src/record/consent.ts`) and an append-only history of every change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patient_consents')
    .addColumn('patient_id', 'text', (c) => c.primaryKey().references('patients.id').onDelete('cascade'))
    .addColumn('ai_assistance', 'integer', (c) => c.notNull())
    .addColumn('research_use', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('patient_consent_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('ai_assistance', 'integer', (c) => c.notNull())
    .addColumn('research_use', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_role', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('patient_consent_history_patient')
    .on('patient_consent_history')
    .columns(['patient_id', 'changed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('patient_consent_history').ifExists().execute();
  await db.schema.dropTable('patient_consents').ifExists().execute();
}
