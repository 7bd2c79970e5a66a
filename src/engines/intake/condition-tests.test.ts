import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDdxModel, loadDiagnosticTests } from '../ddx/index.js';
import { CONDITION_TESTS_PATH, loadConditionTests, suggestNextTests } from './condition-tests.js';

describe('suggestNextTests', () => {
  it('has 1–4 cited tests for every one of the 49 DDXPlus conditions', () => {
    const all = loadConditionTests();
    const names = loadDdxModel().conditions.map((c) => c.name);
    expect(names).toHaveLength(49);
    for (const name of names) {
      const tests = all[name] ?? [];
      expect(tests.length, name).toBeGreaterThanOrEqual(1);
      expect(tests.length, name).toBeLessThanOrEqual(4);
      for (const t of tests) expect(t.source.title.length, name).toBeGreaterThan(10);
    }
  });

  it('suggests a chest X-ray for pneumonia and nothing for an unknown name', () => {
    expect(suggestNextTests('Pneumonia').map((t) => t.test.en)).toContain('Chest X-ray');
    expect(suggestNextTests('Pneumonia')[0]?.test.zh).toBe('胸部X线片');
    expect(suggestNextTests('Not a condition')).toEqual([]);
  });
});

// The ranking's test table lives with the differential (src/engines/ddx), the per-condition
// suggestions here; this engine depends on that one, so the cross-check lives on this side.
describe('the curated diagnostic-test table', () => {
  it('targets only DDXPlus conditions, and every covered name exists in condition-tests.json', () => {
    const table = loadDiagnosticTests(loadDdxModel().conditions.map((c) => c.name));
    expect(table.tests.length).toBeGreaterThanOrEqual(15);
    const conditionTests = JSON.parse(readFileSync(CONDITION_TESTS_PATH, 'utf8')) as {
      conditions: Record<string, { test: { en: string } }[]>;
    };
    const known = new Set(Object.values(conditionTests.conditions).flatMap((list) => list.map((t) => t.test.en)));
    for (const entry of table.tests) {
      for (const name of entry.conditionTests ?? []) expect(known.has(name), `${entry.id}: ${name}`).toBe(true);
      expect(entry.source.title.length, entry.id).toBeGreaterThan(20);
      expect(entry.name.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
