/**
 * API contract: discharge — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
export type { RecordFact, ResultSummary } from '../workflows/discharge/discharge-facts.js';
export type { ListedMedication, MedicationReconciliation, ReconciliationStatus } from '../workflows/discharge/medication-reconciliation.js';
