/**
 * Estimates the naive-Bayes likelihoods P(answer | condition) for the DDXPlus evidence.
 *
 * Method (docs/decisions/0004-ddx-likelihoods.md has the why):
 * - Every evidence whose DDXPlus `code_question` names another evidence (a follow-up, e.g. pain
 *   location E_55 under "any pain?" E_53) is modelled *given its parent was answered yes*: the
 *   planner never asks it otherwise, so counts come only from patients with the parent present.
 * - Knowledge rate q0 per condition, from release_conditions.json: an evidence listed among the
 *   condition's symptoms/antecedents is present with LISTED_RATE = 0.65, an unlisted one with
 *   UNLISTED_RATE = 0.015. For a listed categorical (C) or multi-choice (M) evidence the value
 *   distribution is the pooled one of training patients whose condition lists it (Laplace +0.5);
 *   for an unlisted one the default value ("nowhere", "N", 0) takes 1 − UNLISTED_RATE. Pooled M
 *   rates are shrunk by one pseudo-patient toward 2/|values| per value (default value 0.1).
 * - Conditions with training patients: Beta/Dirichlet posterior mean with the knowledge rate as
 *   prior of strength PSEUDO_COUNT = 2 patients: p = (k + 2·q0) / (n + 2). With few patients the
 *   listing dominates; with hundreds, the data.
 * - Conditions without patients: the knowledge rate alone.
 * - Every probability is clamped to [FLOOR, 1 − FLOOR] (FLOOR = 0.002) so that one unexpected
 *   answer lowers a condition ~500-fold at most instead of ruling it out.
 * - B and M evidence: one Bernoulli per value; C evidence: one categorical over its values.
 * - Priors: training frequency, blended with UNIFORM_PRIOR_MASS = 0.05 spread over all 49.
 * - Age band and sex: Laplace-smoothed frequencies for conditions with patients, flat otherwise.
 */
import type { DdxplusData, DdxplusPatient } from './ddxplus-data.js';

export const LIKELIHOOD_PARAMETERS = {
  listedRate: 0.65,
  unlistedRate: 0.015,
  pseudoCount: 2,
  floor: 0.002,
  uniformPriorMass: 0.05,
  ageBandStarts: [0, 5, 15, 30, 45, 60, 75],
} as const;

export type EvidenceType = 'B' | 'C' | 'M';

export interface ModelEvidence {
  code: string;
  type: EvidenceType;
  /** The evidence that must be answered yes before this one is asked; null for a root question. */
  parent: string | null;
  antecedent: boolean;
  /** Value codes (C, M); empty for B. */
  values: string[];
  defaultValue: string;
  /** [condition][value]: B → [P(yes)]; C → categorical over values; M → P(value ticked). */
  p: number[][];
}

export interface ModelCondition {
  name: string;
  icd10: string;
  severity: number;
  prior: number;
  trainCount: number;
  /** 'patients': estimated from training patients; 'listing': from the symptom list only. */
  source: 'patients' | 'listing';
  /** P(age band) per LIKELIHOOD_PARAMETERS.ageBandStarts. */
  age: number[];
  /** P(sex = M). */
  male: number;
}

export interface DdxModelFile {
  version: 1;
  split: { seed: number; trainFraction: number; trainCount: number; heldOutCount: number };
  parameters: typeof LIKELIHOOD_PARAMETERS;
  conditions: ModelCondition[];
  evidences: ModelEvidence[];
}

/** The answers one patient record implies, per evidence code. */
export interface PatientAnswers {
  present: Set<string>;
  /** C and M evidence: the value codes given (the default when the record lists none). */
  values: Map<string, string[]>;
}

/** Listed M evidence without pooled data: ~2 values ticked, the default ("nowhere") 10 % of the time. */
const M_VALUES_TICKED = 2;
const M_DEFAULT_RATE = 0.1;

const round = (x: number): number => Number(x.toPrecision(6));
const clamp = (x: number, floor: number): number => Math.min(1 - floor, Math.max(floor, x));

/** Reads a patient's evidence list into per-evidence answers. */
export function patientAnswers(data: DdxplusData, evidence: readonly string[]): PatientAnswers {
  const present = new Set<string>();
  const values = new Map<string, string[]>();
  for (const atom of evidence) {
    const [code = '', value] = atom.split('_@_');
    present.add(code);
    if (value !== undefined) values.set(code, [...(values.get(code) ?? []), value]);
  }
  for (const [code, ev] of Object.entries(data.evidences)) {
    if (ev.data_type !== 'B' && !values.has(code)) values.set(code, [String(ev.default_value)]);
  }
  return { present, values };
}

export function parentOf(data: DdxplusData, code: string): string | null {
  const parent = data.evidences[code]?.code_question;
  return parent && parent !== code ? parent : null;
}

function listedCodes(data: DdxplusData, condition: string): Set<string> {
  const c = data.conditions[condition];
  return new Set(c ? [...Object.keys(c.symptoms), ...Object.keys(c.antecedents)] : []);
}

interface Counts {
  n: number;
  /** B: [yes]; C/M: per value. */
  k: number[];
}

