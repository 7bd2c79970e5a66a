import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientLabInterpretation } from '../../api/knowledge.js';
import type { PatientChartView } from '../../api/patients.js';
import type { ReportInterpretation } from '../../api/reports.js';
import { importFhir } from '../../record/fhir/import-fhir.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/** A troponin I of 450 ng/L on the patient's record, as a hospital feed sends it (HL7 v3 HH: critical high). */
function troponinObservation(patientId: string): object {
  return {
    resourceType: 'Observation',
    id: 'h3-troponin-450',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: {
      coding: [
        {
          system: 'http://loinc.org',
          code: '89579-7',
          display: 'Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method',
        },
      ],
      text: 'hs-cTnI',
    },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: '2099-01-01T08:00:00Z',
    valueQuantity: { value: 450, unit: 'ng/L', system: 'http://unitsofmeasure.org', code: 'ng/L' },
    interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'HH' }] }],
    referenceRange: [{ high: { value: 34.2, unit: 'ng/L' } }],
  };
}

/** Issue 23 item 4 at the HTTP boundary: a troponin of 450 ng/L is critical, with the myocardial-injury pattern. */
describe('a troponin of 450 ng/L over HTTP', () => {
  let server: TestServer;
  let clinician: string;
  let patientId: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    clinician = await server.login('clinician');
    patientId = server.patientIds[0] as string;
    const dir = mkdtempSync(join(tmpdir(), 'suwen-h3-trop-'));
    writeFileSync(join(dir, 'Observation.ndjson'), `${JSON.stringify(troponinObservation(patientId))}\n`);
    const summary = await importFhir(server.store, [dir]);
    expect(summary.rejected).toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('pasted in a report: critical-high with its cited limit, the myocardial-injury pattern first, both languages', async () => {
    for (const language of ['en', 'zh'] as const) {
      const response = await server.request('/api/v1/decision/report', {
        cookie: clinician,
        body: { text: '高敏肌钙蛋白I(hs-cTnI)\t450\tng/L\t<34.2', sex: 'M', age: 62, language },
      });
      expect(response.status, await response.clone().text()).toBe(200);
      const body = (await response.json()) as ReportInterpretation;
      const [result] = body.interpretation.results;
      expect(result?.flag).toBe('critical-high');
      expect(result?.criticalCitation?.url).toMatch(/^https:\/\//);
      expect(result?.range).toMatchObject({ high: 34.2, origin: 'reported' });
      const [pattern] = body.interpretation.patterns;
      expect(pattern).toMatchObject({ id: 'myocardial-injury', severity: 'critical' });
      expect(pattern?.source.url).toBe('https://doi.org/10.1161/CIR.0000000000000617');
      expect(body.clinicianSummary).toMatch(
        language === 'en' ? /CRITICAL high.*\n[\s\S]*consider acute MI/ : /危急值\(高\)[\s\S]*需考虑急性心肌梗死/,
      );
    }
  });

  it('on the chart: the labs card row says HH (critical) and the lab interpretation flags it critical with the pattern', async () => {
    const chart = (await (await server.request(`/api/v1/patients/${patientId}/chart`, { cookie: clinician })).json()) as PatientChartView;
    const row = chart.labs.find((lab) => lab.code === '89579-7');
    expect(row).toMatchObject({ latestValue: 450, interpretation: 'HH', refHigh: 34.2 });
    const response = await server.request(`/api/v1/patients/${patientId}/lab-interpretation`, { cookie: clinician });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PatientLabInterpretation;
    const troponin = body.result?.results.find((r) => r.labId === 'troponin-i-hs');
    expect(troponin?.flag).toBe('critical-high');
    expect(troponin?.range).toMatchObject({ high: 34.2, origin: 'reported' });
    expect(body.result?.patterns[0]).toMatchObject({ id: 'myocardial-injury', severity: 'critical' });
  });
});
