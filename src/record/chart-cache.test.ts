import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../store/test-stores.js';
import { ChartCache } from './chart-cache.js';
import { importFhir } from './fhir/import-fhir.js';
import type { PatientChart } from './patient-chart.js';

function writeNdjson(resources: object[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'suwen-chart-')), 'bundle.ndjson');
  writeFileSync(file, resources.map((r) => JSON.stringify(r)).join('\n'));
  return file;
}

const patient = {
  resourceType: 'Patient',
  id: 'p-chart',
  name: [{ family: 'Test', given: ['Chart'] }],
  gender: 'female',
  birthDate: '1970-01-01',
};
const condition = (id: string, onset: string, status: string) => ({
  resourceType: 'Condition',
  id,
  subject: { reference: 'Patient/p-chart' },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '444814009', display: 'Viral sinusitis' }] },
  clinicalStatus: { coding: [{ code: status }] },
  onsetDateTime: onset,
});
const hba1c = (id: string, value: number, at: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/p-chart' },
  code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c' }] },
  valueQuantity: { value, unit: '%' },
  effectiveDateTime: at,
});

describe.each(DIALECTS)('patient chart and its cache on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
  });
  afterEach(async () => {
    await store.dispose();
  });

  it('folds repeated episodes into one problem line, active if any episode is', async () => {
    await importFhir(store, [writeNdjson([patient, condition('c1', '2019-01-01', 'resolved'), condition('c2', '2023-05-01', 'active')])]);
    const chart = JSON.parse((await new ChartCache(store).getJson('p-chart')) ?? 'null') as PatientChart;
    expect(chart.conditions).toHaveLength(1);
    expect(chart.conditions[0]).toMatchObject({ display: 'Viral sinusitis', episodes: 2, clinicalStatus: 'active', abatedAt: null });
    expect(chart.conditions[0]?.onsetAt).toMatch(/^2023-05-01/);
  });

  it('serves a new result right after it is imported, never the cached chart', async () => {
    await importFhir(store, [writeNdjson([patient, hba1c('o1', 7.9, '2024-01-01T08:00:00Z')])]);
    const cache = new ChartCache(store);
    const before = JSON.parse((await cache.getJson('p-chart')) ?? 'null') as PatientChart;
    expect(before.labs[0]).toMatchObject({ code: '4548-4', latestValue: 7.9, count: 1 });
    expect(await cache.getJson('p-chart')).toBe(JSON.stringify(before));

    await new Promise((resolve) => setTimeout(resolve, 5)); // a later timestamp for the new version
    await importFhir(store, [writeNdjson([hba1c('o2', 6.8, '2024-06-01T08:00:00Z')])]);
    const after = JSON.parse((await cache.getJson('p-chart')) ?? 'null') as PatientChart;
    expect(after.labs[0]).toMatchObject({ latestValue: 6.8, count: 2 });
  });

  it('answers null for an unknown patient', async () => {
    expect(await new ChartCache(store).getJson('nobody')).toBeNull();
  });
});
