import { describe, expect, it } from 'vitest';
import { abcd2 } from './abcd2.js';
import { cha2ds2Vasc, hasBled } from './atrial-fibrillation-scores.js';
import { heart } from './heart-score.js';
import { correctedQtBazett, correctedQtFridericia } from './qtc-scores.js';
import type { FieldDescriptor } from './score-inputs.js';
import { computeScore } from './score-registry.js';
import { perc, wellsDvt, wellsPe } from './vte-diagnosis-scores.js';
import { caprini, padua } from './vte-prophylaxis-scores.js';

function allFalse(fields: readonly FieldDescriptor[]): Record<string, boolean> {
  return Object.fromEntries(fields.filter((f) => f.type === 'boolean').map((f) => [f.name, false]));
}

const noCha = {
  congestiveHeartFailure: false,
  hypertension: false,
  diabetes: false,
  strokeTiaThromboembolism: false,
  vascularDisease: false,
};

describe('cha2ds2-vasc', () => {
  it('scores a 72-year-old woman with hypertension 3 (age 1 + sex 1 + HTN 1): high risk', () => {
    const r = cha2ds2Vasc.compute({ ...noCha, age: 72, sex: 'female', hypertension: true });
    expect(r.value).toBe(3);
    expect(r.band.id).toBe('high');
  });

  it('applies the sex-adjusted bands: woman 60 with no factors (1) is low, man 66 (1) intermediate, woman 66 (2) intermediate', () => {
    expect(cha2ds2Vasc.compute({ ...noCha, age: 60, sex: 'female' }).band.id).toBe('low');
    expect(cha2ds2Vasc.compute({ ...noCha, age: 66, sex: 'male' }).band.id).toBe('intermediate');
    expect(cha2ds2Vasc.compute({ ...noCha, age: 66, sex: 'female' }).band.id).toBe('intermediate');
    expect(cha2ds2Vasc.compute({ ...noCha, age: 60, sex: 'male', strokeTiaThromboembolism: true }).band.id).toBe('high');
  });

  it('reaches the maximum of 9', () => {
    const all = Object.fromEntries(Object.keys(noCha).map((k) => [k, true])) as typeof noCha;
    expect(cha2ds2Vasc.compute({ ...all, age: 80, sex: 'female' }).value).toBe(9);
  });
});

describe('has-bled', () => {
  const none = {
    uncontrolledHypertension: false,
    abnormalRenalFunction: false,
    abnormalLiverFunction: false,
    stroke: false,
    bleeding: false,
    labileInr: false,
    antiplateletOrNsaid: false,
    alcohol: false,
  };
  it('scores age 70 + antiplatelet + labile INR as 3 (high)', () => {
    const r = hasBled.compute({ ...none, age: 70, antiplateletOrNsaid: true, labileInr: true });
    expect(r.value).toBe(3);
    expect(r.band.id).toBe('high');
  });
  it('counts "elderly" only above 65 and bands 2 as moderate', () => {
    expect(hasBled.compute({ ...none, age: 65 }).value).toBe(0);
    expect(hasBled.compute({ ...none, age: 66, stroke: true }).band.id).toBe('moderate');
  });
});

describe('heart', () => {
  it('scores history 2, ECG 1, age 70, risk factors 1, troponin 0 as 6 (moderate)', () => {
    const r = heart.compute({ history: 2, ecg: 1, age: 70, riskFactors: 1, troponin: 0 });
    expect(r.value).toBe(6);
    expect(r.band.id).toBe('moderate');
  });
  it('bands 3 low and 7 high, scoring age 45 as 1', () => {
    expect(heart.compute({ history: 1, ecg: 0, age: 45, riskFactors: 1, troponin: 0 }).band.id).toBe('low');
    expect(heart.compute({ history: 2, ecg: 2, age: 44, riskFactors: 2, troponin: 1 }).band.id).toBe('high');
  });
  it('rejects a troponin element of 3', () => {
    expect(computeScore('HEART', { history: 2, ecg: 1, age: 70, riskFactors: 1, troponin: 3 }).ok).toBe(false);
  });
});

