import type { MedicationCheckInput } from '../../engines/medication/index.js';
import { computeScore, getScore } from '../../engines/scores/index.js';
import type { Citation } from '../../knowledge/index.js';
import type { LabSummary, PatientChart } from '../../record/patient-chart.js';
import { ageInYears } from '../../record/patient-queries.js';
import { spokenNumbersToDigits } from '../../shared/spoken-numbers.js';

/** LOINC codes whose latest value feeds the medication check. */
const EGFR_CODES = ['98979-8', '62238-1', '33914-3', '48642-3', '48643-1', '69405-9'];
/** Serum/plasma creatinine (mass and substance concentration) and blood creatinine, as in the KB's creatinine entry. */
const CREATININE_CODES = ['2160-0', '38483-4', '14682-9'];
/** The unit a creatinine code implies when the record gives none (LOINC property MCnc / SCnc). */
const CREATININE_UNIT_BY_CODE: Record<string, CreatinineUnit> = { '2160-0': 'mg/dL', '38483-4': 'mg/dL', '14682-9': 'µmol/L' };
const WEIGHT_CODES = ['29463-7', '3141-9'];
/** The international avoirdupois pound is defined as exactly 0.45359237 kg. */
const KG_PER_POUND = 0.45359237;

type CreatinineUnit = 'mg/dL' | 'µmol/L';

/** How the eGFR the check used was obtained: reported by the lab, or computed here from the record's creatinine. */
export interface ChartEgfr {
  value: number;
  at: string | null;
  /** LOINC code of the reported eGFR, or of the creatinine it was computed from. */
  code: string;
  method: 'reported' | 'ckd-epi-2021';
  /** The creatinine it was computed from (computed only). */
  creatinine?: { value: number; unit: CreatinineUnit };
  /** Age in years on the day of the creatinine (computed only). */
  ageAtTest?: number;
  /** The equation's publication (computed only). */
  source?: Citation;
}

/** Cockcroft–Gault creatinine clearance, computed where a weight is on record (many labels dose by it). */
export interface ChartCrcl {
  value: number;
  at: string | null;
  code: string;
  method: 'cockcroft-gault';
  creatinine: { value: number; unit: CreatinineUnit };
  ageAtTest: number;
  weightKg: number;
  weightAt: string | null;
  source: Citation;
}

/** What the check used from the chart, shown beside the findings so the clinician can judge them. */
export interface ChartMedicationContext {
  age: number | null;
  sex: 'M' | 'F' | null;
  egfr: ChartEgfr | null;
  crcl: ChartCrcl | null;
  weightKg: { value: number; at: string | null } | null;
  activeMedications: number;
  allergies: string[];
}

function latest(chart: PatientChart, codes: string[]): { lab: LabSummary; value: number } | null {
  let best: { lab: LabSummary; value: number } | null = null;
  for (const code of codes) {
    const lab = chart.labs.find((entry) => entry.code === code && entry.latestValue !== null);
    if (!lab || lab.latestValue === null) continue;
    // Several codes for one measure: the most recent result wins (undated ones only when nothing is dated).
    if (!best || (lab.latestAt ?? '') > (best.lab.latestAt ?? '')) best = { lab, value: lab.latestValue };
  }
  return best;
}

/** "Allergy to penicillin" / "青霉素过敏" → the substance. */
function allergySubstance(display: string): string {
  return display
    .replace(/^allergy to\s+/i, '')
    .replace(/\s*\(substance\)|\s*\(finding\)/gi, '')
    .replace(/过敏$/, '')
    .trim();
}

function creatinineUnit(unit: string | null, code: string): CreatinineUnit | undefined {
  if (unit === null || unit.trim() === '') return CREATININE_UNIT_BY_CODE[code];
  const folded = unit.normalize('NFKC').trim().toLowerCase().replace(/μ/g, 'µ');
  if (folded === 'mg/dl') return 'mg/dL';
  if (['umol/l', 'µmol/l', 'micromol/l', 'µm/l'].includes(folded)) return 'µmol/L';
  return undefined;
}

