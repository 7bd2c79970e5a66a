import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import { runCli } from '../testing/run-cli.js';

describe('suwen doctor', () => {
  let upstream: ScriptedModelServer;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('passes on a fresh data directory and says how to connect a model', async () => {
    const result = await runCli(['doctor'], { SUWEN_DATA_DIR: mkdtempSync(join(tmpdir(), 'suwen-doc-')) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[ok {2}\] database: sqlite .* migrated, 0 patients/);
    expect(result.stdout).toMatch(/\[warn\] model: no language model configured/);
    expect(result.stdout).toMatch(/fix: set SUWEN_MODEL_BASE_URL and SUWEN_MODEL_NAME/);
    expect(result.stdout).toMatch(/\[warn\] pseudonym vault: no SUWEN_VAULT_KEY/);
    expect(result.stdout).toMatch(/\[warn\] speech recognition: not configured/);
  });

  it('reaches a configured model endpoint', async () => {
    const result = await runCli(['doctor'], {
      SUWEN_DATA_DIR: mkdtempSync(join(tmpdir(), 'suwen-doc-')),
      SUWEN_MODEL_BASE_URL: upstream.baseUrl,
      SUWEN_MODEL_NAME: 'scripted-model',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[ok {2}\] model default: .* answered 200 for scripted-model \(local\)/);
  });

  it('checks the speech recognizer, and fails an external one patient audio would be refused by', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suwen-doc-'));
    const asr = { SUWEN_DATA_DIR: dataDir, SUWEN_ASR_BASE_URL: upstream.baseUrl, SUWEN_ASR_MODEL: 'whisper-test' };
    const local = await runCli(['doctor'], asr);
    expect(local.stdout).toMatch(/\[ok {2}\] speech recognition: http:\/\/127\.0\.0\.1:\d+\/v1 \(whisper-test\), local: HTTP 200/);
    const external = await runCli(['doctor'], { ...asr, SUWEN_ASR_BOUNDARY: 'external' });
    expect(external.code).toBe(1);
    expect(external.stdout).toMatch(/\[FAIL\] speech recognition: .* is external: patient audio will be refused/);
    expect(external.stdout).toMatch(/SUWEN_ASR_ALLOW_EXTERNAL=1/);
    const whisper = await runCli(['doctor'], { SUWEN_DATA_DIR: dataDir, SUWEN_ASR_WHISPER_DIR: join(dataDir, 'whisper-base') });
    expect(whisper.stdout).toMatch(/\[FAIL\] speech recognition: Whisper folder .*whisper-base, local: Whisper folder missing/);
  });

  it('fails naming the database and the fix when PostgreSQL is unreachable', async () => {
    const result = await runCli(['doctor'], {
      SUWEN_DATA_DIR: mkdtempSync(join(tmpdir(), 'suwen-doc-')),
      SUWEN_DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\[FAIL\] database: cannot open postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(result.stdout).not.toContain('secret');
    expect(result.stdout).toMatch(/fix: check SUWEN_DATABASE_URL/);
  });
});
