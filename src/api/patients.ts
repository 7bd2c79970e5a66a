/**
 * API contract: patients — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import type { ConsentChange, ConsentHistoryEntry, PatientConsent } from '../record/consent.js';
import type { LabSummary, PatientChart } from '../record/patient-chart.js';
import type { PatientDetail, PatientSummary } from '../record/patient-queries.js';
import {
  type Agrees,
  bilingualSchema,
  type ContentResponse,
  type Expect,
  FHIR_JSON,
  fhirBundleSchema,
  idParamsSchema,
  pageOf,
  type Refines,
} from './common.js';

export type { ConsentChange, ConsentHistoryEntry, LabSummary, PatientConsent, PatientDetail, PatientSummary };

const text = z.string().nullable();

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const patientListQuerySchema = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PatientListQuery = z.infer<typeof patientListQuerySchema>;

export const observationQuerySchema = z.object({ code: z.string().min(1).max(100) });
export type ObservationQuery = z.infer<typeof observationQuerySchema>;

export const documentParamsSchema = idParamsSchema.extend({ docId: z.string().min(1).max(100) });
export type DocumentParams = z.infer<typeof documentParamsSchema>;

export const consentUpdateBodySchema = z
  .object({ aiAssistance: z.boolean().optional(), researchUse: z.boolean().optional(), note: z.string().max(500).optional() })
  .strict()
  .refine((b) => b.aiAssistance !== undefined || b.researchUse !== undefined, 'give aiAssistance or researchUse');
export type ConsentUpdateBody = z.infer<typeof consentUpdateBodySchema>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const patientSummarySchema = z.object({
  id: z.string(),
  mrn: text,
  name: z.string(),
  gender: text,
  birthDate: text,
  age: z.number().nullable(),
  deceased: z.boolean(),
});

export const patientListSchema = pageOf(patientSummarySchema);
export type PatientList = z.infer<typeof patientListSchema>;

export const patientDetailSchema = patientSummarySchema.extend({ deceasedAt: text, phone: text, address: text, language: text });

export const encounterSchema = z.object({
  id: z.string(),
  status: z.string(),
  classCode: text,
  type: text,
  /** The encounter type and its Chinese name, when one is known. */
  typeNames: bilingualSchema.optional(),
  reason: text,
  /** The reason (a condition) and its Chinese name, when one is known. */
  reasonNames: bilingualSchema.optional(),
  start: text,
  end: text,
  provider: text,
});
export type Encounter = z.infer<typeof encounterSchema>;
export const encounterPageSchema = pageOf(encounterSchema);
export type EncounterPage = z.infer<typeof encounterPageSchema>;

export const documentSummarySchema = z.object({ id: z.string(), title: z.string(), type: text, date: text, author: text });
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export const documentPageSchema = pageOf(documentSummarySchema);
export type DocumentPage = z.infer<typeof documentPageSchema>;

/** One clinical document with its text. */
export const clinicalRecordDocumentSchema = documentSummarySchema.extend({ body: text });
export type ClinicalRecordDocument = z.infer<typeof clinicalRecordDocumentSchema>;

export const labSummarySchema = z.object({
  code: z.string(),
  display: z.string(),
  /** The display and its Chinese name, when the code has one. */
  names: bilingualSchema.optional(),
  unit: text,
  latestValue: z.number().nullable(),
  latestText: text,
  latestAt: text,
  interpretation: text,
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  count: z.number().int(),
});

/** The chart: one line per problem and per drug, the newest encounters and documents, latest labs. */
export const patientChartSchema = z.object({
  patient: patientDetailSchema,
  conditions: z.array(
    z.object({
      id: z.string(),
      code: text,
      display: z.string(),
      /** The record's display and its Chinese name (SNOMED CT, ICD-10), when one is known. */
      names: bilingualSchema.optional(),
      clinicalStatus: text,
      onsetAt: text,
      abatedAt: text,
      /** How many records (episodes) the line collapses. */
      episodes: z.number().int(),
    }),
  ),
  medications: z.array(
    z.object({
      id: z.string(),
      display: z.string(),
      /** The medication line in both languages, when its ingredient is known. */
      names: bilingualSchema.optional(),
      status: z.string(),
      authoredAt: text,
      dosageText: text,
      /** How many orders the line collapses (the latest is shown). */
      orders: z.number().int(),
    }),
  ),
  allergies: z.array(
    z.object({
      id: z.string(),
      display: z.string(),
      /** The substance and its Chinese name, when one is known. */
      names: bilingualSchema.optional(),
      category: text,
      criticality: text,
      clinicalStatus: text,
      reaction: text,
      /** The reactions in both languages, when every one has a Chinese name. */
      reactionNames: bilingualSchema.optional(),
    }),
  ),
  encounters: z.array(encounterSchema),
  labs: z.array(labSummarySchema),
  documents: z.array(documentSummarySchema),
  counts: z.object({
    encounters: z.number().int(),
    documents: z.number().int(),
    conditions: z.number().int(),
    medications: z.number().int(),
    procedures: z.number().int(),
    observations: z.number().int(),
  }),
});
export type PatientChartView = z.infer<typeof patientChartSchema>;

/** One lab or vital sign over time, oldest first. */
export const observationSeriesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: text,
      display: z.string(),
      value: z.number().nullable(),
      text,
      unit: text,
      at: text,
      interpretation: text,
      refLow: z.number().nullable(),
      refHigh: z.number().nullable(),
    }),
  ),
});
export type ObservationSeries = z.infer<typeof observationSeriesSchema>;

export const consentEntrySchema = z.object({
  id: z.string(),
  aiAssistance: z.boolean(),
  researchUse: z.boolean(),
  changedBy: text,
  changedByName: text,
  changedRole: text,
  changedAt: z.string(),
  note: text,
});

export const consentSchema = z.object({
  patientId: z.string(),
  aiAssistance: z.boolean(),
  researchUse: z.boolean(),
  updatedAt: text,
  updatedBy: text,
  updatedByName: text,
  history: z.array(consentEntrySchema),
});

/** The patient as a FHIR R4 Bundle, sent as a download. */
export const patientFhirResponse: ContentResponse = {
  description: 'The patient and their record as a FHIR R4 Bundle (attachment)',
  content: { [FHIR_JSON]: { schema: fhirBundleSchema } },
};

// The server types re-exported above and these contracts describe the same values (chart lines
// carry counts the server type leaves out, so the contract refines it).
type _Checks = [
  Expect<Agrees<PatientSummary, z.infer<typeof patientSummarySchema>>>,
  Expect<Agrees<PatientDetail, z.infer<typeof patientDetailSchema>>>,
  Expect<Agrees<LabSummary, z.infer<typeof labSummarySchema>>>,
  Expect<Agrees<PatientConsent, z.infer<typeof consentSchema>>>,
  Expect<Agrees<ConsentHistoryEntry, z.infer<typeof consentEntrySchema>>>,
  Expect<Refines<PatientChartView, PatientChart>>,
];
