import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SuwenError } from '../../shared/errors.js';
import type { Store } from '../../store/database.js';
import { createTestStore, DIALECTS, type TestStore } from '../../store/test-stores.js';
import { exportNdjson, exportPatientBundle } from './export-fhir.js';
import { importFhir, StrictImportError } from './import-fhir.js';

const DEMO = fileURLToPath(new URL('../../../data/demo/', import.meta.url));
const DEMO_PATHS = [join(DEMO, 'synthea-10'), join(DEMO, 'observations')];
const TABLES = ['patients', 'encounters', 'conditions', 'medications', 'allergies', 'observations', 'procedures', 'documents'] as const;

/** Non-blank lines per resource type in the shipped demo files. */
function demoLineCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const dir of DEMO_PATHS) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ndjson'))) {
      const type = name.split('.')[0] ?? '';
      counts[type] =
        (counts[type] ?? 0) +
        readFileSync(join(dir, name), 'utf8')
          .split('\n')
          .filter((l) => l.trim()).length;
    }
  }
  return counts;
}

async function rowCounts(store: Store, patientId?: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    let query = store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
    if (patientId) query = query.where(table === 'patients' ? 'id' : 'patient_id', '=', patientId);
    counts[table] = Number((await query.executeTakeFirstOrThrow()).n);
  }
  return counts;
}

// Synthetic fixtures only.
const patient = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  id,
  identifier: [{ type: { coding: [{ code: 'MR' }] }, system: 'urn:test:mrn', value: `MRN-${id}` }],
  name: [{ use: 'official', family: 'Testperson', given: ['Alex'] }],
  gender: 'female',
  birthDate: '1970-01-01',
  ...extra,
});
const condition = (id: string, subject: string | undefined) => ({
  resourceType: 'Condition',
  id,
  code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }] },
  ...(subject ? { subject: { reference: subject } } : {}),
  onsetDateTime: '2020-02-03T04:05:06+08:00',
});
const ndjson = (...resources: unknown[]) => `${resources.map((r) => JSON.stringify(r)).join('\n')}\n`;

async function importError(promise: Promise<unknown>): Promise<SuwenError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SuwenError);
  return error as SuwenError;
}

