/**
 * A simulated form-mode interview on a DDXPlus patient record: the chief complaint is the
 * record's INITIAL_EVIDENCE (or "something else" when the form does not list it), DDXPlus
 * questions are answered from the record (absent → no / the default), frame questions are
 * skipped. Checks that the whole interview, frame included, still reaches a useful differential.
 */

import {
  answerFromRecord,
  type DdxModel,
  type DdxplusData,
  type DdxplusPatient,
  loadDdxModel,
  loadDdxplusData,
  loadValidatePatients,
  type PatientAnswers,
  patientAnswers,
  rankDifferential,
  splitPatients,
} from '../../src/engines/ddx/index.js';
import {
  answerQuestion,
  DDX_PREFIX,
  factsOf,
  type IntakeAnswerInput,
  type IntakeQuestion,
  type InterviewState,
  nextQuestion,
  OTHER_COMPLAINT,
  startInterview,
} from '../../src/engines/intake/index.js';

function inputFor(model: DdxModel, record: PatientAnswers, patient: DdxplusPatient, q: IntakeQuestion): IntakeAnswerInput {
  if (q.id === 'frame:chief-complaint') {
    const listed = q.options?.some((o) => o.value === patient.initialEvidence);
    return { questionId: q.id, value: listed ? patient.initialEvidence : OTHER_COMPLAINT };
  }
  if (!q.id.startsWith(DDX_PREFIX)) return { questionId: q.id, skipped: true };
  const code = q.id.slice(DDX_PREFIX.length);
  const answer = answerFromRecord(model, record, code);
  if ('present' in answer) return { questionId: q.id, value: answer.present };
  const ev = model.byCode.get(code);
  if (q.kind === 'scale') return { questionId: q.id, value: Number(answer.values[0] ?? ev?.defaultValue ?? 0) };
  if (q.kind === 'choice') return { questionId: q.id, value: answer.values[0] ?? ev?.defaultValue ?? '' };
  return { questionId: q.id, value: answer.values.filter((v) => v !== ev?.defaultValue) };
}

export interface SimulatedInterview {
  state: InterviewState;
  questions: number;
  ddxQuestions: number;
  /** Rank of the true condition in the final differential (1 = top). */
  rank: number;
}

/** Runs one form interview for a DDXPlus patient; throws if the interview rejects an answer (a bug). */
export function simulateFormInterview(
  patient: DdxplusPatient,
  options: { model?: DdxModel; data?: DdxplusData; maxQuestions?: number } = {},
): SimulatedInterview {
  const model = options.model ?? loadDdxModel();
  const record = patientAnswers(options.data ?? loadDdxplusData(), patient.evidence);
  let state = startInterview({ age: patient.age, sex: patient.sex, language: 'en', mode: 'form' });
  for (let i = 0; i < (options.maxQuestions ?? 200); i++) {
    const next = nextQuestion(state, model);
    if ('done' in next) break;
    const result = answerQuestion(state, model, inputFor(model, record, patient, next.question));
    if (!result.ok) throw new Error(`simulated answer rejected: ${result.error.code} on ${result.error.questionId}`);
    state = result.state;
  }
  const facts = factsOf(state);
  const { differential } = rankDifferential(model, { age: patient.age, sex: patient.sex, evidence: facts.evidence, denied: facts.denied });
  return {
    state,
    questions: state.answers.length,
    ddxQuestions: state.answers.filter((a) => a.questionId.startsWith(DDX_PREFIX)).length,
    rank: differential.findIndex((d) => d.condition === patient.pathology) + 1,
  };
}

export interface FormInterviewEvaluation {
  patients: number;
  top1: number;
  top3: number;
  meanQuestions: number;
  maxQuestions: number;
  meanDdxQuestions: number;
}

/** Scores simulated form interviews on the first `limit` held-out patients (the DDX model's split). */
export function evaluateFormInterviews(limit = 100): FormInterviewEvaluation {
  const data = loadDdxplusData();
  const model = loadDdxModel();
  const heldOut = splitPatients(loadValidatePatients(data)).heldOut.slice(0, limit);
  const runs = heldOut.map((p) => simulateFormInterview(p, { model, data }));
  const share = (k: number) => runs.filter((r) => r.rank >= 1 && r.rank <= k).length / Math.max(1, runs.length);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const r4 = (x: number) => Number(x.toFixed(4));
  return {
    patients: runs.length,
    top1: r4(share(1)),
    top3: r4(share(3)),
    meanQuestions: r4(mean(runs.map((r) => r.questions))),
    maxQuestions: Math.max(0, ...runs.map((r) => r.questions)),
    meanDdxQuestions: r4(mean(runs.map((r) => r.ddxQuestions))),
  };
}
