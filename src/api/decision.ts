/**
 * API contract: decision — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 *
 * Decision support on one patient: ask about the case, the differential, treatment options.
 */
import { z } from 'zod';
import type { AskCaseResult } from '../workflows/decision/ask-case.js';
import type { DifferentialResult } from '../workflows/decision/differential.js';
import type { DiagnosisListing, TreatmentComparison } from '../workflows/decision/treatment-options.js';
import { type Agrees, bilingualSchema, citationSchema, type Expect, languageSchema, sexSchema } from './common.js';
import { chartMedicationContextSchema, findingKindSchema, findingSeveritySchema } from './knowledge.js';

export type { AskCaseResult, DiagnosisListing, DifferentialResult, TreatmentComparison };

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const askCaseBodySchema = z.object({ question: z.string().trim().min(1).max(2000), language: languageSchema.optional() }).strict();
export type AskCaseBody = z.infer<typeof askCaseBodySchema>;

/** The differential from the latest finished intake, or the one named. */
export const differentialQuerySchema = z.object({ language: languageSchema.optional(), intakeId: z.string().min(1).max(100).optional() });
export type DifferentialQuery = z.infer<typeof differentialQuerySchema>;

/** A DDXPlus finding the clinician enters: yes/no for a B evidence, the value codes for a C or M one. */
export const clinicianFindingSchema = z.union([
  z.object({ code: z.string().regex(/^E_\d+$/, 'a DDXPlus evidence code such as E_91'), present: z.boolean() }).strict(),
  z
    .object({
      code: z.string().regex(/^E_\d+$/, 'a DDXPlus evidence code such as E_91'),
      values: z.array(z.string().min(1).max(20)).min(1).max(50),
    })
    .strict(),
]);
export type ClinicianFindingBody = z.infer<typeof clinicianFindingSchema>;

/**
 * `widen` (default true): let the model add candidates outside DDXPlus. `findings`: what the
 * clinician found, ranked with (and overruling) the intake's answers and the chart.
 */
export const differentialBodySchema = z
  .object({
    language: languageSchema.optional(),
    widen: z.boolean().optional(),
    intakeId: z.string().min(1).max(100).optional(),
    findings: z.array(clinicianFindingSchema).max(100).optional(),
  })
  .strict();
export type DifferentialBody = z.infer<typeof differentialBodySchema>;

/** Free text, ICD-10, a curated diagnosis id or a chart condition id. */
export const treatmentBodySchema = z.object({ diagnosis: z.string().trim().min(1).max(200) }).strict();
export type TreatmentBody = z.infer<typeof treatmentBodySchema>;

// ── Responses: ask about a case ─────────────────────────────────────────────────────────────

const modelRefSchema = z.object({ id: z.string() }).nullable();

export const askCaseResultSchema = z.object({
  /** The stored draft; null when no model answered. */
  artifactId: z.string().nullable(),
  question: z.string(),
  pico: z.object({ population: z.string(), intervention: z.string(), comparison: z.string(), outcome: z.string() }).nullable(),
  answer: z.string().nullable(),
  considerations: z.array(z.string()),
  /** `supported` is false when a claim cites nothing, or an id that is not among the sources. */
  claims: z.array(z.object({ text: z.string(), sourceIds: z.array(z.string()), supported: z.boolean() })),
  /** Deterministic findings (interactions, dose problems, critical labs, lab patterns), always present. */
  alerts: z.array(
    z.object({
      kind: z.string(),
      severity: z.union([findingSeveritySchema, z.literal('critical')]),
      title: bilingualSchema,
      detail: bilingualSchema,
      source: citationSchema,
    }),
  ),
  sources: z.array(z.object({ id: z.string(), type: z.enum(['record', 'knowledge']), label: z.string(), detail: z.string().optional() })),
  model: modelRefSchema,
  /** Why the model did not answer (none connected, no consent), in both languages. */
  modelMessage: bilingualSchema.nullable(),
});

// ── Responses: the differential ─────────────────────────────────────────────────────────────

const invasivenessSchema = z.enum(['non-invasive', 'minimally-invasive', 'invasive']);
const costTierSchema = z.enum(['low', 'medium', 'high']);

/** A finding for or against a candidate, with its likelihood ratio and the sources that set it. */
const citedFindingSchema = z.object({
  code: z.string(),
  label: bilingualSchema,
  /** > 1 speaks for, < 1 against. */
  likelihoodRatio: z.number(),
  sourceIds: z.array(z.string()),
});

export const rankedTestSchema = z.object({
  id: z.string(),
  name: bilingualSchema,
  invasiveness: invasivenessSchema,
  cost: costTierSchema,
  /** Expected reduction of the differential's uncertainty, in bits. */
  expectedInformationBits: z.number(),
  probabilityPositive: z.number(),
  targets: z.array(z.object({ condition: z.string(), name: bilingualSchema, sensitivity: z.number(), probability: z.number() })),
  specificity: z.number(),
  targetProbability: z.object({ now: z.number(), ifPositive: z.number(), ifNegative: z.number() }),
  source: citationSchema,
  basis: z.string().optional(),
});

export const differentialCandidateSchema = z.object({
  condition: z.string(),
  name: bilingualSchema,
  icd10: z.string(),
  probability: z.number(),
  severity: z.number(),
  for: z.array(citedFindingSchema),
  against: z.array(citedFindingSchema),
  guidelineTests: z.array(
    z.object({
      test: bilingualSchema,
      source: citationSchema,
      invasiveness: invasivenessSchema.nullable(),
      cost: costTierSchema.nullable(),
    }),
  ),
});

