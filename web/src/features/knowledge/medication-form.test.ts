import { describe, expect, it } from 'vitest';
import { EMPTY_PATIENT, fromCheckInput, newRow, toCheckInput } from './medication-form';

describe('medication checker form', () => {
  it('leaves out blank rows and empty fields, and maps medications back to their rows', () => {
    const rows = [newRow({ name: 'warfarin', dose: '5 mg' }), newRow(), newRow({ name: ' aspirin ', route: 'po' })];
    const { input, rowKeys } = toCheckInput(rows, { ...EMPTY_PATIENT, egfr: '25', sex: 'F', allergies: ['penicillin'] });
    expect(input).toEqual({
      sex: 'F',
      egfr: 25,
      allergies: ['penicillin'],
      medications: [
        { name: 'warfarin', dose: '5 mg' },
        { name: 'aspirin', route: 'po' },
      ],
    });
    expect(rowKeys).toEqual([rows[0]?.key, rows[2]?.key]);
  });

  it('sends a number that does not parse as NaN so the server names the field', () => {
    const { input } = toCheckInput([newRow({ name: 'x' })], { ...EMPTY_PATIENT, age: 'abc' });
    expect(Number.isNaN(input.age)).toBe(true);
  });

  it('fills the form from a chart input', () => {
    const { rows, patient } = fromCheckInput({
      age: 70,
      egfr: 40,
      allergies: [],
      medications: [{ name: 'Simvastatin 20 MG', dose: '20 mg' }],
    });
    expect(rows.map((r) => [r.name, r.dose])).toEqual([['Simvastatin 20 MG', '20 mg']]);
    expect(patient).toMatchObject({ age: '70', egfr: '40', sex: '' });
  });

  it('keeps the chart CrCl, frequency and route when the form is filled from a chart and checked again (issue 23)', () => {
    const filled = fromCheckInput({
      age: 67,
      egfr: 15,
      crcl: 25.2,
      allergies: [],
      medications: [{ name: 'lisinopril 10 MG Oral Tablet', dose: '10 mg', frequency: 'daily', route: 'po' }],
    });
    expect(filled.patient.crcl).toBe('25.2');
    expect(filled.rows.map((r) => [r.frequency, r.route])).toEqual([['daily', 'po']]);
    const { input } = toCheckInput(filled.rows, filled.patient);
    expect(input).toMatchObject({ egfr: 15, crcl: 25.2 });
    expect(input.medications[0]).toEqual({ name: 'lisinopril 10 MG Oral Tablet', dose: '10 mg', frequency: 'daily', route: 'po' });
  });
});
