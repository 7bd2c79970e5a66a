import { describe, expect, it } from 'vitest';
import { interpretLabs } from './interpret-labs.js';
import { findLab } from './lab-index.js';
import { loadLabIndex } from './testing-labs.js';

const index = loadLabIndex();
const one = (test: string, value: number, extra: { unit?: string; sex?: 'M' | 'F'; age?: number } = {}) => {
  const result = { test, value, ...(extra.unit ? { unit: extra.unit } : {}) };
  const r = interpretLabs(index, { sex: extra.sex, age: extra.age, results: [result] }).results[0];
  if (!r) throw new Error('no result');
  return r;
};

describe('findLab', () => {
  it.each([
    ['Na', 'sodium'],
    ['血钠', 'sodium'],
    ['2160-0', 'creatinine'],
    ['Scr', 'creatinine'],
    ['血清肌酐', 'creatinine'],
    ['谷丙转氨酶', 'alt'],
    ['GPT', 'alt'],
    ['丙氨酸氨基转移酶', 'alt'],
    ['HGB', 'haemoglobin'],
    ['血红蛋白', 'haemoglobin'],
    ['ｈｂａ１ｃ', 'hba1c'],
    ['serum potassium', 'potassium'],
    ['Serum Ferritin', 'ferritin'],
  ])('finds %s as %s', (query, id) => {
    expect(findLab(index, query)?.id).toBe(id);
  });

  it('returns undefined for an unknown test', () => {
    expect(findLab(index, 'unobtainium')).toBeUndefined();
  });
});

describe('interpretLabs flags', () => {
  it('flags low, normal and high potassium against WS/T 404.3', () => {
    expect(one('K', 3.2).flag).toBe('low');
    expect(one('K', 4.1).flag).toBe('normal');
    expect(one('K', 5.8).flag).toBe('high');
    expect(one('K', 4.1).citation?.title).toContain('WS/T 404.3');
  });

  it('flags critical values beyond the Kost limits and cites them', () => {
    const low = one('钾', 2.5);
    expect(low.flag).toBe('critical-low');
    expect(low.criticalCitation?.title).toContain('Kost');
    expect(one('Na', 165).flag).toBe('critical-high');
    expect(one('Hb', 60).flag).toBe('critical-low');
  });

  it('applies sex-specific haemoglobin ranges', () => {
    expect(one('Hb', 125, { sex: 'M' }).flag).toBe('low');
    expect(one('Hb', 125, { sex: 'F' }).flag).toBe('normal');
    expect(one('Hb', 160, { sex: 'F' }).flag).toBe('high');
    expect(one('Hb', 160, { sex: 'M' }).flag).toBe('normal');
  });

  it('uses the widest range when sex is unknown and says so', () => {
    const r = one('Hb', 120);
    expect(r.flag).toBe('normal');
    expect(r.range).toMatchObject({ low: 115, high: 175, merged: true });
  });

  it('applies age bands for creatinine', () => {
    expect(one('Cr', 105, { sex: 'M', age: 40 }).flag).toBe('high');
    expect(one('Cr', 105, { sex: 'M', age: 70 }).flag).toBe('normal');
  });

  it('converts conventional units before flagging', () => {
    const r = one('glucose', 54, { unit: 'mg/dL' });
    expect(r.siValue).toBeCloseTo(2.997, 3);
    expect(r.flag).toBe('low');
    expect(one('Cr', 2.0, { unit: 'mg/dl', sex: 'F', age: 30 }).flag).toBe('high');
  });

  it('gives bilingual messages', () => {
    const r = one('ALT', 120, { sex: 'M' });
    expect(r.message).toEqual({ en: 'Above the reference range', zh: '高于参考区间' });
  });
});

describe('interpretLabs problems', () => {
  it('reports an unknown test without throwing', () => {
    const r = one('unobtainium', 3);
    expect(r.flag).toBe('unknown');
    expect(r.problem?.code).toBe('unknown-test');
    expect(r.problem?.message.zh).toMatch(/未识别/);
  });

  it('reports an unknown unit and names the expected one', () => {
    const r = one('Na', 140, { unit: 'g/furlong' });
    expect(r.problem?.code).toBe('unknown-unit');
    expect(r.problem?.message.en).toContain('mmol/L');
    expect(r.siValue).toBeUndefined();
  });

  it('reports a non-finite value', () => {
    expect(one('Na', Number.NaN).problem?.code).toBe('invalid-value');
  });

  it('reports no range for PSA in a woman but still matches the test', () => {
    const r = one('PSA', 2, { sex: 'F' });
    expect(r.labId).toBe('psa');
    expect(r.problem?.code).toBe('no-range');
    expect(r.flag).toBe('unknown');
  });
});

describe('interpretLabs trends', () => {
  it('reports direction, absolute and percent change from first to last', () => {
    const out = interpretLabs(index, {
      results: [
        { test: 'Hb', value: 100, time: '2024-01-03T08:00:00Z' },
        { test: 'Hb', value: 120, time: '2024-01-01T08:00:00Z' },
        { test: 'Hb', value: 90, time: '2024-01-05T08:00:00Z' },
        { test: 'Na', value: 140 },
      ],
    });
    expect(out.trends).toHaveLength(1);
    const t = out.trends[0];
    expect(t?.first.value).toBe(120);
    expect(t?.last.value).toBe(90);
    expect(t?.absoluteChange).toBe(-30);
    expect(t?.percentChange).toBeCloseTo(-25, 9);
    expect(t?.direction).toBe('falling');
  });

  it('calls a change under 5% stable and converts units across points', () => {
    const out = interpretLabs(index, {
      results: [
        { test: 'glucose', value: 90, unit: 'mg/dL', time: '2024-01-01T08:00:00Z' },
        { test: 'glucose', value: 5.1, time: '2024-01-02T08:00:00Z' },
      ],
    });
    expect(out.trends[0]?.direction).toBe('stable');
  });

  it('builds no trend from a single timed result', () => {
    expect(interpretLabs(index, { results: [{ test: 'Na', value: 140, time: '2024-01-01' }] }).trends).toHaveLength(0);
  });
});

describe('interpretLabs performance', () => {
  it('interprets a 50-result panel in well under a millisecond after the index is built', () => {
    const tests = [
      'Na',
      'K',
      'Cl',
      'HCO3',
      'BUN',
      'Cr',
      'Glu',
      'Ca',
      'Mg',
      'P',
      'ALT',
      'AST',
      'ALP',
      'GGT',
      'TBil',
      'Alb',
      'TP',
      'Hb',
      'WBC',
      'PLT',
      'MCV',
      'TSH',
      'FT4',
      'ferritin',
      '血钠',
    ];
    const results = Array.from({ length: 50 }, (_, i) => ({
      test: tests[i % tests.length] as string,
      value: 1 + (i % 7),
      time: `2024-01-0${1 + (i % 2)}T08:00:00Z`,
    }));
    for (let i = 0; i < 300; i++) interpretLabs(index, { sex: 'M', age: 50, results });
    // Best of several batches: the test machine is shared, so one batch can be descheduled.
    let perCall = Number.POSITIVE_INFINITY;
    for (let batch = 0; batch < 5; batch++) {
      const start = performance.now();
      for (let i = 0; i < 200; i++) interpretLabs(index, { sex: 'M', age: 50, results });
      perCall = Math.min(perCall, (performance.now() - start) / 200);
    }
    expect(perCall).toBeLessThan(0.5);
  });
});
