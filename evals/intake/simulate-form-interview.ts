/**
 * A simulated form-mode interview on a DDXPlus patient record, answered as a patient on the phone
 * would: the chief complaint is the listed complaint that says the record's INITIAL_EVIDENCE (for
 * pain, the one whose body region holds the record's pain site: chest pain, headache…; a complaint
 * is picked only when everything it establishes holds in the record), or "something else" when
 * none does; body-location questions are answered with the pain-map areas holding the record's
 * values (not the raw DDXPlus values); other DDXPlus questions from the record (absent → no / the
 * default); frame questions skipped. Checks that the whole interview still reaches a useful
 * differential.
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
  areaOfValue,
  type ChiefComplaint,
  DDX_PREFIX,
  factsOf,
  type IntakeAnswerInput,
  type IntakeQuestion,
  type InterviewState,
  isLocationCode,
  loadHistoryFrame,
  nextQuestion,
  OTHER_COMPLAINT,
  startInterview,
} from '../../src/engines/intake/index.js';

/** The complaint this patient would pick, or "something else". */
export function complaintFor(patient: DdxplusPatient, complaints: ChiefComplaint[] = loadHistoryFrame().chiefComplaints): string {
  const present = new Set(patient.evidence.map((atom) => atom.split('_@_')[0]));
  const regions = new Set(
    patient.evidence.filter((atom) => atom.startsWith('E_55_@_')).map((atom) => areaOfValue(atom.split('_@_')[1] ?? '')?.region),
  );
  const fits = (c: ChiefComplaint) =>
    c.evidence.includes(patient.initialEvidence) && c.evidence.every((code) => present.has(code) || code === patient.initialEvidence);
  const withRegion = complaints.find((c) => fits(c) && c.region && regions.has(c.region));
  return (withRegion ?? complaints.find((c) => fits(c) && !c.region))?.value ?? OTHER_COMPLAINT;
}

function inputFor(model: DdxModel, record: PatientAnswers, patient: DdxplusPatient, q: IntakeQuestion): IntakeAnswerInput {
  if (q.id === 'frame:chief-complaint') return { questionId: q.id, value: complaintFor(patient) };
  if (!q.id.startsWith(DDX_PREFIX)) return { questionId: q.id, skipped: true };
  const code = q.id.slice(DDX_PREFIX.length);
  const answer = answerFromRecord(model, record, code);
  if ('present' in answer) return { questionId: q.id, value: answer.present };
  const ev = model.byCode.get(code);
  if (q.kind === 'scale') return { questionId: q.id, value: Number(answer.values[0] ?? ev?.defaultValue ?? 0) };
  if (q.kind === 'choice') return { questionId: q.id, value: answer.values[0] ?? ev?.defaultValue ?? '' };
  const ticked = answer.values.filter((v) => v !== ev?.defaultValue);
  if (isLocationCode(code)) {
    // The patient ticks the areas on the pain map that hold the record's sites.
    return { questionId: q.id, value: [...new Set(ticked.map((v) => areaOfValue(v)?.id ?? v))] };
  }
  return { questionId: q.id, value: ticked };
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
