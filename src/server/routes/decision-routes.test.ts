import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import type { AskCaseResult } from '../../workflows/decision/ask-case.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const modelAnswer = (claims: { text: string; sourceIds: string[] }[]) => ({
  kind: 'json' as const,
  value: {
    pico: { population: 'adult with a chronic illness', intervention: 'current treatment', comparison: 'alternatives', outcome: 'safety' },
    answer: 'Review the current medications and the latest results.',
    considerations: ['Check renal function before dosing.'],
    claims,
  },
});

async function ask(server: TestServer, cookie: string, patientId: string, question: string, language = 'en') {
  const response = await server.request(`/api/v1/patients/${patientId}/decision/ask`, { cookie, body: { question, language } });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AskCaseResult;
}

describe('ask about a case — without a model', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('still returns the record sources and the deterministic alerts, and says no model is connected', async () => {
    const cookie = await server.login('clinician');
    const results = await Promise.all(server.patientIds.map((id) => ask(server, cookie, id, 'Any safety concerns?')));
    for (const result of results) {
      expect(result.answer).toBeNull();
      expect(result.modelMessage?.en).toMatch(/No language model is connected/);
      expect(result.sources[0]?.id).toBe('R1');
    }
    expect(results.some((result) => result.alerts.length > 0)).toBe(true);
    expect((await server.request(`/api/v1/patients/${server.patientIds[0]}/decision/ask`, { cookie, body: { question: '' } })).status).toBe(
      400,
    );
  });
});

describe('ask about a case — scripted model', () => {
  let upstream: ScriptedModelServer;
  let server: TestServer;
  let cookie: string;
  let patientWithAlerts: string;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    server = await startTestServer('sqlite', { env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' } });
    cookie = await server.login('clinician');
    // Find a demo patient whose record gives the engines something to say.
    for (const id of server.patientIds) {
      upstream.enqueue(modelAnswer([]));
      if ((await ask(server, cookie, id, 'probe')).alerts.length > 0) {
        patientWithAlerts = id;
        break;
      }
    }
  });
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });

  it('marks a claim whose citation points at nothing as unsupported, and keeps the alerts the model left out', async () => {
    expect(patientWithAlerts).toBeDefined();
    upstream.enqueue(
      modelAnswer([
        { text: 'The patient is an adult.', sourceIds: ['R1'] },
        { text: 'A trial showed a 50% benefit.', sourceIds: ['X9'] },
        { text: 'This is generally safe.', sourceIds: [] },
      ]),
    );
    const result = await ask(server, cookie, patientWithAlerts, 'Is the current regimen safe?');
    expect(result.claims.map((claim) => claim.supported)).toEqual([true, false, false]);
    expect(result.alerts.length).toBeGreaterThan(0);
    expect(result.alerts.every((alert) => alert.source.title.length > 3)).toBe(true);
    expect(result.pico?.outcome).toBe('safety');
    const artifact = (await (await server.request(`/api/v1/artifacts/${result.artifactId}`, { cookie })).json()) as {
      status: string;
      guardrails: { code: string }[];
    };
    expect(artifact.status).toBe('draft');
    expect(artifact.guardrails.filter((guardrail) => guardrail.code === 'unsupported-claim')).toHaveLength(2);
    expect(artifact.guardrails.some((guardrail) => guardrail.code.startsWith('alert:'))).toBe(true);
    // The model saw the numbered sources.
    expect(JSON.stringify(upstream.requests.at(-1)?.body)).toContain('[R1] Patient:');
  });
});

describe('ask about a case — external model', () => {
  it('never sends the identifiers typed in the question', async () => {
    const upstream = await startScriptedModelServer();
    const server = await startTestServer('sqlite', {
      env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model', SUWEN_MODEL_DATA_BOUNDARY: 'external' },
    });
    try {
      const cookie = await server.login('clinician');
      upstream.enqueue(modelAnswer([{ text: 'Adult patient.', sourceIds: ['R1'] }]));
      const planted = ['张三', '13812345678', '110105194912310021'];
      const result = await ask(
        server,
        cookie,
        server.patientIds[0] as string,
        '患者张三，电话13812345678，身份证号110105194912310021，能否继续当前用药？',
        'zh',
      );
      expect(result.claims[0]?.supported).toBe(true);
      const sent = JSON.stringify(upstream.requests.map((request) => request.body));
      for (const value of planted) expect(sent).not.toContain(value);
    } finally {
      await server.close();
      await upstream.close();
    }
  });
});
