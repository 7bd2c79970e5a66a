import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer, synthesizeWav } from '../../model/testing/index.js';
import { runCli } from '../testing/run-cli.js';

describe('suwen transcribe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suwen-transcribe-'));
  const short = join(dir, 'short.wav');
  const long = join(dir, 'long.wav');
  let upstream: ScriptedModelServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    writeFileSync(short, synthesizeWav([{ tone: 3 }]));
    writeFileSync(long, synthesizeWav([{ tone: 65 }]));
    env = { SUWEN_DATA_DIR: dir, SUWEN_ASR_BASE_URL: upstream.baseUrl, SUWEN_ASR_MODEL: 'whisper-test' };
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('prints text, JSON, or "Doctor:" lines that suwen note reads', async () => {
    const diarized = {
      kind: 'transcription' as const,
      text: 'What brings you in? Chest pain since Monday.',
      segments: [
        { start: 0, end: 1, text: 'What brings you in?', speaker: 'SPEAKER_00' },
        { start: 1, end: 3, text: 'Chest pain since Monday.', speaker: 'SPEAKER_01' },
      ],
    };
    upstream.enqueueTranscription(diarized, diarized, diarized);
    const text = await runCli(['transcribe', short], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe('What brings you in? Chest pain since Monday.\n');
    const transcript = await runCli(['transcribe', short, '--format', 'transcript', '--lang', 'en'], env);
    expect(transcript.stdout).toBe('Doctor: What brings you in?\nPatient: Chest pain since Monday.\n');
    expect(upstream.requests.at(-1)?.form?.fields.language).toBe('en');
    const json = JSON.parse((await runCli(['transcribe', short, '--format', 'json'], env)).stdout) as {
      transcript: { turns: unknown[] };
      chunks: number;
    };
    expect(json.transcript.turns).toHaveLength(2);
    expect(json.chunks).toBe(1);
  });

  it('reports progress on stderr for a long recording', async () => {
    const result = await runCli(['transcribe', long], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/transcribed 1\/3 chunks/);
    expect(result.stderr).toMatch(/transcribed 3\/3 chunks \(65 of 65 s\)/);
    expect(result.stdout.trim().split(' transcription ').length).toBe(3);
  });

  it('exits with a message for a bad file, a bad option, and no recognizer', async () => {
    const notAudio = join(dir, 'notes.txt');
    writeFileSync(notAudio, 'Doctor: hello there, this is text');
    const bad = await runCli(['transcribe', notAudio], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not an audio format/);
    expect((await runCli(['transcribe', join(dir, 'missing.wav')], env)).code).toBe(2);
    expect((await runCli(['transcribe', short, '--format', 'srt'], env)).code).toBe(2);
    const none = await runCli(['transcribe', short], { SUWEN_DATA_DIR: dir });
    expect(none.code).toBe(78);
    expect(none.stderr).toMatch(/SUWEN_ASR_BASE_URL/);
  });
});
