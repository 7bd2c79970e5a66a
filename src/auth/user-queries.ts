import type { Store } from '../store/database.js';
import type { UserRow } from '../store/schema.js';

/** Reads of the users table for administration (the CLI and the admin pages); no password hashes. */

export type UserListRow = Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'patient_id' | 'disabled' | 'created_at'>;

/** Every user, by username. */
export async function listUsers(store: Store): Promise<UserListRow[]> {
  return store.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'patient_id', 'disabled', 'created_at'])
    .orderBy('username')
    .execute();
}

/** The id of the user with this username, or null when there is none. */
export async function findUserIdByUsername(store: Store, username: string): Promise<string | null> {
  const row = await store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row?.id ?? null;
}

/** How many accounts exist (disabled ones included). */
export async function countUsers(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
