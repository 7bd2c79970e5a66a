import { describe, expect, it } from 'vitest';
import { bmi, bsaMosteller } from './body-size-scores.js';
import { anionGap, correctedCalcium } from './electrolyte-scores.js';
import { cockcroftGault, egfrCkdEpi2021 } from './kidney-scores.js';
import { childPugh, meldNa } from './liver-scores.js';
import { computeScore } from './score-registry.js';

describe('egfr-ckd-epi-2021', () => {
  it('gives 78 for a 50-year-old woman with creatinine 0.9 mg/dL', () => {
    // 142 × (0.9/0.7)^-1.200 × 0.9938^50 × 1.012 = 142 × 0.73967 × 0.73273 × 1.012 = 77.88 → 78.
    const r = egfrCkdEpi2021.compute({ age: 50, sex: 'female', creatinine: 0.9, creatinineUnit: 'mg/dL' });
    expect(r.details?.['unrounded']).toBeCloseTo(77.88, 1);
    expect(r.value).toBe(78);
    expect(r.band.id).toBe('G2');
  });

  it('matches the NKF calculator example: man, 55 years, creatinine 1.2 mg/dL → 71', () => {
    // 142 × (1.2/0.9)^-1.200 × 0.9938^55 = 142 × 0.70808 × 0.71032 = 71.4 → 71.
    expect(egfrCkdEpi2021.compute({ age: 55, sex: 'male', creatinine: 1.2, creatinineUnit: 'mg/dL' }).value).toBe(71);
  });

  it('accepts creatinine in µmol/L (79.56 µmol/L = 0.9 mg/dL)', () => {
    expect(egfrCkdEpi2021.compute({ age: 50, sex: 'female', creatinine: 79.56, creatinineUnit: 'umol/L' }).value).toBe(78);
  });

  it('uses the low-creatinine exponent below κ (woman, 40 y, 0.5 mg/dL)', () => {
    // 142 × (0.5/0.7)^-0.241 × 0.9938^40 × 1.012 = 142 × 1.08447 × 0.77988 × 1.012 = 121.5 → 122.
    expect(egfrCkdEpi2021.compute({ age: 40, sex: 'female', creatinine: 0.5, creatinineUnit: 'mg/dL' }).value).toBe(122);
  });

  it('places 59 in G3a (man, 70 y, 1.3 mg/dL: 142 × 0.64323 × 0.64705 = 59.1)', () => {
    const r = egfrCkdEpi2021.compute({ age: 70, sex: 'male', creatinine: 1.3, creatinineUnit: 'mg/dL' });
    expect(r.value).toBe(59);
    expect(r.band.id).toBe('G3a');
  });

  it('rejects a creatinine that is impossible for the chosen unit', () => {
    const out = computeScore('egfr', { age: 50, sex: 'female', creatinine: 90, creatinineUnit: 'mg/dL' });
    expect(out.ok).toBe(false);
    if (!out.ok && out.error.code === 'invalid-input')
      expect(out.error.issues).toMatchObject([{ field: 'creatinine', code: 'out-of-range', max: 30 }]);
  });

  it('rejects an age under 18', () => {
    expect(computeScore('egfr-ckd-epi-2021', { age: 12, sex: 'male', creatinine: 1, creatinineUnit: 'mg/dL' }).ok).toBe(false);
  });
});

