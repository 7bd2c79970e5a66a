/**
 * Chooses the next history question by expected information gain: the mutual information
 * between the answer and the condition under the current posterior, I = H(answer) − E_c H(answer | c).
 * A follow-up (DDXPlus `code_question` parent) is only eligible once its parent was answered yes.
 */
import { type IntakeState, posteriorOf } from './intake-state.js';
import type { BilingualText, CompiledEvidence, DdxModel } from './load-ddx-model.js';

export interface PlannerOptions {
  /** Interview length cap, not counting the chief complaint. */
  maxQuestions?: number;
  /** Stop once the leading condition's posterior reaches this. */
  stopProbability?: number;
  /** Stop once no question is expected to gain this many nats. */
  minGain?: number;
  /** Weight of the best follow-up's gain credited to a parent question (value of unlocking it). */
  followUpWeight?: number;
}

export const DEFAULT_PLANNER_OPTIONS: Required<PlannerOptions> = {
  maxQuestions: 20,
  stopProbability: 0.999,
  minGain: 0.002,
  followUpWeight: 1,
};

export interface PlannedQuestion {
  code: string;
  type: CompiledEvidence['type'];
  label: BilingualText;
  /** C/M evidence: the answers to offer. */
  values: { code: string; label: BilingualText }[];
  expectedGain: number;
}

export type StopReason = 'max-questions' | 'confident' | 'no-informative-question';

export interface PlanResult {
  question: PlannedQuestion | null;
  stopReason: StopReason | null;
}

const h2 = (p: number): number => (p <= 0 || p >= 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p)));

function expectedConditionalEntropy(ev: CompiledEvidence, post: Float64Array): number {
  let s = 0;
  for (let c = 0; c < post.length; c++) s += (post[c] ?? 0) * (ev.condEntropy[c] ?? 0);
  return s;
}

function mixture(col: Float64Array, post: Float64Array): number {
  let m = 0;
  for (let c = 0; c < post.length; c++) m += (post[c] ?? 0) * (col[c] ?? 0);
  return m;
}

/**
 * Mutual information (nats) between the evidence's answer and the condition. For M evidence the
 * values are treated as separate yes/no answers; their summed information is an upper bound
 * (the values are independent given the condition), so it is capped at the posterior entropy.
 */
export function informationGain(ev: CompiledEvidence, post: Float64Array, postEntropy: number): number {
  const conditional = expectedConditionalEntropy(ev, post);
  let marginal = 0;
  if (ev.type === 'C') {
    for (const col of ev.p) {
      const m = mixture(col, post);
      if (m > 0) marginal -= m * Math.log(m);
    }
  } else {
    for (const col of ev.p) marginal += h2(mixture(col, post));
  }
  return Math.max(0, Math.min(postEntropy, marginal - conditional));
}

/** Evidence that may be asked now: not yet answered, and its parent (if any) answered yes. */
export function eligibleEvidence(model: DdxModel, state: IntakeState): CompiledEvidence[] {
  return model.evidences.filter((ev) => !state.asked.has(ev.code) && (ev.parent === null || state.present.has(ev.parent)));
}

function entropy(post: Float64Array): number {
  let h = 0;
  for (const p of post) if (p > 0) h -= p * Math.log(p);
  return h;
}

/** Plans the next question, or says why the interview should stop. */
export function planNextQuestion(model: DdxModel, state: IntakeState, options: PlannerOptions = {}): PlanResult {
  const o = { ...DEFAULT_PLANNER_OPTIONS, ...options };
  if (state.questionCount >= o.maxQuestions) return { question: null, stopReason: 'max-questions' };
  const post = posteriorOf(state);
  let top = 0;
  for (const p of post) if (p > top) top = p;
  if (top >= o.stopProbability) return { question: null, stopReason: 'confident' };

  const h = entropy(post);
  const gains = new Map<string, number>();
  const bestChild = new Map<string, number>();
  for (const ev of model.evidences) {
    if (state.asked.has(ev.code)) continue;
    const gain = informationGain(ev, post, h);
    gains.set(ev.code, gain);
    if (ev.parent) bestChild.set(ev.parent, Math.max(bestChild.get(ev.parent) ?? 0, gain));
  }
  let best: CompiledEvidence | undefined;
  let bestScore = -1;
  let bestGain = 0;
  for (const ev of eligibleEvidence(model, state)) {
    const gain = gains.get(ev.code) ?? 0;
    const child = bestChild.get(ev.code) ?? 0;
    // A parent's value includes what its follow-ups can tell once it is answered yes.
    const score = child > 0 ? gain + o.followUpWeight * mixture(ev.p[0] ?? new Float64Array(), post) * child : gain;
    if (score > bestScore) {
      best = ev;
      bestScore = score;
      bestGain = gain;
    }
  }
  if (!best || bestScore < o.minGain) return { question: null, stopReason: 'no-informative-question' };
  return {
    question: {
      code: best.code,
      type: best.type,
      label: best.label,
      values: best.values.map((v, i) => ({ code: v, label: best.valueLabels[i] ?? { en: v, zh: v } })),
      expectedGain: bestGain,
    },
    stopReason: null,
  };
}
