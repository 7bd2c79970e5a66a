import { describe, expect, it } from 'vitest';
import { apgar } from './apgar.js';
import { centorMcIsaac } from './centor-mcisaac.js';
import { curb65 } from './curb-65.js';
import { gcs } from './gcs.js';
import { gad7, phq9 } from './mental-health-scores.js';
import { news2 } from './news2.js';
import { computeScore } from './score-registry.js';
import { qsofa, sirs } from './sepsis-scores.js';

describe('curb-65', () => {
  const base = { confusion: false, urea: 5, ureaUnit: 'mmol/L', respiratoryRate: 18, systolicBp: 120, diastolicBp: 75, age: 50 } as const;
  it('scores age 70, urea 8 mmol/L, RR 32 as 3 (high)', () => {
    const r = curb65.compute({ ...base, age: 70, urea: 8, respiratoryRate: 32 });
    expect(r.value).toBe(3);
    expect(r.band.id).toBe('high');
  });
  it('converts BUN: 19 mg/dL (6.8 mmol/L) scores 0 and 20 mg/dL (7.1 mmol/L) scores 1', () => {
    expect(curb65.compute({ ...base, urea: 19, ureaUnit: 'mg/dL' }).details?.['urea']).toBe(0);
    expect(curb65.compute({ ...base, urea: 20, ureaUnit: 'mg/dL' }).details?.['urea']).toBe(1);
  });
  it('counts diastolic ≤60 and bands 1 low, 2 moderate', () => {
    expect(curb65.compute({ ...base, diastolicBp: 60 }).band.id).toBe('low');
    expect(curb65.compute({ ...base, diastolicBp: 60, confusion: true }).band.id).toBe('moderate');
  });
});

describe('qsofa and sirs', () => {
  it('scores RR 22 and SBP 100 as 2 (high risk) and RR 21, SBP 101 as 0', () => {
    expect(qsofa.compute({ respiratoryRate: 22, systolicBp: 100, alteredMentation: false })).toMatchObject({
      value: 2,
      band: { id: 'high-risk' },
    });
    expect(qsofa.compute({ respiratoryRate: 21, systolicBp: 101, alteredMentation: false }).band.id).toBe('not-high-risk');
  });
  it('meets SIRS with temperature 38.5 °C and HR 95, and counts PaCO2 <32 mmHg when given', () => {
    expect(sirs.compute({ temperature: 38.5, heartRate: 95, respiratoryRate: 16, wbc: 8, immatureBandsOver10: false })).toMatchObject({
      value: 2,
      band: { id: 'met' },
    });
    expect(sirs.compute({ temperature: 37, heartRate: 80, respiratoryRate: 16, paco2: 30, wbc: 8, immatureBandsOver10: false }).value).toBe(
      1,
    );
    expect(sirs.compute({ temperature: 38, heartRate: 90, respiratoryRate: 20, wbc: 12, immatureBandsOver10: false }).value).toBe(0);
  });
});

describe('news2', () => {
  const normal = {
    respiratoryRate: 16,
    spo2: 97,
    spo2Scale: 'scale-1',
    onOxygen: false,
    systolicBp: 120,
    heartRate: 70,
    consciousness: 'alert',
    temperature: 37,
  } as const;
  it('scores all-normal observations 0 (low)', () => {
    expect(news2.compute(normal)).toMatchObject({ value: 0, band: { id: 'low' } });
  });
  it('scores RR 22, SpO2 95, SBP 105, HR 95, T 38.5 as 2+1+1+1+1 = 6 (medium)', () => {
    const r = news2.compute({ ...normal, respiratoryRate: 22, spo2: 95, systolicBp: 105, heartRate: 95, temperature: 38.5 });
    expect(r.value).toBe(6);
    expect(r.band.id).toBe('medium');
  });
  it('gives low–medium when a single parameter scores 3 with a total ≤4', () => {
    expect(news2.compute({ ...normal, consciousness: 'new-confusion' })).toMatchObject({ value: 3, band: { id: 'low-medium' } });
  });
  it('adds 2 for oxygen and, on scale 2, scores SpO2 97% on oxygen 3 (total 5)', () => {
    expect(news2.compute({ ...normal, spo2Scale: 'scale-2', onOxygen: true }).value).toBe(5);
    expect(news2.compute({ ...normal, spo2: 90, spo2Scale: 'scale-2' }).value).toBe(0);
  });
  it('scores 7 or more as high', () => {
    expect(news2.compute({ ...normal, respiratoryRate: 26, systolicBp: 88, heartRate: 135 }).band.id).toBe('high');
  });
});