describe.each(DIALECTS)('FHIR import and export on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  const fixture = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = mkdtempSync(join(tmpdir(), 'suwen-fhir-'));
  });
  afterAll(async () => {
    await store.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the demo set: one row per supported resource, other types skipped', async () => {
    const started = performance.now();
    const summary = await importFhir(store, DEMO_PATHS);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`demo import on ${dialect}: ${seconds.toFixed(2)} s\n`);

    const lines = demoLineCounts();
    expect(summary.rejected).toEqual([]);
    expect(summary.updated).toEqual({});
    expect(summary.imported).toEqual({
      Patient: lines.Patient,
      Encounter: lines.Encounter,
      Condition: lines.Condition,
      MedicationRequest: lines.MedicationRequest,
      AllergyIntolerance: lines.AllergyIntolerance,
      Observation: lines.Observation,
      Procedure: lines.Procedure,
      DocumentReference: lines.DocumentReference,
    });
    expect(summary.skipped).toEqual({
      Device: lines.Device,
      Immunization: lines.Immunization,
      Location: lines.Location,
      Organization: lines.Organization,
      Practitioner: lines.Practitioner,
      PractitionerRole: lines.PractitionerRole,
    });
    expect(await rowCounts(store)).toEqual({
      patients: lines.Patient,
      encounters: lines.Encounter,
      conditions: lines.Condition,
      medications: lines.MedicationRequest,
      allergies: lines.AllergyIntolerance,
      observations: lines.Observation,
      procedures: lines.Procedure,
      documents: lines.DocumentReference,
    });
    const docs = await store.db.selectFrom('documents').select(['body', 'content_type']).execute();
    expect(docs.every((d) => d.body?.includes('# Chief Complaint') && d.content_type?.startsWith('text/plain'))).toBe(true);
    const lab = await store.db.selectFrom('observations').selectAll().where('code', '=', '4548-4').limit(1).executeTakeFirstOrThrow();
    expect(lab).toMatchObject({ category: 'laboratory', unit: '%', reference_low: 4, reference_high: 5.6 });
    expect(['H', 'L', 'N']).toContain(lab.interpretation);
  });

  it('counts a re-import as updated and duplicates nothing', async () => {
    const before = await rowCounts(store);
    const summary = await importFhir(store, DEMO_PATHS);
    expect(summary.imported).toEqual({});
    expect(summary.updated.Patient).toBe(before.patients);
    expect(summary.updated.Procedure).toBe(before.procedures);
    expect(await rowCounts(store)).toEqual(before);
  });

  it('rejects malformed NDJSON with file and line, and writes nothing', async () => {
    const before = await rowCounts(store);
    const file = fixture(
      'broken.ndjson',
      `${JSON.stringify(patient('fresh-1'))}\n${JSON.stringify(condition('fresh-c1', 'Patient/fresh-1'))}\n{"resourceType":"Condition","id":"x",,}\n`,
    );
    const error = await importError(importFhir(store, [file]));
    expect(error.code).toBe('IMPORT_MALFORMED');
    expect(error.params).toMatchObject({ file, line: 3 });
    expect(String(error.params.problem)).toMatch(/^invalid JSON at column 38: expected double-quoted property name$/);
    expect(await rowCounts(store)).toEqual(before);
  });

  it.each([
    ['a missing comma', (l: string) => l.replace('"active": true', '"active": true "x": 1'), '"active": true'],
    ['an unquoted value', (l: string) => l.replace('"gender": "male"', '"gender": male'), '"gender": "male"'],
  ])('names the line of %s in a pretty-printed bundle', async (_name, corrupt, marker) => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: patient('b-1') }, { resource: patient('b-2', { gender: 'male', active: true }) }],
    };
    const lines = JSON.stringify(bundle, null, 2).split('\n');
    const index = lines.findIndex((l) => l.includes(marker));
    lines[index] = corrupt(lines[index] ?? '');
    const file = fixture('broken-bundle.json', lines.join('\n'));
    const error = await importError(importFhir(store, [file]));
    expect(error.code).toBe('IMPORT_MALFORMED');
    expect(error.params).toMatchObject({ file, line: index + 1 });
    expect(error.message).toContain(`${file}:${index + 1}: invalid JSON`);
  });

  it.each([
    ['a line that is not an object', '[1, 2]\n', 1, /expected a JSON object/],
    ['a resource without resourceType', '\n{"id": "x"}\n', 2, /missing resourceType/],
    ['a bundle without entries', '{"resourceType": "Bundle", "type": "collection"}\n', 1, /Bundle\.entry: missing entry array/],
  ])('treats %s as malformed', async (_name, text, line, problem) => {
    const file = fixture('bad.ndjson', text);
    const error = await importError(importFhir(store, [file]));
    expect(error.code).toBe('IMPORT_MALFORMED');
    expect(error.params.line).toBe(line);
    expect(String(error.params.problem)).toMatch(problem);
  });

  it('rejects a resource whose patient is unknown, with a reason, and imports the rest', async () => {
    const file = fixture(
      'partly.ndjson',
      ndjson(
        patient('p-ok'),
        condition('c-ok', 'Patient/p-ok'),
        condition('c-orphan', 'Patient/nobody'),
        condition('c-nosubject', undefined),
      ),
    );
    const summary = await importFhir(store, [file]);
    expect(summary.imported).toEqual({ Patient: 1, Condition: 1 });
    expect(summary.rejected).toEqual([
      {
        file,
        line: 3,
        resourceType: 'Condition',
        id: 'c-orphan',
        reason: 'Condition.subject: patient not found in this import or in the database',
      },
      { file, line: 4, resourceType: 'Condition', id: 'c-nosubject', reason: 'Condition.subject: missing reference to a patient' },
    ]);
    expect(await rowCounts(store, 'p-ok')).toMatchObject({ patients: 1, conditions: 1 });
    const onset = await store.db.selectFrom('conditions').select('onset_at').where('id', '=', 'c-ok').executeTakeFirstOrThrow();
    expect(onset.onset_at).toBe('2020-02-02T20:05:06.000Z');
  });

  it('with strict, aborts on any rejection and writes nothing', async () => {
    const before = await rowCounts(store);
    const file = fixture(
      'strict.ndjson',
      ndjson(patient('p-strict'), condition('c-strict', 'Patient/p-strict'), condition('c-bad', 'Patient/ghost')),
    );
    const error = await importError(importFhir(store, [file], { strict: true }));
    expect(error).toBeInstanceOf(StrictImportError);
    expect((error as StrictImportError).rejected.map((r) => r.id)).toEqual(['c-bad']);
    expect(await rowCounts(store)).toEqual(before);
  });

  it('resolves urn:uuid and conditional references and reports bundle lines of rejected entries', async () => {
    const patientUrn = 'urn:uuid:5b0c3c1e-0000-4000-8000-000000000001';
    const { id: _omitted, ...newPatient } = patient('ignored');
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: patientUrn, resource: newPatient, request: { method: 'POST', url: 'Patient' } },
        { fullUrl: 'urn:uuid:5b0c3c1e-0000-4000-8000-000000000002', resource: condition('c-urn', patientUrn), request: { method: 'POST' } },
        // p-ok was stored by an earlier test: the conditional reference resolves against the database.
        { resource: condition('c-cond', 'Patient?identifier=urn:test:mrn|MRN-p-ok'), request: { method: 'PUT' } },
        {
          resource: { resourceType: 'Observation', id: 'o-bad', status: 'final', subject: { reference: patientUrn } },
          request: { method: 'POST' },
        },
        { request: { method: 'DELETE', url: 'Condition/old' } },
      ],
    };
    const text = JSON.stringify(bundle, null, 2);
    const file = fixture('transaction.json', text);
    const summary = await importFhir(store, [file]);
    // The entry's `"resource": {` line: the one before `"resourceType": "Observation"` (0-based index → 1-based line).
    const observationLine = text.split('\n').findIndex((l) => l.includes('"resourceType": "Observation"'));
    expect(summary.imported).toEqual({ Patient: 1, Condition: 2 });
    expect(summary.rejected).toEqual([
      { file, line: observationLine, resourceType: 'Observation', id: 'o-bad', reason: 'Observation.code: missing' },
    ]);
    const rows = await store.db
      .selectFrom('conditions')
      .select(['id', 'patient_id'])
      .where('id', 'in', ['c-urn', 'c-cond'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'c-cond', patient_id: 'p-ok' },
      { id: 'c-urn', patient_id: '5b0c3c1e-0000-4000-8000-000000000001' },
    ]);
  });

  it('exports a patient bundle that re-imports to the same rows', async () => {
    const demoPatient = '79a66c97-6131-3213-f3c9-4606946ab056';
    const bundle = await exportPatientBundle(store, demoPatient);
    expect(bundle).not.toBeNull();
    expect(bundle?.type).toBe('collection');
    expect(bundle?.entry[0]?.resource.resourceType).toBe('Patient');
    expect(bundle?.entry.every((e) => e.fullUrl === `urn:uuid:${String(e.resource.id)}`)).toBe(true);
    const again = await exportPatientBundle(store, demoPatient);
    expect(again?.entry.map((e) => e.fullUrl)).toEqual(bundle?.entry.map((e) => e.fullUrl));
    expect(await exportPatientBundle(store, 'no-such-patient')).toBeNull();

    const file = fixture('export.json', JSON.stringify(bundle, null, 2));
    const fresh = await createTestStore(dialect);
    try {
      const summary = await importFhir(fresh, [file]);
      expect(summary.rejected).toEqual([]);
      expect(await rowCounts(fresh, demoPatient)).toEqual(await rowCounts(store, demoPatient));
      const original = await store.db
        .selectFrom('medications')
        .select(['id', 'display', 'dosage_text'])
        .where('patient_id', '=', demoPatient)
        .orderBy('id')
        .execute();
      const copy = await fresh.db
        .selectFrom('medications')
        .select(['id', 'display', 'dosage_text'])
        .where('patient_id', '=', demoPatient)
        .orderBy('id')
        .execute();
      expect(copy).toEqual(original);
    } finally {
      await fresh.dispose();
    }
  });

  it('exports every resource as NDJSON, one file per type', async () => {
    const out = join(dir, 'bulk');
    const files = await exportNdjson(store, out);
    const counts = await rowCounts(store);
    const byType = Object.fromEntries(files.map((f) => [f.resourceType, f.count]));
    expect(byType.Patient).toBe(counts.patients);
    expect(byType.MedicationRequest).toBe(counts.medications);
    expect(byType.Observation).toBe(counts.observations);
    for (const f of files) {
      expect(readFileSync(f.path, 'utf8').trimEnd().split('\n')).toHaveLength(f.count);
    }
  });
});
