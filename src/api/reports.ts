/**
 * API contract: reports — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
export type { ImagingScenarioDescription, ImagingScenarioSummary } from '../engines/imaging/imaging-registry.js';
export type { Appropriateness, ImagingResult } from '../engines/imaging/imaging-types.js';
export type { ReportImageInterpretation } from '../workflows/decision/report-image-interpretation.js';
export type { ReportInterpretation } from '../workflows/decision/report-interpretation.js';
