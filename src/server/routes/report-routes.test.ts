import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportInterpretation } from '../../workflows/decision/report-interpretation.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/** Chinese CBC + chemistry rows as pasted from a printed report. */
const ZH_REPORT = `项目	结果	单位	参考范围
血红蛋白(HGB)　98　g/L　130-175 ↓
血小板计数(PLT)	210	×10⁹/L	125-350
钾(K)	6.8	mmol/L	3.5-5.3	↑↑
肌酐(Cr)	80	μmol/L	57-111`;

const EN_REPORT = `Sodium 128 mmol/L (135-145) L
K+: 4.1 mmol/L
ALT 88 U/L`;

describe('POST /api/v1/decision/report', () => {
  let server: TestServer;
  let clinician: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { withPatients: false });
    clinician = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (body: unknown, cookie = clinician) => server.request('/api/v1/decision/report', { cookie, body });

  it('interprets a pasted Chinese report: parsed rows, flags, and zh summaries', async () => {
    const response = await post({ text: ZH_REPORT, sex: 'M', age: 60, language: 'zh' });
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as ReportInterpretation;
    expect(body.parsed.results.map((r) => [r.labId, r.value, r.unit])).toEqual([
      ['haemoglobin', 98, 'g/L'],
      ['platelets', 210, '×10^9/L'],
      ['potassium', 6.8, 'mmol/L'],
      ['creatinine', 80, 'μmol/L'],
    ]);
    expect(body.interpretation.results.map((r) => r.flag)).toEqual(['low', 'normal', 'critical-high', 'normal']);
    expect(body.patientSummary).toContain('血红蛋白');
    expect(body.patientSummary).toContain('就医');
    expect(body.clinicianSummary).toContain('危急值');
  });

  it('interprets an English report and tells the patient to talk to their doctor', async () => {
    const response = await post({ text: EN_REPORT, language: 'en' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReportInterpretation;
    expect(body.interpretation.results.map((r) => [r.labId, r.flag])).toEqual([
      ['sodium', 'low'],
      ['potassium', 'normal'],
      ['alt', 'high'],
    ]);
    expect(body.patientSummary).toMatch(/Sodium \(lower than usual\).*Alanine aminotransferase \(higher than usual\)/);
    expect(body.patientSummary).toContain('talk to your doctor');
    expect(body.language).toBe('en');
  });

  it('answers 400 with a clear message when no result can be read, or the body is invalid', async () => {
    const junk = await post({ text: 'Dear doctor, please see me next week.\n谢谢!' });
    expect(junk.status).toBe(400);
    const error = (await junk.json()) as { error: { code: string; message: string; details: { path: string }[] } };
    expect(error.error.code).toBe('VALIDATION_FAILED');
    expect(error.error.message).toMatch(/no lab results could be read/);
    expect(error.error.details[0]?.path).toBe('body.text');
    expect((await post({ text: '' })).status).toBe(400);
    expect((await post({ text: 'x'.repeat(50_001) })).status).toBe(400);
    expect((await post({ text: 'ALT 88 U/L', language: 'fr' })).status).toBe(400);
  });

  it('requires a signed-in user with knowledge.check', async () => {
    expect((await server.request('/api/v1/decision/report', { body: { text: 'ALT 88 U/L' } })).status).toBe(401);
  });
});