function weightKg(lab: LabSummary, value: number): number | undefined {
  const unit = (lab.unit ?? 'kg').trim().toLowerCase();
  const kg = unit === 'kg' ? value : unit === 'lb' || unit === '[lb_av]' || unit === 'lbs' ? value * KG_PER_POUND : undefined;
  return kg !== undefined && kg >= 1 && kg <= 400 ? Math.round(kg * 10) / 10 : undefined;
}

interface KidneyInputs {
  creatinine: { value: number; unit: CreatinineUnit; at: string | null; code: string };
  age: number;
  sex: 'M' | 'F';
}

/** Creatinine, age on its day and sex, when all are known; nothing is guessed. */
function kidneyInputs(chart: PatientChart, sex: 'M' | 'F' | null): KidneyInputs | undefined {
  const found = latest(chart, CREATININE_CODES);
  if (!found || !sex) return undefined;
  const unit = creatinineUnit(found.lab.unit, found.lab.code);
  if (!unit) return undefined;
  const at = found.lab.latestAt;
  const age = at && chart.patient.birthDate ? ageInYears(chart.patient.birthDate, new Date(at)) : chart.patient.age;
  if (age === null) return undefined;
  return { creatinine: { value: found.value, unit, at, code: found.lab.code }, age, sex };
}

const scoreUnit = (unit: CreatinineUnit) => (unit === 'mg/dL' ? 'mg/dL' : 'umol/L');

/**
 * eGFR by the CKD-EPI 2021 race-free creatinine equation (Inker et al., NEJM 2021), through the
 * scores engine's one implementation; adults only, as the equation is.
 */
function computedEgfr(inputs: KidneyInputs): ChartEgfr | null {
  const outcome = computeScore('egfr-ckd-epi-2021', {
    age: inputs.age,
    sex: inputs.sex,
    creatinine: inputs.creatinine.value,
    creatinineUnit: scoreUnit(inputs.creatinine.unit),
  });
  if (!outcome.ok) return null;
  const source = getScore('egfr-ckd-epi-2021')?.source;
  return {
    value: outcome.result.value,
    at: inputs.creatinine.at,
    code: inputs.creatinine.code,
    method: 'ckd-epi-2021',
    creatinine: { value: inputs.creatinine.value, unit: inputs.creatinine.unit },
    ageAtTest: inputs.age,
    ...(source ? { source } : {}),
  };
}

/** Cockcroft–Gault (Nephron 1976) with the recorded weight, through the scores engine. */
function computedCrcl(inputs: KidneyInputs, weight: { kg: number; at: string | null }): ChartCrcl | null {
  const outcome = computeScore('cockcroft-gault', {
    age: inputs.age,
    sex: inputs.sex,
    weight: weight.kg,
    creatinine: inputs.creatinine.value,
    creatinineUnit: scoreUnit(inputs.creatinine.unit),
  });
  const source = getScore('cockcroft-gault')?.source;
  if (!outcome.ok || !source) return null;
  return {
    value: outcome.result.value,
    at: inputs.creatinine.at,
    code: inputs.creatinine.code,
    method: 'cockcroft-gault',
    creatinine: { value: inputs.creatinine.value, unit: inputs.creatinine.unit },
    ageAtTest: inputs.age,
    weightKg: weight.kg,
    weightAt: weight.at,
    source,
  };
}

/** The lab's eGFR when it is at least as recent as the creatinine; otherwise the one computed from the creatinine. */
function chooseEgfr(chart: PatientChart, inputs: KidneyInputs | undefined): ChartEgfr | null {
  const found = latest(chart, EGFR_CODES);
  const reported: ChartEgfr | null = found
    ? { value: found.value, at: found.lab.latestAt, code: found.lab.code, method: 'reported' }
    : null;
  const computed = inputs ? computedEgfr(inputs) : null;
  if (!computed) return reported;
  if (!reported) return computed;
  return (reported.at ?? '') >= (computed.at ?? '') ? reported : computed;
}

