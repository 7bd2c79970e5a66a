/**
 * API contract: knowledge — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import type {
  InterpretedLabResult,
  InterpretLabsInput,
  LabFlag,
  LabInterpretation,
  LabPattern,
  LabResultInput,
  LabTrend,
} from '../engines/labs/index.js';
import type { FindingSeverity, MedicationCheckInput, MedicationCheckResult, MedicationFinding } from '../engines/medication/index.js';
import type { FieldDescriptor, InputIssue, RegisteredScore, ScoreDescription, ScoreResult } from '../engines/scores/index.js';
import type { SearchHit, SearchKind } from '../engines/search/index.js';
import {
  type Bilingual,
  type Citation,
  type CuratedLab,
  curatedDrugSchema,
  curatedLabSchema,
  type KbCondition,
  type KbDrug,
  type KbEducationTopic,
  type KnowledgeBase,
  routeSchema,
} from '../knowledge/index.js';
import type { ChartLabContext } from '../workflows/lab-review/chart-lab-input.js';
import type { LabInterpretInput } from '../workflows/lab-review/lab-input-schema.js';
import type { ChartMedicationContext } from '../workflows/medication-review/chart-medication-input.js';
import { type Agrees, bilingualSchema, citationSchema, type Expect, sexSchema } from './common.js';

export { medicationCheckInputSchema } from '../engines/medication/index.js';
export { labInterpretInputSchema } from '../workflows/lab-review/lab-input-schema.js';
export type {
  Bilingual,
  ChartLabContext,
  ChartMedicationContext,
  Citation,
  CuratedLab,
  FieldDescriptor,
  FindingSeverity,
  InputIssue,
  InterpretedLabResult,
  InterpretLabsInput,
  KbCondition,
  KbDrug,
  KbEducationTopic,
  KnowledgeBase,
  LabFlag,
  LabInterpretation,
  LabInterpretInput,
  LabPattern,
  LabResultInput,
  LabTrend,
  MedicationCheckInput,
  MedicationCheckResult,
  MedicationFinding,
  RegisteredScore,
  ScoreDescription,
  ScoreResult,
  SearchHit,
  SearchKind,
};

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const SEARCH_KINDS = [
  'drug',
  'lab',
  'condition',
  'score',
  'icd10',
  'education',
  'vocabulary',
  'interaction-drug',
] as const satisfies readonly SearchKind[];

/** `kind` is a comma-separated list of kinds; all kinds when absent. */
export const knowledgeSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  kind: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : undefined))
    .pipe(z.array(z.enum(SEARCH_KINDS)).optional()),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type KnowledgeSearchQuery = z.input<typeof knowledgeSearchQuerySchema>;

/** `/:id` of a knowledge-base entry (drug, lab, condition, topic, score, imaging scenario). */
export const entryParamsSchema = z.object({ id: z.string().min(1).max(200) });
export type EntryParams = z.infer<typeof entryParamsSchema>;

/** A score's inputs by name; validated by the score itself, which lists every problem. */
export const scoreInputBodySchema = z.record(z.string(), z.unknown());
export type ScoreInputBody = z.infer<typeof scoreInputBodySchema>;

// ── Responses: the knowledge base ───────────────────────────────────────────────────────────

export const knowledgeInfoSchema = z.object({
  /** Content hash of the built knowledge base. */
  version: z.string(),
  counts: z.object({
    drugs: z.number().int(),
    labs: z.number().int(),
    interactionRules: z.number().int(),
    interactionPairs: z.number().int(),
    interactionDrugs: z.number().int(),
    conditions: z.number().int(),
    icd10: z.number().int(),
    education: z.number().int(),
  }),
  /** Milliseconds spent reading and indexing at start-up. */
  loadMs: z.object({ read: z.number(), index: z.number(), search: z.number().optional() }),
  credits: z.array(z.object({ name: z.string(), licence: z.string(), url: z.string(), usedFor: z.string() })),
});
export type KnowledgeInfo = z.infer<typeof knowledgeInfoSchema>;

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  label: bilingualSchema,
  /** Code shown beside the label (ATC, LOINC, ICD-10). */
  code: z.string().optional(),
  /** The name that matched, as written in the knowledge base. */
  matched: z.string(),
  /** `alias`: found through a clinical abbreviation or common name (心梗 for 心肌梗死), named in `alias`. */
  match: z.enum(['exact', 'alias', 'prefix', 'contains', 'fuzzy']),
  /** For an `alias` hit: what was typed and the full form it stands for (心梗 = 心肌梗死). */
  alias: z.object({ short: z.string(), full: z.string() }).optional(),
  score: z.number(),
});

