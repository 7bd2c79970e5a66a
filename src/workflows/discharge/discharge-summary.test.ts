import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices } from '../../app/testing/test-services.js';
import { operatorActor } from '../../auth/actor.js';
import { importFhir } from '../../record/fhir/import-fhir.js';
import { REPO_ROOT } from '../../shared/repo-root.js';
import { createTestStore, type TestStore } from '../../store/test-stores.js';
import { generateDischargeSummary } from './discharge-summary.js';
import { loadStay } from './load-stay.js';
import { RENEWAL_WINDOW_DAYS, reconcileMedications } from './medication-reconciliation.js';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const PATIENT = 'fixture-patient';
const STAY = 'fixture-stay';

function medicationRequest(id: string, code: string, name: string, authoredOn: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'stopped',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: RX, code, display: name }], text: name },
    subject: { reference: `Patient/${PATIENT}` },
    authoredOn,
    ...extra,
  };
}
const dose = (text: string) => ({ dosageInstruction: [{ text }] });
const encounter = (id: string, cls: string, start: string, end: string) => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls },
  subject: { reference: `Patient/${PATIENT}` },
  period: { start, end },
});

/**
 * A stay from 2024-03-01 08:00 to 2024-03-05 12:00 with one drug in each reconciliation class:
 * metoprolol continued (renewal bridges the stay), lisinopril changed (10 → 20 mg at discharge),
 * aspirin stopped (validity ends mid-stay), apixaban started (discharge prescription), heparin
 * inpatient only; a cancelled order and a renewal beyond the window count for nothing.
 */
const FIXTURE = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resourceType: 'Patient', id: PATIENT, name: [{ family: 'Fixture', given: ['Paula'] }], gender: 'female', birthDate: '1950-05-05' },
    encounter('amb-1', 'AMB', '2024-01-10T09:00:00Z', '2024-01-10T09:30:00Z'),
    {
      ...encounter(STAY, 'IMP', '2024-03-01T08:00:00Z', '2024-03-05T12:00:00Z'),
      reasonCode: [{ text: 'Community-acquired pneumonia' }],
    },
    medicationRequest('metoprolol-1', '866924', 'metoprolol tartrate 25 MG Oral Tablet', '2024-01-10T09:10:00Z', dose('25 mg twice daily')),
    medicationRequest('metoprolol-2', '866924', 'metoprolol tartrate 25 MG Oral Tablet', '2024-04-10T09:10:00Z', dose('25 mg twice daily')),
    medicationRequest('lisinopril-1', '314076', 'lisinopril 10 MG Oral Tablet', '2023-12-01T10:00:00Z', {
      status: 'active',
      ...dose('10 mg daily'),
    }),
    medicationRequest('lisinopril-2', '314076', 'lisinopril 10 MG Oral Tablet', '2024-03-05T12:00:00Z', {
      encounter: { reference: `Encounter/${STAY}` },
      ...dose('20 mg daily'),
    }),
    medicationRequest('aspirin-1', '243670', 'aspirin 81 MG Oral Tablet', '2024-02-01T10:00:00Z', {
      dispenseRequest: { validityPeriod: { start: '2024-02-01', end: '2024-03-03T00:00:00Z' } },
      ...dose('81 mg daily'),
    }),
    medicationRequest('apixaban-1', '1364435', 'apixaban 5 MG Oral Tablet', '2024-03-05T10:00:00Z', {
      status: 'active',
      encounter: { reference: `Encounter/${STAY}` },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: 'discharge' }] }],
      ...dose('5 mg twice daily'),
    }),
    medicationRequest('heparin-1', '1361615', 'heparin 5000 UNT/ML Injectable Solution', '2024-03-01T09:00:00Z', {
      encounter: { reference: `Encounter/${STAY}` },
    }),
    medicationRequest('heparin-2', '1361615', 'heparin 5000 UNT/ML Injectable Solution', '2024-03-02T09:00:00Z', {
      encounter: { reference: `Encounter/${STAY}` },
    }),
    medicationRequest('warfarin-1', '855332', 'warfarin 5 MG Oral Tablet', '2024-02-20T10:00:00Z', { status: 'cancelled' }),
    medicationRequest('statin-1', '200345', 'simvastatin 20 MG Oral Tablet', '2022-01-01T10:00:00Z'),
    medicationRequest('statin-2', '200345', 'simvastatin 20 MG Oral Tablet', '2024-06-01T10:00:00Z'),
  ].map((resource) => ({ resource })),
};

