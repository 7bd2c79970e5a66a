import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import type { DifferentialResult } from '../../workflows/decision/differential.js';
import {
  insertActiveCondition,
  insertActiveMedication,
  insertEgfr,
  insertFinishedIntake,
} from '../../workflows/decision/testing/decision-fixtures.js';
import type { DiagnosisListing, TreatmentComparison } from '../../workflows/decision/treatment-options.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/** A held-out DDXPlus validate patient with atrial fibrillation (age 84, male), minus the chart's antecedents. */
const AF_INTAKE = { age: 84, sex: 'M' as const, present: ['E_139', 'E_164', 'E_204_@_V_10'], denied: ['E_218'] };

async function json<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

describe('differential and treatment options — without a model', () => {
  let server: TestServer;
  let cookie: string;
  let fresh: string;
  let withIntake: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    cookie = await server.login('clinician');
    [fresh, withIntake] = server.patientIds as [string, string];
    await insertActiveCondition(server.store, withIntake, 'Essential hypertension (disorder)');
    await insertFinishedIntake(server.store, withIntake, AF_INTAKE);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('says there is no intake to rank from when the patient has none', async () => {
    const result = await json<DifferentialResult>(await server.request(`/api/v1/patients/${fresh}/decision/differential`, { cookie }));
    expect(result.status).toBe('no-intake');
    expect(result.message?.en).toMatch(/No finished pre-visit intake/);
    expect(result.candidates).toEqual([]);
    expect(result.sources[0]?.id).toBe('R1');
  });

  it('ranks atrial fibrillation first, with findings for and against citing the intake and the chart', async () => {
    const result = await json<DifferentialResult>(
      await server.request(`/api/v1/patients/${withIntake}/decision/differential?language=en`, { cookie }),
    );
    expect(result.status).toBe('ranked');
    expect(result.patient).toEqual({ age: 84, sex: 'M' });
    const top = result.candidates[0];
    expect(top?.condition).toBe('Atrial fibrillation');
    expect(top?.name.zh).toBe('心房颤动/心房扑动');
    const byId = new Map(result.sources.map((source) => [source.id, source]));
    // For: the irregular heartbeat the patient reported, with its intake answer as the source.
    const irregular = top?.for.find((finding) => finding.code === 'E_164');
    expect(irregular?.likelihoodRatio).toBeGreaterThan(1);
    expect(byId.get(irregular?.sourceIds[0] ?? '')?.type).toBe('intake');
    // For: hypertension, read off the chart's problem list.
    const hypertension = result.chartEvidence.find((found) => found.code === 'E_104');
    expect(byId.get(hypertension?.sourceIds[0] ?? '')?.label).toMatch(/Problem: Essential hypertension/);
    expect(top?.for.find((finding) => finding.code === 'E_104')?.sourceIds).toEqual(hypertension?.sourceIds);
    // Against: symptoms made worse by exertion, which atrial fibrillation often brings, denied in the intake.
    const breathless = top?.against.find((finding) => finding.code === 'E_218');
    expect(breathless?.likelihoodRatio).toBeLessThan(1);
    expect(byId.get(breathless?.sourceIds[0] ?? '')?.type).toBe('intake');
    // Next tests carry invasiveness, cost tier and their source; the guideline list rates the ECG.
    expect(result.nextTests.map((test) => test.id)).toContain('ecg-12-lead');
    for (const test of result.nextTests) expect(test).toMatchObject({ invasiveness: expect.any(String), cost: expect.any(String) });
    expect(top?.guidelineTests.find((test) => test.test.en.startsWith('12-lead ECG'))).toMatchObject({
      invasiveness: 'non-invasive',
      cost: 'low',
    });
  });

  it('labels the Bayesian part alone when widening is asked for without a model', async () => {
    const result = await json<DifferentialResult>(
      await server.request(`/api/v1/patients/${withIntake}/decision/differential`, { cookie, body: { language: 'zh' } }),
    );
    expect(result.modelSuggestions).toEqual([]);
    expect(result.modelMessage?.zh).toMatch(/仅显示贝叶斯鉴别诊断/);
    expect(result.sources.find((source) => source.type === 'intake')?.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers bad requests with localized 400 and 404', async () => {
    const base = `/api/v1/patients/${withIntake}/decision`;
    expect((await server.request(`${base}/differential`, { cookie, body: { widen: 'yes' } })).status).toBe(400);
    expect((await server.request(`${base}/differential?intakeId=nope`, { cookie })).status).toBe(404);
    expect((await server.request('/api/v1/patients/nobody/decision/differential', { cookie })).status).toBe(404);
    expect((await server.request(`${base}/treatments`, { cookie, body: { diagnosis: '  ' } })).status).toBe(400);
    const unknown = await server.request(`${base}/treatments`, {
      cookie,
      body: { diagnosis: 'broken leg' },
      headers: { 'Accept-Language': 'zh-CN' },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('已收录治疗选项的诊断');
  });

  it('flags the NSAID gout option for a patient on warfarin, and keeps every option side by side', async () => {
    await insertActiveMedication(server.store, fresh, 'Warfarin Sodium 5 MG Oral Tablet');
    const result = await json<TreatmentComparison>(
      await server.request(`/api/v1/patients/${fresh}/decision/treatments`, { cookie, body: { diagnosis: '痛风' } }),
    );
    expect(result.diagnosis.id).toBe('gout-flare');
    expect(result.framing.en).toMatch(/^Options to discuss/);
    expect(result.options.map((option) => option.id)).toEqual(['colchicine', 'nsaid', 'glucocorticoid']);
    const nsaid = result.options.find((option) => option.id === 'nsaid');
    const interaction = nsaid?.findings.find((finding) => finding.kind === 'interaction');
    expect(interaction?.severity).toBe('major');
    expect(interaction?.withRecord).toEqual(['Warfarin Sodium 5 MG Oral Tablet']);
    expect(interaction?.source.title.length).toBeGreaterThan(3);
    expect(nsaid?.worst).toBe('major');
    expect(nsaid?.evidence.level).toMatch(/high-certainty/);
  });

  it('flags metformin when the latest eGFR is below 30, and not otherwise', async () => {
    const [, , low, normal] = server.patientIds as [string, string, string, string];
    await insertEgfr(server.store, low, 24);
    await insertEgfr(server.store, normal, 85);
    const metformin = async (patient: string) => {
      const result = await json<TreatmentComparison>(
        await server.request(`/api/v1/patients/${patient}/decision/treatments`, { cookie, body: { diagnosis: 'E11.9' } }),
      );
      return result.options.find((option) => option.id === 'metformin');
    };
    const flagged = await metformin(low);
    expect(flagged?.findings.find((finding) => finding.kind === 'renal')).toMatchObject({
      severity: 'major',
      title: { en: expect.stringMatching(/eGFR 24 < 30/) },
    });
    expect((await metformin(normal))?.findings.filter((finding) => finding.kind === 'renal')).toEqual([]);
  });

  it('lists the supported diagnoses, those on the problem list first', async () => {
    const all = await json<{ diagnoses: DiagnosisListing[] }>(await server.request('/api/v1/decision/treatments/diagnoses', { cookie }));
    expect(all.diagnoses).toHaveLength(12);
    const mine = await json<{ diagnoses: DiagnosisListing[] }>(
      await server.request(`/api/v1/patients/${withIntake}/decision/treatments`, { cookie }),
    );
    expect(mine.diagnoses[0]).toMatchObject({ id: 'hypertension', inRecord: true });
  });
});

describe('differential widened by a scripted external model', () => {
  let upstream: ScriptedModelServer;
  let server: TestServer;
  let cookie: string;
  let patient: string;
  const planted = '13812345678';
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    server = await startTestServer('sqlite', {
      env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model', SUWEN_MODEL_DATA_BOUNDARY: 'external' },
    });
    cookie = await server.login('clinician');
    patient = server.patientIds[1] as string;
    // An identifier typed into the problem list must never reach an external model.
    await insertActiveCondition(server.store, patient, `Essential hypertension (follow-up call ${planted})`);
    await insertFinishedIntake(server.store, patient, AF_INTAKE);
  });
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });

  it('shows model candidates separately, marking one citing nothing or an unknown id as unsupported', async () => {
    upstream.enqueue({
      kind: 'json',
      value: {
        candidates: [
          { name: 'Thyrotoxicosis', icd10: 'E05.9', reason: 'Irregular heartbeat in an older adult.', sourceIds: ['I2'] },
          { name: 'Sick sinus syndrome', reason: 'Plausible in this age group.', sourceIds: [] },
          { name: 'Digoxin toxicity', reason: 'Cites a source that was never given.', sourceIds: ['R99'] },
        ],
      },
    });
    const result = await json<DifferentialResult>(
      await server.request(`/api/v1/patients/${patient}/decision/differential`, { cookie, body: { language: 'en' } }),
    );
    expect(result.candidates[0]?.condition).toBe('Atrial fibrillation');
    expect(result.modelSuggestions.map((s) => [s.name, s.supported])).toEqual([
      ['Thyrotoxicosis', true],
      ['Sick sinus syndrome', false],
      ['Digoxin toxicity', false],
    ]);
    expect(result.model?.id).toBeTruthy();
    const artifact = await json<{ status: string; kind: string; guardrails: { code: string }[] }>(
      await server.request(`/api/v1/artifacts/${result.artifactId}`, { cookie }),
    );
    expect(artifact).toMatchObject({ status: 'draft', kind: 'decision-differential' });
    expect(artifact.guardrails.filter((g) => g.code === 'unsupported-claim')).toHaveLength(2);
    const sent = JSON.stringify(upstream.requests.at(-1)?.body);
    expect(sent).toContain('[I1]');
    expect(sent).toContain('Atrial fibrillation');
    expect(sent).not.toContain(planted);
  });
});