export const knowledgeSearchSchema = z.object({ query: z.string(), hits: z.array(searchHitSchema) });
export type KnowledgeSearch = z.infer<typeof knowledgeSearchSchema>;

/** A curated drug with what the build attaches from open data sets (repoDB indications, label adverse events). */
export const kbDrugSchema = curatedDrugSchema.extend({
  indications: z.array(z.object({ name: z.string(), umlsCui: z.string() })),
  indicationsSource: citationSchema.optional(),
  labelAdverseEvents: z.object({ label: z.string(), events: z.array(z.string()), source: citationSchema }).optional(),
});

export const kbLabSchema = curatedLabSchema;

const evidenceRefSchema = z.object({ code: z.string(), question: z.string(), questionZh: z.string() });

/** A DDXPlus condition. */
export const kbConditionSchema = z.object({
  id: z.string(),
  names: bilingualSchema.extend({ fr: z.string() }),
  icd10: z.string(),
  /** DDXPlus severity, 1 (most severe) to 5. */
  severity: z.number().int(),
  symptoms: z.array(evidenceRefSchema),
  antecedents: z.array(evidenceRefSchema),
  source: citationSchema,
});

export const kbEducationTopicSchema = z.object({
  id: z.string(),
  title: z.string(),
  synonyms: z.array(z.string()),
  summary: z.string(),
  publisher: z.string(),
  source: citationSchema,
});

// ── Responses: the medication check ─────────────────────────────────────────────────────────

export const findingSeveritySchema = z.enum(['contraindicated', 'major', 'moderate', 'minor', 'info']);
const parsedDoseSchema = z.object({ amount: z.number(), unit: z.enum(['mg', 'mcg', 'g', 'units', 'mmol', 'mL']) });

export const findingKindSchema = z.enum([
  'interaction',
  'combination',
  'duplicate-therapy',
  'dose-above-single',
  'dose-above-daily',
  'dose-below-usual',
  'renal',
  'hepatic',
  'allergy',
  'pregnancy',
  'lactation',
  'unrecognised-drug',
  'name-read-as',
  'dose-not-checked',
]);

export const medicationFindingSchema = z.object({
  kind: findingKindSchema,
  severity: findingSeveritySchema,
  /** Indices into `medications` of the drugs involved. */
  medications: z.array(z.number().int()),
  title: bilingualSchema,
  detail: bilingualSchema,
  management: z.string().optional(),
  /** The management advice in both languages (the Chinese is Suwen's translation where one is on file). */
  managementText: bilingualSchema.optional(),
  /** Where the Chinese of a translated source text comes from ("translated by Suwen, not an official ANSM text"). */
  translation: bilingualSchema.optional(),
  source: citationSchema,
  /** The knowledge-base entry the finding rests on. */
  ref: z.object({ type: z.enum(['interaction-rule', 'combination-rule', 'drug', 'cross-reactivity', 'input']), id: z.string() }),
});

export const medicationCheckResultSchema = z.object({
  kbVersion: z.string(),
  medications: z.array(
    z.object({
      input: z.object({ name: z.string(), dose: z.string().optional(), frequency: z.string().optional(), route: z.string().optional() }),
      drugId: z.string().optional(),
      name: bilingualSchema.optional(),
      matchedBy: z.enum(['curated', 'interaction-vocabulary', 'fuzzy']).optional(),
      /** The known name a misspelt input was read as (华法令 → 华法林). */
      matchedName: z.string().optional(),
      route: routeSchema.optional(),
      dose: parsedDoseSchema.optional(),
      /** The dose as the drug's ranges count it, when written for a salt (naproxen sodium 220 mg → 200 mg). */
      baseDose: parsedDoseSchema.optional(),
      salt: bilingualSchema.optional(),
      dosesPerDay: z.number().optional(),
      dailyDose: parsedDoseSchema.optional(),
      suggestions: z.array(z.string()).optional(),
    }),
  ),
  findings: z.array(medicationFindingSchema),
  counts: z.record(findingSeveritySchema, z.number().int()),
});

