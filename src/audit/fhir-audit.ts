import type { Artifact } from './artifacts.js';
import type { AuditEntry } from './audit-log.js';

/**
 * FHIR R4 views of Suwen's trail: audit entries as AuditEvent, artifacts as Provenance.
 * Codes follow the R4 value sets (audit-event-type, audit-event-action, audit-event-outcome,
 * provenance-activity-type) so an external audit repository can ingest them.
 */

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const ACTION_CODE: Record<string, 'C' | 'R' | 'U' | 'D' | 'E'> = {
  read: 'R',
  list: 'R',
  search: 'R',
  export: 'R',
  create: 'C',
  import: 'C',
  add: 'C',
  review: 'U',
  update: 'U',
  delete: 'D',
};

function actionCodeOf(action: string): 'C' | 'R' | 'U' | 'D' | 'E' {
  const verb = action.split('.').at(-1) ?? '';
  return ACTION_CODE[verb] ?? 'E';
}

/** Outcome codes: 0 success, 4 minor failure (a denial), 8 serious failure. */
const OUTCOME_CODE: Record<string, string> = { success: '0', denied: '4', failure: '8' };

export function toFhirAuditEvent(entry: AuditEntry, actorName?: string | null): Record<string, unknown> {
  const isLogin = entry.action.startsWith('auth.');
  return {
    resourceType: 'AuditEvent',
    id: entry.id,
    type: isLogin
      ? { system: DCM, code: '110114', display: 'User Authentication' }
      : { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: 'urn:suwen:audit-action', code: entry.action }],
    action: actionCodeOf(entry.action),
    recorded: entry.at,
    outcome: OUTCOME_CODE[entry.outcome] ?? '8',
    agent: [
      {
        who: entry.actorId ? { reference: `Practitioner/${entry.actorId}`, display: actorName ?? undefined } : { display: 'system' },
        role: entry.actorRole ? [{ text: entry.actorRole }] : undefined,
        requestor: true,
        network: entry.sourceIp ? { address: entry.sourceIp, type: '2' } : undefined,
      },
    ],
    source: { observer: { display: 'Suwen' }, type: [{ system: DCM, code: '110150', display: 'Application' }] },
    entity: [
      ...(entry.patientId ? [{ what: { reference: `Patient/${entry.patientId}` }, type: { code: '1', display: 'Person' } }] : []),
      ...(entry.entityType && entry.entityId && entry.entityType !== 'patient'
        ? [{ what: { identifier: { system: `urn:suwen:${entry.entityType}`, value: entry.entityId } } }]
        : []),
      {
        what: { identifier: { system: 'urn:suwen:audit-chain', value: String(entry.seq) } },
        detail: [
          { type: 'hash', valueString: entry.hash },
          { type: 'prevHash', valueString: entry.prevHash },
          ...(entry.requestId ? [{ type: 'requestId', valueString: entry.requestId }] : []),
        ],
      },
    ],
  };
}

const ACTIVITY: Record<Artifact['status'], string> = {
  draft: 'CREATE',
  accepted: 'VERIFY',
  edited: 'UPDATE',
  rejected: 'NULLIFY',
};

export function toFhirProvenance(artifact: Artifact): Record<string, unknown> {
  const agents: unknown[] = [
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'assembler' }] },
      who: {
        display: artifact.model.id ? `model ${artifact.model.id}${artifact.model.version ? ` (${artifact.model.version})` : ''}` : 'Suwen',
      },
    },
  ];
  if (artifact.reviewer) {
    agents.push({
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'verifier' }] },
      who: { reference: `Practitioner/${artifact.reviewer.id}`, display: artifact.reviewer.displayName },
    });
  }
  return {
    resourceType: 'Provenance',
    id: artifact.id,
    target: [
      artifact.patientId
        ? { reference: `Patient/${artifact.patientId}` }
        : { identifier: { system: 'urn:suwen:artifact', value: artifact.id } },
    ],
    recorded: artifact.reviewedAt ?? artifact.createdAt,
    occurredDateTime: artifact.createdAt,
    activity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: ACTIVITY[artifact.status] }] },
    agent: agents,
    entity: [
      ...artifact.sources.map((s) => ({
        role: 'source',
        what: { display: `${s.type}: ${s.label || s.ref}`, identifier: { value: s.ref } },
      })),
      ...(artifact.prompt.id
        ? [
            {
              role: 'instantiates',
              what: { identifier: { system: 'urn:suwen:prompt', value: `${artifact.prompt.id}@${artifact.prompt.version ?? ''}` } },
            },
          ]
        : []),
      { role: 'derivation', what: { identifier: { system: 'urn:suwen:input-sha256', value: artifact.inputHash } } },
    ],
    extension: [
      { url: 'urn:suwen:artifact-kind', valueString: artifact.kind },
      { url: 'urn:suwen:review-status', valueCode: artifact.status },
      ...(artifact.latencyMs !== null ? [{ url: 'urn:suwen:latency-ms', valueDecimal: artifact.latencyMs }] : []),
    ],
  };
}
