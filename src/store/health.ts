import type { Store } from './database.js';

/** Readiness: one cheap read that fails when the database does not answer. */
export async function pingDatabase(store: Store): Promise<void> {
  await store.db.selectFrom('meta').select('key').limit(1).execute();
}