/**
 * Builds the medication-check input from a chart: active medication requests (the record's
 * display text, e.g. "Simvastatin 20 MG Oral Tablet", carries the strength and form; the dosage
 * gives the count and timing), active allergies, age, sex, eGFR (reported, or computed from the
 * latest creatinine), Cockcroft–Gault CrCl where a weight is recorded, and the latest weight.
 */
export function medicationInputFromChart(chart: PatientChart): { input: MedicationCheckInput; context: ChartMedicationContext } {
  const active = chart.medications.filter((medication) => medication.status === 'active');
  const allergies = chart.allergies
    .filter((allergy) => allergy.clinicalStatus === null || allergy.clinicalStatus === 'active')
    .map((allergy) => allergySubstance(allergy.display))
    .filter((substance) => substance.length > 0)
    .slice(0, 50);
  const gender = chart.patient.gender;
  const sex = gender === 'male' ? 'M' : gender === 'female' ? 'F' : null;
  const weightFound = latest(chart, WEIGHT_CODES);
  const kg = weightFound ? weightKg(weightFound.lab, weightFound.value) : undefined;
  const weight = kg !== undefined ? { value: kg, at: weightFound?.lab.latestAt ?? null } : null;
  const kidney = kidneyInputs(chart, sex);
  const egfr = chooseEgfr(chart, kidney);
  const crcl = kidney && weight ? computedCrcl(kidney, { kg: weight.value, at: weight.at }) : null;
  const input: MedicationCheckInput = {
    ...(chart.patient.age !== null ? { age: chart.patient.age } : {}),
    ...(sex ? { sex } : {}),
    ...(egfr ? { egfr: Math.min(egfr.value, 250) } : {}),
    ...(crcl ? { crcl: Math.min(crcl.value, 250) } : {}),
    ...(weight && weight.value >= 0.5 && weight.value <= 500 ? { weightKg: weight.value } : {}),
    allergies,
    medications: active.slice(0, 100).map((medication) => medicationLine(medication.display, medication.dosageText)),
  };
  return {
    input,
    context: { age: chart.patient.age, sex, egfr, crcl, weightKg: weight, activeMedications: active.length, allergies },
  };
}

/** One medication line: name, and the dose, frequency and route the record states. */
function medicationLine(display: string, dosageText: string | null): MedicationCheckInput['medications'][number] {
  const strength = strengthOf(display);
  const dosage = dosageText ? readDosage(dosageText.split('; ')[0] ?? '') : {};
  const dose =
    dosage.dose ??
    (strength && dosage.count !== undefined && SOLID_FORM.test(display)
      ? `${Number((strength.amount * dosage.count).toPrecision(6))} ${strength.unit}`
      : strength
        ? `${strength.amount} ${strength.unit}`
        : undefined);
  const route = routeOf(display);
  return {
    name: display.slice(0, 200),
    ...(dose ? { dose } : {}),
    ...(dosage.frequency ? { frequency: dosage.frequency } : {}),
    ...(route ? { route } : {}),
  };
}

/** Forms counted in units of the stated strength ("dose 2" of a 500 mg tablet is 1000 mg). */
const SOLID_FORM = /\b(tablet|capsule|caplet|lozenge|suppository)s?\b/i;

/** The first strength in a record display ("Simvastatin 20 MG Oral Tablet" → 20 mg); none for ratios like "1 MG/ML". */
function strengthOf(display: string): { amount: number; unit: string } | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(MG|MCG|G|UNT|UNITS?)\b(?!\s*\/)/i.exec(display);
  if (!match?.[1] || !match[2]) return undefined;
  const unit = match[2].toLowerCase() === 'unt' ? 'units' : match[2].toLowerCase();
  return { amount: Number(match[1]), unit };
}