function countEvidence(data: DdxplusData, code: string, values: string[], patients: readonly PatientAnswers[]): Counts {
  const parent = parentOf(data, code);
  const counts: Counts = { n: 0, k: values.length === 0 ? [0] : values.map(() => 0) };
  for (const answers of patients) {
    if (parent && !answers.present.has(parent)) continue;
    counts.n++;
    if (values.length === 0) {
      if (answers.present.has(code)) counts.k[0] = (counts.k[0] ?? 0) + 1;
      continue;
    }
    for (const v of answers.values.get(code) ?? []) {
      const i = values.indexOf(v);
      if (i >= 0) counts.k[i] = (counts.k[i] ?? 0) + 1;
    }
  }
  return counts;
}

function knowledgeRates(type: EvidenceType, values: string[], defaultValue: string, listed: boolean, pooled: Counts): number[] {
  const P = LIKELIHOOD_PARAMETERS;
  if (type === 'B') return [listed ? P.listedRate : P.unlistedRate];
  if (listed) {
    // C: pooled categorical, Laplace +0.5 per value. M: pooled per-value rate shrunk (one
    // pseudo-patient) toward "about two values ticked, rarely the default", so that an evidence
    // no trained condition lists does not get P = 0.5 for each of its 165 body locations.
    if (type === 'C') return pooled.k.map((k) => (k + 0.5) / (pooled.n + 0.5 * values.length));
    const other = Math.min(0.5, M_VALUES_TICKED / values.length);
    return pooled.k.map((k, i) => (k + (values[i] === defaultValue ? M_DEFAULT_RATE : other)) / (pooled.n + 1));
  }
  const rest = type === 'C' ? P.unlistedRate / Math.max(1, values.length - 1) : P.unlistedRate;
  return values.map((v) => (v === defaultValue ? 1 - P.unlistedRate : rest));
}

function smooth(type: EvidenceType, q0: number[], counts: Counts | undefined): number[] {
  const P = LIKELIHOOD_PARAMETERS;
  const raw = q0.map((q, i) => (counts ? ((counts.k[i] ?? 0) + P.pseudoCount * q) / (counts.n + P.pseudoCount) : q));
  const clamped = raw.map((x) => clamp(x, P.floor));
  if (type !== 'C') return clamped.map(round);
  const total = clamped.reduce((a, b) => a + b, 0);
  return clamped.map((x) => round(x / total));
}

function ageBand(age: number): number {
  const starts = LIKELIHOOD_PARAMETERS.ageBandStarts;
  let band = 0;
  for (let i = 0; i < starts.length; i++) if (age >= (starts[i] ?? 0)) band = i;
  return band;
}

export { ageBand };

function estimateConditions(data: DdxplusData, train: readonly DdxplusPatient[]): ModelCondition[] {
  const P = LIKELIHOOD_PARAMETERS;
  const names = Object.keys(data.conditions);
  const bands = P.ageBandStarts.length;
  return names.map((name) => {
    const c = data.conditions[name];
    const mine = train.filter((p) => p.pathology === name);
    const n = mine.length;
    const age = Array.from({ length: bands }, (_, b) =>
      n > 0 ? (mine.filter((p) => ageBand(p.age) === b).length + 1) / (n + bands) : 1 / bands,
    );
    return {
      name,
      icd10: c?.['icd10-id'] ?? '',
      severity: c?.severity ?? 5,
      // Without training patients (listing-only stress test) the prior is uniform.
      prior: round(train.length > 0 ? (1 - P.uniformPriorMass) * (n / train.length) + P.uniformPriorMass / names.length : 1 / names.length),
      trainCount: n,
      source: n > 0 ? 'patients' : 'listing',
      age: age.map(round),
      male: round(n > 0 ? (mine.filter((p) => p.sex === 'M').length + 1) / (n + 2) : 0.5),
    };
  });
}

/** Estimates the full model from the training patients (see the header for the method). */
export function estimateLikelihoods(data: DdxplusData, train: readonly DdxplusPatient[]): Pick<DdxModelFile, 'conditions' | 'evidences'> {
  const conditions = estimateConditions(data, train);
  const answersByCondition = new Map<string, PatientAnswers[]>();
  for (const p of train) {
    const list = answersByCondition.get(p.pathology) ?? [];
    list.push(patientAnswers(data, p.evidence));
    answersByCondition.set(p.pathology, list);
  }
  const listed = new Map(conditions.map((c) => [c.name, listedCodes(data, c.name)]));

  const evidences = Object.entries(data.evidences).map(([code, ev]): ModelEvidence => {
    const values = ev.data_type === 'B' ? [] : ev['possible-values'].map(String);
    const defaultValue = String(ev.default_value);
    const pooledPatients = [...answersByCondition.entries()].filter(([name]) => listed.get(name)?.has(code)).flatMap(([, list]) => list);
    const pooled = countEvidence(data, code, values, pooledPatients);
    const p = conditions.map((c) => {
      const isListed = listed.get(c.name)?.has(code) ?? false;
      const q0 = knowledgeRates(ev.data_type, values, defaultValue, isListed, pooled);
      const mine = answersByCondition.get(c.name);
      return smooth(ev.data_type, q0, mine ? countEvidence(data, code, values, mine) : undefined);
    });
    const parent = parentOf(data, code);
    return { code, type: ev.data_type, parent, antecedent: ev.is_antecedent, values, defaultValue, p };
  });
  return { conditions, evidences };
}
