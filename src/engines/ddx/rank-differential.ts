/**
 * Ranks the 49 DDXPlus conditions for a case by naive-Bayes posterior, with the findings that
 * speak for and against each. Decision support for a clinician, not a diagnosis.
 */
import { answersFromCase, applyAnswer, createIntakeState, type IntakeAnswer, posteriorOf } from './intake-state.js';
import type { BilingualText, CompiledEvidence, DdxModel } from './load-ddx-model.js';

export interface DdxCase {
  age: number;
  sex: 'M' | 'F';
  /** Present evidence: `E_91`, `E_55_@_V_89`, `E_56_@_7`. */
  evidence: string[];
  /** Codes asked and answered no (M/C: answered with the default, e.g. "nowhere"). */
  denied?: string[];
}

export interface EvidenceFinding {
  code: string;
  label: BilingualText;
  /** P(answer | condition) / P(answer) under the priors: > 1 speaks for, < 1 against. */
  likelihoodRatio: number;
}

export interface DifferentialEntry {
  condition: string;
  conditionZh: string;
  icd10: string;
  probability: number;
  severity: number;
  for: EvidenceFinding[];
  against: EvidenceFinding[];
}

export interface Differential {
  differential: DifferentialEntry[];
}

/** A condition "expects" an evidence when it is present at least this often under it. */
const EXPECTED_RATE = 0.3;
const MAX_FINDINGS = 6;

interface Atom {
  code: string;
  ev: CompiledEvidence;
  /** Column and whether the atom is the value being present (true) or the evidence denied. */
  column: number;
  present: boolean;
}

function atomsOf(model: DdxModel, answers: IntakeAnswer[]): Atom[] {
  const atoms: Atom[] = [];
  for (const a of answers) {
    const ev = model.byCode.get(a.code);
    if (!ev) continue;
    if ('present' in a) atoms.push({ code: a.code, ev, column: 0, present: a.present });
    else if (a.values.length === 1 && a.values[0] === ev.defaultValue) {
      atoms.push({ code: a.code, ev, column: ev.valueIndex.get(ev.defaultValue) ?? 0, present: false });
    } else {
      for (const v of a.values) {
        const column = ev.valueIndex.get(v);
        if (column !== undefined && v !== ev.defaultValue) {
          atoms.push({ code: `${a.code}_@_${v}`, ev, column, present: true });
        }
      }
    }
  }
  return atoms;
}

function labelOf(atom: Atom): BilingualText {
  if (atom.ev.type === 'B' || !atom.present) return atom.ev.label;
  const value = atom.ev.valueLabels[atom.column];
  return {
    en: `${atom.ev.label.en} — ${value?.en ?? ''}`,
    zh: `${atom.ev.label.zh}——${value?.zh ?? ''}`,
  };
}

/** P(atom | c): for a denied B the "no" probability; for a denied C/M the default value's. */
function atomProbability(atom: Atom, c: number): number {
  const p = atom.ev.p[atom.column]?.[c] ?? 0;
  return atom.ev.type === 'B' && !atom.present ? 1 - p : p;
}

function findingsFor(atoms: Atom[], prior: Float64Array, c: number) {
  const supports: EvidenceFinding[] = [];
  const opposes: EvidenceFinding[] = [];
  for (const atom of atoms) {
    let marginal = 0;
    for (let k = 0; k < prior.length; k++) marginal += (prior[k] ?? 0) * atomProbability(atom, k);
    const own = atomProbability(atom, c);
    const likelihoodRatio = Number((own / marginal).toPrecision(3));
    const finding = { code: atom.code, label: labelOf(atom), likelihoodRatio };
    if (atom.present && likelihoodRatio > 1) supports.push(finding);
    // Denied and expected: 1 − own is P(yes | c) for B, P(not the default | c) for C/M.
    if (!atom.present && likelihoodRatio < 1 && 1 - own >= EXPECTED_RATE) opposes.push(finding);
  }
  const byStrength = (a: EvidenceFinding, b: EvidenceFinding) =>
    Math.abs(Math.log(b.likelihoodRatio)) - Math.abs(Math.log(a.likelihoodRatio));
  return {
    for: supports.sort(byStrength).slice(0, MAX_FINDINGS),
    against: opposes.sort(byStrength).slice(0, MAX_FINDINGS),
  };
}

/**
 * Ranks every condition by posterior probability (highest first).
 *
 * @example
 * rankDifferential(loadDdxModel(), { age: 30, sex: 'F', evidence: ['E_91', 'E_201'] })
 *   .differential[0].condition
 */
export function rankDifferential(model: DdxModel, ddxCase: DdxCase, options: { limit?: number } = {}): Differential {
  const state = createIntakeState(model, ddxCase);
  const prior = posteriorOf(state);
  const answers = answersFromCase(model, ddxCase.evidence, ddxCase.denied);
  for (const a of answers) applyAnswer(model, state, a, false);
  const posterior = posteriorOf(state);
  const atoms = atomsOf(model, answers);
  const order = model.conditions
    .map((c) => c.index)
    .sort((a, b) => (posterior[b] ?? 0) - (posterior[a] ?? 0))
    .slice(0, options.limit ?? model.conditions.length);
  return {
    differential: order.map((c) => {
      const condition = model.conditions[c];
      return {
        condition: condition?.name ?? '',
        conditionZh: condition?.label.zh ?? '',
        icd10: condition?.icd10 ?? '',
        probability: Number((posterior[c] ?? 0).toPrecision(4)),
        severity: condition?.severity ?? 5,
        ...findingsFor(atoms, prior, c),
      };
    }),
  };
}
