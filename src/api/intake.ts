/**
 * API contract: intake — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
export type { IntakeQuestion, RecordedAnswer, RedFlagHit, TriageLevel, TriageResult } from '../engines/intake/intake-types.js';
export type { InterviewState } from '../engines/intake/interview.js';
export type { IntakeMode, IntakeStatus, IntakeSummary, IntakeView } from '../workflows/intake/intake-service.js';
