import type { Kysely } from 'kysely';

/** Clinical tables share these columns: id, patient, optional encounter, original FHIR JSON. */
const CLINICAL_TABLES = ['encounters', 'conditions', 'medications', 'allergies', 'observations', 'procedures', 'documents'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mrn', 'text')
    .addColumn('family_name', 'text')
    .addColumn('given_name', 'text')
    .addColumn('name_text', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('deceased_at', 'text')
    .addColumn('phone', 'text')
    .addColumn('address_text', 'text')
    .addColumn('language', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patients_mrn').on('patients').column('mrn').execute();
  await db.schema.createIndex('patients_name').on('patients').column('name_text').execute();

  const extra: Record<(typeof CLINICAL_TABLES)[number], [string, 'text' | 'double precision', boolean][]> = {
    encounters: [
      ['status', 'text', true],
      ['class_code', 'text', false],
      ['type_text', 'text', false],
      ['reason_text', 'text', false],
      ['period_start', 'text', false],
      ['period_end', 'text', false],
      ['provider_text', 'text', false],
    ],
    conditions: [
      ['code_system', 'text', false],
      ['code', 'text', false],
      ['display', 'text', true],
      ['clinical_status', 'text', false],
      ['onset_at', 'text', false],
      ['abated_at', 'text', false],
      ['recorded_at', 'text', false],
    ],
    medications: [
      ['status', 'text', true],
      ['code_system', 'text', false],
      ['code', 'text', false],
      ['display', 'text', true],
      ['authored_at', 'text', false],
      ['dosage_text', 'text', false],
    ],
    allergies: [
      ['code', 'text', false],
      ['display', 'text', true],
      ['category', 'text', false],
      ['criticality', 'text', false],
      ['clinical_status', 'text', false],
      ['reaction_text', 'text', false],
      ['recorded_at', 'text', false],
    ],
    observations: [
      ['category', 'text', false],
      ['code_system', 'text', false],
      ['code', 'text', false],
      ['display', 'text', true],
      ['value_num', 'double precision', false],
      ['value_text', 'text', false],
      ['unit', 'text', false],
      ['reference_low', 'double precision', false],
      ['reference_high', 'double precision', false],
      ['interpretation', 'text', false],
      ['effective_at', 'text', false],
    ],
    procedures: [
      ['status', 'text', false],
      ['code', 'text', false],
      ['display', 'text', true],
      ['performed_at', 'text', false],
    ],
    documents: [
      ['type_text', 'text', false],
      ['title', 'text', true],
      ['content_type', 'text', false],
      ['body', 'text', false],
      ['author_text', 'text', false],
      ['date', 'text', false],
    ],
  };

  for (const table of CLINICAL_TABLES) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id').onDelete('cascade'))
      .addColumn('encounter_id', 'text')
      .addColumn('resource', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull());
    for (const [name, type, required] of extra[table]) {
      builder = builder.addColumn(name, type, (c) => (required ? c.notNull() : c));
    }
    await builder.execute();
    await db.schema.createIndex(`${table}_patient`).on(table).column('patient_id').execute();
  }
  await db.schema
    .createIndex('observations_patient_code_time')
    .on('observations')
    .columns(['patient_id', 'code', 'effective_at'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.references('patients.id').onDelete('set null'))
    .addColumn('locale', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('artifacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('workflow', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.references('patients.id').onDelete('set null'))
    .addColumn('encounter_id', 'text')
    .addColumn('model_id', 'text')
    .addColumn('model_version', 'text')
    .addColumn('prompt_id', 'text')
    .addColumn('prompt_version', 'text')
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('guardrails', 'text', (c) => c.notNull())
    .addColumn('latency_ms', 'double precision')
    .addColumn('tokens_in', 'integer')
    .addColumn('tokens_out', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('edited_content', 'text')
    .addColumn('edit_diff', 'text')
    .addColumn('edit_distance', 'integer')
    .execute();
  await db.schema.createIndex('artifacts_status_time').on('artifacts').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('artifacts_patient').on('artifacts').column('patient_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('patient_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('source_ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_patient').on('audit_log').column('patient_id').execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['meta', 'audit_log', 'artifacts', 'api_tokens', 'sessions', 'users', ...CLINICAL_TABLES, 'patients']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
