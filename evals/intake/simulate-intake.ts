/**
 * Simulated history-taking on held-out DDXPlus patients: each patient answers from its record,
 * the interview starts from its INITIAL_EVIDENCE (the chief complaint), and the final posterior
 * is scored against the ground-truth pathology. Compared in the same run with the ceiling (every
 * question answered) and a fixed-order baseline (evidence file order, same question budget).
 */

import {
  answerFromRecord,
  applyAnswer,
  buildListingOnlyModel,
  compileDdxModel,
  createIntakeState,
  type DdxModel,
  type DdxplusData,
  type DdxplusPatient,
  DEFAULT_PLANNER_OPTIONS,
  type IntakeState,
  loadConditionsZh,
  loadDdxModel,
  loadDdxplusData,
  loadQuestionsZh,
  loadValidatePatients,
  type PatientAnswers,
  type PlannerOptions,
  patientAnswers,
  planNextQuestion,
  posteriorOf,
  splitPatients,
} from '../../src/engines/ddx/index.js';

/** Runs a planner-driven interview; returns the final state. */
export function simulateIntake(
  model: DdxModel,
  patient: DdxplusPatient,
  record: PatientAnswers,
  options: PlannerOptions = {},
): IntakeState {
  const state = createIntakeState(model, patient);
  applyAnswer(model, state, answerFromRecord(model, record, patient.initialEvidence), false);
  for (;;) {
    const { question } = planNextQuestion(model, state, options);
    if (!question) return state;
    applyAnswer(model, state, answerFromRecord(model, record, question.code));
  }
}

/** Asks every eligible question in evidence file order until `budget` questions were asked. */
export function simulateFixedOrder(model: DdxModel, patient: DdxplusPatient, record: PatientAnswers, budget: number): IntakeState {
  const state = createIntakeState(model, patient);
  applyAnswer(model, state, answerFromRecord(model, record, patient.initialEvidence), false);
  // Follow-ups become eligible when their parent is answered yes, so sweep until nothing changes.
  let progressed = true;
  while (progressed && state.questionCount < budget) {
    progressed = false;
    for (const ev of model.evidences) {
      if (state.questionCount >= budget) break;
      if (state.asked.has(ev.code) || (ev.parent && !state.present.has(ev.parent))) continue;
      applyAnswer(model, state, answerFromRecord(model, record, ev.code));
      progressed = true;
    }
  }
  return state;
}

/** Answers every question (follow-ups only under a yes parent): what a complete history gives. */
export function simulateCompleteHistory(model: DdxModel, patient: DdxplusPatient, record: PatientAnswers): IntakeState {
  return simulateFixedOrder(model, patient, record, Number.POSITIVE_INFINITY);
}

function rankOf(model: DdxModel, state: IntakeState, pathology: string): number {
  const post = posteriorOf(state);
  const truth = model.conditions.findIndex((c) => c.name === pathology);
  const p = post[truth] ?? 0;
  let rank = 1;
  for (let c = 0; c < post.length; c++) if (c !== truth && (post[c] ?? 0) > p) rank++;
  return rank;
}

export interface AccuracyFigures {
  top1: number;
  top3: number;
  top5: number;
  meanQuestions: number;
}

function tally(ranks: number[], questions: number[]): AccuracyFigures {
  const share = (k: number) => ranks.filter((r) => r <= k).length / Math.max(1, ranks.length);
  const mean = questions.reduce((a, b) => a + b, 0) / Math.max(1, questions.length);
  const r = (x: number) => Number(x.toFixed(4));
  return { top1: r(share(1)), top3: r(share(3)), top5: r(share(5)), meanQuestions: r(mean) };
}

export interface IntakeEvaluationOptions {
  /** Evaluate the first `limit` held-out patients (the held-out order is the seeded shuffle). */
  limit?: number;
  planner?: PlannerOptions;
  /**
   * 'trained' (default): the committed data/ddxplus/model.json. 'listing-only': every condition
   * estimated from its symptom list alone (stress test of the method for conditions without patients).
   */
  likelihoods?: 'trained' | 'listing-only';
  /** Use this model instead of the committed data/ddxplus/model.json. */
  model?: DdxModel;
  data?: DdxplusData;
}

export interface IntakeEvaluation {
  patients: number;
  ceiling: AccuracyFigures;
  interactive: AccuracyFigures;
  baseline: AccuracyFigures;
  /** interactive top-3 / ceiling top-3 (goal ≥ 0.90). */
  top3VersusCeiling: number;
  planner: Required<PlannerOptions>;
}

/** Scores the planner, the ceiling and the fixed-order baseline on held-out patients. */
export function runIntakeEvaluation(options: IntakeEvaluationOptions = {}): IntakeEvaluation {
  const data = options.data ?? loadDdxplusData();
  const patients = loadValidatePatients(data);
  const model =
    options.model ??
    (options.likelihoods === 'listing-only'
      ? compileDdxModel(buildListingOnlyModel(data), { data, questionsZh: loadQuestionsZh(), conditionsZh: loadConditionsZh() })
      : loadDdxModel());
  const planner = { ...DEFAULT_PLANNER_OPTIONS, ...options.planner };
  const heldOut = splitPatients(patients).heldOut.slice(0, options.limit);
  const runs = { ceiling: [[], []], interactive: [[], []], baseline: [[], []] } as Record<
    'ceiling' | 'interactive' | 'baseline',
    [number[], number[]]
  >;
  const record = (key: keyof typeof runs, state: IntakeState, pathology: string) => {
    runs[key][0].push(rankOf(model, state, pathology));
    runs[key][1].push(state.questionCount);
  };
  for (const patient of heldOut) {
    const answers = patientAnswers(data, patient.evidence);
    record('ceiling', simulateCompleteHistory(model, patient, answers), patient.pathology);
    record('interactive', simulateIntake(model, patient, answers, planner), patient.pathology);
    record('baseline', simulateFixedOrder(model, patient, answers, planner.maxQuestions), patient.pathology);
  }
  const ceiling = tally(...runs.ceiling);
  const interactive = tally(...runs.interactive);
  return {
    patients: heldOut.length,
    ceiling,
    interactive,
    baseline: tally(...runs.baseline),
    top3VersusCeiling: Number((interactive.top3 / Math.max(1e-9, ceiling.top3)).toFixed(4)),
    planner,
  };
}