describe('cockcroft-gault', () => {
  it('gives 80 mL/min for a 60-year-old 72 kg man with creatinine 1.0 mg/dL', () => {
    // (140 − 60) × 72 / (72 × 1.0) = 80.
    expect(cockcroftGault.compute({ age: 60, sex: 'male', weight: 72, creatinine: 1, creatinineUnit: 'mg/dL' }).value).toBe(80);
  });

  it('applies the 0.85 factor for women (80 × 0.85 = 68) and bands it moderate below 60 after age 75', () => {
    expect(cockcroftGault.compute({ age: 60, sex: 'female', weight: 72, creatinine: 1, creatinineUnit: 'mg/dL' }).value).toBe(68);
    // (140 − 80) × 60 / (72 × 1.5) = 33.3 → moderate.
    const r = cockcroftGault.compute({ age: 80, sex: 'male', weight: 60, creatinine: 132.6, creatinineUnit: 'umol/L' });
    expect(r.value).toBe(33.3);
    expect(r.band.id).toBe('moderate');
  });

  it('reports a missing weight', () => {
    const out = computeScore('CrCl', { age: 60, sex: 'male', creatinine: 1, creatinineUnit: 'mg/dL' });
    expect(!out.ok && out.error.code === 'invalid-input' && out.error.issues.map((i) => i.code)).toEqual(['missing']);
  });
});

describe('bmi and bsa-mosteller', () => {
  it('gives BMI 22.9 for 70 kg and 175 cm (70 / 1.75² = 22.86)', () => {
    const r = bmi.compute({ weight: 70, height: 175, criteria: 'who' });
    expect(r.value).toBe(22.9);
    expect(r.band.id).toBe('normal');
  });

  it('classes BMI 24.5 as normal by WHO and overweight by the Chinese cut-offs', () => {
    expect(bmi.compute({ weight: 75, height: 175, criteria: 'who' }).band.id).toBe('normal');
    expect(bmi.compute({ weight: 75, height: 175, criteria: 'china' }).band.id).toBe('overweight');
    expect(bmi.compute({ weight: 86, height: 175, criteria: 'china' }).band.id).toBe('obese'); // 28.1
  });

  it('defaults to WHO cut-offs when criteria is left out', () => {
    const out = computeScore('BMI', { weight: 95, height: 175 });
    expect(out.ok && out.result.band.id).toBe('obese'); // 31.0
  });

  it('gives BSA 2.00 m² for 180 cm and 80 kg (√(180 × 80 / 3600) = 2)', () => {
    expect(bsaMosteller.compute({ height: 180, weight: 80 }).value).toBe(2);
    expect(bsaMosteller.compute({ height: 160, weight: 50 }).value).toBe(1.49); // √2.2222 = 1.4907
  });

  it('rejects a height of 5 m', () => {
    expect(computeScore('bsa', { height: 500, weight: 80 }).ok).toBe(false);
  });
});

describe('child-pugh', () => {
  it('scores bilirubin 2.5 mg/dL, albumin 3.0 g/dL, INR 1.5, mild ascites, no encephalopathy as 8 (class B)', () => {
    const r = childPugh.compute({
      bilirubin: 2.5,
      bilirubinUnit: 'mg/dL',
      albumin: 3.0,
      albuminUnit: 'g/dL',
      inr: 1.5,
      ascites: 'mild',
      encephalopathy: 'none',
    });
    expect(r.details).toMatchObject({ bilirubin: 2, albumin: 2, inr: 1, ascites: 2, encephalopathy: 1 });
    expect(r.value).toBe(8);
    expect(r.band.id).toBe('B');
  });

  it('scores the class boundaries 6 (A), 7 (B) and 10 (C) with SI units', () => {
    const base = { bilirubinUnit: 'umol/L', albuminUnit: 'g/L', encephalopathy: 'none' } as const;
    expect(childPugh.compute({ ...base, bilirubin: 20, albumin: 40, inr: 1.1, ascites: 'mild' }).band.id).toBe('A');
    expect(childPugh.compute({ ...base, bilirubin: 34, albumin: 40, inr: 1.1, ascites: 'mild' }).band.id).toBe('B');
    const c = childPugh.compute({ ...base, bilirubin: 51, albumin: 27, inr: 1.8, ascites: 'mild', encephalopathy: 'none' });
    expect(c.value).toBe(11);
    expect(c.band.id).toBe('C');
  });

  it('rejects an unknown ascites grade', () => {
    const out = computeScore('Child-Pugh', {
      bilirubin: 1,
      bilirubinUnit: 'mg/dL',
      albumin: 4,
      albuminUnit: 'g/dL',
      inr: 1,
      ascites: 'lots',
      encephalopathy: 'none',
    });
    expect(!out.ok && out.error.code === 'invalid-input' && out.error.issues[0]?.code).toBe('not-an-option');
  });
});

