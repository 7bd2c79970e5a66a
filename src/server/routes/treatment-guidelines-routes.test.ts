import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreatmentComparison } from '../../workflows/decision/treatment-options.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('treatment options cite the Chinese guideline beside the US one (issue 23 item 2)', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    cookie = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['原发性高血压', /中国高血压防治指南（2018年修订版）/, /140 mmHg/],
    ['2型糖尿病', /中国2型糖尿病防治指南（2020年版）/, /二甲双胍/],
  ])('%s: the response carries the Chinese guideline and its recommendation', async (diagnosis, title, recommendation) => {
    const patient = server.patientIds[0] as string;
    const response = await server.request(`/api/v1/patients/${patient}/decision/treatments`, { cookie, body: { diagnosis } });
    expect(response.status, await response.clone().text()).toBe(200);
    const result = (await response.json()) as TreatmentComparison;
    const guidelines = result.diagnosis.chineseGuidelines ?? [];
    expect(guidelines.some((g) => title.test(g.source.title))).toBe(true);
    expect(guidelines.map((g) => g.recommendation.zh).join('\n')).toMatch(recommendation);
    // The US source is still there.
    expect(result.diagnosis.source.title).toMatch(/ACC\/AHA|American Diabetes Association/);
  });
});
