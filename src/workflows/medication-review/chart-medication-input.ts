import type { MedicationCheckInput } from '../../engines/medication/index.js';
import type { PatientChart } from '../../record/patient-chart.js';

/** LOINC codes whose latest value feeds the medication check. */
const EGFR_CODES = ['98979-8', '62238-1', '33914-3', '48642-3', '48643-1', '69405-9'];
const WEIGHT_CODES = ['29463-7', '3141-9'];

/** What the check used from the chart, shown beside the findings so the clinician can judge them. */
export interface ChartMedicationContext {
  age: number | null;
  sex: 'M' | 'F' | null;
  egfr: { value: number; at: string | null; code: string } | null;
  weightKg: { value: number; at: string | null } | null;
  activeMedications: number;
  allergies: string[];
}

function latest(chart: PatientChart, codes: string[]) {
  for (const code of codes) {
    const lab = chart.labs.find((entry) => entry.code === code && entry.latestValue !== null);
    if (lab && lab.latestValue !== null) return { value: lab.latestValue, at: lab.latestAt, code };
  }
  return null;
}

/** "Allergy to penicillin" / "青霉素过敏" → the substance. */
function allergySubstance(display: string): string {
  return display
    .replace(/^allergy to\s+/i, '')
    .replace(/\s*\(substance\)|\s*\(finding\)/gi, '')
    .replace(/过敏$/, '')
    .trim();
}

/**
 * Builds the medication-check input from a chart: active medication requests (the record's
 * display text, e.g. "Simvastatin 20 MG Oral Tablet", carries the strength), active allergies,
 * age, sex, the latest eGFR and weight.
 */
export function medicationInputFromChart(chart: PatientChart): { input: MedicationCheckInput; context: ChartMedicationContext } {
  const active = chart.medications.filter((medication) => medication.status === 'active');
  const allergies = chart.allergies
    .filter((allergy) => allergy.clinicalStatus === null || allergy.clinicalStatus === 'active')
    .map((allergy) => allergySubstance(allergy.display))
    .filter((substance) => substance.length > 0)
    .slice(0, 50);
  const egfr = latest(chart, EGFR_CODES);
  const weight = latest(chart, WEIGHT_CODES);
  const gender = chart.patient.gender;
  const sex = gender === 'male' ? 'M' : gender === 'female' ? 'F' : null;
  const input: MedicationCheckInput = {
    ...(chart.patient.age !== null ? { age: chart.patient.age } : {}),
    ...(sex ? { sex } : {}),
    ...(egfr ? { egfr: Math.min(egfr.value, 250) } : {}),
    ...(weight && weight.value >= 0.5 && weight.value <= 500 ? { weightKg: weight.value } : {}),
    allergies,
    medications: active.slice(0, 100).map((medication) => ({
      name: medication.display.slice(0, 200),
      ...(strengthOf(medication.display) ? { dose: strengthOf(medication.display) } : {}),
    })),
  };
  return {
    input,
    context: {
      age: chart.patient.age,
      sex,
      egfr,
      weightKg: weight ? { value: weight.value, at: weight.at } : null,
      activeMedications: active.length,
      allergies,
    },
  };
}

/** The first strength in a record display ("Simvastatin 20 MG Oral Tablet" → "20 mg"); none for ratios like "1 MG/ML". */
function strengthOf(display: string): string | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(MG|MCG|G|UNT|UNITS?)\b(?!\s*\/)/i.exec(display);
  if (!match?.[1] || !match[2]) return undefined;
  const unit = match[2].toLowerCase() === 'unt' ? 'units' : match[2].toLowerCase();
  return `${match[1]} ${unit}`;
}
