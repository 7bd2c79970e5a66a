import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

function events(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((b) => b.includes('event:'))
    .map((b) => ({
      event: /^event: (.*)$/m.exec(b)?.[1] ?? '',
      data: JSON.parse(/^data: (.*)$/m.exec(b)?.[1] ?? '{}') as Record<string, unknown>,
    }));
}

describe('chat and models API without a model', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { withPatients: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers the chat endpoint with 503 and the setting to use, in the caller’s language', async () => {
    const cookie = await server.login('clinician');
    const zh = await server.request('/api/v1/chat', {
      cookie,
      body: { messages: [{ role: 'user', content: '你好' }] },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.status).toBe(503);
    const body = (await zh.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('MODEL_NOT_CONFIGURED');
    expect(body.error.message).toMatch(/尚未连接语言模型.*SUWEN_MODEL_BASE_URL.*SUWEN_MODEL_GGUF/);
    // The rest of Suwen works without a model.
    expect((await server.request('/api/v1/artifacts', { cookie })).status).toBe(200);
    const models = (await (await server.request('/api/v1/models', { cookie })).json()) as { configured: boolean };
    expect(models.configured).toBe(false);
  });
});

describe('chat and models API with a scripted model', () => {
  let upstream: ScriptedModelServer;
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    server = await startTestServer('sqlite', { env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' } });
    cookie = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });

  it('streams an answer as server-sent events and stores it as a draft artifact with its prompt and model', async () => {
    upstream.enqueue({ kind: 'text', text: 'Metformin is first-line for most adults with type 2 diabetes.', chunks: 4 });
    const response = await server.request('/api/v1/chat', {
      cookie,
      body: { messages: [{ role: 'user', content: 'first-line drug for T2DM?' }], containsPatientData: false },
    });
    expect(response.status).toBe(200);
    const parts = events(await response.text());
    expect(parts[0]).toMatchObject({ event: 'meta', data: { model: 'default', dataBoundary: 'local', prompt: { id: 'chat.assistant' } } });
    const text = parts
      .filter((p) => p.event === 'text-delta')
      .map((p) => p.data.text)
      .join('');
    expect(text).toBe('Metformin is first-line for most adults with type 2 diabetes.');
    const finish = parts.find((p) => p.event === 'finish');
    expect(parts.at(-1)?.event).toBe('done');
    const artifact = (await (await server.request(`/api/v1/artifacts/${String(finish?.data.artifactId)}`, { cookie })).json()) as Record<
      string,
      unknown
    >;
    expect(artifact).toMatchObject({
      kind: 'chat.answer',
      status: 'draft',
      content: { text },
      prompt: { id: 'chat.assistant', version: '1.0.0' },
      model: { id: 'default' },
    });
    const sent = upstream.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]?.role).toBe('system');
  });

  it('stops the upstream call when the HTTP client goes away mid-stream', async () => {
    upstream.enqueue({
      kind: 'slow',
      delayMs: 0,
      perChunkMs: 200,
      reply: { kind: 'text', text: 'a long answer that streams slowly over many chunks', chunks: 10 },
    });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/v1/chat`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'go' }], containsPatientData: false }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('event:');
    controller.abort();
    const upstreamCall = upstream.requests.at(-1);
    const deadline = Date.now() + 3000;
    while (!upstreamCall?.aborted && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(upstreamCall?.aborted).toBe(true);
    await server.services.audit.flush();
    const calls = await server.store.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'model.call')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(JSON.parse(calls[0]?.details ?? '{}')).toMatchObject({ code: 'CANCELLED' });
  });

  it('lists the model with its boundary and reachability', async () => {
    const body = (await (await server.request('/api/v1/models?probe=1', { cookie })).json()) as {
      configured: boolean;
      models: Record<string, unknown>[];
    };
    expect(body.configured).toBe(true);
    expect(body.models[0]).toMatchObject({ id: 'default', dataBoundary: 'local', reachable: true, detail: 'HTTP 200' });
  });

  it('turns an upstream failure into an error status before any stream starts', async () => {
    upstream.enqueue({ kind: 'error', status: 500 }, { kind: 'error', status: 500 }, { kind: 'error', status: 500 });
    const response = await server.request('/api/v1/chat', { cookie, body: { messages: [{ role: 'user', content: 'x' }] } });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('MODEL_UNAVAILABLE');
  });

  it('refuses a patient role and an unknown patient', async () => {
    const patient = await server.request('/api/v1/chat', {
      cookie: await server.login('patient'),
      body: { messages: [{ role: 'user', content: 'x' }] },
    });
    expect(patient.status).toBe(403);
    const unknown = await server.request('/api/v1/chat', {
      cookie,
      body: { messages: [{ role: 'user', content: 'x' }], patientId: 'nobody' },
    });
    expect(unknown.status).toBe(404);
    const bad = await server.request('/api/v1/chat', { cookie, body: { messages: [{ role: 'assistant', content: 'x' }] } });
    expect(bad.status).toBe(400);
  });
});

describe('chat API with an external model and patient data', () => {
  it('de-identifies what leaves, re-identifies what comes back, and records counts only', async () => {
    const upstream = await startScriptedModelServer();
    const server = await startTestServer('sqlite', {
      env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model', SUWEN_MODEL_DATA_BOUNDARY: 'external' },
    });
    try {
      const cookie = await server.login('clinician');
      const patientId = server.patientIds[0] as string;
      const planted = ['张三', '13812345678', '110105194912310021', '2024年3月5日', 'zhangsan@example.com'];
      const question = '患者张三，电话13812345678，身份证号110105194912310021，2024年3月5日入院，邮箱zhangsan@example.com。请总结。';
      // The scripted model echoes what it received, so its answer mentions the pseudonyms.
      const response = await server.request('/api/v1/chat', {
        cookie,
        body: { messages: [{ role: 'user', content: question }], patientId },
      });
      expect(response.status).toBe(200);
      const parts = events(await response.text());
      const answer = parts
        .filter((p) => p.event === 'text-delta')
        .map((p) => p.data.text)
        .join('');

      const sent = JSON.stringify(upstream.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body));
      for (const value of planted) expect(sent).not.toContain(value);
      expect(sent).toContain('[姓名-1]');
      for (const value of ['张三', '13812345678']) expect(answer).toContain(value);

      const finish = parts.find((p) => p.event === 'finish');
      const artifact = (await (await server.request(`/api/v1/artifacts/${String(finish?.data.artifactId)}`, { cookie })).json()) as {
        guardrails: { code: string; message: string }[];
      };
      const deid = artifact.guardrails.find((g) => g.code === 'deid.applied');
      expect(deid?.message).toMatch(/NAME×\d/);
      for (const value of planted) expect(deid?.message).not.toContain(value);

      await server.services.audit.flush();
      const row = await server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'model.call').executeTakeFirstOrThrow();
      expect(row.outcome).toBe('success');
      expect(JSON.parse(row.details)).toMatchObject({ deid: { operator: 'tag', counts: { NAME: expect.any(Number), PHONE: 1 } } });
      for (const value of planted) expect(row.details).not.toContain(value);
    } finally {
      await server.close();
      await upstream.close();
    }
  });
});
