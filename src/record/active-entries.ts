import type { Store } from '../store/database.js';

/** The patient's active problems and medication orders as rows with their ids, for summaries that cite them. */

/** Active conditions (clinical status `active`), at most `limit`, in no particular order. */
export async function listActiveConditionRows(store: Store, patientId: string, limit: number): Promise<{ id: string; display: string }[]> {
  return store.db
    .selectFrom('conditions')
    .select(['id', 'display'])
    .where('patient_id', '=', patientId)
    .where('clinical_status', '=', 'active')
    .limit(limit)
    .execute();
}

/** Active medication orders, the most recently authored first, at most `limit`. */
export async function listActiveMedicationOrders(
  store: Store,
  patientId: string,
  limit: number,
): Promise<{ id: string; display: string; status: string; authored_at: string | null }[]> {
  return store.db
    .selectFrom('medications')
    .select(['id', 'display', 'status', 'authored_at'])
    .where('patient_id', '=', patientId)
    .where('status', '=', 'active')
    .orderBy('authored_at', 'desc')
    .limit(limit)
    .execute();
}
