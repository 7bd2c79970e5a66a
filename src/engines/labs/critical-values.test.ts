import { describe, expect, it } from 'vitest';
import { interpretLabs } from './interpret-labs.js';
import { loadLabIndex } from './testing-labs.js';

const index = loadLabIndex();
const panel = (results: { test: string; value: number; unit?: string }[], sex?: 'M' | 'F') =>
  interpretLabs(index, { ...(sex ? { sex } : {}), results });
const one = (test: string, value: number, unit?: string) => {
  const r = panel([{ test, value, ...(unit ? { unit } : {}) }]).results[0];
  if (!r) throw new Error('no result');
  return r;
};

/** Issue 23 item 4: troponin I 450 ng/L and T 500 ng/L were shown only as "High". */
describe('critical values per analyte', () => {
  it('flags hs troponin I 450 ng/L and hs troponin T 500 ng/L as critical, each limit cited with its URL', () => {
    const tni = one('hs-cTnI', 450, 'ng/L');
    const tnt = one('hs-cTnT', 500, 'ng/L');
    expect(tni.flag).toBe('critical-high');
    expect(tnt.flag).toBe('critical-high');
    expect(tni.criticalCitation?.url).toMatch(/^https:\/\//);
    expect(tnt.criticalCitation?.url).toMatch(/^https:\/\//);
    // Conventional units convert before the limit applies: 0.45 ng/mL = 450 ng/L.
    expect(one('troponin I', 0.45, 'ng/mL').flag).toBe('critical-high');
  });

  it('keeps a troponin just above the 99th percentile "high", not critical', () => {
    expect(one('hs-cTnT', 20, 'ng/L').flag).toBe('high');
    expect(one('hs-cTnI', 40, 'ng/L').flag).toBe('high');
  });

  it('flags INR at or above the critical limit (the source writes ≥ 5.0)', () => {
    expect(one('INR', 5).flag).toBe('critical-high');
    expect(one('INR', 3).flag).toBe('high');
    expect(one('INR', 5).criticalCitation?.url).toMatch(/^https:\/\//);
  });

  it.each([
    ['K', 6.5, 'critical-high'],
    ['K', 2.5, 'critical-low'],
    ['Na', 118, 'critical-low'],
    ['Na', 160, 'critical-high'],
    ['glucose', 2.2, 'critical-low'],
    ['glucose', 30, 'critical-high'],
    ['Hb', 60, 'critical-low'],
    ['PLT', 20, 'critical-low'],
    ['PLT', 1000, 'critical-high'],
    ['lactate', 4.5, 'critical-high'],
    ['Ca', 1.5, 'critical-low'],
    ['Ca', 3.4, 'critical-high'],
  ] as const)('flags %s %d as %s, with a source URL', (test, value, flag) => {
    const r = one(test, value);
    expect(r.flag).toBe(flag);
    expect(r.criticalCitation?.url, test).toMatch(/^https?:\/\//);
  });
});

describe('the pattern a critical troponin suggests', () => {
  it('reports a myocardial-injury pattern for troponin far above the 99th percentile: consider acute MI, ECG and serial troponin', () => {
    const out = panel([{ test: 'hs-cTnI', value: 450, unit: 'ng/L' }], 'M');
    const pattern = out.patterns.find((p) => p.id === 'myocardial-injury');
    expect(pattern).toBeDefined();
    expect(pattern?.severity).toBe('critical');
    expect(pattern?.message.en).toMatch(/myocardial injury/i);
    expect(pattern?.message.en).toMatch(/acute MI|myocardial infarction/);
    expect(pattern?.message.en).toMatch(/ECG/);
    expect(pattern?.message.en).toMatch(/serial troponin/i);
    expect(pattern?.message.zh).toMatch(/心肌损伤/);
    expect(pattern?.message.zh).toMatch(/心电图/);
    expect(pattern?.source.url).toMatch(/^https:\/\//);
    expect(pattern?.evidence[0]).toMatchObject({ labId: 'troponin-i-hs', value: 450, unit: 'ng/L' });
  });

  it('says "above the 99th percentile" (not critical) for a modest rise, and nothing for a normal troponin', () => {
    expect(panel([{ test: 'hs-cTnT', value: 30, unit: 'ng/L' }]).patterns.find((p) => p.id === 'myocardial-injury')?.severity).toBe(
      'above-99th-percentile',
    );
    expect(panel([{ test: 'hs-cTnT', value: 8, unit: 'ng/L' }]).patterns.some((p) => p.id === 'myocardial-injury')).toBe(false);
  });

  it('puts the critical pattern first', () => {
    const out = panel([
      { test: 'Hb', value: 100 },
      { test: 'hs-cTnT', value: 500, unit: 'ng/L' },
    ]);
    expect(out.patterns[0]?.id).toBe('myocardial-injury');
  });
});

describe('the patterns other critical values suggest', () => {
  const find = (results: { test: string; value: number; unit?: string }[], id: string) => panel(results).patterns.find((p) => p.id === id);

  it('lactate ≥ 4 mmol/L: possible hypoperfusion, assess for sepsis or shock, citing the Surviving Sepsis Hour-1 bundle', () => {
    const pattern = find([{ test: 'lactate', value: 4.5 }], 'hyperlactataemia');
    expect(pattern?.severity).toBe('critical');
    expect(pattern?.message.en).toMatch(/hypoperfusion/);
    expect(pattern?.message.en).toMatch(/sepsis/);
    expect(pattern?.message.en).toMatch(/30 mL\/kg/);
    expect(pattern?.message.zh).toMatch(/脓毒症/);
    expect(pattern?.source.title).toMatch(/Surviving Sepsis/);
    expect(pattern?.source.url).toMatch(/^https:\/\//);
    expect(find([{ test: 'lactate', value: 2.8 }], 'hyperlactataemia')?.severity).toBe('elevated');
    expect(find([{ test: 'lactate', value: 1.5 }], 'hyperlactataemia')).toBeUndefined();
  });

  it('INR ≥ 5: over-anticoagulation / coagulopathy, bleeding risk, against the usual 2.0–3.0 warfarin target', () => {
    const pattern = find([{ test: 'INR', value: 6.2 }], 'over-anticoagulation');
    expect(pattern?.severity).toBe('critical');
    expect(pattern?.message.en).toMatch(/bleeding/);
    expect(pattern?.message.en).toMatch(/2\.0–3\.0/);
    expect(pattern?.message.zh).toMatch(/出血/);
    expect(pattern?.source.url).toMatch(/^https:\/\//);
    expect(find([{ test: 'INR', value: 2.6 }], 'over-anticoagulation')).toBeUndefined();
  });
});

describe('what a critical potassium suggests', () => {
  it('asks for an urgent 12-lead ECG from 6.0 mmol/L, and continuous monitoring from 6.5, citing the guideline with a URL', () => {
    const moderate = panel([{ test: 'K', value: 6.1 }]).patterns.find((p) => p.id === 'hyperkalaemia');
    expect(moderate?.message.en).toMatch(/urgent 12-lead ECG/);
    expect(moderate?.message.zh).toMatch(/12导联心电图/);
    const severe = panel([{ test: 'K', value: 6.8 }]).patterns.find((p) => p.id === 'hyperkalaemia');
    expect(severe?.message.en).toMatch(/continuous cardiac monitoring/);
    expect(severe?.message.zh).toMatch(/持续心电监护/);
    expect(severe?.source.url).toMatch(/^https?:\/\//);
    const mild = panel([{ test: 'K', value: 5.7 }]).patterns.find((p) => p.id === 'hyperkalaemia');
    expect(mild?.message.en).not.toMatch(/ECG/);
  });
});

describe('what a critical glucose suggests', () => {
  it('a glucose beyond the critical limit without DKA results asks for ketones, pH/bicarbonate and osmolality (DKA or HHS)', () => {
    const pattern = panel([{ test: 'glucose', value: 30 }]).patterns.find((p) => p.id === 'severe-hyperglycaemia');
    expect(pattern?.severity).toBe('critical');
    expect(pattern?.message.en).toMatch(/ketones.*pH.*bicarbonate.*osmolality/);
    expect(pattern?.message.en).toMatch(/DKA.*HHS|HHS.*DKA/);
    expect(pattern?.message.zh).toMatch(/酮体/);
    expect(pattern?.source.title).toMatch(/Hyperglycemic crises/i);
    // When the DKA criteria are met, the DKA pattern says it instead.
    const dka = panel([
      { test: 'glucose', value: 30 },
      { test: 'ph-arterial', value: 7.1 },
      { test: 'bicarbonate', value: 9 },
    ]).patterns.map((p) => p.id);
    expect(dka).toContain('diabetic-ketoacidosis');
    expect(dka).not.toContain('severe-hyperglycaemia');
    expect(panel([{ test: 'glucose', value: 15 }]).patterns.some((p) => p.id === 'severe-hyperglycaemia')).toBe(false);
  });
});
