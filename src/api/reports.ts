/**
 * API contract: reports — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 *
 * Pasted and photographed lab/imaging/pathology reports, and imaging appropriateness (ACR).
 */
import { z } from 'zod';
import type { Appropriateness, ImagingResult, ImagingScenarioDescription, ImagingScenarioSummary } from '../engines/imaging/index.js';
import type { ReportImageInterpretation } from '../workflows/decision/report-image-interpretation.js';
import type { ReportInterpretation } from '../workflows/decision/report-interpretation.js';
import { type Agrees, bilingualSchema, citationSchema, type Expect, languageSchema, sexSchema } from './common.js';
import { fieldDescriptorSchema, labInterpretationSchema } from './knowledge.js';

export type {
  Appropriateness,
  ImagingResult,
  ImagingScenarioDescription,
  ImagingScenarioSummary,
  ReportImageInterpretation,
  ReportInterpretation,
};

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const reportBodySchema = z
  .object({
    text: z.string().min(1).max(50_000),
    sex: sexSchema.optional(),
    age: z.number().min(0).max(130).optional(),
    language: languageSchema.optional(),
  })
  .strict();
export type ReportBody = z.infer<typeof reportBodySchema>;

/** The form fields beside a report photo (multipart fields, or the query string with a raw image body). */
export const reportImageFieldsSchema = z
  .object({
    sex: sexSchema.optional(),
    age: z.coerce.number().min(0).max(130).optional(),
    language: languageSchema.optional(),
  })
  .strict();
export type ReportImageFields = z.infer<typeof reportImageFieldsSchema>;

// ── Responses: report interpretation ────────────────────────────────────────────────────────

const narrativeSectionNameSchema = z.enum([
  'clinical',
  'technique',
  'findings',
  'gross',
  'microscopic',
  'immunohistochemistry',
  'impression',
  'recommendation',
]);
const keyTermCategorySchema = z.enum(['urgent', 'malignancy', 'suspicious', 'follow-up']);

/** Imaging or pathology prose: sections and flagged key terms (negated or uncertain where the sentence says so). */
export const narrativeReportSchema = z.object({
  kind: z.enum(['imaging', 'pathology', 'unknown']),
  sections: z.array(z.object({ name: narrativeSectionNameSchema, heading: z.string(), text: z.string() })),
  keyTerms: z.array(
    z.object({
      term: bilingualSchema,
      category: keyTermCategorySchema,
      matched: z.string(),
      section: z.union([narrativeSectionNameSchema, z.literal('body')]),
      negated: z.boolean(),
      uncertain: z.boolean(),
      sentence: z.string(),
    }),
  ),
  sources: z.array(z.object({ category: keyTermCategorySchema, title: z.string() })),
});

export const parsedLabReportSchema = z.object({
  results: z.array(
    z.object({
      /** The test name as printed. */
      test: z.string(),
      /** The curated lab it matched. */
      labId: z.string(),
      value: z.number(),
      comparator: z.enum(['<', '>', '<=', '>=']).optional(),
      unit: z.string().optional(),
      /** The source line, trimmed. */
      line: z.string(),
      reportedRange: z.string().optional(),
      /** The printed range as numbers, in the result's unit; it is the range the flag is computed against. */
      reportedBounds: z.object({ low: z.number().optional(), high: z.number().optional() }).optional(),
      reportedFlag: z.enum(['high', 'low', 'abnormal']).optional(),
    }),
  ),
  /** Non-blank lines that gave no result, capped. */
  unparsed: z.array(z.string()),
});

export const reportInterpretationSchema = z.object({
  parsed: parsedLabReportSchema,
  interpretation: labInterpretationSchema,
  clinicianSummary: z.string(),
  patientSummary: z.string(),
  narrative: narrativeReportSchema.optional(),
  language: languageSchema,
});

/** The same as a pasted report, plus the OCR text rows to check the reading against. */
export const reportImageInterpretationSchema = reportInterpretationSchema.extend({
  ocr: z.object({ lines: z.array(z.string()), ms: z.number(), width: z.number(), height: z.number(), engine: z.string() }),
});

// ── Responses: imaging appropriateness ──────────────────────────────────────────────────────

export const imagingScenarioSummarySchema = z.object({
  id: z.string(),
  names: bilingualSchema,
  summary: bilingualSchema,
  source: citationSchema,
});

export const imagingScenarioListSchema = z.object({ scenarios: z.array(imagingScenarioSummarySchema) });
export type ImagingScenarioList = z.infer<typeof imagingScenarioListSchema>;

/** A scenario's form (inputs with bilingual labels, bounds and options), aliases and sources. */
export const imagingScenarioDescriptionSchema = imagingScenarioSummarySchema.extend({
  aliases: z.array(z.string()),
  inputs: z.array(fieldDescriptorSchema),
  references: z.array(citationSchema),
});

export const imagingResultSchema = z.object({
  scenario: z.object({ id: z.string(), names: bilingualSchema }),
  recommendations: z.array(
    z.object({
      procedure: z.object({ id: z.string(), name: bilingualSchema }),
      rating: z.enum(['usually-appropriate', 'may-be-appropriate', 'usually-not-appropriate']),
      radiation: z.object({
        level: z.enum(['none', 'minimal', 'low', 'medium', 'high']),
        symbol: z.string(),
        range: bilingualSchema,
        source: citationSchema,
      }),
      reason: bilingualSchema,
      source: citationSchema,
    }),
  ),
  /** The named decision rule (Canadian CT Head, Ottawa, Wells + PERC) and its outcome, where one applies. */
  decisionRule: z
    .object({ name: bilingualSchema, outcome: bilingualSchema, criteriaMet: z.array(bilingualSchema), source: citationSchema })
    .optional(),
  source: citationSchema,
});

// The server types re-exported above and these contracts describe the same values.
type _Checks = [
  Expect<Agrees<ReportInterpretation, z.infer<typeof reportInterpretationSchema>>>,
  Expect<Agrees<ReportImageInterpretation, z.infer<typeof reportImageInterpretationSchema>>>,
  Expect<Agrees<ImagingScenarioSummary, z.infer<typeof imagingScenarioSummarySchema>>>,
  Expect<Agrees<ImagingScenarioDescription, z.infer<typeof imagingScenarioDescriptionSchema>>>,
  Expect<Agrees<ImagingResult, z.infer<typeof imagingResultSchema>>>,
];
