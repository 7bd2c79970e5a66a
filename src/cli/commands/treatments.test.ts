import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DifferentialResult } from '../../workflows/decision/differential.js';
import type { TreatmentComparison } from '../../workflows/decision/treatment-options.js';
import { runCli } from '../testing/run-cli.js';

describe('suwen treatments and suwen ddx --patient', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suwen-treatments-'));
  const env = { SUWEN_DATA_DIR: dir };
  let patientId: string;
  beforeAll(async () => {
    const imported = await runCli(['import', 'fhir', 'data/demo/synthea-10', 'data/demo/observations'], env);
    expect(imported.code).toBe(0);
    const db = new Database(join(dir, 'suwen.sqlite'), { readonly: true });
    patientId = (db.prepare('select id from patients order by name_text limit 1').get() as { id: string }).id;
    db.close();
  });

  it('prints the anticoagulation options side by side, and says when a diagnosis has none', async () => {
    const run = await runCli(['treatments', '--patient', patientId, '--diagnosis', 'atrial fibrillation'], env);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as TreatmentComparison;
    expect(result.diagnosis.id).toBe('atrial-fibrillation');
    expect(result.options.map((option) => option.id)).toEqual(['apixaban', 'rivaroxaban', 'dabigatran', 'warfarin']);
    expect(result.options.every((option) => option.source.title.length > 10)).toBe(true);
    const unknown = await runCli(['treatments', '--patient', patientId, '--diagnosis', 'broken leg'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no curated treatment options match/);
    expect((await runCli(['treatments', '--patient', patientId], env)).code).toBe(2);
  });

  it('prints the patient differential, saying there is no intake to rank from', async () => {
    const run = await runCli(['ddx', '--patient', patientId, '--lang', 'en'], env);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as DifferentialResult).status).toBe('no-intake');
    expect(run.stderr).toMatch(/no finished pre-visit intake and no findings have been entered/);
    expect((await runCli(['ddx'], env)).code).toBe(2);
  });

  it('ranks the patient differential on findings given with --finding, each cited as the clinician', async () => {
    const run = await runCli(
      ['ddx', '--patient', patientId, '--lang', 'en', '--finding', 'E_91=yes', '--finding', 'E_201=yes', '--finding', 'E_14=no'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as DifferentialResult;
    expect(result.status).toBe('ranked');
    expect(result.sources.filter((source) => source.type === 'clinician').map((source) => source.id)).toEqual(['C1', 'C2', 'C3']);
    const bad = await runCli(['ddx', '--patient', patientId, '--finding', 'E_55=yes'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/E_55 needs a value/);
  });
});
