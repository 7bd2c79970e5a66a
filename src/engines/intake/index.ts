/** The history-taking interview (issue 7): frame + DDXPlus questions, the record draft, next tests. */
export type { AnswerError, AnswerErrorCode } from './answer-reading.js';
export { areaOfValue, isLocationCode } from './body-regions.js';
export { loadConditionTests, type SuggestedTest, suggestNextTests } from './condition-tests.js';
export { DDX_PREFIX } from './ddx-question.js';
export type { InterviewMode } from './frame-question.js';
export { type ChiefComplaint, type FrameQuestion, type HistoryFrame, loadHistoryFrame, OTHER_COMPLAINT } from './history-frame.js';
export type * from './intake-types.js';
export {
  type AnswerResult,
  answerQuestion,
  DEFAULT_MAX_DDX_QUESTIONS,
  factsOf,
  type InterviewPhase,
  type InterviewState,
  nextQuestion,
  progress,
  type StartOptions,
  startInterview,
} from './interview.js';
export { DRAFT_HEADER, type HistorySectionText, type RenderOptions, renderHistory } from './render-history.js';
