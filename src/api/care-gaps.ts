/**
 * API contract: care-gaps — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import type { CareGap, CareGapFact, CareGapResult } from '../engines/care-gaps/index.js';
import type { PatientCareGaps } from '../workflows/decision/care-gaps.js';
import { type Agrees, bilingualSchema, type Expect } from './common.js';

export type { CareGap, CareGapFact, CareGapResult, PatientCareGaps };

/** `asOf` judges the record as it stood on that day (today by default). */
export const careGapsQuerySchema = z.object({ asOf: z.iso.date().optional() });
export type CareGapsQuery = z.infer<typeof careGapsQuerySchema>;

export const careGapFactSchema = z.object({
  kind: z.enum(['condition', 'medication', 'observation', 'procedure', 'age', 'score', 'absent']),
  label: bilingualSchema,
  value: z.string(),
  date: z.string().optional(),
  ref: z.string().optional(),
});

export const careGapSchema = z.object({
  ruleId: z.string(),
  title: bilingualSchema,
  detail: bilingualSchema,
  action: bilingualSchema,
  /** What is missing, since when, and when it was last done. */
  reason: bilingualSchema,
  /** Why the rule applies and what the record last showed, each with its date and record reference. */
  facts: z.array(careGapFactSchema),
  /** What would close the gap. */
  closedBy: z.array(bilingualSchema),
  source: z.object({
    label: z.string(),
    publication: z.string(),
    year: z.number().int().optional(),
    section: z.string(),
    url: z.string().optional(),
  }),
});

export const patientCareGapsSchema = z.object({
  patientId: z.string(),
  asOf: z.string(),
  deceased: z.boolean(),
  gaps: z.array(careGapSchema),
  /** Rules not judged, and why. */
  notJudged: z.array(z.object({ ruleId: z.string(), reason: z.enum(['data-unavailable', 'age-unknown']) })),
});

// The server types re-exported above and these contracts describe the same values.
type _Checks = [
  Expect<Agrees<CareGapFact, z.infer<typeof careGapFactSchema>>>,
  Expect<Agrees<CareGap, z.infer<typeof careGapSchema>>>,
  Expect<Agrees<PatientCareGaps, z.infer<typeof patientCareGapsSchema>>>,
];
