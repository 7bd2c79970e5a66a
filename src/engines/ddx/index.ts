/** Deterministic differential diagnosis over the 49 DDXPlus conditions (no model involved). */

export { answerFromRecord } from './answer-from-record.js';
export { buildListingOnlyModel, splitPatients } from './build-model.js';
export { type ChartEvidence, type ChartFact, chartEvidence, loadChartEvidenceMap } from './chart-evidence.js';
export {
  type ClinicianFinding,
  type EvidenceOption,
  FindingError,
  findingAnswerLabel,
  findingsToCase,
  searchEvidence,
} from './clinician-findings.js';
export { type DdxplusData, type DdxplusPatient, loadDdxplusData, loadValidatePatients, parseCsv } from './ddxplus-data.js';
export { type CostTier, type DiagnosticTest, type Invasiveness, loadDiagnosticTests } from './diagnostic-tests.js';
export { answersFromCase, applyAnswer, createIntakeState, type IntakeAnswer, type IntakeState, posteriorOf } from './intake-state.js';
export { type PatientAnswers, patientAnswers } from './likelihood-model.js';
export {
  type BilingualText,
  type CompiledEvidence,
  compileDdxModel,
  type DdxModel,
  loadConditionsZh,
  loadDdxModel,
  loadQuestionsZh,
} from './load-ddx-model.js';
export {
  DEFAULT_PLANNER_OPTIONS,
  type PlannedQuestion,
  type PlannerOptions,
  type PlanResult,
  planNextQuestion,
  type StopReason,
} from './question-planner.js';
export { type DdxCase, type Differential, type DifferentialEntry, type EvidenceFinding, rankDifferential } from './rank-differential.js';
export { type PosteriorEntry, type RankedTest, rankNextTests, scoreTest } from './rank-next-tests.js';
