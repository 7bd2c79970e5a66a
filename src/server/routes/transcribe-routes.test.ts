import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer, synthesizeWav } from '../../model/testing/index.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

function form(file: Uint8Array | null, type = 'audio/wav', fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  if (file) body.append('file', new Blob([new Uint8Array(file)], { type }), 'recording');
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return body;
}

/** Parses a server-sent event stream into [event, data] pairs. */
function events(text: string): [string, unknown][] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('event:'))
    .map((block) => {
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? '';
      const data = /^data: ?(.*)$/m.exec(block)?.[1] ?? 'null';
      return [event, JSON.parse(data) as unknown];
    });
}

describe('POST /api/v1/notes/transcribe', () => {
  let upstream: ScriptedModelServer;
  let server: TestServer;
  let bare: TestServer;
  let clinician: string;
  const post = (target: TestServer, body: FormData | string, headers: Record<string, string> = {}) =>
    fetch(`${target.url}/api/v1/notes/transcribe`, { method: 'POST', body, headers: { cookie: clinician, ...headers } });

  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    server = await startTestServer('sqlite', {
      withPatients: false,
      env: { SUWEN_ASR_BASE_URL: upstream.baseUrl, SUWEN_ASR_MODEL: 'whisper-test' },
    });
    bare = await startTestServer('sqlite', { withPatients: false });
    clinician = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
    await bare?.close();
    await upstream?.close();
  });

  it('answers JSON with the transcript in speaker turns, and audits one call without its text', async () => {
    upstream.enqueueTranscription({
      kind: 'transcription',
      text: '哪里不舒服？胸口疼两天了。',
      language: 'zh',
      segments: [
        { start: 0, end: 1.2, text: '哪里不舒服？', speaker: 'doctor' },
        { start: 1.3, end: 3, text: '胸口疼两天了。', speaker: 'patient' },
      ],
    });
    const response = await post(server, form(synthesizeWav([{ tone: 3 }]), 'audio/wav', { language: 'zh' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { text: string; transcript: { language: string; turns: { id: string; speaker: string }[] } };
    expect(body.text).toBe('哪里不舒服？胸口疼两天了。');
    expect(body.transcript.language).toBe('zh');
    expect(body.transcript.turns.map((t) => [t.id, t.speaker])).toEqual([
      ['T1', 'doctor'],
      ['T2', 'patient'],
    ]);
    expect(upstream.requests.at(-1)?.form?.fields.language).toBe('zh');
    await server.services.audit.flush();
    const rows = await server.store.db.selectFrom('audit_log').selectAll().where('entity_id', '=', 'asr').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'model.call', actor_role: 'clinician', outcome: 'success' });
    expect(rows[0]?.details).not.toMatch(/胸口|不舒服/);
  });

  it('streams progress for a long recording larger than the JSON body limit, then the result and done', async () => {
    // 70 s of 16 kHz 16-bit audio is 2.2 MB: over the 2 MB limit other routes have.
    const wav = synthesizeWav([{ tone: 70 }]);
    expect(wav.length).toBeGreaterThan(2 * 1024 * 1024);
    const response = await post(server, form(wav), { accept: 'text/event-stream' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const stream = events(await response.text());
    const progress = stream
      .filter(([event]) => event === 'progress')
      .map(([, data]) => data as { chunk: number; chunks: number; seconds: number });
    expect(progress.map((p) => p.chunk)).toEqual([0, 1, 2, 3]);
    expect(progress.at(-1)).toMatchObject({ chunks: 3, seconds: 70 });
    expect(stream.at(-2)?.[0]).toBe('result');
    expect((stream.at(-2)?.[1] as { transcript: { turns: unknown[] } } | undefined)?.transcript.turns).toHaveLength(3);
    expect(stream.at(-1)?.[0]).toBe('done');
  });

  it('accepts the browser recorder’s WebM and passes it on whole', async () => {
    const webm = new Uint8Array(2048);
    webm.set([0x1a, 0x45, 0xdf, 0xa3]);
    upstream.enqueueTranscription({ kind: 'transcription', text: 'I have had a cough for a week.' });
    const response = await post(server, form(webm, 'audio/webm;codecs=opus'));
    expect(response.status).toBe(200);
    expect(upstream.requests.at(-1)?.form?.files.file).toMatchObject({ contentType: 'audio/webm', bytes: 2048 });
  });

  it('says what is wrong with the request, in the caller’s language', async () => {
    const cases: [FormData | string, Record<string, string>, number, RegExp][] = [
      [form(null), {}, 400, /file: missing/],
      [form(new TextEncoder().encode('%PDF-1.7 this is a document')), { 'accept-language': 'zh-CN' }, 400, /不支持该音频格式/],
      [form(new Uint8Array(0)), {}, 400, /empty/],
      [form(synthesizeWav([])), { accept: 'text/event-stream' }, 400, /empty/], // checked before the stream opens
      [form(synthesizeWav([{ tone: 1 }]), 'audio/wav', { language: 'fr' }), {}, 400, /language/],
      ['{"file":"x"}', { 'content-type': 'application/json' }, 400, /multipart/],
    ];
    for (const [body, headers, status, message] of cases) {
      const response = await post(server, body, headers);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
  });

  it('needs a signed-in user allowed to write drafts, and a configured recognizer', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/notes/transcribe`, { method: 'POST', body: form(synthesizeWav([{ tone: 1 }])) });
    expect(anonymous.status).toBe(401);
    const researcher = await fetch(`${server.url}/api/v1/notes/transcribe`, {
      method: 'POST',
      body: form(synthesizeWav([{ tone: 1 }])),
      headers: { cookie: await server.login('researcher') },
    });
    expect(researcher.status).toBe(403);
    const unconfigured = await fetch(`${bare.url}/api/v1/notes/transcribe`, {
      method: 'POST',
      body: form(synthesizeWav([{ tone: 1 }])),
      headers: { cookie: await bare.login('clinician'), 'accept-language': 'zh-CN' },
    });
    expect(unconfigured.status).toBe(503);
    const error = ((await unconfigured.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('ASR_NOT_CONFIGURED');
    expect(error.message).toMatch(/尚未连接语音识别/);
  });

  it('shows the recognizer on the models settings endpoint, never its key', async () => {
    const body = (await (await server.request('/api/v1/models?probe=1', { cookie: await server.login('admin') })).json()) as {
      speech: Record<string, unknown>;
    };
    expect(body.speech).toMatchObject({
      configured: true,
      kind: 'openai-compatible',
      model: 'whisper-test',
      dataBoundary: 'local',
      reachable: true,
    });
    expect(body.speech).not.toHaveProperty('apiKey');
  });
});