export const differentialResultSchema = z.object({
  status: z.enum(['ranked', 'no-intake']),
  message: bilingualSchema.nullable(),
  /** `partial`: the intake stopped early on a red flag, so questions it never reached are unanswered. */
  intake: z
    .object({ id: z.string(), finishedAt: z.string().nullable(), status: z.enum(['finished', 'emergency']), partial: z.boolean() })
    .nullable(),
  patient: z.object({ age: z.number(), sex: sexSchema }),
  method: bilingualSchema,
  candidates: z.array(differentialCandidateSchema),
  /** DDXPlus evidence read off the chart, with the facts that set it. */
  chartEvidence: z.array(z.object({ code: z.string(), label: bilingualSchema, sourceIds: z.array(z.string()) })),
  nextTests: z.array(rankedTestSchema),
  costTiers: z.record(costTierSchema, bilingualSchema),
  costSource: citationSchema,
  /** Candidates outside DDXPlus added by the model; `supported` false when a suggestion cites nothing known. */
  modelSuggestions: z.array(
    z.object({
      name: z.string(),
      icd10: z.string().nullable(),
      reason: z.string(),
      sourceIds: z.array(z.string()),
      supported: z.boolean(),
    }),
  ),
  /** R = the chart, I = an intake answer, C = a finding the clinician entered. */
  sources: z.array(z.object({ id: z.string(), type: z.enum(['record', 'intake', 'clinician']), label: z.string() })),
  artifactId: z.string().nullable(),
  model: modelRefSchema,
  modelMessage: bilingualSchema.nullable(),
  disclaimer: bilingualSchema,
});

/** The DDXPlus findings a clinician can enter, searched in Chinese and English. */
export const ddxEvidenceQuerySchema = z.object({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(300).default(30),
});
export type DdxEvidenceQuery = z.infer<typeof ddxEvidenceQuerySchema>;

export const ddxEvidenceOptionSchema = z.object({
  code: z.string(),
  type: z.enum(['B', 'C', 'M']),
  label: bilingualSchema,
  antecedent: z.boolean(),
  parent: z.string().nullable(),
  defaultValue: z.string().nullable(),
  values: z.array(z.object({ code: z.string(), label: bilingualSchema })),
  matchedValues: z.array(z.string()),
});
export const ddxEvidenceListSchema = z.object({ evidence: z.array(ddxEvidenceOptionSchema) });
export type DdxEvidenceOption = z.infer<typeof ddxEvidenceOptionSchema>;
export type DdxEvidenceList = z.infer<typeof ddxEvidenceListSchema>;

// ── Responses: treatment options ────────────────────────────────────────────────────────────

export const diagnosisListingSchema = z.object({
  id: z.string(),
  names: bilingualSchema,
  icd10: z.array(z.string()),
  /** How many curated options it has. */
  options: z.number().int(),
  /** True when the patient's active problem list names it. */
  inRecord: z.boolean(),
});

export const diagnosisListSchema = z.object({ diagnoses: z.array(diagnosisListingSchema) });
export type DiagnosisList = z.infer<typeof diagnosisListSchema>;

export const treatmentOptionSchema = z.object({
  id: z.string(),
  name: bilingualSchema,
  drugIds: z.array(z.string()),
  mechanism: bilingualSchema,
  benefit: bilingualSchema,
  risks: bilingualSchema,
  evidence: z.object({ level: z.string() }),
  source: citationSchema,
  drugs: z.array(z.object({ id: z.string(), name: bilingualSchema })),
  /** Drugs named by the option that the knowledge base lacks: not checked. */
  notChecked: z.array(z.string()),
  /** The medication check of the option against the patient's record. */
  findings: z.array(
    z.object({
      kind: findingKindSchema,
      severity: findingSeveritySchema,
      title: bilingualSchema,
      detail: bilingualSchema,
      source: citationSchema,
      /** The patient's own medications involved (record display text). */
      withRecord: z.array(z.string()),
    }),
  ),
  worst: findingSeveritySchema.nullable(),
});

export const treatmentComparisonSchema = z.object({
  diagnosis: z.object({
    id: z.string(),
    names: bilingualSchema,
    icd10: z.array(z.string()),
    evidenceSystem: bilingualSchema,
    source: citationSchema,
    note: bilingualSchema.optional(),
    /** Chinese guidelines beside the source, each with its key recommendation where it differs. */
    chineseGuidelines: z.array(z.object({ source: citationSchema, recommendation: bilingualSchema })).optional(),
  }),
  inRecord: z.boolean(),
  options: z.array(treatmentOptionSchema),
  context: chartMedicationContextSchema,
  framing: bilingualSchema,
});

// The server types re-exported above and these contracts describe the same values.
type _Checks = [
  Expect<Agrees<AskCaseResult, z.infer<typeof askCaseResultSchema>>>,
  Expect<Agrees<DifferentialResult, z.infer<typeof differentialResultSchema>>>,
  Expect<Agrees<DiagnosisListing, z.infer<typeof diagnosisListingSchema>>>,
  Expect<Agrees<TreatmentComparison, z.infer<typeof treatmentComparisonSchema>>>,
];
