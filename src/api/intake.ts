/**
 * API contract: intake — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 *
 * The `/intake/session/:token` routes serve the patient's page: the secret in the link is the
 * credential, and what they answer never holds the patient's name or record.
 */
import { z } from 'zod';
import type { IntakeQuestion, InterviewState, RecordedAnswer, RedFlagHit, TriageLevel, TriageResult } from '../engines/intake/index.js';
import type { IntakeMode, IntakeStatus, IntakeSummary, IntakeView } from '../workflows/intake/intake-service.js';
import { type Agrees, bilingualSchema, citationSchema, type Expect, idParamsSchema, languageSchema, sexSchema } from './common.js';

export type {
  IntakeMode,
  IntakeQuestion,
  IntakeStatus,
  IntakeSummary,
  IntakeView,
  InterviewState,
  RecordedAnswer,
  RedFlagHit,
  TriageLevel,
  TriageResult,
};

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const createIntakeBodySchema = z
  .object({
    patientId: z.string().min(1).max(100),
    encounterId: z.string().min(1).max(100).optional(),
    language: languageSchema,
    mode: z.enum(['form', 'model']).optional(),
    expiresInHours: z.number().int().min(1).max(168).default(24),
    age: z.number().int().min(0).max(120).optional(),
    sex: sexSchema.optional(),
  })
  .strict();
export type CreateIntakeBody = z.input<typeof createIntakeBodySchema>;

export const intakeTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'not an intake link') });
export type IntakeTokenParams = z.infer<typeof intakeTokenParamsSchema>;

/** A form value, free text (read by the model when one is connected), or a skip; `version` guards against a stale page. */
export const intakeAnswerBodySchema = z
  .object({
    questionId: z.string().min(1).max(120),
    value: z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.array(z.string().max(200)).max(50)]).optional(),
    text: z.string().max(4000).optional(),
    skipped: z.boolean().optional(),
    version: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((body) => body.value !== undefined || (body.text?.trim() ?? '') !== '' || body.skipped === true, {
    message: 'give a value, a text or skipped: true',
  });
export type IntakeAnswerBody = z.infer<typeof intakeAnswerBodySchema>;

export const intakeIdParamsSchema = idParamsSchema;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

const intakeStatusSchema = z.enum(['open', 'emergency', 'finished', 'expired', 'cancelled']);
const intakeModeSchema = z.enum(['form', 'model']);
const historySectionSchema = z.enum([
  'chief-complaint',
  'present-illness',
  'past-history',
  'medications',
  'allergies',
  'personal-social',
  'menstrual-obstetric',
  'family-history',
  'review-of-systems',
]);
const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** The link to send the patient: the token is shown once. */
export const createdIntakeSchema = z.object({
  id: z.string(),
  token: z.string(),
  /** The patient's page, relative to the web app. */
  path: z.string(),
  expiresAt: z.string(),
  mode: intakeModeSchema,
});
export type CreatedIntake = z.infer<typeof createdIntakeSchema>;

/** A question as the patient sees it, in the interview language. */
export const intakeQuestionSchema = z.object({
  /** `frame:<id>` or `ddx:<evidence code>`. */
  id: z.string(),
  section: historySectionSchema,
  kind: z.enum(['text', 'yes-no', 'choice', 'multi', 'scale']),
  text: z.string(),
  help: z.string().optional(),
  /** `group`: the body region or "more symptoms" heading an option sits under (shown as an opening section). */
  options: z
    .array(z.object({ value: z.string(), label: z.string(), group: z.string().optional(), groupId: z.string().optional() }))
    .optional(),
  /** Group ids to show opened. */
  openGroups: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  optional: z.boolean(),
});

/** What the patient's page shows: the interview only, never the patient's name or record. */
export const intakeViewSchema = z.object({
  status: intakeStatusSchema,
  language: languageSchema,
  mode: intakeModeSchema,
  version: z.number().int(),
  question: intakeQuestionSchema.nullable(),
  /** A hint when the last free-text reply did not answer the question. */
  retry: bilingualSchema.nullable(),
  progress: z.object({ asked: z.number().int(), estimatedRemaining: z.number().int() }),
  complete: z.boolean(),
  emergency: z.object({ message: bilingualSchema, advice: z.array(bilingualSchema), flags: z.array(bilingualSchema) }).nullable(),
  disclaimer: bilingualSchema,
  expiresAt: z.string(),
});

export const redFlagHitSchema = z.object({
  id: z.string(),
  label: bilingualSchema,
  /** Why it fired, without quoting the patient. */
  reason: bilingualSchema,
  source: citationSchema,
  trigger: z.enum(['text', 'answer']),
});

export const triageResultSchema = z.object({
  level: z.enum(['emergency', 'urgent', 'soon', 'routine', 'self-care']),
  reason: bilingualSchema,
  source: citationSchema,
});

/** What the clinician sees of one interview. */
export const intakeSummarySchema = z.object({
  id: z.string(),
  patientId: z.string(),
  encounterId: z.string().nullable(),
  status: intakeStatusSchema,
  language: languageSchema,
  mode: intakeModeSchema,
  redFlags: z.array(redFlagHitSchema),
  triage: triageResultSchema.nullable(),
  /** The structured history, a draft to review. */
  artifactId: z.string().nullable(),
  answers: z.number().int(),
  createdAt: z.string(),
  expiresAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const intakeListSchema = z.object({ intakes: z.array(intakeSummarySchema) });
export type IntakeList = z.infer<typeof intakeListSchema>;

export const recordedAnswerSchema = z.object({
  questionId: z.string(),
  section: historySectionSchema,
  question: bilingualSchema,
  value: answerValueSchema.optional(),
  display: bilingualSchema,
  text: z.string().optional(),
  skipped: z.boolean().optional(),
  /** DDXPlus evidence the answer established, and the evidence it denied. */
  evidence: z.array(z.string()),
  denied: z.array(z.string()),
  at: z.string(),
});

/** One interview with every recorded answer. */
export const intakeDetailSchema = intakeSummarySchema.extend({
  state: z.object({
    version: z.literal(1),
    age: z.number(),
    sex: sexSchema,
    language: languageSchema,
    mode: intakeModeSchema,
    /** Where the next question comes from ('done' once nothing is left). */
    phase: z.union([historySectionSchema, z.enum(['ddx', 'done'])]),
    maxDdxQuestions: z.number().int(),
    answers: z.array(recordedAnswerSchema),
  }),
});
export type IntakeDetail = z.infer<typeof intakeDetailSchema>;

// The server types re-exported above and these contracts describe the same values.
type _Checks = [
  Expect<Agrees<IntakeQuestion, z.infer<typeof intakeQuestionSchema>>>,
  Expect<Agrees<IntakeView, z.infer<typeof intakeViewSchema>>>,
  Expect<Agrees<RedFlagHit, z.infer<typeof redFlagHitSchema>>>,
  Expect<Agrees<TriageResult, z.infer<typeof triageResultSchema>>>,
  Expect<Agrees<IntakeSummary, z.infer<typeof intakeSummarySchema>>>,
  Expect<Agrees<RecordedAnswer, z.infer<typeof recordedAnswerSchema>>>,
  Expect<Agrees<InterviewState, IntakeDetail['state']>>,
];
