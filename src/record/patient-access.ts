import { type AuditAction, auditEvent } from '../audit/audit-actions.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { notFound, SuwenError } from '../shared/errors.js';
import type { Store } from '../store/database.js';
import type { ChartCache } from './chart-cache.js';
import { type ConsentChange, filterResearchConsenting, getConsent, type PatientConsent, updateConsent } from './consent.js';
import { exportPatientBundle, type FhirBundle } from './fhir/export-fhir.js';
import { getDocument, getObservationSeries, getPatientChart, listDocuments, listEncounters, type PatientChart } from './patient-chart.js';
import { patientExists } from './patient-lookups.js';
import { listPatients } from './patient-queries.js';

/**
 * The one door to a patient's record. Every read and change made on behalf of an actor — from an
 * HTTP route, the CLI, a job worker or a CDS Hooks call — passes the access check here and leaves
 * its audit entry here, before any data is returned; a refused read is audited too. Workflows call
 * `check` (or a read below) with the action they perform; entry points never re-implement either.
 */

/** Which record a caller may read, by role. Operators (CLI, worker) hold the database already. */
export function mayReadPatient(actor: Actor, patientId: string): boolean {
  switch (actor.role) {
    case 'operator':
    case 'clinician':
      return true;
    case 'patient':
      return actor.patientId !== null && actor.patientId === patientId;
    // Researchers see only de-identified, consenting data (never a chart); educators and
    // administrators work without patient records.
    case 'researcher':
    case 'educator':
    case 'admin':
    case 'anonymous':
      return false;
  }
}

/** What an entry is about when it is not the patient as a whole (a document, an encounter…). */
export interface RecordEntity {
  type: string;
  id: string;
}

export interface PatientAccessDeps {
  store: Store;
  audit: AuditLog;
  /** Serialised charts by record version; null reads the chart every time. */
  chartCache?: ChartCache | null;
}

export class PatientAccess {
  constructor(private readonly deps: PatientAccessDeps) {}

  /**
   * Checks that the actor may read this patient's record and audits the attempt (awaited: no read
   * goes unaudited). Throws FORBIDDEN when refused.
   */
  async check(actor: Actor, patientId: string, action: AuditAction, entity?: RecordEntity): Promise<void> {
    const allowed = mayReadPatient(actor, patientId);
    await this.deps.audit.append(
      auditEvent(actor, action, {
        entityType: entity?.type ?? 'patient',
        entityId: entity?.id ?? patientId,
        patientId,
        outcome: allowed ? 'success' : 'denied',
      }),
    );
    if (!allowed) throw new SuwenError('FORBIDDEN', 'Not this patient’s record', { params: { reason: 'own record only' } });
  }

  /**
   * For callers that may name a patient Suwen does not hold (a CDS Hooks client sends the EHR's
   * id): false, without an entry, when there is no such record — an outside id is not ours to
   * log; otherwise the ordinary check and audit, then true.
   */
  async checkIfPresent(actor: Actor, patientId: string, action: AuditAction): Promise<boolean> {
    if (!(await patientExists(this.deps.store, patientId))) return false;
    await this.check(actor, patientId, action);
    return true;
  }

  /**
   * Audits a change a workflow made (an artifact stored, a record imported). The access check for
   * the record was made by `check` before the work began.
   */
  async recordChange(
    actor: Actor,
    action: AuditAction,
    target: { entityType: string; entityId: string; patientId: string | null; details?: Record<string, unknown> },
  ): Promise<void> {
    await this.deps.audit.append(auditEvent(actor, action, target));
  }

  /** The patient list (clinicians and operators); audited with counts only — the query may be a name. */
  async searchPatients(actor: Actor, query: { q?: string | undefined; limit: number; offset: number }) {
    if (actor.role !== 'clinician' && actor.role !== 'operator') {
      await this.deps.audit.append(auditEvent(actor, 'patient.search', { entityType: 'patient', outcome: 'denied' }));
      throw new SuwenError('FORBIDDEN', 'Missing permission patient.list', { params: { reason: 'patient.list' } });
    }
    const result = await listPatients(this.deps.store, query);
    await this.deps.audit.append(
      auditEvent(actor, 'patient.search', {
        entityType: 'patient',
        details: { returned: result.items.length, hasQuery: Boolean(query.q) },
      }),
    );
    return result;
  }

