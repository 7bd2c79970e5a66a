import type { Kysely } from 'kysely';

/** The pseudonym vault: replacement → encrypted original, per scope (a patient, or one request). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pseudonyms')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    /** Keyed hash of the original, so a lookup needs no decryption. */
    .addColumn('original_mac', 'text', (c) => c.notNull())
    .addColumn('original_enc', 'text', (c) => c.notNull())
    .addColumn('replacement', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pseudonyms_pk', ['scope', 'type', 'original_mac'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pseudonyms').ifExists().execute();
}
