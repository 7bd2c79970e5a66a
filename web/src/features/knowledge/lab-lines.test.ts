import { describe, expect, it } from 'vitest';
import { parseLabLines } from './lab-lines';

describe('pasted lab results', () => {
  it('reads test, value and unit in English and Chinese, separated by spaces, tabs, colons or commas', () => {
    const { results, skipped } = parseLabLines(
      'Cr 120 umol/L\n肌酐：1.4 mg/dL\nK\t5.9\tmmol/L\nHb, 95, g/L, 2024-05-01\n\nnotes without value',
    );
    expect(results).toEqual([
      { test: 'Cr', value: 120, unit: 'umol/L' },
      { test: '肌酐', value: 1.4, unit: 'mg/dL' },
      { test: 'K', value: 5.9, unit: 'mmol/L' },
      { test: 'Hb', value: 95, unit: 'g/L', time: '2024-05-01' },
    ]);
    expect(skipped).toEqual(['notes without value']);
  });

  it('keeps a multi-word test name and leaves the unit out when none is written', () => {
    expect(parseLabLines('serum sodium 128').results).toEqual([{ test: 'serum sodium', value: 128 }]);
  });

  it('reads a date and time after the unit', () => {
    expect(parseLabLines('WBC 12.5 10^9/L 2024-05-01 08:30').results).toEqual([
      { test: 'WBC', value: 12.5, unit: '10^9/L', time: '2024-05-01T08:30' },
    ]);
  });

  it("reads the laboratory's printed range after the unit, so the flag uses it (issue 23 item 4)", () => {
    expect(
      parseLabLines('PLT 356 10^9/L 150-400\nK\t4.1\tmmol/L\t(3.5-5.3)\nCRP 12 mg/L <5\nBE -4 mmol/L -3-3 2024-05-01').results,
    ).toEqual([
      { test: 'PLT', value: 356, unit: '10^9/L', reportedRange: { low: 150, high: 400 } },
      { test: 'K', value: 4.1, unit: 'mmol/L', reportedRange: { low: 3.5, high: 5.3 } },
      { test: 'CRP', value: 12, unit: 'mg/L', reportedRange: { high: 5 } },
      { test: 'BE', value: -4, unit: 'mmol/L', reportedRange: { low: -3, high: 3 }, time: '2024-05-01' },
    ]);
  });
});