/** What the check used from the chart, shown beside the findings. */
export const chartMedicationContextSchema = z.object({
  age: z.number().nullable(),
  sex: sexSchema.nullable(),
  /** Reported by the lab, or computed from the latest creatinine (CKD-EPI 2021) with what it was computed from. */
  egfr: z
    .object({
      value: z.number(),
      at: z.string().nullable(),
      code: z.string(),
      method: z.enum(['reported', 'ckd-epi-2021']),
      creatinine: z.object({ value: z.number(), unit: z.enum(['mg/dL', 'µmol/L']) }).optional(),
      ageAtTest: z.number().optional(),
      source: citationSchema.optional(),
    })
    .nullable(),
  /** Cockcroft–Gault creatinine clearance, where a weight is on record. */
  crcl: z
    .object({
      value: z.number(),
      at: z.string().nullable(),
      code: z.string(),
      method: z.literal('cockcroft-gault'),
      creatinine: z.object({ value: z.number(), unit: z.enum(['mg/dL', 'µmol/L']) }),
      ageAtTest: z.number(),
      weightKg: z.number(),
      weightAt: z.string().nullable(),
      source: citationSchema,
    })
    .nullable(),
  weightKg: z.object({ value: z.number(), at: z.string().nullable() }).nullable(),
  activeMedications: z.number().int(),
  allergies: z.array(z.string()),
});

/** The check on the patient's record; `input` and `result` absent / null when no medication is active. */
export const patientMedicationCheckSchema = z.object({
  context: chartMedicationContextSchema,
  /** The check's input as built from the chart. */
  input: z
    .object({
      age: z.number().optional(),
      sex: sexSchema.optional(),
      weightKg: z.number().optional(),
      egfr: z.number().optional(),
      crcl: z.number().optional(),
      allergies: z.array(z.string()),
      medications: z.array(
        z.object({ name: z.string(), dose: z.string().optional(), frequency: z.string().optional(), route: z.string().optional() }),
      ),
    })
    .optional(),
  result: medicationCheckResultSchema.nullable(),
});
export type PatientMedicationCheck = z.infer<typeof patientMedicationCheckSchema>;

// ── Responses: lab interpretation ───────────────────────────────────────────────────────────

const labFlagSchema = z.enum(['low', 'normal', 'high', 'critical-low', 'critical-high', 'unknown']);

export const interpretedLabResultSchema = z.object({
  /** Position in the input's `results`. */
  index: z.number().int(),
  test: z.string(),
  value: z.number(),
  unit: z.string().optional(),
  time: z.string().optional(),
  labId: z.string().optional(),
  name: bilingualSchema.optional(),
  siValue: z.number().optional(),
  siUnit: z.string().optional(),
  /** Decimals to display `siValue` and the range with; the values themselves keep full precision. */
  decimals: z.number().int().optional(),
  range: z
    .object({
      low: z.number().optional(),
      high: z.number().optional(),
      sex: sexSchema.optional(),
      ageMin: z.number().optional(),
      ageMax: z.number().optional(),
      unit: z.string(),
      /** True when sex or age was missing and the widest of the candidate ranges was used. */
      merged: z.boolean(),
      /** `reported`: the laboratory's own range (printed on the report, or in the record); `knowledge-base`: the cited curated range. */
      origin: z.enum(['reported', 'knowledge-base']),
      sources: z.array(citationSchema),
    })
    .optional(),
  flag: labFlagSchema,
  message: bilingualSchema,
  citation: citationSchema.optional(),
  criticalCitation: citationSchema.optional(),
  problem: z.object({ code: z.enum(['unknown-test', 'unknown-unit', 'invalid-value', 'no-range']), message: bilingualSchema }).optional(),
});

const trendPointSchema = z.object({ time: z.string(), value: z.number() });

export const labInterpretationSchema = z.object({
  results: z.array(interpretedLabResultSchema),
  trends: z.array(
    z.object({
      labId: z.string(),
      name: bilingualSchema,
      unit: z.string(),
      points: z.array(trendPointSchema),
      first: trendPointSchema,
      last: trendPointSchema,
      absoluteChange: z.number(),
      percentChange: z.number().nullable(),
      direction: z.enum(['rising', 'falling', 'stable']),
      decimals: z.number().int(),
    }),
  ),
  /** Multi-result findings (AKI, DKA, iron deficiency …), each with the rule it came from. */
  patterns: z.array(
    z.object({
      id: z.enum([
        'myocardial-injury',
        'hyperlactataemia',
        'over-anticoagulation',
        'severe-hyperglycaemia',
        'iron-deficiency',
        'acute-kidney-injury',
        'diabetic-ketoacidosis',
        'hyponatraemia',
        'hyperkalaemia',
        'anaemia',
        'hypoglycaemia',
        'thrombocytopenia',
        'liver-injury-pattern',
        'thyroid-dysfunction',
      ]),
      severity: z.string(),
      message: bilingualSchema,
      evidence: z.array(z.object({ labId: z.string(), value: z.number(), unit: z.string(), decimals: z.number().int().optional() })),
      source: citationSchema,
    }),
  ),
  disclaimer: bilingualSchema,
});

