import { createHmac } from 'node:crypto';
import { auditEvent } from '../../audit/audit-actions.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import { RED_FLAG_RULES } from '../../engines/red-flags/index.js';
import type { Bilingual } from '../../knowledge/index.js';
import {
  acknowledgeEmergencyAlert,
  countOpenEmergencyAlerts,
  type EmergencyAlertListing,
  type EmergencyAlertRow,
  findEmergencyAlert,
  findEmergencyAlertListing,
  insertAlertDelivery,
  insertEmergencyAlert,
  listEmergencyAlerts,
} from '../../record/emergency-alert-store.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Store } from '../../store/database.js';

/**
 * The emergency worklist: every red flag (an intake stopped for an emergency, an artifact carrying
 * a red-flag finding) becomes an alert pinned at the top of the clinicians' inbox until one of
 * them acknowledges it, and — when a paging webhook is configured — a delivery in the outbox,
 * written in the same transaction as the red flag so it cannot be lost (see webhook-dispatcher.ts).
 */

export type AlertKind = 'intake-red-flag' | 'artifact-red-flag';

/** What the server's configuration says about alerts (the `alerts` section). */
export interface AlertSettings {
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  patientRef: 'pseudonym' | 'id';
  linkBaseUrl?: string | undefined;
}

export interface RaiseAlertInput {
  kind: AlertKind;
  patientId: string | null;
  intakeId?: string | null;
  artifactId?: string | null;
  /** Red-flag rule ids. */
  rules: string[];
  triage?: string | null;
  at: string;
}

/** The JSON the paging webhook receives: no names, no patient text. */
export interface AlertPayload {
  type: 'suwen.emergency';
  alertId: string;
  kind: AlertKind;
  intakeId: string | null;
  artifactId: string | null;
  /** The patient as configured: a pseudonym (HMAC of the record id) or the record id. */
  patientRef: string | null;
  patientRefKind: 'pseudonym' | 'id';
  rules: string[];
  triage: string | null;
  createdAt: string;
  /** Where a clinician opens it in Suwen. */
  link: string;
}

/** One row of the worklist, as the API returns it. */
export interface EmergencyAlert {
  id: string;
  kind: AlertKind;
  patientId: string | null;
  patientName: string | null;
  intakeId: string | null;
  artifactId: string | null;
  /** Red-flag rule ids. */
  rules: string[];
  /** The rules' names in both languages (the id itself for a rule Suwen does not know). */
  ruleLabels: Bilingual[];
  triage: string | null;
  createdAt: string;
  acknowledged: { at: string; by: { id: string | null; displayName: string | null } } | null;
}

export interface EmergencyWorklist {
  items: EmergencyAlert[];
  open: number;
}

/**
 * A stable pseudonym for the patient that the paging system can match across alerts without
 * learning the record id: HMAC-SHA256 keyed by the webhook secret (the config refuses a webhook
 * with pseudonyms but no secret).
 */
export function patientPseudonym(patientId: string, secret: string): string {
  return `P-${createHmac('sha256', secret).update(patientId).digest('hex').slice(0, 20)}`;
}

export function alertPayload(alert: EmergencyAlertRow, settings: AlertSettings): AlertPayload {
  const base = (settings.linkBaseUrl ?? '').replace(/\/+$/, '');
  const path = alert.artifact_id ? `/inbox/${encodeURIComponent(alert.artifact_id)}` : '/inbox';
  const patientRef = alert.patient_id
    ? settings.patientRef === 'id'
      ? alert.patient_id
      : settings.webhookSecret
        ? patientPseudonym(alert.patient_id, settings.webhookSecret)
        : null
    : null;
  return {
    type: 'suwen.emergency',
    alertId: alert.id,
    kind: alert.kind as AlertKind,
    intakeId: alert.intake_id,
    artifactId: alert.artifact_id,
    patientRef,
    patientRefKind: settings.patientRef,
    rules: JSON.parse(alert.rules) as string[],
    triage: alert.triage,
    createdAt: alert.created_at,
    link: `${base}/#${path}`,
  };
}

/**
 * Writes the alert and, when a webhook is configured, its outbox delivery. Call it with the store
 * of the transaction that records the red flag (`{ ...store, db: trx }`), so both commit or neither.
 */
