/**
 * API contract: artifacts — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import {
  ARTIFACT_STATUSES,
  type Artifact,
  type ArtifactStatus,
  type ArtifactSummary,
  type NewArtifact,
  type ReviewDecision,
} from '../audit/artifacts.js';
import { type Agrees, type ContentResponse, type Expect, FHIR_JSON, fhirResourceSchema } from './common.js';

export { newArtifactSchema, reviewSchema } from '../audit/artifacts.js';
export type { Artifact, ArtifactStatus, ArtifactSummary, NewArtifact, ReviewDecision };

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** The review inbox is `status=draft` (the default). */
export const artifactListQuerySchema = z.object({
  status: z.enum([...ARTIFACT_STATUSES, 'all']).default('draft'),
  patientId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ArtifactListQuery = z.infer<typeof artifactListQuerySchema>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

const nullableText = z.string().nullable();

const artifactSummaryFields = {
  id: z.string(),
  kind: z.string(),
  workflow: z.string(),
  patientId: nullableText,
  patientName: nullableText,
  encounterId: nullableText,
  model: z.object({ id: nullableText, version: nullableText }),
  prompt: z.object({ id: nullableText, version: nullableText, hash: nullableText }),
  inputHash: z.string(),
  sources: z.array(z.object({ type: z.enum(['record', 'knowledge', 'paper', 'guideline', 'other']), ref: z.string(), label: z.string() })),
  guardrails: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['info', 'warning', 'critical']),
      message: z.string(),
      /** The same finding in both interface languages, when the workflow wrote both. */
      text: z.object({ en: z.string(), zh: z.string() }).optional(),
    }),
  ),
  latencyMs: z.number().nullable(),
  tokensIn: z.number().nullable(),
  tokensOut: z.number().nullable(),
  status: z.enum(ARTIFACT_STATUSES),
  createdAt: z.string(),
  createdBy: nullableText,
  reviewer: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  reviewedAt: nullableText,
  reviewNote: nullableText,
  editDistance: z.number().nullable(),
};

/** An AI output without its content (lists). */
export const artifactSummarySchema = z.object(artifactSummaryFields);

/** An AI output: what produced it, what it rests on, what the safety net found, what a person decided. */
export const artifactSchema = z.object({
  ...artifactSummaryFields,
  /** The workflow's own content (a note's document and transcript, a chat answer's text …). */
  content: z.record(z.string(), z.unknown()),
  /** The reviewer's version, when edited. */
  editedContent: z.record(z.string(), z.unknown()).nullable(),
  editDiff: nullableText,
});

export const artifactListSchema = z.object({ items: z.array(artifactSummarySchema), total: z.number().int() });
export type ArtifactList = z.infer<typeof artifactListSchema>;

export const artifactProvenanceResponse: ContentResponse = {
  description: 'The artifact as a FHIR R4 Provenance resource',
  content: { [FHIR_JSON]: { schema: fhirResourceSchema('Provenance') } },
};

// The server types re-exported above and these contracts describe the same values.
type _Checks = [
  Expect<Agrees<Artifact, z.infer<typeof artifactSchema>>>,
  Expect<Agrees<ArtifactSummary, z.infer<typeof artifactSummarySchema>>>,
];
