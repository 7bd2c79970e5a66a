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
});
