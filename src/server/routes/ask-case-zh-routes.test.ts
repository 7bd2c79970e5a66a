import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskCaseResult } from '../../workflows/decision/ask-case.js';
import { insertActiveCondition, insertActiveMedication } from '../../workflows/decision/testing/decision-fixtures.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const CJK = /[\u4e00-\u9fff]/;

describe('ask about a case in Chinese: sources and alerts in Chinese (issue 23 item 2)', () => {
  let server: TestServer;
  let cookie: string;
  let patient: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    cookie = await server.login('clinician');
    patient = server.patientIds[0] as string;
    await insertActiveCondition(server.store, patient, 'Essential hypertension (disorder)');
    await insertActiveMedication(server.store, patient, 'lisinopril 10 MG Oral Tablet');
    await insertActiveMedication(server.store, patient, 'insulin isophane, human 70 UNT/ML Injectable Suspension');
  });
  afterAll(async () => {
    await server?.close();
  });

  const ask = async (language: 'zh' | 'en') => {
    const response = await server.request(`/api/v1/patients/${patient}/decision/ask`, {
      cookie,
      body: { question: '血压怎么控制？', language },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as AskCaseResult;
  };

  it('labels every record and knowledge source in Chinese, the interaction alert in Chinese', async () => {
    const result = await ask('zh');
    const labels = result.sources.map((s) => s.label);
    expect(labels).toContain('问题：原发性高血压');
    expect(labels.some((l) => l.startsWith('在用药物：赖诺普利 10 mg 口服片'))).toBe(true);
    for (const source of result.sources) {
      expect(source.label, source.label).toMatch(CJK);
      expect(source.label).not.toMatch(/^(Patient|Problem|Active medication|Allergy|Latest|Critical value|Lab pattern|major|moderate):/);
    }
    const interaction = result.alerts.find((a) => a.kind === 'interaction');
    expect(interaction?.title.zh).toContain('胰岛素');
    expect(interaction?.detail.zh).toMatch(CJK);
  });

  it('keeps English labels when asked in English', async () => {
    const result = await ask('en');
    expect(result.sources.map((s) => s.label)).toContain('Problem: Essential hypertension (disorder)');
  });
});
