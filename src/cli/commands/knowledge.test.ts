import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MedicationCheckResult } from '../../engines/medication/index.js';
import type { SearchHit } from '../../engines/search/index.js';
import { runCli } from '../testing/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'suwen-kb-cli-'));
const env = { SUWEN_DATA_DIR: dir };

function inputFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('suwen meds check', () => {
  it('reports the bleeding interactions and the renal dose issue for warfarin + aspirin + ibuprofen at eGFR 25, with sources', async () => {
    const file = inputFile('meds.json', {
      age: 78,
      sex: 'F',
      weightKg: 60,
      egfr: 25,
      pregnant: false,
      allergies: ['penicillin'],
      medications: [
        { name: 'warfarin', dose: '5 mg', frequency: 'daily', route: 'po' },
        { name: '阿司匹林', dose: '100 mg', frequency: 'daily', route: 'po' },
        { name: 'Advil', dose: '400 mg', frequency: 'tid', route: 'po' },
      ],
    });
    const result = await runCli(['meds', 'check', '--input', file], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as MedicationCheckResult;
    expect(output.medications.map((medication) => medication.drugId)).toEqual(['warfarin', 'aspirin', 'ibuprofen']);
    const interactions = output.findings.filter((finding) => finding.kind === 'interaction');
    expect(interactions.some((finding) => finding.medications.join() === '0,1')).toBe(true);
    expect(interactions.some((finding) => finding.medications.join() === '0,2')).toBe(true);
    expect(output.findings.some((finding) => finding.kind === 'renal' && finding.medications[0] === 2)).toBe(true);
    for (const finding of output.findings) expect(finding.source.title).toBeTruthy();
  });

  it('exits 2 with every problem listed for an invalid input file', async () => {
    const file = inputFile('bad.json', { egfr: 'low', medications: [{ dose: '5 mg' }] });
    const result = await runCli(['meds', 'check', '--input', file], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/egfr/);
    expect(result.stderr).toMatch(/medications\.0\.name/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 for a file that is not JSON or does not exist', async () => {
    expect((await runCli(['meds', 'check', '--input', inputFile('broken.json', '{"medications": [')], env)).code).toBe(2);
    const missing = await runCli(['meds', 'check', '--input', join(dir, 'nope.json')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });
});

describe('suwen kb search', () => {
  it('finds a drug by Chinese name, a typo, a brand and a code', async () => {
    for (const [term, id] of [
      ['华法林', 'warfarin'],
      ['metfromin', 'metformin'],
      ['Lipitor', 'atorvastatin'],
      ['B01AA03', 'warfarin'],
    ] as const) {
      const result = await runCli(['kb', 'search', term, '--json', '--kind', 'drug'], env);
      expect(result.code).toBe(0);
      const hits = (JSON.parse(result.stdout) as { hits: SearchHit[] }).hits;
      expect(hits[0]?.id, term).toBe(id);
    }
  });

  it('exits 1 when nothing matches and 2 for an unknown kind', async () => {
    expect((await runCli(['kb', 'search', 'qqqzzzxxy'], env)).code).toBe(1);
    expect((await runCli(['kb', 'search', 'x', '--kind', 'planet'], env)).code).toBe(2);
  });
});

describe('suwen labs interpret and suwen score', () => {
  it('flags a typed panel with unit conversion and names the AKI pattern', async () => {
    const file = inputFile('labs.json', {
      sex: 'M',
      age: 70,
      results: [
        { test: 'creatinine', value: 1.0, unit: 'mg/dL', time: '2026-11-01T08:00:00Z' },
        { test: '肌酐', value: 2.1, unit: 'mg/dL', time: '2026-11-02T08:00:00Z' },
        { test: 'K', value: 6.8, unit: 'mmol/L', time: '2026-11-02T08:00:00Z' },
      ],
    });
    const result = await runCli(['labs', 'interpret', '--input', file], env);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { results: { flag: string }[]; patterns: { id: string }[] };
    expect(output.results.map((entry) => entry.flag)).toContain('critical-high');
    expect(output.patterns.map((pattern) => pattern.id)).toContain('acute-kidney-injury');
  });

  it('computes a score, describes its inputs, and exits 2 with every problem or a suggestion', async () => {
    const params = inputFile('egfr.json', { age: 50, sex: 'F', creatinine: 0.9, creatinineUnit: 'mg/dL' });
    const computed = await runCli(['score', 'eGFR', '--input', params], env);
    expect(computed.code, computed.stderr).toBe(0);
    expect(Math.round((JSON.parse(computed.stdout) as { value: number }).value)).toBe(78);
    const described = await runCli(['score', 'CHA2DS2-VASc'], env);
    expect((JSON.parse(described.stdout) as { inputs: unknown[] }).inputs.length).toBeGreaterThan(5);
    const invalid = await runCli(['score', 'egfr-ckd-epi-2021', '--input', inputFile('bad-egfr.json', { age: 500, sex: 'X' })], env);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/age/);
    expect(invalid.stderr).toMatch(/creatinine/);
    const unknown = await runCli(['score', 'CHADSVAS'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/cha2ds2-vasc/);
  });
});

describe('suwen imaging', () => {
  it('lists scenarios, rates one from a file, and exits 2 on bad input', async () => {
    const list = await runCli(['imaging'], env);
    expect(list.stdout).toMatch(/renal-colic/);
    const file = inputFile('ankle.json', {});
    const described = await runCli(['imaging', '--scenario', 'ankle-injury'], env);
    const inputs = (JSON.parse(described.stdout) as { inputs: { name: string; type: string }[] }).inputs;
    const all = Object.fromEntries(
      inputs.map((input) => [input.name, input.type === 'boolean' ? false : input.type === 'number' ? 40 : undefined]),
    );
    writeFileSync(file, JSON.stringify(all));
    const rated = await runCli(['imaging', '--scenario', 'ankle-injury', '--input', file], env);
    expect(rated.code, rated.stderr).toBe(0);
    expect((JSON.parse(rated.stdout) as { recommendations: unknown[] }).recommendations.length).toBeGreaterThan(0);
    const bad = await runCli(['imaging', '--scenario', 'ankle-injury', '--input', inputFile('bad-ankle.json', { nonsense: 1 })], env);
    expect(bad.code).toBe(2);
  });
});
