/** Lab interpretation: units, reference ranges, trends and organ patterns over the knowledge base's lab entries. */
export { interpretLabs } from './interpret-labs.js';
export { createLabIndex, findLab, type LabIndex } from './lab-index.js';
export type {
  InterpretedLabResult,
  InterpretLabsInput,
  LabFlag,
  LabInterpretation,
  LabPattern,
  LabResultInput,
  LabTrend,
} from './lab-types.js';
export { displayDecimals, formatLabValue } from './lab-units.js';
export { loadLabIndex } from './testing-labs.js';
