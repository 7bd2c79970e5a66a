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
    expect(result.message?.en).toMatch(/no finished pre-visit intake and no findings have been entered/);
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

describe('differential — clinician-entered findings and an intake stopped by a red flag (issue 23 item 5)', () => {
  let server: TestServer;
  let cookie: string;
  let stopped: string;
  let blank: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    cookie = await server.login('clinician');
    [, , , , stopped = '', blank = ''] = server.patientIds;
    // The patient answered two questions (chest pain at rest, sweating), then a red flag stopped the interview.
    await insertFinishedIntake(server.store, stopped, {
      age: 62,
      sex: 'M',
      present: ['E_14', 'E_50'],
      status: 'emergency',
      redFlags: ['cardiac-chest-pain'],
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('ranks from an intake that stopped early on a red flag, and labels its answers as partial', async () => {
    const result = await json<DifferentialResult>(
      await server.request(`/api/v1/patients/${stopped}/decision/differential?language=en`, { cookie }),
    );
    expect(result.status).toBe('ranked');
    expect(result.intake).toMatchObject({ status: 'emergency', partial: true });
    const intakeSources = result.sources.filter((source) => source.type === 'intake');
    expect(intakeSources).toHaveLength(2);
    for (const source of intakeSources) expect(source.label).toMatch(/stopped early/);
    expect(result.message?.en).toMatch(/stopped early/);
    expect(result.candidates.length).toBeGreaterThan(0);
  });

  it('says an intake stopped on a red flag before any usable answer, instead of "no finished intake"', async () => {
    const [, , , , , , early = ''] = server.patientIds;
    await insertFinishedIntake(server.store, early, {
      age: 58,
      sex: 'M',
      present: [],
      status: 'emergency',
      redFlags: ['cardiac-chest-pain'],
    });
    const result = await json<DifferentialResult>(
      await server.request(`/api/v1/patients/${early}/decision/differential?language=en`, { cookie }),
    );
    expect(result.status).toBe('no-intake');
    expect(result.intake).toMatchObject({ status: 'emergency', partial: true });
    expect(result.message?.en).toMatch(/stopped early on a red flag .* Enter your findings below/);
    expect(result.message?.en).not.toMatch(/no finished pre-visit intake/);
  });

  it('ranks on findings the clinician enters when there is no intake, each citing the clinician', async () => {
    const result = await json<DifferentialResult>(
      await server.request(`/api/v1/patients/${blank}/decision/differential`, {
        cookie,
        body: {
          language: 'en',
          widen: false,
          findings: [
            { code: 'E_91', present: true },
            { code: 'E_201', present: true },
            { code: 'E_77', present: true },
            { code: 'E_14', present: false },
          ],
        },
      }),
    );
    expect(result.status).toBe('ranked');
    expect(result.intake).toBeNull();
    const clinician = result.sources.filter((source) => source.type === 'clinician');
    expect(clinician.map((source) => source.id)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(clinician[3]?.label).toMatch(/chest pain even at rest.*No/);
    const top = result.candidates[0];
    expect(top?.for.find((finding) => finding.code === 'E_91')?.sourceIds).toEqual(['C1']);
    expect(result.candidates.slice(0, 3).map((c) => c.condition)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Pneumonia|Bronchitis|URTI|Influenza/)]),
    );
  });

  it("lets the clinician's finding overrule the intake's answer, and adds value findings", async () => {
    const result = await json<DifferentialResult>(
      await server.request(`/api/v1/patients/${stopped}/decision/differential`, {
        cookie,
        body: {
          language: 'zh',
          widen: false,
          findings: [
            { code: 'E_50', present: false },
            { code: 'E_53', present: true },
            { code: 'E_55', values: ['V_29'] },
          ],
        },
      }),
    );
    expect(result.status).toBe('ranked');
    const sweating = result.sources.find((source) => source.type === 'clinician' && source.label.includes('出汗'));
    expect(sweating?.label).toMatch(/否/);
    const forFindings = result.candidates.flatMap((c) => c.for.map((f) => f.code));
    expect(forFindings).not.toContain('E_50');
    expect(forFindings).toContain('E_55_@_V_29');
  });

  it('answers a finding the model does not know, or of the wrong kind, with a clear 400', async () => {
    const base = `/api/v1/patients/${blank}/decision/differential`;
    const unknown = await server.request(base, { cookie, body: { findings: [{ code: 'E_9999', present: true }] } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/E_9999/);
    const wrongKind = await server.request(base, { cookie, body: { findings: [{ code: 'E_55', present: true }] } });
    expect(wrongKind.status).toBe(400);
    const badValue = await server.request(base, { cookie, body: { findings: [{ code: 'E_55', values: ['V_nope'] }] } });
    expect(badValue.status).toBe(400);
  });

  it('searches the DDXPlus findings in Chinese and English, with their answer kinds and values', async () => {
    type Listing = { evidence: { code: string; type: string; label: { en: string; zh: string }; values: { code: string }[] }[] };
    const zh = await json<Listing>(await server.request(`/api/v1/decision/ddx-evidence?q=${encodeURIComponent('胸痛')}`, { cookie }));
    expect(zh.evidence.map((e) => e.code)).toContain('E_14');
    const en = await json<Listing>(await server.request('/api/v1/decision/ddx-evidence?q=fever', { cookie }));
    expect(en.evidence[0]).toMatchObject({ code: 'E_91', type: 'B', values: [] });
    const where = await json<Listing>(await server.request('/api/v1/decision/ddx-evidence?q=E_55', { cookie }));
    expect(where.evidence[0]?.values.length).toBeGreaterThan(10);
    expect((await server.request('/api/v1/decision/ddx-evidence?q=', { cookie })).status).toBe(200);
  });

  it('audits each differential request through the clinician', async () => {
    await server.request(`/api/v1/patients/${blank}/decision/differential`, {
      cookie,
      body: { widen: false, findings: [{ code: 'E_91', present: true }] },
    });
    await server.services.audit.flush();
    const entries = await server.services.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'decision.differential')
      .where('patient_id', '=', blank)
      .execute();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.actor_id !== null)).toBe(true);
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
