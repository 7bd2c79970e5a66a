import { describe, expect, it } from 'vitest';
import { convertLabValue, normaliseUnit } from './lab-units.js';
import { loadCuratedLabs } from './testing-labs.js';

const labs = loadCuratedLabs();
const lab = (id: string) => {
  const found = labs.find((l) => l.id === id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
};

describe('normaliseUnit', () => {
  it.each([
    ['mg/dl', 'mg/dl'],
    ['mg/dL', 'mg/dl'],
    ['umol/L', 'umol/l'],
    ['µmol/L', 'umol/l'],
    ['μmol/L', 'umol/l'],
    ['10*9/L', '10^9/l'],
    ['10^9/L', '10^9/l'],
    ['×10⁹/L', '10^9/l'],
    ['x10^9/L', '10^9/l'],
    ['K/uL', '10^3/ul'],
    ['10^3/µL', '10^3/ul'],
    ['/uL', '/ul'],
    ['mOsm/kg', 'mmol/kg'],
  ])('reads %s as %s', (input, expected) => {
    expect(normaliseUnit(input)).toBe(expected);
  });
});

describe('convertLabValue', () => {
  it('converts creatinine 1 mg/dL to 88.4 µmol/L', () => {
    expect(convertLabValue(lab('creatinine'), 1, 'mg/dl', 'μmol/L')).toBeCloseTo(88.4, 9);
  });

  it('converts glucose 180 mg/dL to 9.99 mmol/L', () => {
    expect(convertLabValue(lab('glucose'), 180, 'mg/dL', 'mmol/L')).toBeCloseTo(9.99, 9);
  });

  it('converts BUN 28 mg/dL to urea 10 mmol/L', () => {
    expect(convertLabValue(lab('urea'), 28, 'mg/dL', 'mmol/L')).toBeCloseTo(9.996, 9);
  });

  it('converts haemoglobin between g/dL and g/L', () => {
    expect(convertLabValue(lab('haemoglobin'), 12.5, 'g/dL', 'g/L')).toBeCloseTo(125, 9);
    expect(convertLabValue(lab('haemoglobin'), 125, 'g/L', 'g/dl')).toBeCloseTo(12.5, 9);
  });

  it('treats count spellings as the same unit', () => {
    for (const unit of ['10*9/L', '10^9/L', '×10⁹/L', 'K/uL', '10^3/uL']) {
      expect(convertLabValue(lab('wbc'), 7.2, unit, '10^9/L'), unit).toBeCloseTo(7.2, 9);
    }
    expect(convertLabValue(lab('wbc'), 7200, '/uL', '10^9/L')).toBeCloseTo(7.2, 9);
  });

  it('converts cholesterol, triglycerides, calcium and bilirubin with their factors', () => {
    expect(convertLabValue(lab('cholesterol'), 200, 'mg/dL', 'mmol/L')).toBeCloseTo(5.172, 9);
    expect(convertLabValue(lab('triglycerides'), 150, 'mg/dL', 'mmol/L')).toBeCloseTo(1.6935, 9);
    expect(convertLabValue(lab('calcium'), 10, 'mg/dL', 'mmol/L')).toBeCloseTo(2.495, 9);
    expect(convertLabValue(lab('bilirubin-total'), 1, 'mg/dL', 'umol/L')).toBeCloseTo(17.1, 9);
  });

  it('halves mEq/L for divalent calcium but not for sodium', () => {
    expect(convertLabValue(lab('calcium'), 5, 'mEq/L', 'mmol/L')).toBeCloseTo(2.5, 9);
    expect(convertLabValue(lab('sodium'), 140, 'mEq/L', 'mmol/L')).toBeCloseTo(140, 9);
  });

  it('converts mmHg to kPa for blood gases and % to L/L for haematocrit', () => {
    expect(convertLabValue(lab('pco2-arterial'), 40, 'mmHg', 'kPa')).toBeCloseTo(5.33288, 9);
    expect(convertLabValue(lab('haematocrit'), 42, '%', 'L/L')).toBeCloseTo(0.42, 9);
  });

  it('returns undefined for a unit that cannot be related to the lab', () => {
    expect(convertLabValue(lab('sodium'), 140, 'g/dL', 'mmol/L')).toBeUndefined();
    expect(convertLabValue(lab('hba1c'), 6, 'furlongs', '%')).toBeUndefined();
  });

  it('round-trips SI → conventional → SI within 1e-9 for every lab with a factor', () => {
    const withFactor = labs.filter((l) => l.conventionalUnit && l.conventionalToSi);
    expect(withFactor.length).toBeGreaterThan(60);
    for (const l of withFactor) {
      for (const v of [0.37, 1, 42.5, 1234]) {
        const conv = convertLabValue(l, v, l.siUnit, l.conventionalUnit as string);
        expect(conv, l.id).toBeDefined();
        const back = convertLabValue(l, conv as number, l.conventionalUnit as string, l.siUnit) as number;
        expect(Math.abs(back - v) / v, l.id).toBeLessThan(1e-9);
      }
      expect(convertLabValue(l, 1, l.conventionalUnit as string, l.siUnit), l.id).toBeCloseTo(l.conventionalToSi as number, 9);
    }
  });
});
