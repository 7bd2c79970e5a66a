import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../audit/audit-log.js';
import { type AsrConfig, loadConfig } from '../../config/load-config.js';
import type { SuwenError } from '../../shared/errors.js';
import { createTestStore, type TestStore } from '../../store/test-stores.js';
import type { ModelCallContext } from '../call-context.js';
import { type ScriptedModelServer, startScriptedModelServer } from '../testing/scripted-model-server.js';
import { SpeechTranscriber, type TranscriptionProgress } from './speech-transcriber.js';
import { synthesizeWav } from './testing/synthetic-wav.js';

const context: ModelCallContext = { workflow: 'notes.transcribe', actorId: 'u1', actorRole: 'clinician', containsPhi: true };

function asrConfig(env: Record<string, string>): AsrConfig {
  return loadConfig({ SUWEN_DATA_DIR: '/tmp/unused', ...env }, '/tmp').asr;
}

async function failure(promise: Promise<unknown>): Promise<SuwenError> {
  try {
    await promise;
  } catch (error) {
    return error as SuwenError;
  }
  throw new Error('expected a failure');
}

/** A WebM file as far as magic bytes go (Suwen passes compressed audio through untouched). */
const webm = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  return bytes;
};

describe('SpeechTranscriber over an OpenAI-compatible endpoint', () => {
  let upstream: ScriptedModelServer;
  let store: TestStore;
  let audit: AuditLog;
  const transcriber = (env: Record<string, string> = {}) =>
    new SpeechTranscriber(asrConfig({ SUWEN_ASR_BASE_URL: upstream.baseUrl, SUWEN_ASR_MODEL: 'whisper-test', ...env }), { audit });

  let calls = 0;
  beforeAll(async () => {
    // Chunk n is heard as "w(n-1)z wna wnz": it starts with the word the chunk before ended on,
    // as a recognizer hears the second two chunks share when the cut could not fall in a pause.
    upstream = await startScriptedModelServer({
      transcribe: (upload) => {
        const n = ++calls;
        const seconds = (upload.bytes - 44) / 2 / 16_000;
        const text = `w${n - 1}z w${n}a w${n}z`;
        return { kind: 'transcription', text, segments: [{ start: 0, end: seconds, text }] };
      },
    });
    store = await createTestStore('sqlite');
    audit = new AuditLog(store);
  });
  afterAll(async () => {
    await upstream.close();
    await audit.flush();
    await store.dispose();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
    calls = 0;
  });

  const auditRows = async () => {
    await audit.flush();
    return (await store.db.selectFrom('audit_log').selectAll().where('action', '=', 'model.call').orderBy('seq').execute()).map((row) => ({
      ...row,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  };

  it('sends a short WAV whole and turns diarized segments into speaker turns; one audit entry without the text', async () => {
    upstream.enqueueTranscription({
      kind: 'transcription',
      text: 'What brings you in today? I have had chest pain for two days.',
      language: 'english',
      segments: [
        { start: 0, end: 1.5, text: 'What brings you in today?', speaker: 'SPEAKER_00' },
        { start: 1.6, end: 4, text: 'I have had chest pain for two days.', speaker: 'SPEAKER_01' },
      ],
    });
    const before = (await auditRows()).length;
    const result = await transcriber().transcribe(synthesizeWav([{ tone: 4 }]), { context, language: 'en' });
    expect(result.text).toBe('What brings you in today? I have had chest pain for two days.');
    expect(result.transcript).toEqual({
      language: 'en',
      turns: [
        { id: 'T1', speaker: 'doctor', speakerLabel: 'SPEAKER_00', text: 'What brings you in today?', startS: 0, endS: 1.5 },
        { id: 'T2', speaker: 'patient', speakerLabel: 'SPEAKER_01', text: 'I have had chest pain for two days.', startS: 1.6, endS: 4 },
      ],
    });
    const [request] = upstream.requests;
    expect(request?.path).toBe('/v1/audio/transcriptions');
    expect(request?.form?.fields).toMatchObject({ model: 'whisper-test', response_format: 'verbose_json', language: 'en' });
    expect(request?.form?.files.file).toMatchObject({ filename: 'audio.wav', contentType: 'audio/wav', bytes: 44 + 4 * 16_000 * 2 });
    expect(request?.form?.files.file?.head.subarray(0, 4).toString()).toBe('RIFF');
    const rows = await auditRows();
    expect(rows.length).toBe(before + 1);
    const entry = rows.at(-1);
    expect(entry).toMatchObject({ actor_id: 'u1', entity_id: 'asr', outcome: 'success' });
    expect(entry?.details).toMatchObject({
      workflow: 'notes.transcribe',
      model: 'whisper-test',
      boundary: 'local',
      format: 'wav',
      chunks: 1,
      audioSeconds: 4,
    });
    expect(JSON.stringify(entry)).not.toMatch(/chest pain|brings you/);
  });

  it('cuts a long WAV into chunks with progress, and puts each chunk’s segments on the recording’s clock', async () => {
    const progress: TranscriptionProgress[] = [];
    // 95 s of "speech" with a pause at 29 s: cut there (no overlap), then at 59 s with a 1 s overlap, and so on.
    const wav = synthesizeWav([{ tone: 29 }, { silence: 0.5 }, { tone: 65.5 }]);
    const result = await transcriber().transcribe(wav, { context, onProgress: (p) => progress.push(p) });
    expect(result.chunks).toBe(4);
    expect(upstream.requests.length).toBe(4);
    expect(progress.map((p) => p.chunk)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.every((p) => p.chunks === 4 && p.totalSeconds === 95)).toBe(true);
    expect(progress.at(-1)?.seconds).toBe(95);
    expect(progress.map((p) => p.seconds)).toEqual([...progress.map((p) => p.seconds)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    // Cuts: in the pause (29.25 s, no overlap), then at 59.25 s and 88.25 s with a second of overlap.
    expect(result.segments.map((s) => s.start)).toEqual([0, 29.25, 58.25, 87.25]);
    expect(result.segments.at(-1)?.end).toBe(95);
    // The word repeated after a pause is kept (it was not heard twice); after an overlap it is dropped.
    expect(result.text).toBe('w0z w1a w1z w1z w2a w2z w3a w3z w4a w4z');
    expect(result.transcript.turns.map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4']);
  });

  it('transcribes chunks a few at a time when allowed, keeping their order', async () => {
    const wav = synthesizeWav([{ tone: 150 }]);
    const result = await transcriber({ SUWEN_ASR_CONCURRENCY: '3' }).transcribe(wav, { context });
    expect(result.chunks).toBe(5);
    expect(result.segments.map((s) => s.start)).toEqual([0, 29, 58, 87, 116]);
    expect(result.text.split(' ').length).toBe(5 * 3 - 4);
  });

  it('sends compressed audio whole with its type, and refuses it over the upload limit', async () => {
    upstream.enqueueTranscription({ kind: 'transcription', text: '胸口疼两天了。', plain: true });
    const result = await transcriber().transcribe(webm(4096), { context });
    expect(upstream.requests[0]?.form?.files.file).toMatchObject({ filename: 'audio.webm', contentType: 'audio/webm', bytes: 4096 });
    expect(result.transcript.language).toBe('zh');
    expect(result.transcript.turns).toMatchObject([{ id: 'T1', speaker: 'other', text: '胸口疼两天了。' }]);
    expect((await failure(transcriber({ SUWEN_ASR_MAX_UPLOAD_MB: '1' }).transcribe(webm(2 * 1024 * 1024), { context }))).code).toBe(
      'AUDIO_TOO_LARGE',
    );
  });

  it('refuses patient audio to an external recognizer unless the operator allows it, and audits the refusal', async () => {
    const refused = await failure(transcriber({ SUWEN_ASR_BOUNDARY: 'external' }).transcribe(synthesizeWav([{ tone: 1 }]), { context }));
    expect(refused.code).toBe('ASR_EXTERNAL_REFUSED');
    expect(upstream.requests.length).toBe(0);
    expect((await auditRows()).at(-1)).toMatchObject({ outcome: 'denied', details: expect.objectContaining({ boundary: 'external' }) });
    await transcriber({ SUWEN_ASR_BOUNDARY: 'external', SUWEN_ASR_ALLOW_EXTERNAL: '1' }).transcribe(synthesizeWav([{ tone: 1 }]), {
      context,
    });
    expect(upstream.requests.length).toBe(1);
  });

  it('retries 5xx, falls back to json for servers without verbose_json, and reports a dead server', async () => {
    upstream.enqueueTranscription(
      { kind: 'error', status: 503 },
      { kind: 'error', status: 400, message: "response_format 'verbose_json' is not supported" },
      { kind: 'transcription', text: 'fever since yesterday' },
    );
    const speech = transcriber();
    const result = await speech.transcribe(synthesizeWav([{ tone: 2 }]), { context });
    expect(result.text).toBe('fever since yesterday');
    expect(upstream.requests.map((r) => r.form?.fields.response_format)).toEqual(['verbose_json', 'verbose_json', 'json']);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const dead = new SpeechTranscriber(asrConfig({ SUWEN_ASR_BASE_URL: `http://127.0.0.1:${port}/v1`, SUWEN_ASR_MODEL: 'm' }), { audit });
    const error = await failure(dead.transcribe(synthesizeWav([{ tone: 1 }]), { context }));
    expect(error.code).toBe('ASR_UNAVAILABLE');
    expect(error.params.reason).toBe('ECONNREFUSED');
  });

  it('stops when the caller aborts, closing the upload', async () => {
    upstream.enqueueTranscription({ kind: 'slow', delayMs: 5000, reply: { kind: 'transcription', text: 'late' } });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    const started = Date.now();
    const error = await failure(transcriber().transcribe(synthesizeWav([{ tone: 2 }]), { context, signal: abort.signal }));
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('rejects what is not audio before any upload, and says when nothing is configured', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 not audio at all');
    expect((await failure(transcriber().transcribe(pdf, { context }))).code).toBe('AUDIO_UNSUPPORTED');
    expect((await failure(transcriber().transcribe(new Uint8Array(0), { context }))).code).toBe('AUDIO_EMPTY');
    expect((await failure(transcriber().transcribe(synthesizeWav([]), { context }))).code).toBe('AUDIO_EMPTY');
    expect(upstream.requests.length).toBe(0);
    const none = new SpeechTranscriber(asrConfig({}), { audit });
    expect(none.configured).toBe(false);
    expect((await failure(none.transcribe(synthesizeWav([{ tone: 1 }]), { context }))).code).toBe('ASR_NOT_CONFIGURED');
  });
});
