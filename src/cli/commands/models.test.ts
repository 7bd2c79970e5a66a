import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import { runCli } from '../testing/run-cli.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'suwen-ask-'));

describe('suwen ask / suwen models', () => {
  let upstream: ScriptedModelServer;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('exits 3 with the connect-a-model message when no model is configured', async () => {
    const en = await runCli(['ask', 'what is HbA1c?', '--lang', 'en'], { SUWEN_DATA_DIR: dataDir() });
    expect(en.code).toBe(3);
    expect(en.stderr).toMatch(/No language model is connected\. Set SUWEN_MODEL_BASE_URL and SUWEN_MODEL_NAME \(or SUWEN_MODEL_GGUF\)/);
    const zh = await runCli(['ask', '什么是糖化血红蛋白？', '--lang', 'zh-CN'], { SUWEN_DATA_DIR: dataDir() });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toMatch(/尚未连接语言模型/);
    const models = await runCli(['models'], { SUWEN_DATA_DIR: dataDir() });
    expect(models.code).toBe(0);
    expect(models.stdout).toMatch(/No language model configured/);
  });

  it('streams an answer, and answers as JSON with --json-schema', async () => {
    const env = { SUWEN_DATA_DIR: dataDir(), SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' };
    upstream.enqueue({ kind: 'text', text: 'HbA1c reflects average glucose over about three months.', chunks: 6 });
    const streamed = await runCli(['ask', 'what is HbA1c?'], env);
    expect(streamed.code).toBe(0);
    expect(streamed.stdout.trim()).toBe('HbA1c reflects average glucose over about three months.');

    upstream.enqueue({ kind: 'json', value: { drug: 'Metformin', doseMg: 500 } });
    const schema = JSON.stringify({
      type: 'object',
      properties: { drug: { type: 'string' }, doseMg: { type: 'number' } },
      required: ['drug', 'doseMg'],
    });
    const structured = await runCli(['ask', 'starting dose of metformin?', '--json-schema', schema], env);
    expect(structured.code).toBe(0);
    expect(JSON.parse(structured.stdout)).toEqual({ drug: 'Metformin', doseMg: 500 });

    const badSchema = await runCli(['ask', 'x', '--json-schema', 'no-such-file.json'], env);
    expect(badSchema.code).toBe(2);

    const models = await runCli(['models'], env);
    expect(models.code).toBe(0);
    expect(models.stdout).toMatch(/default {2}OpenAI-compatible {2}scripted-model .*\[local\]/);
    expect(models.stdout).toMatch(/reachable: yes \(HTTP 200\)/);
    expect(models.stdout).toMatch(/round trip: \d+ ms/);
  });

  it('sends a question to an external model through the privacy guard, or as typed when declared free of patient data', async () => {
    const env = {
      SUWEN_DATA_DIR: dataDir(),
      SUWEN_MODEL_BASE_URL: upstream.baseUrl,
      SUWEN_MODEL_NAME: 'scripted-model',
      SUWEN_MODEL_DATA_BOUNDARY: 'external',
    };
    // Like the server, the CLI builds its gateway in the composition root: the question may carry
    // patient data, so it is de-identified before it leaves (see src/cli/entry-point-audit.test.ts).
    upstream.enqueue({ kind: 'text', text: 'guarded' });
    const guarded = await runCli(['ask', 'summarise the note of Peter Lindqvist', '--lang', 'en'], env);
    expect(guarded.code, guarded.stderr).toBe(0);
    expect(guarded.stdout.trim()).toBe('guarded');
    expect(JSON.stringify(upstream.requests.at(-1)?.body)).not.toContain('Lindqvist');
    upstream.enqueue({ kind: 'text', text: 'fine' });
    const declared = await runCli(['ask', 'general question', '--no-phi'], env);
    expect(declared.code).toBe(0);
    expect(declared.stdout.trim()).toBe('fine');
  });
});
