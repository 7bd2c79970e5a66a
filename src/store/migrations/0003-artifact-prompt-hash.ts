import type { Kysely } from 'kysely';

/** Artifacts record the hash of the rendered prompt, beside the template id and version. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('artifacts').addColumn('prompt_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('artifacts').dropColumn('prompt_hash').execute();
}