  /** The chart as JSON text (served from the cache when the record has not moved). */
  async chartJson(actor: Actor, patientId: string): Promise<string> {
    await this.check(actor, patientId, 'patient.read');
    const cache = this.deps.chartCache;
    let json: string | null;
    if (cache) json = await cache.getJson(patientId);
    else {
      const chart = await getPatientChart(this.deps.store, patientId);
      json = chart ? JSON.stringify(chart) : null;
    }
    if (json === null) throw notFound('patient');
    return json;
  }

  /** The chart for a workflow, audited under the workflow's own action. */
  async chart(actor: Actor, patientId: string, action: AuditAction = 'patient.read', entity?: RecordEntity): Promise<PatientChart> {
    await this.check(actor, patientId, action, entity);
    const chart = await getPatientChart(this.deps.store, patientId);
    if (!chart) throw notFound('patient');
    return chart;
  }

  async observations(actor: Actor, patientId: string, code: string) {
    await this.check(actor, patientId, 'observation.read', { type: 'observation', id: code });
    return getObservationSeries(this.deps.store, patientId, code);
  }

  async encounters(actor: Actor, patientId: string, limit: number, offset: number) {
    await this.check(actor, patientId, 'encounter.list', { type: 'encounter', id: '*' });
    return listEncounters(this.deps.store, patientId, limit, offset);
  }

  async documents(actor: Actor, patientId: string, limit: number, offset: number) {
    await this.check(actor, patientId, 'document.list', { type: 'document', id: '*' });
    return listDocuments(this.deps.store, patientId, limit, offset);
  }

  async document(actor: Actor, patientId: string, documentId: string) {
    await this.check(actor, patientId, 'document.read', { type: 'document', id: documentId });
    const doc = await getDocument(this.deps.store, patientId, documentId);
    if (!doc) throw notFound('patient');
    return doc;
  }

  async consent(actor: Actor, patientId: string): Promise<PatientConsent> {
    await this.check(actor, patientId, 'consent.read', { type: 'consent', id: patientId });
    return getConsent(this.deps.store, patientId);
  }

  /** Patients change their own consent, clinicians anyone's; the new flags are audited, the note is not. */
  async updateConsent(actor: Actor, patientId: string, change: ConsentChange): Promise<PatientConsent> {
    const target = { entityType: 'consent', entityId: patientId, patientId };
    if (!mayReadPatient(actor, patientId)) {
      await this.deps.audit.append(auditEvent(actor, 'consent.update', { ...target, outcome: 'denied' }));
      throw new SuwenError('FORBIDDEN', 'Not this patient’s record', { params: { reason: 'own record only' } });
    }
    const consent = await updateConsent(this.deps.store, patientId, change, { userId: actor.userId ?? '', role: actor.role });
    await this.deps.audit.append(
      auditEvent(actor, 'consent.update', { ...target, details: { aiAssistance: consent.aiAssistance, researchUse: consent.researchUse } }),
    );
    return consent;
  }

  /**
   * The patients whose data a research or evaluation job may use: those who opted in to research
   * use, in the order given. Researchers (and operators running such jobs) only — and never an
   * identified chart: what the job reads of these patients must leave through src/privacy.
   * Audited with counts, not ids.
   */
  async researchCohort(actor: Actor, patientIds: Iterable<string>): Promise<string[]> {
    const asked = [...new Set(patientIds)];
    if (actor.role !== 'researcher' && actor.role !== 'operator') {
      await this.deps.audit.append(
        auditEvent(actor, 'research.cohort', { entityType: 'patient', outcome: 'denied', details: { asked: asked.length } }),
      );
      throw new SuwenError('FORBIDDEN', 'Research data is for researchers', { params: { reason: 'researcher' } });
    }
    const consenting = await filterResearchConsenting(this.deps.store, asked);
    await this.deps.audit.append(
      auditEvent(actor, 'research.cohort', { entityType: 'patient', details: { asked: asked.length, consenting: consenting.length } }),
    );
    return consenting;
  }

  async exportBundle(actor: Actor, patientId: string): Promise<FhirBundle> {
    await this.check(actor, patientId, 'patient.export');
    const bundle = await exportPatientBundle(this.deps.store, patientId);
    if (!bundle) throw notFound('patient');
    return bundle;
  }
}