/** Route words in RxNorm-style display names ("… Oral Tablet", "… Inhalation Solution"); none when the form does not say. */
const ROUTE_WORDS: [RegExp, string][] = [
  [/\boral\b/i, 'po'],
  [/\binhal/i, 'inh'],
  [/\bsublingual\b/i, 'sl'],
  [/\btransdermal\b/i, 'td'],
  [/\btopical\b/i, 'top'],
  [/\bnasal\b/i, 'in'],
  [/\brectal\b/i, 'pr'],
];

function routeOf(display: string): string | undefined {
  return ROUTE_WORDS.find(([pattern]) => pattern.test(display))?.[1];
}

/** Hours in one FHIR Timing period unit (UCUM: s, min, h, d, wk); months and years are left unread. */
const HOURS_PER_UNIT: Record<string, number> = { s: 1 / 3600, min: 1 / 60, h: 1, d: 24, wk: 168 };

/** A frequency the checker reads ("daily", "bid", "q6h", "weekly"); an interval written in hours stays one ("q6h"). */
function frequencyWord(hoursBetween: number, inHours: boolean): string | undefined {
  if (!(hoursBetween > 0)) return undefined;
  const named: Record<number, string> = { 24: 'daily', 12: 'bid', 8: 'tid', 6: 'qid', 168: 'weekly' };
  const word = inHours ? undefined : named[Math.round(hoursBetween * 1000) / 1000];
  if (word) return word;
  return Number.isInteger(hoursBetween) ? `q${hoursBetween}h` : undefined;
}

/**
 * Reads the record's dosage text — FHIR structured dosage as the importer wrote it
 * ("dose 2, 2× per 1 d, as needed") or the prescriber's text ("Every four to six hours
 * (qualifier value)", "Take as needed.") — into a count or dose and a frequency the checker reads.
 */
function readDosage(text: string): { dose?: string; count?: number; frequency?: string } {
  const result: { dose?: string; count?: number; frequency?: string } = {};
  const asNeeded = /\bas needed\b|\bprn\b/i.test(text);
  const doseMatch = /\bdose (\d+(?:\.\d+)?)(?: ([a-zµμ]+))?/i.exec(text);
  if (doseMatch?.[1]) {
    const amount = Number(doseMatch[1]);
    const unit = doseMatch[2]?.toLowerCase();
    if (unit && /^(mg|mcg|µg|μg|ug|g|units?|iu|ml|mmol)$/.test(unit)) result.dose = `${amount} ${unit}`;
    else if (!unit || /^(tab|tablets?|caps?|capsules?|{tbl}|{cap})$/.test(unit)) result.count = amount;
  }
  const timing = /(\d+(?:\.\d+)?)× per (\d+(?:\.\d+)?) (s|min|h|d|wk)\b/.exec(text);
  let frequency: string | undefined;
  if (timing?.[1] && timing[2] && timing[3]) {
    const perPeriod = Number(timing[1]);
    const hours = Number(timing[2]) * (HOURS_PER_UNIT[timing[3]] ?? Number.NaN);
    frequency = perPeriod > 0 ? frequencyWord(hours / perPeriod, timing[3] === 'h') : undefined;
  } else {
    const words = spokenNumbersToDigits(
      text
        .toLowerCase()
        .replace(/\(qualifier value\)/g, '')
        .replace(/[.]/g, ' '),
    );
    // "every 4 to 6 hours": the shorter interval, so the daily total is the most that may be taken.
    const every = /\bevery (\d+)(?:\s*(?:to|-|–)\s*\d+)? hours?\b/.exec(words);
    if (every?.[1]) frequency = frequencyWord(Number(every[1]), true);
    else if (/\b(once|1 time) (a|per) day\b|\bdaily\b/.test(words)) frequency = 'daily';
    else if (/\b(twice|2 times) (a|per) day\b/.test(words)) frequency = 'bid';
    else if (/\b3 times (a|per) day\b/.test(words)) frequency = 'tid';
    else if (/\b4 times (a|per) day\b/.test(words)) frequency = 'qid';
  }
  if (frequency) result.frequency = asNeeded ? `${frequency} prn` : frequency;
  else if (asNeeded) result.frequency = 'prn';
  return result;
}
