/**
 * The naive-Bayes posterior over the 49 DDXPlus conditions, updated one answer at a time.
 * Log-space: log P(c) + log P(age band, sex | c) + Σ log P(answer | c).
 */
import { ageBand } from './likelihood-model.js';
import type { DdxModel } from './load-ddx-model.js';

/** B evidence: yes/no. C evidence: one value code. M evidence: the value codes ticked. */
export type IntakeAnswer = { code: string; present: boolean } | { code: string; values: string[] };

export interface IntakeState {
  logPosterior: Float64Array;
  /** Codes answered (chief complaint included). */
  asked: Set<string>;
  /** Codes answered yes (B) or with a non-default value (C, M): unlocks follow-up questions. */
  present: Set<string>;
  answers: IntakeAnswer[];
  /** Questions asked by the interview, not counting the chief complaint. */
  questionCount: number;
}

export interface PatientContext {
  age: number;
  sex: 'M' | 'F';
}

/** Starts a posterior from the priors and the patient's age band and sex. */
export function createIntakeState(model: DdxModel, patient: PatientContext): IntakeState {
  const band = ageBand(patient.age);
  const logPosterior = Float64Array.from(
    model.conditions,
    (c) => c.logPrior + (c.logAge[band] ?? 0) + (patient.sex === 'M' ? c.logMale : c.logFemale),
  );
  return { logPosterior, asked: new Set(), present: new Set(), answers: [], questionCount: 0 };
}

function evidenceOrThrow(model: DdxModel, code: string) {
  const ev = model.byCode.get(code);
  if (!ev) throw new Error(`Unknown DDXPlus evidence code '${code}'; use codes like E_91`);
  return ev;
}

/** Adds one answer's log-likelihood to the posterior. `countAsQuestion` is false for the chief complaint. */
export function applyAnswer(model: DdxModel, state: IntakeState, answer: IntakeAnswer, countAsQuestion = true): void {
  const ev = evidenceOrThrow(model, answer.code);
  const post = state.logPosterior;
  const n = post.length;
  if ('present' in answer) {
    const col = answer.present ? ev.logYes[0] : ev.logNo[0];
    if (ev.type !== 'B' || !col) throw new Error(`Evidence ${ev.code} needs a value, not yes/no`);
    for (let c = 0; c < n; c++) post[c] = (post[c] ?? 0) + (col[c] ?? 0);
    if (answer.present) state.present.add(ev.code);
  } else {
    if (ev.type === 'B') throw new Error(`Evidence ${ev.code} is yes/no, not a value`);
    const ticked = new Set(answer.values.filter((v) => ev.valueIndex.has(v)));
    if (ticked.size === 0) throw new Error(`No known value for evidence ${ev.code}`);
    for (let v = 0; v < ev.values.length; v++) {
      const col = ticked.has(ev.values[v] ?? '') ? ev.logYes[v] : ev.type === 'M' ? ev.logNo[v] : undefined;
      if (!col) continue;
      for (let c = 0; c < n; c++) post[c] = (post[c] ?? 0) + (col[c] ?? 0);
    }
    if ([...ticked].some((v) => v !== ev.defaultValue)) state.present.add(ev.code);
  }
  state.asked.add(ev.code);
  state.answers.push(answer);
  if (countAsQuestion) state.questionCount++;
}

/** Normalised posterior probabilities (softmax of the log posterior). */
export function posteriorOf(state: IntakeState): Float64Array {
  const post = state.logPosterior;
  let max = -Infinity;
  for (const x of post) if (x > max) max = x;
  const out = new Float64Array(post.length);
  let total = 0;
  for (let c = 0; c < post.length; c++) {
    const e = Math.exp((post[c] ?? 0) - max);
    out[c] = e;
    total += e;
  }
  for (let c = 0; c < out.length; c++) out[c] = (out[c] ?? 0) / total;
  return out;
}

/**
 * Reads a case (present evidence atoms + denied codes) into answers. An M/C code named in
 * `evidence` is answered with all its listed values; a denied M/C code is answered with its
 * default ("nowhere", "N", 0). Denied follow-ups whose parent is not present are skipped: the
 * model only describes a follow-up given its parent was answered yes.
 */
export function answersFromCase(model: DdxModel, evidence: readonly string[], denied: readonly string[] = []): IntakeAnswer[] {
  const values = new Map<string, string[]>();
  const present = new Set<string>();
  for (const atom of evidence) {
    const [code = '', value] = atom.split('_@_');
    const ev = evidenceOrThrow(model, code);
    present.add(code);
    if (ev.type !== 'B') {
      if (value === undefined) throw new Error(`Evidence ${code} needs a value, e.g. ${code}_@_${ev.defaultValue}`);
      values.set(code, [...(values.get(code) ?? []), value]);
    }
  }
  const answers: IntakeAnswer[] = [];
  for (const code of present) {
    const v = values.get(code);
    answers.push(v ? { code, values: v } : { code, present: true });
  }
  for (const code of new Set(denied)) {
    if (present.has(code)) continue;
    const ev = evidenceOrThrow(model, code);
    if (ev.parent && !present.has(ev.parent)) continue;
    answers.push(ev.type === 'B' ? { code, present: false } : { code, values: [ev.defaultValue] });
  }
  return answers;
}
