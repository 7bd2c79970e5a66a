import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'suwen-ddx-cli-'));
const env = { SUWEN_DATA_DIR: dir };
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface Ranked {
  differential: { condition: string; icd10: string; probability: number; for: unknown[]; against: unknown[] }[];
}

describe('suwen ddx', () => {
  it('ranks one case into the documented JSON shape, probabilities summing to at most 1', async () => {
    const input = file('case.json', JSON.stringify({ age: 45, sex: 'M', evidence: ['E_91', 'E_55_@_V_89', 'E_56_@_7'] }));
    const result = await runCli(['ddx', '--input', input], env);
    expect(result.code).toBe(0);
    const ranked = JSON.parse(result.stdout) as Ranked;
    expect(ranked.differential.length).toBe(10);
    const first = ranked.differential[0];
    expect(first).toMatchObject({ condition: expect.any(String), icd10: expect.any(String), probability: expect.any(Number) });
    expect(Array.isArray(first?.for) && Array.isArray(first?.against)).toBe(true);
    const total = ranked.differential.reduce((sum, entry) => sum + entry.probability, 0);
    expect(total).toBeLessThanOrEqual(1.000001);
    expect([...ranked.differential].sort((a, b) => b.probability - a.probability)).toEqual(ranked.differential);
  });

  it('answers a JSON-lines file with one result line per case', async () => {
    const input = file(
      'cases.jsonl',
      [
        { age: 30, sex: 'F', evidence: ['E_91', 'E_201'] },
        { age: 70, sex: 'M', evidence: ['E_53', 'E_66'] },
      ]
        .map((entry) => JSON.stringify(entry))
        .join('\n'),
    );
    const result = await runCli(['ddx', '--input', input, '--limit', '3'], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect((JSON.parse(line) as Ranked).differential).toHaveLength(3);
  });

  it('exits 2 naming the line for an unknown evidence code or a malformed case', async () => {
    const unknown = await runCli(['ddx', '--input', file('bad.jsonl', '{"age":30,"sex":"F","evidence":["E_9999"]}\n')], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/bad\.jsonl.*E_9999/);
    const malformed = await runCli(['ddx', '--input', file('bad.json', '{"age":"old","sex":"X","evidence":[]}')], env);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/age/);
  });

  it('takes clinician findings with --patient, refusing a malformed one or one without a patient (exit 2)', async () => {
    const malformed = await runCli(['ddx', '--patient', 'p1', '--finding', 'fever'], env);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/--finding fever: expected CODE=yes\|no/);
    const alone = await runCli(['ddx', '--input', '-', '--finding', 'E_91=yes'], env);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--finding needs --patient/);
    const unknown = await runCli(['ddx', '--patient', 'nobody', '--finding', 'E_91=yes', '--finding', 'E_55=V_29'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/not found/i);
  });
});
