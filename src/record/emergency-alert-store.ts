import type { Store } from '../store/database.js';
import type { AlertDeliveryTable, EmergencyAlertTable } from '../store/schema.js';

/**
 * The `emergency_alerts` worklist rows and their `alert_deliveries` webhook outbox. What an alert
 * means, who may see it and when a delivery is retried is the alerts workflow's business
 * (`src/workflows/alerts/`); this module only stores and finds rows. Pass a transaction's store
 * (`{ ...store, db: trx }`) to write an alert together with the red flag that raised it.
 */

export type EmergencyAlertRow = EmergencyAlertTable;
export type AlertDeliveryRow = AlertDeliveryTable;

export interface EmergencyAlertListing extends EmergencyAlertRow {
  patient_name: string | null;
  acknowledged_by_name: string | null;
}

export async function insertEmergencyAlert(store: Store, row: EmergencyAlertRow): Promise<void> {
  await store.db.insertInto('emergency_alerts').values(row).execute();
}

export async function insertAlertDelivery(store: Store, row: AlertDeliveryRow): Promise<void> {
  await store.db.insertInto('alert_deliveries').values(row).execute();
}

export async function findEmergencyAlert(store: Store, id: string): Promise<EmergencyAlertRow | undefined> {
  return store.db.selectFrom('emergency_alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

function listingQuery(store: Store) {
  return store.db
    .selectFrom('emergency_alerts as a')
    .leftJoin('patients as p', 'p.id', 'a.patient_id')
    .leftJoin('users as u', 'u.id', 'a.acknowledged_by')
    .selectAll('a')
    .select(['p.name_text as patient_name', 'u.display_name as acknowledged_by_name']);
}

export async function findEmergencyAlertListing(store: Store, id: string): Promise<EmergencyAlertListing | undefined> {
  return listingQuery(store).where('a.id', '=', id).executeTakeFirst();
}

/**
 * The worklist: unacknowledged alerts first (newest first), then — when asked — acknowledged ones
 * (most recently acknowledged first), with the patient's and the acknowledging user's names.
 */
export async function listEmergencyAlerts(
  store: Store,
  options: { includeAcknowledged: boolean; limit: number },
): Promise<EmergencyAlertListing[]> {
  const base = listingQuery(store);
  const open = await base
    .where('a.acknowledged_at', 'is', null)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(options.limit)
    .execute();
  if (!options.includeAcknowledged || open.length >= options.limit) return open;
  const done = await base
    .where('a.acknowledged_at', 'is not', null)
    .orderBy('a.acknowledged_at', 'desc')
    .orderBy('a.id')
    .limit(options.limit - open.length)
    .execute();
  return [...open, ...done];
}

/** How many alerts wait for acknowledgement, and when the newest of them was raised. */
export async function countOpenEmergencyAlerts(store: Store): Promise<{ open: number; latestAt: string | null }> {
  const row = await store.db
    .selectFrom('emergency_alerts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('latest')])
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { open: Number(row.n), latestAt: row.latest ?? null };
}

/** Marks the alert acknowledged unless someone did first; true when this call did it. */
export async function acknowledgeEmergencyAlert(store: Store, id: string, userId: string | null, at: string): Promise<boolean> {
  const result = await store.db
    .updateTable('emergency_alerts')
    .set({ acknowledged_at: at, acknowledged_by: userId })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Pending deliveries whose next attempt is due, oldest first. */
export async function listDueAlertDeliveries(store: Store, now: string, limit: number): Promise<AlertDeliveryRow[]> {
  return store.db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims a due delivery by moving its next attempt to `leaseUntil` — only if nobody moved it
 * first (another worker or replica): true when this call holds it.
 */
export async function claimAlertDelivery(store: Store, row: AlertDeliveryRow, leaseUntil: string): Promise<boolean> {
  const result = await store.db
    .updateTable('alert_deliveries')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateAlertDelivery(
  store: Store,
  id: string,
  changes: Pick<AlertDeliveryRow, 'attempts'> &
    Partial<Pick<AlertDeliveryRow, 'status' | 'next_attempt_at' | 'last_error' | 'delivered_at'>>,
): Promise<void> {
  await store.db.updateTable('alert_deliveries').set(changes).where('id', '=', id).execute();
}

export async function listAlertDeliveries(store: Store, alertId: string): Promise<AlertDeliveryRow[]> {
  return store.db.selectFrom('alert_deliveries').selectAll().where('alert_id', '=', alertId).orderBy('created_at').execute();
}
