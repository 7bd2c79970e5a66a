import { describe, expect, it } from 'vitest';
import type { LabSummary, PatientChart } from '../../record/patient-chart.js';
import { medicationInputFromChart } from './chart-medication-input.js';

/** A chart with only what the medication check reads; everything else empty. */
function chart(options: {
  gender?: string | null;
  birthDate?: string | null;
  age?: number | null;
  labs?: Partial<LabSummary>[];
  medications?: { display: string; dosageText?: string | null; status?: string }[];
}): PatientChart {
  return {
    patient: {
      id: 'p1',
      mrn: null,
      name: 'Test Patient',
      gender: options.gender ?? 'female',
      birthDate: options.birthDate ?? null,
      age: options.age ?? null,
      deceased: false,
      deceasedAt: null,
      phone: null,
      address: null,
      language: null,
    },
    conditions: [],
    medications: (options.medications ?? [{ display: 'Metformin 500 MG Oral Tablet' }]).map((m, i) => ({
      id: `m${i}`,
      display: m.display,
      status: m.status ?? 'active',
      authoredAt: '2022-01-01T00:00:00.000Z',
      dosageText: m.dosageText ?? null,
    })),
    allergies: [],
    encounters: [],
    labs: (options.labs ?? []).map((lab) => ({
      code: '2160-0',
      display: 'Creatinine',
      unit: 'mg/dL',
      latestValue: null,
      latestText: null,
      latestAt: null,
      interpretation: null,
      refLow: null,
      refHigh: null,
      count: 1,
      ...lab,
    })),
    documents: [],
    counts: { encounters: 0, documents: 0, conditions: 0, medications: 1, procedures: 0, observations: 0 },
  };
}

const creatinine = (value: number, unit: string | null, at = '2022-04-11T18:37:35.000Z', code = '2160-0'): Partial<LabSummary> => ({
  code,
  display: 'Creatinine',
  unit,
  latestValue: value,
  latestAt: at,
});
const weight = (value: number, at = '2022-04-11T18:37:35.000Z'): Partial<LabSummary> => ({
  code: '29463-7',
  display: 'Body weight',
  unit: 'kg',
  latestValue: value,
  latestAt: at,
});

describe('medicationInputFromChart — kidney function from the record (issue 23: "No eGFR on record" beside a creatinine)', () => {
  it('computes eGFR with CKD-EPI 2021 from creatinine in mg/dL, age at the test and sex, and says how', () => {
    // Worked example (creatinineclearancecalculator.net, CKD-EPI 2021): woman of 55, creatinine 0.9 mg/dL → about 76.
    const { input, context } = medicationInputFromChart(chart({ birthDate: '1967-01-01', age: 59, labs: [creatinine(0.9, 'mg/dL')] }));
    expect(context.egfr?.method).toBe('ckd-epi-2021');
    expect(Math.abs((context.egfr?.value ?? 0) - 76)).toBeLessThanOrEqual(1);
    expect(input.egfr).toBe(context.egfr?.value);
    expect(context.egfr?.at).toBe('2022-04-11T18:37:35.000Z');
    expect(context.egfr?.code).toBe('2160-0');
    expect(context.egfr?.creatinine).toEqual({ value: 0.9, unit: 'mg/dL' });
    expect(context.egfr?.ageAtTest).toBe(55);
    expect(context.egfr?.source?.title).toMatch(/Inker/);
  });

  it('reads creatinine in µmol/L (and its spellings) the same as mg/dL', () => {
    for (const unit of ['umol/L', 'µmol/L', 'μmol/L', 'micromol/L']) {
      const { context } = medicationInputFromChart(
        chart({ birthDate: '1967-01-01', labs: [creatinine(79.6, unit, undefined, '14682-9')] }),
      );
      expect(Math.abs((context.egfr?.value ?? 0) - 76)).toBeLessThanOrEqual(1);
      expect(context.egfr?.creatinine?.unit).toBe('µmol/L');
    }
  });

  it('computes Cockcroft–Gault CrCl when a weight is on record, so CrCl-based label rules use it', () => {
    // Worked example: man of 65, 70 kg, creatinine 1.4 mg/dL → 52.1 mL/min.
    const { input, context } = medicationInputFromChart(
      chart({ gender: 'male', birthDate: '1957-01-01', labs: [creatinine(1.4, 'mg/dL'), weight(70)] }),
    );
    expect(context.crcl?.method).toBe('cockcroft-gault');
    expect(context.crcl?.value).toBeCloseTo(52.1, 1);
    expect(input.crcl).toBeCloseTo(52.1, 1);
    expect(context.crcl?.weightKg).toBe(70);
  });

  it('keeps a reported eGFR when it is at least as recent as the creatinine, and computes when the creatinine is newer', () => {
    const reported = { code: '98979-8', display: 'eGFR', unit: 'mL/min/1.73m2', latestValue: 40, latestAt: '2022-05-01T00:00:00.000Z' };
    const kept = medicationInputFromChart(chart({ birthDate: '1967-01-01', labs: [creatinine(0.9, 'mg/dL'), reported] })).context;
    expect(kept.egfr).toMatchObject({ method: 'reported', value: 40, code: '98979-8' });
    const newer = medicationInputFromChart(
      chart({ birthDate: '1967-01-01', labs: [creatinine(0.9, 'mg/dL', '2023-01-01T00:00:00.000Z'), reported] }),
    ).context;
    expect(newer.egfr?.method).toBe('ckd-epi-2021');
  });

  it('computes nothing it cannot stand behind: a child, an unknown sex, an unknown unit', () => {
    expect(medicationInputFromChart(chart({ birthDate: '2015-01-01', labs: [creatinine(0.5, 'mg/dL')] })).context.egfr).toBeNull();
    expect(
      medicationInputFromChart(chart({ gender: 'unknown', birthDate: '1967-01-01', labs: [creatinine(0.9, 'mg/dL')] })).context.egfr,
    ).toBeNull();
    expect(medicationInputFromChart(chart({ birthDate: '1967-01-01', labs: [creatinine(0.9, 'mg/mmol')] })).context.egfr).toBeNull();
  });

  it('lets the renal rules run on a computed eGFR (metformin avoided at eGFR 15)', () => {
    const { input } = medicationInputFromChart(
      chart({ birthDate: '1927-05-21', labs: [creatinine(3.21, 'mg/dL', '1994-11-13T03:58:16.000Z')] }),
    );
    expect(input.egfr).toBe(15);
  });
});

