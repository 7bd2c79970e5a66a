import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.js';

// Synthetic fixtures only.
const patient = { resourceType: 'Patient', id: 'cli-p1', name: [{ family: 'Testperson', given: ['Alex'] }] };
const condition = (id: string, subject: string) => ({
  resourceType: 'Condition',
  id,
  code: { text: 'Test condition' },
  subject: { reference: subject },
});

describe('suwen import fhir / export fhir', () => {
  it('exits 2 naming file:line on malformed input and imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suwen-cli-import-'));
    const env = { SUWEN_DATA_DIR: join(dir, 'data'), SUWEN_DEMO: '0' };
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, `${JSON.stringify(patient)}\n\n{"resourceType": "Condition", "id": oops}\n`);

    const result = await runCli(['import', 'fhir', bad], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`suwen: ${bad}:3: invalid JSON at column 37: unexpected token 'o'\n`);
    expect(result.stderr).toContain('suwen: nothing was imported');

    const missing = await runCli(['export', 'fhir', '--patient', 'cli-p1'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no patient with id "cli-p1"/);
  });

  it('exits 3 listing rejected resources after importing the rest, and exports what it imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suwen-cli-import-'));
    const env = { SUWEN_DATA_DIR: join(dir, 'data'), SUWEN_DEMO: '0' };
    const file = join(dir, 'records.ndjson');
    const lines = [patient, condition('cli-c1', 'Patient/cli-p1'), condition('cli-c2', 'Patient/nobody')];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);

    const result = await runCli(['import', 'fhir', file], env);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/Condition\s+1 new, 0 updated/);
    expect(result.stdout).toContain(`${file}:3: Condition/cli-c2: Condition.subject: patient not found`);
    expect(result.stderr).toContain(`read ${file}`);

    const out = join(dir, 'bundle.json');
    const exported = await runCli(['export', 'fhir', '--patient', 'cli-p1', '--out', out], env);
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { entry: { resource: { id: string } }[] };
    expect(bundle.entry.map((e) => e.resource.id)).toEqual(['cli-p1', 'cli-c1']);
  });
});