describe('meld-na', () => {
  const base = { creatinineUnit: 'mg/dL', bilirubinUnit: 'mg/dL', dialysis: false } as const;

  it('gives MELD 20.0 and MELD-Na 21 for Cr 1.9, bilirubin 4.2, INR 1.2, Na 135', () => {
    // 10 × (0.957 ln1.9 + 0.378 ln4.2 + 1.120 ln1.2 + 0.643) = 20.0; 20 + 1.32×2 − 0.033×20×2 = 21.32 → 21.
    const r = meldNa.compute({ ...base, creatinine: 1.9, bilirubin: 4.2, inr: 1.2, sodium: 135 });
    expect(r.details?.['meld']).toBe(20);
    expect(r.value).toBe(21);
    expect(r.band.id).toBe('20-29');
  });

  it('floors values at 1.0, so normal labs give 6 and sodium is ignored when MELD ≤ 11', () => {
    expect(meldNa.compute({ ...base, creatinine: 0.7, bilirubin: 0.5, inr: 0.9, sodium: 125 }).value).toBe(6);
  });

  it('sets creatinine to 4.0 on dialysis and caps the score at 40', () => {
    const r = meldNa.compute({ ...base, creatinine: 1, bilirubin: 30, inr: 6, sodium: 120, dialysis: true });
    expect(r.details?.['creatinineUsed']).toBe(4);
    expect(r.value).toBe(40);
    expect(r.band.id).toBe('40-plus');
  });
});

describe('corrected-calcium and anion-gap', () => {
  it('corrects 2.00 mmol/L with albumin 30 g/L to 2.20 mmol/L (2.00 + 0.02 × 10)', () => {
    const r = correctedCalcium.compute({ units: 'si', calcium: 2, albumin: 30 });
    expect(r.value).toBe(2.2);
    expect(r.band.id).toBe('normal');
  });

  it('corrects 8.0 mg/dL with albumin 2.0 g/dL to 9.6 mg/dL (8.0 + 0.8 × 2)', () => {
    expect(correctedCalcium.compute({ units: 'conventional', calcium: 8, albumin: 2 }).value).toBe(9.6);
  });

  it('bands 2.61 mmol/L high and 2.19 mmol/L low', () => {
    expect(correctedCalcium.compute({ units: 'si', calcium: 2.61, albumin: 40 }).band.id).toBe('high');
    expect(correctedCalcium.compute({ units: 'si', calcium: 2.19, albumin: 40 }).band.id).toBe('low');
  });

  it('rejects an albumin of 35 when conventional units (g/dL) are chosen', () => {
    const out = computeScore('corrected calcium', { units: 'conventional', calcium: 9, albumin: 35 });
    expect(!out.ok && out.error.code === 'invalid-input' && out.error.issues[0]).toMatchObject({ field: 'albumin', unit: 'g/dL' });
  });

  it('computes 140 − (104 + 24) = 12 as elevated and 10 as normal', () => {
    expect(anionGap.compute({ sodium: 140, chloride: 104, bicarbonate: 24 }).band.id).toBe('elevated');
    expect(anionGap.compute({ sodium: 140, chloride: 105, bicarbonate: 25 }).band.id).toBe('normal');
    expect(anionGap.compute({ sodium: 135, chloride: 110, bicarbonate: 24 }).band.id).toBe('low');
  });

  it('adds 0.25 per g/L of albumin below 44 (gap 10, albumin 24 → 15)', () => {
    expect(anionGap.compute({ sodium: 140, chloride: 105, bicarbonate: 25, albumin: 24 }).value).toBe(15);
  });
});
