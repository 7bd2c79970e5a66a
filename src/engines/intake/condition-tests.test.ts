import { describe, expect, it } from 'vitest';
import { loadDdxModel } from '../ddx/index.js';
import { loadConditionTests, suggestNextTests } from './condition-tests.js';

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
