import { describe, expect, it } from 'vitest';
import { loadDdxModel } from './load-ddx-model.js';
import { rankDifferential } from './rank-differential.js';

const model = loadDdxModel();
const probabilityOf = (result: ReturnType<typeof rankDifferential>, name: string) =>
  result.differential.find((d) => d.condition === name)?.probability ?? Number.NaN;

describe('rankDifferential', () => {
  const otitis = {
    age: 4,
    sex: 'F' as const,
    evidence: ['E_53', 'E_55_@_V_129', 'E_91'],
    denied: ['E_201', 'E_181'],
  };
  const result = rankDifferential(model, otitis);

  it('returns all 49 conditions by falling probability, with the CLI fields', () => {
    expect(result.differential).toHaveLength(49);
    const probabilities = result.differential.map((d) => d.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    const top = result.differential[0];
    expect(top).toMatchObject({ condition: expect.any(String), icd10: expect.any(String), severity: expect.any(Number) });
    expect(top?.for[0]).toMatchObject({ code: expect.any(String), label: { en: expect.any(String), zh: expect.any(String) } });
  });

  it('puts acute otitis media first for a febrile child with ear pain', () => {
    expect(result.differential[0]?.condition).toBe('Acute otitis media');
    expect(result.differential[0]?.icd10).toBe('H66.90');
    expect(result.differential[0]?.for.map((f) => f.code)).toContain('E_55_@_V_129');
  });

  it.each([
    ['Acute otitis media', 'E_55_@_V_129', ['E_53']],
    ['Whooping cough', 'E_166', []],
    ['Allergic sinusitis', 'E_169', []],
    ['Pulmonary embolism', 'E_109', []],
  ])('raises %s when its evidence %s is present', (condition, code, base) => {
    const without = rankDifferential(model, { age: 40, sex: 'M', evidence: base });
    const withIt = rankDifferential(model, { age: 40, sex: 'M', evidence: [...base, code] });
    expect(probabilityOf(withIt, condition)).toBeGreaterThan(probabilityOf(without, condition));
  });

  it('lists a denied evidence that the condition expects as against it', () => {
    const denied = rankDifferential(model, { age: 30, sex: 'M', evidence: ['E_203'], denied: ['E_166'] });
    const whooping = denied.differential.find((d) => d.condition === 'Whooping cough');
    expect(whooping?.against.map((f) => f.code)).toContain('E_166');
  });

  it('rejects an unknown evidence code with a message naming the format', () => {
    expect(() => rankDifferential(model, { age: 30, sex: 'M', evidence: ['fever'] })).toThrow(/E_91/);
  });
});