describe('wells-dvt, wells-pe and perc', () => {
  const noDvt = {
    activeCancer: false,
    paralysisOrRecentCast: false,
    bedriddenOrRecentSurgery: false,
    localisedTenderness: false,
    entireLegSwollen: false,
    calfSwelling3cm: false,
    pittingOedema: false,
    collateralVeins: false,
    previousDvt: false,
    alternativeDiagnosisLikely: false,
  };
  it('scores cancer + swollen leg + calf swelling as 3 (likely); an equally likely alternative brings it to 1 (unlikely)', () => {
    const likely = { ...noDvt, activeCancer: true, entireLegSwollen: true, calfSwelling3cm: true };
    expect(wellsDvt.compute(likely)).toMatchObject({ value: 3, band: { id: 'likely' } });
    expect(wellsDvt.compute({ ...likely, alternativeDiagnosisLikely: true })).toMatchObject({ value: 1, band: { id: 'unlikely' } });
    expect(wellsDvt.compute({ ...noDvt, alternativeDiagnosisLikely: true }).value).toBe(-2);
  });

  const noPe = {
    clinicalSignsDvt: false,
    peMostLikely: false,
    immobilisationOrSurgery: false,
    previousVte: false,
    haemoptysis: false,
    malignancy: false,
  };
  it('scores HR 110 + haemoptysis + previous VTE as 4 (unlikely) and 5 with malignancy (likely)', () => {
    const four = { ...noPe, heartRate: 110, haemoptysis: true, previousVte: true };
    expect(wellsPe.compute(four)).toMatchObject({ value: 4, band: { id: 'unlikely' } });
    expect(wellsPe.compute({ ...four, malignancy: true })).toMatchObject({ value: 5, band: { id: 'likely' } });
    expect(wellsPe.compute({ ...noPe, heartRate: 100 }).value).toBe(0);
  });

  const noPerc = { unilateralLegSwelling: false, haemoptysis: false, recentSurgeryOrTrauma: false, priorVte: false, hormoneUse: false };
  it('is PERC negative at age 49, HR 99, SpO2 95% and positive at age 50 or SpO2 94%', () => {
    expect(perc.compute({ ...noPerc, age: 49, heartRate: 99, spo2: 95 }).band.id).toBe('negative');
    expect(perc.compute({ ...noPerc, age: 50, heartRate: 99, spo2: 95 }).band.id).toBe('positive');
    expect(perc.compute({ ...noPerc, age: 30, heartRate: 80, spo2: 94 }).value).toBe(1);
  });
  it('rejects a heart rate of 900', () => {
    const out = computeScore('PERC', { ...noPerc, age: 40, heartRate: 900, spo2: 98 });
    expect(!out.ok && out.error.code === 'invalid-input' && out.error.issues[0]).toMatchObject({
      field: 'heartRate',
      code: 'out-of-range',
      min: 20,
      max: 300,
    });
  });
});

describe('caprini and padua', () => {
  // Parsing through the schema types the all-false checklist and proves it is a valid input.
  const caprini0 = caprini.inputs.parse({ age: 30, ...allFalse(caprini.fields) });
  it('scores a 65-year-old having major surgery for cancer as 6 (age 2 + surgery 2 + malignancy 2): high', () => {
    const r = caprini.compute({ ...caprini0, age: 65, majorSurgery: true, malignancy: true });
    expect(r.value).toBe(6);
    expect(r.band.id).toBe('high');
  });
  it('bands age 30 with nothing as very low, age 41 as low, and a VTE history as moderate', () => {
    expect(caprini.compute({ ...caprini0, age: 30 }).band.id).toBe('very-low');
    expect(caprini.compute({ ...caprini0, age: 41 }).band.id).toBe('low');
    expect(caprini.compute({ ...caprini0, age: 30, historyOfVte: true }).band.id).toBe('moderate');
  });

  const padua0 = padua.inputs.parse({ age: 30, ...allFalse(padua.fields) });
  it('scores active cancer at age 75 as 4 (high) and at age 69 as 3 (low)', () => {
    expect(padua.compute({ ...padua0, age: 75, activeCancer: true })).toMatchObject({ value: 4, band: { id: 'high' } });
    expect(padua.compute({ ...padua0, age: 69, activeCancer: true })).toMatchObject({ value: 3, band: { id: 'low' } });
  });
});

describe('abcd2', () => {
  it('scores age 65, BP 150/85, unilateral weakness, 45 min, no diabetes as 5 (moderate)', () => {
    const r = abcd2.compute({
      age: 65,
      systolicBp: 150,
      diastolicBp: 85,
      clinicalFeatures: 'unilateral-weakness',
      durationMinutes: 45,
      diabetes: false,
    });
    expect(r.value).toBe(5);
    expect(r.band.id).toBe('moderate');
  });
  it('bands 3 low and 7 high', () => {
    expect(
      abcd2.compute({ age: 59, systolicBp: 130, diastolicBp: 80, clinicalFeatures: 'speech-only', durationMinutes: 60, diabetes: false })
        .band.id,
    ).toBe('low');
    expect(
      abcd2.compute({
        age: 60,
        systolicBp: 140,
        diastolicBp: 80,
        clinicalFeatures: 'unilateral-weakness',
        durationMinutes: 60,
        diabetes: true,
      }).band.id,
    ).toBe('high');
  });
});

describe('corrected QT', () => {
  it('leaves QT unchanged at 60/min and corrects QT 400 ms at 90/min to 490 ms by Bazett (400 / √0.667)', () => {
    expect(correctedQtBazett.compute({ qt: 400, heartRate: 60, sex: 'male' }).value).toBe(400);
    const r = correctedQtBazett.compute({ qt: 400, heartRate: 90, sex: 'male' });
    expect(r.value).toBe(490);
    expect(r.band.id).toBe('prolonged');
  });
  it('gives 458 ms by Fridericia (400 / 0.667^⅓): prolonged in a man, normal in a woman', () => {
    expect(correctedQtFridericia.compute({ qt: 400, heartRate: 90, sex: 'male' })).toMatchObject({ value: 458, band: { id: 'prolonged' } });
    expect(correctedQtFridericia.compute({ qt: 400, heartRate: 90, sex: 'female' }).band.id).toBe('normal');
  });
  it('flags >500 ms as markedly prolonged and ≤390 ms as short', () => {
    expect(correctedQtBazett.compute({ qt: 510, heartRate: 60, sex: 'female' }).band.id).toBe('markedly-prolonged');
    expect(correctedQtBazett.compute({ qt: 380, heartRate: 60, sex: 'female' }).band.id).toBe('short');
  });
});
