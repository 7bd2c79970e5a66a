/**
 * API contract: decision — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
export type { AskCaseResult } from '../workflows/decision/ask-case.js';
export type { DifferentialResult } from '../workflows/decision/differential.js';
export type { DiagnosisListing, TreatmentComparison } from '../workflows/decision/treatment-options.js';
