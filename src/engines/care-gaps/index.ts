/** Care gaps: cited rules over the record (HbA1c, albuminuria, statins, AF anticoagulation, blood pressure, screening, INR, metformin and eGFR). */
export type { CareGapDomain } from './care-gap-rules.js';
export { type CareGap, type CareGapFact, type CareGapPatient, type CareGapResult, findCareGaps } from './find-care-gaps.js';
