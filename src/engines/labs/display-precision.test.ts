import { describe, expect, it } from 'vitest';
import { interpretLabs } from './interpret-labs.js';
import { displayDecimals, formatLabValue } from './lab-units.js';
import { loadCuratedLabs, loadLabIndex } from './testing-labs.js';

const index = loadLabIndex();
const labs = loadCuratedLabs();
const lab = (id: string) => {
  const found = labs.find((l) => l.id === id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
};

/** Issue 23 item 4: creatinine 2.1 mg/dL was shown as "185.64 µmol/L". */
describe('display precision after unit conversion', () => {
  it('shows creatinine in µmol/L as an integer while keeping the converted value exact', () => {
    const r = interpretLabs(index, { results: [{ test: 'Cr', value: 2.1, unit: 'mg/dL' }] }).results[0];
    expect(r?.siValue).toBeCloseTo(185.64, 6);
    expect(r?.decimals).toBe(0);
    expect(formatLabValue(lab('creatinine'), 185.64)).toBe('186');
  });

  it.each([
    ['glucose', 5.7720057, '5.8'],
    ['potassium', 4.1234, '4.1'],
    ['sodium', 139.6, '140'],
    ['calcium', 2.37, '2.37'],
    ['haemoglobin', 98.4, '98'],
    ['platelets', 356.2, '356'],
    ['bilirubin-total', 35.91, '36'],
    ['troponin-t-hs', 500.4, '500'],
    ['inr', 2.345, '2.3'],
    ['urine-specific-gravity', 1.0152, '1.015'],
  ])('formats %s %d as %s', (id, value, shown) => {
    expect(formatLabValue(lab(id), value)).toBe(shown);
  });

  it('keeps two significant figures for small values of an analyte whose range is in whole numbers (HDL 1.03 mmol/L, hs-CRP 0.8 mg/L)', () => {
    expect(formatLabValue(lab('hdl-cholesterol'), 1.0344)).toBe('1.0');
    expect(formatLabValue(lab('hs-crp'), 0.83)).toBe('0.83');
    expect(formatLabValue(lab('bilirubin-total'), 5.13)).toBe('5.1');
    expect(displayDecimals(lab('creatinine'), 45.6)).toBe(0);
  });

  it('gives the display decimals of trends and pattern evidence too', () => {
    const out = interpretLabs(index, {
      sex: 'M',
      age: 60,
      results: [
        { test: 'Cr', value: 1.0, unit: 'mg/dL', time: '2024-01-01T08:00:00Z' },
        { test: 'Cr', value: 2.1, unit: 'mg/dL', time: '2024-01-02T08:00:00Z' },
      ],
    });
    expect(out.trends[0]?.decimals).toBe(0);
    const aki = out.patterns.find((p) => p.id === 'acute-kidney-injury');
    expect(aki?.evidence.map((e) => e.decimals)).toEqual([0, 0]);
  });
});
