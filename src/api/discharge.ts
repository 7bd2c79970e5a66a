/**
 * API contract: discharge — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import { clinicalDocumentSchema } from '../engines/notes/index.js';
import type { RecordFact, ResultSummary } from '../workflows/discharge/discharge-facts.js';
import type { DischargeSummaryResult } from '../workflows/discharge/discharge-summary.js';
import type { ListedMedication, MedicationReconciliation, ReconciliationStatus } from '../workflows/discharge/medication-reconciliation.js';
import { type Agrees, type Expect, idParamsSchema, languageSchema, type Refines } from './common.js';

export type { DischargeSummaryResult, ListedMedication, MedicationReconciliation, ReconciliationStatus, RecordFact, ResultSummary };

export const dischargeParamsSchema = idParamsSchema.extend({ encounterId: z.string().min(1).max(100) });
export type DischargeParams = z.infer<typeof dischargeParamsSchema>;

/** `auto`: the model writes the hospital course when one is connected and consent allows; `model`: required; `computed`: never. */
export const dischargeBodySchema = z
  .object({ language: languageSchema.optional(), mode: z.enum(['auto', 'model', 'computed']).optional() })
  .strict();
export type DischargeBody = z.infer<typeof dischargeBodySchema>;

const listedMedicationSchema = z.object({
  drugKey: z.string(),
  orderId: z.string(),
  display: z.string(),
  dosageText: z.string().nullable(),
  authoredAt: z.string(),
  status: z.string(),
});

/** Admission list against discharge list, drug by drug, and what was given only in hospital. */
export const medicationReconciliationSchema = z.object({
  admission: z.array(listedMedicationSchema),
  discharge: z.array(listedMedicationSchema),
  rows: z.array(
    z.object({
      drugKey: z.string(),
      display: z.string(),
      status: z.enum(['started', 'stopped', 'changed', 'continued']),
      admission: listedMedicationSchema.nullable(),
      discharge: listedMedicationSchema.nullable(),
      recordIds: z.array(z.string()),
    }),
  ),
  inpatient: z.array(
    z.object({
      drugKey: z.string(),
      display: z.string(),
      orderIds: z.array(z.string()),
      first: z.string(),
      last: z.string(),
      onDischargeList: z.boolean(),
    }),
  ),
  /** Longest gap in days between two orders of a drug that still counts as one continuing therapy. */
  renewalWindowDays: z.number(),
});
export type MedicationReconciliationView = z.infer<typeof medicationReconciliationSchema>;

/** One record fact (R#) the computed sections and the model's hospital course cite. */
export const recordFactSchema = z.object({
  id: z.string(),
  section: z.enum([
    'admission_diagnoses',
    'past_history',
    'discharge_diagnoses',
    'procedures',
    'key_results',
    'medication_reconciliation',
    'condition_at_discharge',
    'follow_up',
    'context',
  ]),
  kind: z.string(),
  text: z.string(),
  recordIds: z.array(z.string()),
});

export const resultSummarySchema = z.object({
  code: z.string().nullable(),
  display: z.string(),
  unit: z.string().nullable(),
  count: z.number().int(),
  first: z.number(),
  last: z.number(),
  min: z.number(),
  max: z.number(),
  abnormal: z.array(z.enum(['low', 'normal', 'high', 'critical-low', 'critical-high', 'unknown'])),
  observationIds: z.array(z.string()),
});

/** What a discharge summary's `document.extras` holds. */
export const dischargeExtrasSchema = z.object({
  patientId: z.string(),
  encounterId: z.string(),
  stay: z.object({ start: z.string(), end: z.string(), type: z.string().nullable(), reason: z.string().nullable() }),
  facts: z.array(recordFactSchema),
  reconciliation: medicationReconciliationSchema,
  results: z.array(resultSummarySchema),
  modelMessage: z.string().optional(),
});
export type DischargeExtras = z.infer<typeof dischargeExtrasSchema>;

/**
 * The draft discharge summary, stored as an artifact: computed sections cite record facts (R#);
 * `document.extras` carries the record facts, the medication reconciliation and the key results.
 */
export const dischargeSummarySchema = z.object({
  artifactId: z.string(),
  document: clinicalDocumentSchema.extend({ extras: dischargeExtrasSchema }),
  /** Why no model wrote the hospital course, when none did. */
  modelMessage: z.string().nullable(),
});
export type DischargeSummary = z.infer<typeof dischargeSummarySchema>;

// The server types re-exported above and these contracts describe the same values; the summary's
// contract also describes the document's extras, which the server type leaves open.
type _Checks = [
  Expect<Agrees<RecordFact, z.infer<typeof recordFactSchema>>>,
  Expect<Agrees<ResultSummary, z.infer<typeof resultSummarySchema>>>,
  Expect<Refines<z.infer<typeof medicationReconciliationSchema>, MedicationReconciliation>>,
  Expect<Refines<z.infer<typeof dischargeSummarySchema>, DischargeSummaryResult>>,
];
