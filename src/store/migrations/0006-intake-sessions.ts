import type { Kysely } from 'kysely';

/**
 * History-taking interviews: one row per link a clinician creates for a patient (and encounter).
 * The link's secret is stored only as its SHA-256; the interview state is JSON, rewritten on every
 * answer under an optimistic version check so two tabs cannot interleave answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intake_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('encounter_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('red_flags', 'text', (c) => c.notNull())
    .addColumn('triage', 'text')
    .addColumn('artifact_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('intake_sessions_patient').on('intake_sessions').columns(['patient_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('intake_sessions').ifExists().execute();
}
