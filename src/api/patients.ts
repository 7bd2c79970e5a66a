/**
 * API contract: patients — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
export type { ConsentChange, ConsentHistoryEntry, PatientConsent } from '../record/consent.js';
export type { LabSummary } from '../record/patient-chart.js';
export type { PatientDetail, PatientSummary } from '../record/patient-queries.js';