export async function raiseEmergencyAlert(store: Store, settings: AlertSettings, input: RaiseAlertInput): Promise<EmergencyAlertRow> {
  const alert: EmergencyAlertRow = {
    id: newId(),
    kind: input.kind,
    patient_id: input.patientId,
    intake_id: input.intakeId ?? null,
    artifact_id: input.artifactId ?? null,
    rules: JSON.stringify(input.rules),
    triage: input.triage ?? null,
    created_at: input.at,
    acknowledged_at: null,
    acknowledged_by: null,
  };
  await insertEmergencyAlert(store, alert);
  if (settings.webhookUrl) {
    await insertAlertDelivery(store, {
      id: newId(),
      alert_id: alert.id,
      target: settings.webhookUrl,
      payload: JSON.stringify(alertPayload(alert, settings)),
      status: 'pending',
      attempts: 0,
      next_attempt_at: input.at,
      last_error: null,
      created_at: input.at,
      delivered_at: null,
    });
  }
  return alert;
}

export interface EmergencyAlertDeps {
  store: Store;
  audit: AuditLog;
  access: PatientAccess;
}

const RULE_LABELS = new Map<string, Bilingual>(RED_FLAG_RULES.map((rule) => [rule.id, rule.label]));

function alertOf(row: EmergencyAlertListing): EmergencyAlert {
  const rules = JSON.parse(row.rules) as string[];
  return {
    id: row.id,
    kind: row.kind as AlertKind,
    patientId: row.patient_id,
    patientName: row.patient_name,
    intakeId: row.intake_id,
    artifactId: row.artifact_id,
    rules,
    ruleLabels: rules.map((id) => RULE_LABELS.get(id) ?? { en: id, zh: id }),
    triage: row.triage,
    createdAt: row.created_at,
    acknowledged: row.acknowledged_at
      ? { at: row.acknowledged_at, by: { id: row.acknowledged_by, displayName: row.acknowledged_by_name } }
      : null,
  };
}

/** Only clinicians (and operators) see the worklist: it names patients across the record. */
function assertClinician(actor: Actor): void {
  if (actor.role !== 'clinician' && actor.role !== 'operator') {
    throw new SuwenError('FORBIDDEN', 'The emergency worklist is for clinicians', { params: { reason: 'alert.read' } });
  }
}

/** The worklist, unacknowledged alerts first (newest first); the listing is audited with counts. */
export async function listEmergencyWorklist(
  deps: EmergencyAlertDeps,
  input: { actor: Actor; includeAcknowledged: boolean; limit: number },
): Promise<EmergencyWorklist> {
  assertClinician(input.actor);
  const rows = await listEmergencyAlerts(deps.store, { includeAcknowledged: input.includeAcknowledged, limit: input.limit });
  const { open } = await countOpenEmergencyAlerts(deps.store);
  await deps.audit.append(auditEvent(input.actor, 'alert.list', { entityType: 'alert', details: { returned: rows.length, open } }));
  return { items: rows.map(alertOf), open };
}

/** The header badge's figure: how many alerts wait, and the newest one's time (no patient data). */
export async function countEmergencies(deps: Pick<EmergencyAlertDeps, 'store'>, input: { actor: Actor }) {
  assertClinician(input.actor);
  return countOpenEmergencyAlerts(deps.store);
}

/**
 * A clinician acknowledges an alert: who and when are stored on the alert and in the audit log.
 * Acknowledging one already acknowledged is refused (409) and leaves the first acknowledgement.
 */
export async function acknowledgeEmergency(
  deps: EmergencyAlertDeps,
  input: { actor: Actor; id: string; now?: Date },
): Promise<EmergencyAlert> {
  assertClinician(input.actor);
  const alert = await findEmergencyAlert(deps.store, input.id);
  if (!alert) throw notFound('alert');
  const already = () => new SuwenError('CONFLICT', 'Alert already acknowledged', { params: { reason: 'acknowledged' } });
  if (alert.acknowledged_at) throw already();
  if (alert.patient_id) await deps.access.check(input.actor, alert.patient_id, 'alert.acknowledge', { type: 'alert', id: alert.id });
  else await deps.audit.append(auditEvent(input.actor, 'alert.acknowledge', { entityType: 'alert', entityId: alert.id }));
  const at = (input.now ?? new Date()).toISOString();
  const done = await acknowledgeEmergencyAlert(deps.store, alert.id, input.actor.userId, at);
  if (!done) throw already();
  const row = await findEmergencyAlertListing(deps.store, alert.id);
  if (!row) throw notFound('alert');
  return alertOf(row);
}
