import type { Store } from './database.js';

/**
 * The `meta` table: small installation-wide facts kept as key → text (demo mode, demo accounts,
 * whether the demo data was loaded). Keys are written once and rarely changed.
 */

/** The value stored under `key`, or null when none is. */
export async function readMeta(store: Store, key: string): Promise<string | null> {
  const row = await store.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row ? row.value : null;
}

/** Stores a new key; fails (primary key) when the key is already there. */
export async function insertMeta(store: Store, key: string, value: string): Promise<void> {
  await store.db.insertInto('meta').values({ key, value }).execute();
}

/** Replaces the value of an existing key (no row is written when the key is missing). */
export async function updateMeta(store: Store, key: string, value: string): Promise<void> {
  await store.db.updateTable('meta').set({ value }).where('key', '=', key).execute();
}