export const chartLabContextSchema = z.object({
  age: z.number().nullable(),
  sex: sexSchema.nullable(),
  results: z.number().int(),
  tests: z.number().int(),
});

/** `result` is null when the record holds no numeric laboratory result. */
export const patientLabInterpretationSchema = z.object({ context: chartLabContextSchema, result: labInterpretationSchema.nullable() });
export type PatientLabInterpretation = z.infer<typeof patientLabInterpretationSchema>;

// ── Responses: score calculators ────────────────────────────────────────────────────────────

/** What a web form needs to render and pre-check one input (scores and imaging scenarios). */
export const fieldDescriptorSchema = z.object({
  name: z.string(),
  type: z.enum(['number', 'boolean', 'choice']),
  label: bilingualSchema,
  help: bilingualSchema.optional(),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  optional: z.boolean().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  options: z.array(z.object({ value: z.union([z.string(), z.number()]), label: bilingualSchema })).optional(),
  unitBounds: z
    .object({
      unitField: z.string(),
      byUnit: z.record(z.string(), z.object({ min: z.number(), max: z.number(), unit: z.string().optional() })),
    })
    .optional(),
});

export const scoreListSchema = z.object({
  scores: z.array(
    z.object({ id: z.string(), names: bilingualSchema, aliases: z.array(z.string()), summary: bilingualSchema, source: citationSchema }),
  ),
});
export type ScoreList = z.infer<typeof scoreListSchema>;

export const scoreBandSchema = z.object({
  id: z.string(),
  label: bilingualSchema,
  meaning: bilingualSchema,
  /** Lowest value (inclusive) of a band that is a plain range. */
  min: z.number().optional(),
  /** The rule in words, when the band is not a plain range. */
  criteria: bilingualSchema.optional(),
});

export const scoreDescriptionSchema = z.object({
  id: z.string(),
  names: bilingualSchema,
  aliases: z.array(z.string()),
  summary: bilingualSchema,
  inputs: z.array(fieldDescriptorSchema),
  bands: z.array(scoreBandSchema),
  source: citationSchema,
  references: z.array(citationSchema),
});

export const scoreResultSchema = z.object({
  scoreId: z.string(),
  value: z.number(),
  unit: z.string().optional(),
  band: scoreBandSchema.pick({ id: true, label: true, meaning: true }),
  /** Components (points per item, converted values) so a clinician can check the arithmetic. */
  details: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
});

// The server types re-exported above and these contracts describe the same values.
type _Checks = [
  Expect<Agrees<SearchHit, z.infer<typeof searchHitSchema>>>,
  Expect<Agrees<KbDrug, z.infer<typeof kbDrugSchema>>>,
  Expect<Agrees<CuratedLab, z.infer<typeof kbLabSchema>>>,
  Expect<Agrees<KbCondition, z.infer<typeof kbConditionSchema>>>,
  Expect<Agrees<KbEducationTopic, z.infer<typeof kbEducationTopicSchema>>>,
  Expect<Agrees<MedicationFinding, z.infer<typeof medicationFindingSchema>>>,
  Expect<Agrees<MedicationCheckResult, z.infer<typeof medicationCheckResultSchema>>>,
  Expect<Agrees<ChartMedicationContext, z.infer<typeof chartMedicationContextSchema>>>,
  Expect<Agrees<InterpretedLabResult, z.infer<typeof interpretedLabResultSchema>>>,
  Expect<Agrees<LabInterpretation, z.infer<typeof labInterpretationSchema>>>,
  Expect<Agrees<ChartLabContext, z.infer<typeof chartLabContextSchema>>>,
  Expect<Agrees<FieldDescriptor, z.infer<typeof fieldDescriptorSchema>>>,
  Expect<Agrees<ScoreDescription, z.infer<typeof scoreDescriptionSchema>>>,
  Expect<Agrees<ScoreResult, z.infer<typeof scoreResultSchema>>>,
];
