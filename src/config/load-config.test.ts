import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, databaseUrlOf, loadConfig } from './load-config.js';

const cwd = () => mkdtempSync(join(tmpdir(), 'suwen-config-'));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses sensible defaults: ./.suwen, port 8787, SQLite in the data directory', () => {
    const dir = cwd();
    const config = loadConfig({}, dir);
    expect(config.dataDir).toBe(join(dir, '.suwen'));
    expect(config.port).toBe(8787);
    expect(config.demo).toBeUndefined();
    expect(databaseUrlOf(config)).toBe(`sqlite:${join(dir, '.suwen', 'suwen.sqlite')}`);
  });

  it('reports every problem at once, each with the variable’s name', () => {
    const problems = problemsOf(() =>
      loadConfig({ SUWEN_PORT: 'eighty', SUWEN_DEMO: 'maybe', SUWEN_DATABASE_URL: 'mysql://x', SUWEN_LOG_LEVEL: 'loud' }, cwd()),
    );
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/SUWEN_PORT/);
    expect(problems.join('\n')).toMatch(/SUWEN_DEMO/);
    expect(problems.join('\n')).toMatch(/SUWEN_DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/SUWEN_LOG_LEVEL/);
  });

  it('lets the environment override the config file, and names file problems by key', () => {
    const dir = cwd();
    writeFileSync(
      join(dir, 'suwen.config.json'),
      JSON.stringify({ port: 9000, host: '0.0.0.0', models: [{ id: 'ward', baseUrl: 'http://10.0.0.5:8000/v1', name: 'qwen' }] }),
    );
    const config = loadConfig({ SUWEN_PORT: '9100' }, dir);
    expect(config.port).toBe(9100);
    expect(config.host).toBe('0.0.0.0');
    expect(config.models[0]).toMatchObject({ id: 'ward', name: 'qwen' });
    writeFileSync(join(dir, 'suwen.config.json'), JSON.stringify({ port: -1 }));
    expect(problemsOf(() => loadConfig({}, dir))[0]).toMatch(/^port in .*suwen\.config\.json/);
  });

  it('builds the default model from SUWEN_MODEL_* and requires both URL and name', () => {
    const config = loadConfig({ SUWEN_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1', SUWEN_MODEL_NAME: 'qwen2.5:7b' }, cwd());
    expect(config.models[0]).toMatchObject({ id: 'default', baseUrl: 'http://127.0.0.1:11434/v1', name: 'qwen2.5:7b' });
    expect(problemsOf(() => loadConfig({ SUWEN_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1' }, cwd()))[0]).toMatch(/SUWEN_MODEL_NAME/);
    expect(problemsOf(() => loadConfig({ SUWEN_MODEL_DATA_BOUNDARY: 'cloud', SUWEN_MODEL_GGUF: '/m.gguf' }, cwd()))[0]).toMatch(
      /SUWEN_MODEL_DATA_BOUNDARY/,
    );
  });

  it('names a missing or broken config file', () => {
    expect(problemsOf(() => loadConfig({ SUWEN_CONFIG: 'nope.json' }, cwd()))[0]).toMatch(/SUWEN_CONFIG: file not found/);
    const dir = cwd();
    writeFileSync(join(dir, 'suwen.config.json'), '{ port: 1 ');
    expect(problemsOf(() => loadConfig({}, dir))[0]).toMatch(/not valid JSON/);
  });
  it('reads speech recognition from SUWEN_ASR_* over the config file, and names what is missing', () => {
    const dir = cwd();
    expect(loadConfig({}, dir).asr).toMatchObject({ allowExternal: false, concurrency: 1, maxUploadMb: 25 });
    writeFileSync(join(dir, 'suwen.config.json'), JSON.stringify({ asr: { baseUrl: 'http://10.0.0.9:9000/v1', model: 'whisper-1' } }));
    const config = loadConfig({ SUWEN_ASR_BOUNDARY: 'external', SUWEN_ASR_ALLOW_EXTERNAL: '1', SUWEN_ASR_CONCURRENCY: '2' }, dir);
    expect(config.asr).toMatchObject({
      baseUrl: 'http://10.0.0.9:9000/v1',
      model: 'whisper-1',
      dataBoundary: 'external',
      allowExternal: true,
      concurrency: 2,
    });
    expect(problemsOf(() => loadConfig({ SUWEN_ASR_BASE_URL: 'http://127.0.0.1:9000/v1' }, cwd()))[0]).toMatch(/SUWEN_ASR_MODEL/);
    expect(problemsOf(() => loadConfig({ SUWEN_ASR_BOUNDARY: 'cloud' }, cwd()))[0]).toMatch(/^SUWEN_ASR_BOUNDARY/);
    expect(problemsOf(() => loadConfig({ SUWEN_ASR_ALLOW_EXTERNAL: 'sure' }, cwd()))[0]).toMatch(/^SUWEN_ASR_ALLOW_EXTERNAL/);
    expect(
      problemsOf(() =>
        loadConfig({ SUWEN_ASR_BASE_URL: 'http://127.0.0.1:9000/v1', SUWEN_ASR_MODEL: 'm', SUWEN_ASR_WHISPER_DIR: '/w' }, cwd()),
      )[0],
    ).toMatch(/not both/);
    expect(loadConfig({ SUWEN_ASR_WHISPER_DIR: '/models/whisper-base' }, cwd()).asr.whisperDir).toBe('/models/whisper-base');
  });

  it('reads the paging webhook from SUWEN_ALERTS_* over the config file, and names bad settings', () => {
    const dir = cwd();
    expect(loadConfig({}, dir).alerts).toEqual({
      patientRef: 'pseudonym',
      timeoutMs: 5_000,
      retryDelayMs: 5_000,
      maxRetryDelayMs: 300_000,
    });
    writeFileSync(
      join(dir, 'suwen.config.json'),
      JSON.stringify({
        alerts: { webhookUrl: 'https://pager.hospital.example/hook', patientRef: 'id', linkBaseUrl: 'https://suwen.example' },
      }),
    );
    const config = loadConfig({ SUWEN_ALERTS_WEBHOOK_SECRET: 'a-long-enough-secret', SUWEN_ALERTS_TIMEOUT_MS: '2000' }, dir);
    expect(config.alerts).toMatchObject({
      webhookUrl: 'https://pager.hospital.example/hook',
      webhookSecret: 'a-long-enough-secret',
      patientRef: 'id',
      linkBaseUrl: 'https://suwen.example',
      timeoutMs: 2000,
    });
    expect(problemsOf(() => loadConfig({ SUWEN_ALERTS_WEBHOOK_URL: 'not a url' }, cwd()))[0]).toMatch(/^SUWEN_ALERTS_WEBHOOK_URL/);
    expect(problemsOf(() => loadConfig({ SUWEN_ALERTS_WEBHOOK_URL: 'ftp://pager.example/h' }, cwd()))[0]).toMatch(
      /http:\/\/ or https:\/\//,
    );
    expect(problemsOf(() => loadConfig({ SUWEN_ALERTS_PATIENT_REF: 'name' }, cwd()))[0]).toMatch(/^SUWEN_ALERTS_PATIENT_REF/);
    expect(problemsOf(() => loadConfig({ SUWEN_ALERTS_WEBHOOK_SECRET: 'a-long-enough-secret' }, cwd()))[0]).toMatch(/needs a webhook URL/);
    expect(
      problemsOf(() => loadConfig({ SUWEN_ALERTS_WEBHOOK_URL: 'https://pager.example/h', SUWEN_ALERTS_WEBHOOK_SECRET: 'short' }, cwd()))[0],
    ).toMatch(/^SUWEN_ALERTS_WEBHOOK_SECRET: must be at least 16/);
    // A pseudonym keyed by a public constant would link back to the record id: a secret is required.
    expect(problemsOf(() => loadConfig({ SUWEN_ALERTS_WEBHOOK_URL: 'https://pager.example/h' }, cwd()))[0]).toMatch(
      /webhookSecret|WEBHOOK_SECRET/,
    );
  });
});
