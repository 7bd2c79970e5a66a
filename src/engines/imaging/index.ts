/** Imaging appropriateness: one rule table per clinical scenario, one interpreter, cited recommendations. */
export type { ProcedureId } from './imaging-procedures.js';
export {
  describeImagingScenario,
  evaluateImaging,
  type ImagingScenarioDescription,
  type ImagingScenarioSummary,
  listImagingScenarios,
} from './imaging-registry.js';
export type { Appropriateness, ImagingRecommendation, ImagingResult } from './imaging-types.js';
