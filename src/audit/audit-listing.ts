import type { Store } from '../store/database.js';
import type { AuditRow } from '../store/schema.js';

/** Reading the audit log back, newest first, for the admin pages and exports. */

export interface AuditListFilter {
  /** Entries before this sequence number (paging). */
  before?: number | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  patientId?: string | undefined;
  limit: number;
}

/** An audit row with the acting user's display name (null for the system, patients and deleted users). */
export type AuditRowWithActor = AuditRow & { actor_name: string | null };

/** The newest entries matching every given filter, newest first. */
export async function listAuditRows(store: Store, filter: AuditListFilter): Promise<AuditRowWithActor[]> {
  let query = store.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('users.display_name as actor_name');
  if (filter.before) query = query.where('audit_log.seq', '<', filter.before);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.patientId) query = query.where('audit_log.patient_id', '=', filter.patientId);
  return query.orderBy('audit_log.seq', 'desc').limit(filter.limit).execute();
}