describe('gcs', () => {
  it('sums E3 V4 M5 to 12 (moderate)', () => {
    expect(gcs.compute({ eye: 3, verbal: 4, motor: 5 })).toMatchObject({ value: 12, band: { id: 'moderate' } });
  });
  it('bands 8 severe, 13 mild and 3 severe', () => {
    expect(gcs.compute({ eye: 2, verbal: 2, motor: 4 }).band.id).toBe('severe');
    expect(gcs.compute({ eye: 3, verbal: 4, motor: 6 }).band.id).toBe('mild');
    expect(gcs.compute({ eye: 1, verbal: 1, motor: 1 }).value).toBe(3);
  });
  it('rejects an eye score of 5 and a fractional motor score', () => {
    const out = computeScore('GCS', { eye: 5, verbal: 5, motor: 5.5 });
    expect(!out.ok && out.error.code === 'invalid-input' && out.error.issues.map((i) => i.field)).toEqual(['eye', 'motor']);
  });
});

describe('apgar', () => {
  it('scores HR 2, respiration 2, tone 1, reflex 1, colour 1 as 7 (reassuring)', () => {
    expect(apgar.compute({ heartRate: 2, respiratoryEffort: 2, muscleTone: 1, reflexIrritability: 1, colour: 1 })).toMatchObject({
      value: 7,
      band: { id: 'reassuring' },
    });
  });
  it('bands 6 moderately abnormal and 3 low', () => {
    expect(apgar.compute({ heartRate: 2, respiratoryEffort: 1, muscleTone: 1, reflexIrritability: 1, colour: 1 }).band.id).toBe(
      'moderately-abnormal',
    );
    expect(apgar.compute({ heartRate: 1, respiratoryEffort: 1, muscleTone: 1, reflexIrritability: 0, colour: 0 }).band.id).toBe('low');
  });
});

describe('centor-mcisaac', () => {
  const none = { temperatureOver38: false, coughAbsent: false, tenderAnteriorNodes: false, tonsillarSwellingOrExudate: false };
  it('adds 1 for age 3–14: a 10-year-old with fever and no cough scores 3 (moderate)', () => {
    expect(centorMcIsaac.compute({ ...none, age: 10, temperatureOver38: true, coughAbsent: true })).toMatchObject({
      value: 3,
      band: { id: 'moderate' },
    });
  });
  it('subtracts 1 from age 45: scores −1 (very low); all four criteria at 30 score 4 (high)', () => {
    expect(centorMcIsaac.compute({ ...none, age: 50 })).toMatchObject({ value: -1, band: { id: 'very-low' } });
    const all = { temperatureOver38: true, coughAbsent: true, tenderAnteriorNodes: true, tonsillarSwellingOrExudate: true };
    expect(centorMcIsaac.compute({ ...all, age: 30 }).band.id).toBe('high');
    expect(centorMcIsaac.compute({ ...none, age: 30, coughAbsent: true }).band.id).toBe('low');
  });
});

describe('phq-9 and gad-7', () => {
  const phq = (v: 0 | 1 | 2 | 3) =>
    ({
      interest: v,
      mood: v,
      sleep: v,
      energy: v,
      appetite: v,
      selfWorth: v,
      concentration: v,
      psychomotor: v,
      selfHarmThoughts: v,
    }) as const;
  it('scores all "several days" as 9 (mild) and all "more than half the days" as 18 (moderately severe)', () => {
    expect(phq9.compute(phq(1))).toMatchObject({ value: 9, band: { id: 'mild' } });
    expect(phq9.compute(phq(2))).toMatchObject({ value: 18, band: { id: 'moderately-severe' } });
  });
  it('bands 10 moderate and 20 severe, and flags any answer on item 9', () => {
    expect(phq9.compute({ ...phq(1), mood: 2 }).band.id).toBe('moderate');
    expect(phq9.compute({ ...phq(2), mood: 3, interest: 3 }).band.id).toBe('severe');
    expect(phq9.compute({ ...phq(0), selfHarmThoughts: 1 }).details?.['item9Positive']).toBe(true);
  });

  const gad = (v: 0 | 1 | 2 | 3) =>
    ({ nervous: v, uncontrolledWorry: v, worryTooMuch: v, troubleRelaxing: v, restless: v, irritable: v, afraid: v }) as const;
  it('scores GAD-7 all 2 as 14 (moderate) and all 3 as 21 (severe)', () => {
    expect(gad7.compute(gad(2))).toMatchObject({ value: 14, band: { id: 'moderate' } });
    expect(gad7.compute(gad(3))).toMatchObject({ value: 21, band: { id: 'severe' } });
    expect(gad7.compute({ ...gad(0), nervous: 3, afraid: 2 }).band.id).toBe('mild');
  });
  it('rejects an item answered 4', () => {
    expect(computeScore('GAD7', { ...gad(1), afraid: 4 }).ok).toBe(false);
  });
});
