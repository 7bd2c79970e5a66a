import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('POST /api/v1/deid', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { withPatients: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('returns the de-identified text, explained findings and counts, and audits counts only', async () => {
    const cookie = await server.login('clinician');
    const text = '患者王小明，身份证号110105194912310021，2024年3月5日入院。';
    const response = await server.request('/api/v1/deid', {
      cookie,
      body: { text, operator: 'tag' },
      headers: { 'x-request-id': 'deid-probe-001' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      text: string;
      findings: { type: string; start: number; end: number; recognizer: string }[];
      counts: Record<string, number>;
    };
    expect(body.text).not.toContain('王小明');
    expect(body.text).not.toContain('110105194912310021');
    expect(body.findings.map((f) => text.slice(f.start, f.end))).toEqual(expect.arrayContaining(['王小明', '110105194912310021']));
    expect(body.findings.every((f) => f.recognizer.length > 0)).toBe(true);
    expect(body.counts.ID_CARD).toBe(1);
    await server.services.audit.flush();
    const row = await server.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', 'deid-probe-001')
      .executeTakeFirstOrThrow();
    expect(row.action).toBe('deid.run');
    expect(row.details).not.toContain('王小明');
  });

  it('refuses a patient and an empty text', async () => {
    expect((await server.request('/api/v1/deid', { cookie: await server.login('clinician'), body: { text: '' } })).status).toBe(400);
    expect((await server.request('/api/v1/deid', { body: { text: 'x' } })).status).toBe(401);
  });
  // Last: the server closes the connection after refusing an oversized body, as it should.
  it('answers an oversized body with 413 and a clear message', async () => {
    const cookie = await server.login('clinician');
    const response = await server.request('/api/v1/deid', { cookie, body: { text: 'x'.repeat(3 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
