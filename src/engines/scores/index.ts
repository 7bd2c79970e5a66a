/**
 * The scores engine's public face: the registry (find, describe, compute a score), the types its
 * results travel in, and the input builders and issue wording the imaging rules reuse.
 */

export { bool, type ChoiceOption, choice, defineInputs, type FieldDescriptor, type InputsSchema, num } from './score-inputs.js';
export { type InputIssue, toInputIssues } from './score-issues.js';
export {
  type ComputeScoreOutcome,
  computeScore,
  describeScore,
  getScore,
  listScores,
  type ScoreDescription,
  suggestScores,
} from './score-registry.js';
export type { RegisteredScore, ResultBand, ScoreBand, ScoreOutcome, ScoreResult } from './score-types.js';
