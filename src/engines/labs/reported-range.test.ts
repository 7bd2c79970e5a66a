import { describe, expect, it } from 'vitest';
import { interpretLabs } from './interpret-labs.js';
import type { LabResultInput } from './lab-types.js';
import { loadLabIndex } from './testing-labs.js';

const index = loadLabIndex();
const one = (input: LabResultInput, sex?: 'M' | 'F') => {
  const r = interpretLabs(index, { ...(sex ? { sex } : {}), results: [input] }).results[0];
  if (!r) throw new Error('no result');
  return r;
};

/** Issue 23 item 4: platelets 356 were flagged high against the knowledge base's 125–350 although the report printed 150–400. */
describe("a result's own reference range (printed on the report, or carried by the record)", () => {
  it('flags platelets 356 against the printed 150–400, says the range is the laboratory’s own, and cites no KB range', () => {
    const r = one({ test: 'PLT', value: 356, unit: '10^9/L', reportedRange: { low: 150, high: 400 } });
    expect(r.flag).toBe('normal');
    expect(r.range).toMatchObject({ low: 150, high: 400, unit: '10^9/L', origin: 'reported' });
    expect(r.citation).toBeUndefined();
  });

  it('falls back to the knowledge-base range when none was printed, and says so', () => {
    const r = one({ test: 'PLT', value: 356, unit: '10^9/L' });
    expect(r.flag).toBe('high');
    expect(r.range?.origin).toBe('knowledge-base');
    expect(r.citation?.title).toBeTruthy();
  });

  it('converts a printed range in conventional units with the value (glucose 70–99 mg/dL)', () => {
    const r = one({ test: 'glucose', value: 104, unit: 'mg/dL', reportedRange: { low: 70, high: 99 } });
    expect(r.flag).toBe('high');
    expect(r.range?.low).toBeCloseTo(3.885, 3);
    expect(r.range?.high).toBeCloseTo(5.4945, 3);
    expect(r.range?.unit).toBe('mmol/L');
  });

  it('uses a one-sided printed range', () => {
    expect(one({ test: 'CRP', value: 7, reportedRange: { high: 5 } }).flag).toBe('high');
    expect(one({ test: 'CRP', value: 7, reportedRange: { high: 5 } }).range).toMatchObject({ high: 5, origin: 'reported' });
  });

  it('ignores a backwards or empty printed range and uses the knowledge base', () => {
    expect(one({ test: 'PLT', value: 356, reportedRange: { low: 400, high: 150 } }).range?.origin).toBe('knowledge-base');
    expect(one({ test: 'PLT', value: 356, reportedRange: {} }).range?.origin).toBe('knowledge-base');
  });

  it('still applies the critical limits, which come from the cited critical-value list', () => {
    const r = one({ test: 'K', value: 6.8, reportedRange: { low: 3.5, high: 7.0 } });
    expect(r.flag).toBe('critical-high');
    expect(r.range?.origin).toBe('reported');
  });
});
