import { type Actor, auditRoleOf } from '../auth/actor.js';

/**
 * Every action the audit log records, one list. A new workflow adds its actions here (the type
 * then refuses a misspelt one anywhere), and `auditEvent` is the one way to build an entry for an
 * actor.
 */
export const AUDIT_ACTIONS = [
  // record reads (the record layer writes these: src/record/patient-access.ts)
  'patient.search',
  'patient.read',
  'patient.export',
  'observation.read',
  'encounter.list',
  'document.list',
  'document.read',
  'consent.read',
  'consent.update',
  'record.import',
  'research.cohort',
  // workflows over one patient's record
  'decision.ask',
  'decision.differential',
  'decision.treatments',
  'decision.care-gaps',
  'medication.check',
  'labs.interpret',
  'notes.generate',
  'discharge.summary',
  'intake.create',
  'intake.list',
  'intake.read',
  'intake.answer',
  'intake.red_flag',
  'intake.finish',
  // the emergency worklist (src/workflows/alerts/)
  'alert.list',
  'alert.acknowledge',
  // AI artifacts
  'artifact.create',
  'artifact.read',
  'artifact.review',
  'artifact.export',
  // model and tools
  'model.call',
  'deid.run',
  'cds.hook',
  'cds.feedback',
  // accounts and administration
  'auth.login',
  'auth.logout',
  'token.create',
  'user.create',
  'audit.read',
  'access.denied',
  'system.start',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** One entry as callers hand it to `AuditLog.append` (the log adds sequence, time and hashes). */
export interface AuditEntryInput {
  actorId?: string | null;
  actorRole?: string | null;
  action: AuditAction;
  entityType?: string | null;
  entityId?: string | null;
  patientId?: string | null;
  outcome?: AuditOutcome;
  sourceIp?: string | null;
  requestId?: string | null;
  /** Small structured facts (counts, codes). Never patient text. */
  details?: Record<string, unknown>;
}

/** What an entry is about: an entity, the patient it concerns, and small structured facts. */
export interface AuditTarget {
  entityType?: string | null;
  entityId?: string | null;
  patientId?: string | null;
  outcome?: AuditOutcome;
  /** Counts and codes only — never patient text. */
  details?: Record<string, unknown>;
}

/** The one builder of audit entries made on behalf of an actor. */
export function auditEvent(actor: Actor, action: AuditAction, target: AuditTarget = {}): AuditEntryInput {
  return {
    actorId: actor.userId,
    actorRole: auditRoleOf(actor),
    action,
    entityType: target.entityType ?? null,
    entityId: target.entityId ?? null,
    patientId: target.patientId ?? null,
    outcome: target.outcome ?? 'success',
    sourceIp: actor.sourceIp,
    requestId: actor.requestId,
    ...(target.details ? { details: target.details } : {}),
  };
}