describe('medicationInputFromChart — dose, route and frequency from the record (issue 23: chart frequencies left blank)', () => {
  it('reads FHIR timing ("1× per 1 d") and a dose quantity in tablets', () => {
    const { input } = medicationInputFromChart(
      chart({
        medications: [
          { display: 'lisinopril 10 MG Oral Tablet', dosageText: 'dose 1, 1× per 1 d' },
          { display: 'Metformin 500 MG Oral Tablet', dosageText: 'dose 2, 2× per 1 d' },
          { display: 'Ibuprofen 400 MG Oral Tablet', dosageText: 'dose 1, 1× per 6 h, as needed' },
          { display: 'Alendronic acid 70 MG Oral Tablet', dosageText: 'dose 1, 1× per 1 wk' },
        ],
      }),
    );
    expect(input.medications).toEqual([
      { name: 'lisinopril 10 MG Oral Tablet', dose: '10 mg', frequency: 'daily', route: 'po' },
      { name: 'Metformin 500 MG Oral Tablet', dose: '1000 mg', frequency: 'bid', route: 'po' },
      { name: 'Ibuprofen 400 MG Oral Tablet', dose: '400 mg', frequency: 'q6h prn', route: 'po' },
      { name: 'Alendronic acid 70 MG Oral Tablet', dose: '70 mg', frequency: 'weekly', route: 'po' },
    ]);
  });

  it('reads dosage text: "Every four to six hours", "Take as needed", and a mass dose quantity', () => {
    const { input } = medicationInputFromChart(
      chart({
        medications: [
          { display: 'Acetaminophen 325 MG Oral Tablet [Tylenol]', dosageText: 'Every four to six hours (qualifier value)' },
          { display: 'Fexofenadine hydrochloride 30 MG Oral Tablet', dosageText: 'Take as needed.' },
          { display: 'Warfarin Sodium 5 MG Oral Tablet', dosageText: 'dose 7.5 mg, 1× per 1 d' },
          { display: 'albuterol 0.21 MG/ML Inhalation Solution', dosageText: null },
          { display: 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray', dosageText: null },
        ],
      }),
    );
    expect(input.medications[0]).toEqual({
      name: 'Acetaminophen 325 MG Oral Tablet [Tylenol]',
      dose: '325 mg',
      frequency: 'q4h',
      route: 'po',
    });
    expect(input.medications[1]).toMatchObject({ frequency: 'prn', route: 'po' });
    expect(input.medications[2]).toMatchObject({ dose: '7.5 mg', frequency: 'daily' });
    expect(input.medications[3]).toEqual({ name: 'albuterol 0.21 MG/ML Inhalation Solution', route: 'inh' });
    expect(input.medications[4]).toEqual({ name: 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray' });
  });
});
