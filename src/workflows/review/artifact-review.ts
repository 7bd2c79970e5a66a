import type { Artifact, ArtifactService, NewArtifact, ReviewDecision } from '../../audit/artifacts.js';
import { auditEvent } from '../../audit/audit-actions.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import { mayReadPatient, type PatientAccess } from '../../record/patient-access.js';
import { patientExists } from '../../record/patient-lookups.js';
import { notFound } from '../../shared/errors.js';
import type { Store } from '../../store/database.js';
import { raiseEmergencyAlert } from '../alerts/emergency-alerts.js';
import type { AlertDispatcher } from '../alerts/webhook-dispatcher.js';

/**
 * AI artifacts and their sign-off: reading one, recording one, and a clinician's review. Every
 * read and change is audited here, whoever calls; an artifact about a patient the actor may not
 * read is reported as not found (its existence is not confirmed).
 */

export interface ArtifactReviewDeps {
  store: Store;
  audit: AuditLog;
  artifacts: ArtifactService;
  access: PatientAccess;
  /** Emergency alerts: an artifact carrying a critical red-flag finding is pinned in the inbox. */
  alerts?: Pick<AlertDispatcher, 'settings' | 'notify'>;
}

/** One artifact for the inbox and the artifact page (clinicians and administrators). */
export async function readArtifact(deps: ArtifactReviewDeps, actor: Actor, id: string): Promise<Artifact> {
  const artifact = await deps.artifacts.get(id);
  if (!artifact) throw notFound('artifact');
  await deps.audit.append(
    auditEvent(actor, 'artifact.read', { entityType: 'artifact', entityId: artifact.id, patientId: artifact.patientId }),
  );
  return artifact;
}

/**
 * A stored clinical document (visit note, discharge summary) as a record read: one about a
 * patient passes the record's access check under `artifact.read`.
 */
export async function readDocumentArtifact(
  deps: ArtifactReviewDeps,
  actor: Actor,
  id: string,
  kinds: ReadonlySet<string>,
): Promise<Artifact> {
  const artifact = await deps.artifacts.get(id);
  if (!artifact || !kinds.has(artifact.kind)) throw notFound('artifact');
  if (artifact.patientId) {
    await deps.access.check(actor, artifact.patientId, 'artifact.read', { type: 'artifact', id: artifact.id });
  } else {
    await deps.audit.append(auditEvent(actor, 'artifact.read', { entityType: 'artifact', entityId: artifact.id }));
  }
  return artifact;
}

/** Records an AI output from a workflow or an external tool as a draft for review. */
export async function recordArtifact(deps: ArtifactReviewDeps, actor: Actor, input: NewArtifact): Promise<Artifact> {
  if (input.patientId && !(await patientExists(deps.store, input.patientId))) throw notFound('patient');
  const redFlags = (input.guardrails ?? []).filter((g) => g.severity === 'critical' && g.code.startsWith('red-flag:'));
  const alerts = redFlags.length > 0 ? deps.alerts : undefined;
  // The alert commits with the draft: a crash between the two must not leave an emergency unpinned.
  const artifact = await deps.artifacts.create(
    input,
    actor.userId,
    alerts &&
      (async (store, created) => {
        await raiseEmergencyAlert(store, alerts.settings, {
          kind: 'artifact-red-flag',
          patientId: input.patientId ?? null,
          artifactId: created.id,
          rules: redFlags.map((g) => g.code.slice('red-flag:'.length)),
          triage: 'emergency',
          at: created.createdAt,
        });
      }),
  );
  alerts?.notify();
  await deps.access.recordChange(actor, 'artifact.create', {
    entityType: 'artifact',
    entityId: artifact.id,
    patientId: artifact.patientId,
    details: { kind: artifact.kind, workflow: artifact.workflow, model: artifact.model.id },
  });
  return artifact;
}

/** A clinician accepts, edits or rejects a draft; the decision and edit distance are audited. */
export async function reviewArtifact(deps: ArtifactReviewDeps, actor: Actor, id: string, review: ReviewDecision): Promise<Artifact> {
  const before = await deps.artifacts.get(id);
  if (!before) throw notFound('artifact');
  if (before.patientId && !mayReadPatient(actor, before.patientId)) throw notFound('artifact');
  const artifact = await deps.artifacts.review(id, review, actor.userId ?? '');
  await deps.access.recordChange(actor, 'artifact.review', {
    entityType: 'artifact',
    entityId: artifact.id,
    patientId: artifact.patientId,
    details: { decision: review.decision, status: artifact.status, editDistance: artifact.editDistance },
  });
  return artifact;
}
