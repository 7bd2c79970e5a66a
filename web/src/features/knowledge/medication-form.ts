import type { MedicationCheckInput } from './knowledge-api';

/** One editable row of the medication table (strings as typed). */
export interface MedicationRow {
  key: number;
  name: string;
  dose: string;
  frequency: string;
  route: string;
}

/** The patient fields of the checker, as typed. */
export interface PatientFields {
  age: string;
  sex: '' | 'M' | 'F';
  weightKg: string;
  egfr: string;
  /** Creatinine clearance (mL/min), e.g. Cockcroft–Gault; CrCl-based label rules use it before the eGFR. */
  crcl: string;
  childPugh: '' | 'A' | 'B' | 'C';
  pregnant: boolean;
  breastfeeding: boolean;
  allergies: string[];
}

export const EMPTY_PATIENT: PatientFields = {
  age: '',
  sex: '',
  weightKg: '',
  egfr: '',
  crcl: '',
  childPugh: '',
  pregnant: false,
  breastfeeding: false,
  allergies: [],
};

let nextKey = 1;
export function newRow(values: Partial<Omit<MedicationRow, 'key'>> = {}): MedicationRow {
  return { key: nextKey++, name: '', dose: '', frequency: '', route: '', ...values };
}

function numberOf(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * The request body, and which row each medication came from (blank rows are left out, so
 * finding indices map back to rows through `rowKeys`). Out-of-range numbers are sent as typed:
 * the server's validation message names the field.
 */
export function toCheckInput(rows: MedicationRow[], patient: PatientFields): { input: MedicationCheckInput; rowKeys: number[] } {
  const used = rows.filter((row) => row.name.trim() !== '');
  const age = numberOf(patient.age);
  const weightKg = numberOf(patient.weightKg);
  const egfr = numberOf(patient.egfr);
  const crcl = numberOf(patient.crcl);
  const input: MedicationCheckInput = {
    ...(age !== undefined ? { age } : {}),
    ...(patient.sex ? { sex: patient.sex } : {}),
    ...(weightKg !== undefined ? { weightKg } : {}),
    ...(egfr !== undefined ? { egfr } : {}),
    ...(crcl !== undefined ? { crcl } : {}),
    ...(patient.childPugh ? { childPugh: patient.childPugh } : {}),
    ...(patient.pregnant ? { pregnant: true } : {}),
    ...(patient.breastfeeding ? { breastfeeding: true } : {}),
    allergies: patient.allergies,
    medications: used.map((row) => ({
      name: row.name.trim(),
      ...(row.dose.trim() ? { dose: row.dose.trim() } : {}),
      ...(row.frequency.trim() ? { frequency: row.frequency.trim() } : {}),
      ...(row.route.trim() ? { route: row.route.trim() } : {}),
    })),
  };
  return { input, rowKeys: used.map((row) => row.key) };
}

/** Form state from a check input (the chart's, when the checker opens from a chart). */
export function fromCheckInput(input: MedicationCheckInput): { rows: MedicationRow[]; patient: PatientFields } {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    rows: input.medications.map((m) => newRow({ name: m.name, dose: m.dose ?? '', frequency: m.frequency ?? '', route: m.route ?? '' })),
    patient: {
      age: text(input.age),
      sex: input.sex ?? '',
      weightKg: text(input.weightKg),
      egfr: text(input.egfr),
      crcl: text(input.crcl),
      childPugh: input.childPugh ?? '',
      pregnant: input.pregnant ?? false,
      breastfeeding: input.breastfeeding ?? false,
      allergies: input.allergies ?? [],
    },
  };
}
