import type { Store } from '../store/database.js';
import type { IntakeSessionTable } from '../store/schema.js';

/**
 * The `intake_sessions` rows behind history-taking links: one per link, found by the SHA-256 of
 * its secret, rewritten under an optimistic version check. The interview itself (state JSON,
 * red flags, triage) is the intake workflow's business; this module only stores it.
 */

export type IntakeSessionRow = IntakeSessionTable;

export async function insertIntakeSession(store: Store, row: IntakeSessionRow): Promise<void> {
  await store.db.insertInto('intake_sessions').values(row).execute();
}

/** The session whose link secret hashes to `tokenHash`. */
export async function findIntakeSessionByTokenHash(store: Store, tokenHash: string): Promise<IntakeSessionRow | undefined> {
  return store.db.selectFrom('intake_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findIntakeSession(store: Store, id: string): Promise<IntakeSessionRow | undefined> {
  return store.db.selectFrom('intake_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Writes `changes` only while the row is still at `expectedVersion`; false when another request
 * changed it first (or it is gone). The caller moves `version` on in `changes`.
 */
export async function updateIntakeSessionAtVersion(
  store: Store,
  id: string,
  expectedVersion: number,
  changes: Partial<IntakeSessionRow>,
): Promise<boolean> {
  const result = await store.db
    .updateTable('intake_sessions')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The patient's sessions, newest first, at most `limit`. */
export async function listIntakeSessionsForPatient(store: Store, patientId: string, limit: number): Promise<IntakeSessionRow[]> {
  return store.db
    .selectFrom('intake_sessions')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The patient's latest intake with answers a clinician can use — finished, or stopped early by a
 * red flag (`emergency`, its answers partial) — or the one named by `intakeId` if it is this
 * patient's and in one of those states.
 */
export async function findLatestAnsweredIntakeSession(
  store: Store,
  patientId: string,
  intakeId?: string,
): Promise<Pick<IntakeSessionRow, 'id' | 'state' | 'finished_at' | 'status'> | undefined> {
  let query = store.db
    .selectFrom('intake_sessions')
    .select(['id', 'state', 'finished_at', 'status'])
    .where('patient_id', '=', patientId)
    .where('status', 'in', ['finished', 'emergency']);
  if (intakeId) query = query.where('id', '=', intakeId);
  return query.orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
}
