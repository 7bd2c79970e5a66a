import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import type { AskCaseResult } from '../../workflows/decision/ask-case.js';
import { runCli } from '../testing/run-cli.js';

describe('suwen ask-case', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suwen-ask-case-'));
  let upstream: ScriptedModelServer;
  let patientId: string;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    const imported = await runCli(['import', 'fhir', 'data/demo/synthea-10', 'data/demo/observations'], { SUWEN_DATA_DIR: dir });
    expect(imported.code).toBe(0);
    const db = new Database(join(dir, 'suwen.sqlite'), { readonly: true });
    patientId = (db.prepare('select id from patients order by name_text limit 1').get() as { id: string }).id;
    db.close();
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('prints cited claims with unsupported ones marked, and the alerts even without a model', async () => {
    upstream.enqueue({
      kind: 'json',
      value: {
        pico: { population: 'p', intervention: 'i', comparison: 'c', outcome: 'o' },
        answer: 'Draft answer.',
        considerations: [],
        claims: [
          { text: 'Supported.', sourceIds: ['R1'] },
          { text: 'Invented.', sourceIds: ['R999'] },
        ],
      },
    });
    const withModel = await runCli(['ask-case', '--patient', patientId, '--lang', 'en', 'Is', 'the', 'regimen', 'safe?'], {
      SUWEN_DATA_DIR: dir,
      SUWEN_MODEL_BASE_URL: upstream.baseUrl,
      SUWEN_MODEL_NAME: 'scripted-model',
    });
    expect(withModel.code, withModel.stderr).toBe(0);
    const result = JSON.parse(withModel.stdout) as AskCaseResult;
    expect(result.claims.map((claim) => claim.supported)).toEqual([true, false]);
    expect(result.artifactId).toBeTruthy();
    const noModel = await runCli(['ask-case', '--patient', patientId, 'any concerns?'], { SUWEN_DATA_DIR: dir });
    expect(noModel.code).toBe(0);
    expect((JSON.parse(noModel.stdout) as AskCaseResult).answer).toBeNull();
    expect(noModel.stderr).toMatch(/尚未连接语言模型/);
    expect((await runCli(['ask-case', '--patient', 'nope', 'q'], { SUWEN_DATA_DIR: dir })).code).toBe(2);
  });
});
