/**
 * API contract: cds-hooks — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 *
 * HL7 CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/): the request schemas are the workflow's own
 * (loose, as the spec allows extensions); the responses follow the spec's Discovery and Card shapes.
 */
import { z } from 'zod';
import type { CdsCard, CdsFeedback, CdsHookRequest, CdsHookResponse } from './cds-hooks-types.js';
import { type Agrees, type Expect, idParamsSchema, noContent } from './common.js';

export { cdsFeedbackSchema, cdsHookRequestSchema } from './cds-hooks-types.js';
export type { CdsCard, CdsFeedback, CdsHookRequest, CdsHookResponse };

export const cdsServiceParamsSchema = idParamsSchema;

export const cdsDiscoverySchema = z.object({
  services: z.array(
    z.object({
      hook: z.string(),
      id: z.string(),
      title: z.string(),
      description: z.string(),
      /** Prefetch templates (FHIR queries with {{context.patientId}} tokens). */
      prefetch: z.record(z.string(), z.string()),
    }),
  ),
});
export type CdsDiscovery = z.infer<typeof cdsDiscoverySchema>;

const codingSchema = z.object({ system: z.string().optional(), code: z.string(), display: z.string().optional() });

export const cdsCardSchema = z.object({
  uuid: z.string(),
  /** Under 140 characters (the spec's limit). */
  summary: z.string(),
  /** GitHub-flavoured markdown. */
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.object({ label: z.string(), url: z.string().optional(), topic: codingSchema.optional() }),
  suggestions: z
    .array(
      z.object({
        label: z.string(),
        uuid: z.string(),
        isRecommended: z.boolean().optional(),
        actions: z.array(
          z.object({
            type: z.enum(['create', 'update', 'delete']),
            description: z.string(),
            resource: z.record(z.string(), z.unknown()).optional(),
            resourceId: z.string().optional(),
          }),
        ),
      }),
    )
    .optional(),
  selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
  overrideReasons: z.array(codingSchema).optional(),
});

export const cdsHookResponseSchema = z.object({ cards: z.array(cdsCardSchema) });

export const cdsFeedbackResponse = noContent('Feedback recorded (one audit entry per card outcome); no body');

// The server types re-exported above and these contracts describe the same values.
type _Checks = [Expect<Agrees<CdsCard, z.infer<typeof cdsCardSchema>>>];