describe('medication reconciliation of a fixture stay', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'suwen-discharge-'));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(FIXTURE));
    await importFhir(store, [join(dir, 'bundle.json')]);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('classifies each drug exactly as the fixture was written: started, stopped, changed, continued, inpatient only', async () => {
    const result = await generateDischargeSummary(await createTestServices(store), {
      patientId: PATIENT,
      encounterId: STAY,
      language: 'en',
      actor: operatorActor('worker', 'test'),
    });
    const reconciliation = result.document.extras?.reconciliation as ReturnType<typeof reconcileMedications>;
    const byStatus = Object.fromEntries(
      ['started', 'stopped', 'changed', 'continued'].map((status) => [
        status,
        reconciliation.rows.filter((row) => row.status === status).map((row) => row.recordIds.join('+')),
      ]),
    );
    expect(byStatus).toEqual({
      started: ['apixaban-1'],
      stopped: ['aspirin-1'],
      changed: ['lisinopril-1+lisinopril-2'],
      continued: ['metoprolol-1'],
    });
    expect(reconciliation.inpatient.map((m) => [m.orderIds.sort(), m.onDischargeList])).toEqual([[['heparin-1', 'heparin-2'], false]]);
    const section = result.document.sections.find((s) => s.key === 'medication_reconciliation');
    expect(section?.sentences.map((s) => s.text)).toContain('Changed: lisinopril 10 MG Oral Tablet (10 mg daily → 20 mg daily)');
    // Every computed sentence cites a record fact whose rows exist.
    const facts = result.document.extras?.facts as { id: string; recordIds: string[] }[];
    for (const sentence of section?.sentences ?? []) {
      expect(sentence.support.status).toBe('computed');
      expect(facts.find((fact) => fact.id === sentence.support.sourceIds[0])?.recordIds.length).toBeGreaterThan(0);
    }
    const hospitalCourse = result.document.sections.find((s) => s.key === 'hospital_course');
    expect(hospitalCourse?.placeholder).toBe(true);
    expect(result.document.method).toBe('computed');
  });

  it('refuses an encounter that is not an inpatient stay and one that is unknown', async () => {
    await expect(loadStay(store, PATIENT, 'amb-1')).rejects.toMatchObject({ code: 'ENCOUNTER_NOT_INPATIENT' });
    await expect(loadStay(store, PATIENT, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

/** Admission or discharge list at time t, straight from SQL over the demo data (rule in medication-reconciliation.ts). */
async function listAtBySql(store: TestStore, patientId: string, t: string): Promise<Map<string, { id: string; dose: string }>> {
  const { rows } = await sql<{ drug: string; id: string; dose: string | null }>`
    with home as (
      select m.id, m.code_system || '|' || m.code as drug, m.status, m.authored_at as a, m.dosage_text as dose
      from medications m left join encounters e on e.id = m.encounter_id and e.class_code in ('IMP', 'ACUTE', 'NONAC')
      where m.patient_id = ${patientId} and m.authored_at is not null and m.status not in ('cancelled', 'entered-in-error', 'draft')
        and not (e.id is not null and (e.period_end is null or m.authored_at < e.period_end))
    ),
    latest as (
      select h.*, row_number() over (partition by drug order by a desc, id desc) as n from home h where a <= ${t}
    )
    select l.drug, l.id, l.dose from latest l
    where l.n = 1 and (
      l.status in ('active', 'on-hold') or l.a = ${t}
      or exists (select 1 from home r where r.drug = l.drug and r.a >= ${t} and r.a > l.a and julianday(r.a) - julianday(l.a) <= ${RENEWAL_WINDOW_DAYS})
    )`.execute(store.db);
  return new Map(rows.map((row) => [row.drug, { id: row.id, dose: (row.dose ?? '').trim().toLowerCase() }]));
}

describe('medication reconciliation over the demo data', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    await importFhir(store, [join(REPO_ROOT, 'data/demo/synthea-10'), join(REPO_ROOT, 'data/demo/observations')]);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('matches an independent SQL computation for every inpatient stay', async () => {
    // The SQL relies on what the demo data holds: coded drugs, no inpatient/discharge categories, no end dates.
    const resources = await store.db.selectFrom('medications').select(['code', 'resource']).execute();
    expect(resources.every((r) => r.code && !/"(inpatient|discharge)"|validityPeriod|effectivePeriod/.test(r.resource))).toBe(true);
    const stays = await store.db
      .selectFrom('encounters')
      .select(['id', 'patient_id', 'period_start', 'period_end'])
      .where('class_code', '=', 'IMP')
      .execute();
    expect(stays).toHaveLength(49);
    let nonEmpty = 0;
    for (const stay of stays) {
      const record = await loadStay(store, stay.patient_id, stay.id);
      const computed = reconcileMedications(
        record.orders,
        { encounterId: stay.id, start: record.encounter.start, end: record.encounter.end },
        record.inpatientEncounterEnds,
      );
      const admission = await listAtBySql(store, stay.patient_id, stay.period_start as string);
      const discharge = await listAtBySql(store, stay.patient_id, stay.period_end as string);
      const expected = new Map<string, string>();
      for (const drug of new Set([...admission.keys(), ...discharge.keys()])) {
        const before = admission.get(drug);
        const after = discharge.get(drug);
        expected.set(drug, !after ? 'stopped' : !before ? 'started' : before.dose === after.dose ? 'continued' : 'changed');
      }
      expect(new Map(computed.rows.map((row) => [row.drugKey, row.status])), stay.id).toEqual(expected);
      expect(computed.admission.map((m) => m.orderId).sort()).toEqual([...admission.values()].map((v) => v.id).sort());
      expect(computed.discharge.map((m) => m.orderId).sort()).toEqual([...discharge.values()].map((v) => v.id).sort());
      if (computed.rows.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it('reconciles the kidney-transplant stay as read by hand from the record', async () => {
    const record = await loadStay(store, '79a66c97-6131-3213-f3c9-4606946ab056', '78cbcee4-5c37-aa56-ac25-1b9244646fb2');
    const { rows, inpatient } = reconcileMedications(
      record.orders,
      { encounterId: record.encounter.id, start: record.encounter.start, end: record.encounter.end },
      record.inpatientEncounterEnds,
    );
    expect(rows.map((row) => `${row.status}: ${row.display}`)).toEqual([
      'started: 24 HR tacrolimus 1 MG Extended Release Oral Tablet',
      'continued: 1 ML Epoetin Alfa 4000 UNT/ML Injection [Epogen]',
      'continued: 24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet',
      'continued: insulin isophane, human 70 UNT/ML / insulin, regular, human 30 UNT/ML Injectable Suspension [Humulin]',
      'continued: lisinopril 10 MG Oral Tablet',
    ]);
    expect(inpatient.map((m) => [m.display, m.orderIds.length])).toEqual([['1 ML tacrolimus 5 MG/ML Injection', 13]]);
  });
});

describe('past conditions are past history, not diagnoses (issue 23 item 7)', () => {
  const P = 'history-patient';
  const S = 'history-stay';
  const condition = (id: string, display: string, code: string, extra: Record<string, unknown>) => ({
    resourceType: 'Condition',
    id,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
    code: { coding: [{ system: 'http://snomed.info/sct', code, display }], text: display },
    subject: { reference: `Patient/${P}` },
    ...extra,
  });
  const status = (code: string) => ({
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code }] },
  });
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resourceType: 'Patient', id: P, name: [{ family: 'History', given: ['Hana'] }], gender: 'female', birthDate: '1980-02-02' },
        {
          resourceType: 'Encounter',
          id: S,
          status: 'finished',
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
          subject: { reference: `Patient/${P}` },
          period: { start: '2024-05-01T08:00:00Z', end: '2024-05-04T12:00:00Z' },
        },
        // As the Synthea demo data records it: clinicalStatus still active, no abatement, 11 years before the stay.
        condition('miscarriage', 'Miscarriage in first trimester', '19169002', { onsetDateTime: '2013-03-10T10:00:00Z' }),
        condition('sinusitis', 'Acute viral sinusitis (disorder)', '444814009', {
          ...status('resolved'),
          onsetDateTime: '2023-01-05T10:00:00Z',
        }),
        condition('otitis', 'Otitis media (disorder)', '65363002', { ...status('inactive'), onsetDateTime: '2019-06-01T10:00:00Z' }),
        condition('fracture', 'Fracture of forearm (disorder)', '65966004', {
          onsetDateTime: '2020-02-01T10:00:00Z',
          abatementDateTime: '2020-04-01T10:00:00Z',
        }),
        condition('sepsis', 'Sepsis (disorder)', '91302008', { onsetDateTime: '1995-09-04T10:00:00Z' }),
        condition('hypertension', 'Essential hypertension (disorder)', '59621000', { onsetDateTime: '2015-01-01T10:00:00Z' }),
        condition('ckd', 'Chronic kidney disease stage 3 (disorder)', '433144002', { onsetDateTime: '2016-01-01T10:00:00Z' }),
        condition('pneumonia', 'Pneumonia (disorder)', '233604007', {
          onsetDateTime: '2024-05-01T09:00:00Z',
          encounter: { reference: `Encounter/${S}` },
        }),
      ].map((resource) => ({ resource })),
    };
    const dir = mkdtempSync(join(tmpdir(), 'suwen-discharge-history-'));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle));
    await importFhir(store, [join(dir, 'bundle.json')]);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('lists an 11-year-old miscarriage and resolved or inactive conditions under past history, in both languages', async () => {
    const services = await createTestServices(store);
    for (const language of ['en', 'zh'] as const) {
      const { document } = await generateDischargeSummary(services, {
        patientId: P,
        encounterId: S,
        language,
        actor: operatorActor('worker', 'test'),
      });
      const section = (key: string) => (document.sections.find((s) => s.key === key)?.sentences ?? []).map((s) => s.text).join('\n');
      const active = `${section('admission_diagnoses')}\n${section('discharge_diagnoses')}`;
      for (const past of ['Miscarriage', 'sinusitis', 'Otitis', 'Fracture', 'Sepsis'])
        expect(active, `${language}: ${past}`).not.toContain(past);
      expect(active).toContain('Essential hypertension');
      expect(active).toContain('Chronic kidney disease');
      expect(section('discharge_diagnoses')).toContain('Pneumonia');
      const history = section('past_history');
      for (const past of ['Miscarriage in first trimester', 'Acute viral sinusitis', 'Otitis media', 'Fracture of forearm', 'Sepsis'])
        expect(history, `${language}: ${past}`).toContain(past);
      expect(history).toContain('2013-03-10');
      expect(document.sections.find((s) => s.key === 'past_history')?.title).toBe(language === 'zh' ? '既往史' : 'Past history');
    }
  });
});
