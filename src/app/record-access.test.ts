import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditRows } from '../audit/audit-listing.js';
import { type AuditEntry, toAuditEntry } from '../audit/audit-log.js';
import { type Actor, operatorActor } from '../auth/actor.js';
import { importFhir } from '../record/fhir/import-fhir.js';
import { listPatientIdsByName } from '../record/patient-lookups.js';
import { isSuwenError } from '../shared/errors.js';
import { REPO_ROOT } from '../shared/repo-root.js';
import { createTestStore, type TestStore } from '../store/test-stores.js';
import { askAboutCase } from '../workflows/decision/ask-case.js';
import { findPatientCareGaps } from '../workflows/decision/care-gaps.js';
import { checkPatientMedications } from '../workflows/medication-review/patient-medication-check.js';
import { generateNote } from '../workflows/notes/generate-note.js';
import { CONSULTATION_EN } from '../workflows/notes/note-test-fixtures.js';
import type { Services } from './services.js';
import { createTestServices } from './testing/test-services.js';

/**
 * Workflows called directly — as a job worker does, with no HTTP in front — still pass the
 * record's access check and write the audit entries: the rule lives in the record layer, not in
 * the routes.
 */
const dialects = ['sqlite', ...(process.env.SUWEN_TEST_PG_URL ? (['postgres'] as const) : [])] as const;

function patientActor(patientId: string): Actor {
  return { userId: 'u-patient', role: 'patient', patientId, source: 'worker', requestId: 'req-patient', sourceIp: null };
}

describe.each(dialects)('record access for workflows called directly (%s)', (dialect) => {
  let store: TestStore;
  let services: Services;
  let own: string;
  let other: string;

  async function entries(): Promise<AuditEntry[]> {
    return (await listAuditRows(store, { limit: 1000 })).map(toAuditEntry);
  }
  async function refused(call: Promise<unknown>): Promise<void> {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isSuwenError(error) && error.code).toBe('FORBIDDEN');
  }

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await importFhir(store, [join(REPO_ROOT, 'data/demo/synthea-10'), join(REPO_ROOT, 'data/demo/observations')]);
    services = await createTestServices(store);
    [own = '', other = ''] = await listPatientIdsByName(store, 2);
  });
  afterAll(async () => {
    await services?.audit.flush();
    await store?.dispose();
  });

  it('audits a worker reading a chart and filing a note, under one correlation id', async () => {
    const worker = operatorActor('worker', 'notes-batch', 'job-42');
    const chart = JSON.parse(await services.access.chartJson(worker, own)) as { patient: { id: string } };
    expect(chart.patient.id).toBe(own);
    const note = await generateNote(services, { transcript: CONSULTATION_EN, patientId: own, mode: 'extractive', actor: worker });
    await services.audit.flush();
    const mine = (await entries()).filter((e) => e.requestId === 'job-42');
    expect(mine.map((e) => e.action).sort()).toEqual(['artifact.create', 'notes.generate', 'patient.read']);
    for (const entry of mine)
      expect(entry).toMatchObject({ actorId: 'worker:notes-batch', actorRole: 'worker', patientId: own, outcome: 'success' });
    expect(mine.find((e) => e.action === 'artifact.create')?.entityId).toBe(note.artifactId);
  });

  it('lets a patient actor read their own chart but no one else’s, through any workflow, and audits each refusal', async () => {
    const patient = patientActor(own);
    expect(JSON.parse(await services.access.chartJson(patient, own))).toHaveProperty('patient');
    const artifactsBefore = (await services.artifacts.list({ status: 'all', limit: 200, offset: 0 })).total;

    await refused(services.access.chartJson(patient, other));
    await refused(askAboutCase(services, { patientId: other, question: 'Which drugs interact?', language: 'en', actor: patient }));
    await refused(checkPatientMedications(services, { patientId: other, actor: patient }));
    await refused(findPatientCareGaps(services, { patientId: other, actor: patient }));
    await refused(generateNote(services, { transcript: CONSULTATION_EN, patientId: other, mode: 'extractive', actor: patient }));

    // Nothing was written about the other patient, and every attempt is in the log.
    expect((await services.artifacts.list({ status: 'all', limit: 200, offset: 0 })).total).toBe(artifactsBefore);
    await services.audit.flush();
    const denied = (await entries()).filter((e) => e.requestId === 'req-patient' && e.outcome === 'denied');
    expect(denied.map((e) => e.action).sort()).toEqual([
      'decision.ask',
      'decision.care-gaps',
      'medication.check',
      'notes.generate',
      'patient.read',
    ]);
    for (const entry of denied) expect(entry).toMatchObject({ patientId: other, actorRole: 'patient', actorId: 'u-patient' });
  });

  it('gives a researcher only the patients who opted in to research use, and refuses anyone else the cohort', async () => {
    const clinician: Actor = {
      userId: 'u-clinician',
      role: 'clinician',
      patientId: null,
      source: 'worker',
      requestId: null,
      sourceIp: null,
    };
    await services.access.updateConsent(clinician, other, { researchUse: true });
    const researcher: Actor = {
      userId: 'u-researcher',
      role: 'researcher',
      patientId: null,
      source: 'worker',
      requestId: 'req-cohort',
      sourceIp: null,
    };
    expect(await services.access.researchCohort(researcher, [own, other])).toEqual([other]);
    await refused(services.access.researchCohort(clinician, [own, other]));
    await services.audit.flush();
    expect((await entries()).find((e) => e.requestId === 'req-cohort')).toMatchObject({
      action: 'research.cohort',
      actorRole: 'researcher',
      details: { asked: 2, consenting: 1 },
    });
  });

  it('refuses researchers and educators a chart: they never see identified records', async () => {
    for (const role of ['researcher', 'educator', 'admin'] as const) {
      await refused(
        services.access.chart({ userId: `u-${role}`, role, patientId: null, source: 'worker', requestId: null, sourceIp: null }, own),
      );
    }
  });
});
