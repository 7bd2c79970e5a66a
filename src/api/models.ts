/**
 * API contract: models — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import { type ContentResponse, sseEventsSchema } from './common.js';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const modelsQuerySchema = z.object({ probe: z.enum(['0', '1']).default('0') });
export type ModelsQuery = z.infer<typeof modelsQuerySchema>;

export const chatBodySchema = z.object({
  messages: z
    .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1).max(20_000) }))
    .min(1)
    .max(50)
    .refine((messages) => messages.at(-1)?.role === 'user', 'the last message must be from the user'),
  modelId: z.string().max(100).optional(),
  patientId: z.string().max(100).optional(),
  /** Free text is assumed to possibly carry patient data unless the sender says it does not. */
  containsPatientData: z.boolean().default(true),
});
export type ChatBody = z.input<typeof chatBodySchema>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

const dataBoundarySchema = z.enum(['local', 'external']);

/** A configured language model, never its key. */
export const modelDescriptionSchema = z.object({
  id: z.string(),
  kind: z.enum(['openai-compatible', 'llama-cpp']),
  preset: z.string(),
  baseUrl: z.string().nullable(),
  name: z.string().nullable(),
  dataBoundary: dataBoundarySchema,
  gguf: z.string().nullable(),
  hasApiKey: z.boolean(),
});
export type ModelDescriptionView = z.infer<typeof modelDescriptionSchema>;

export const describedModelsSchema = z.object({ configured: z.boolean(), models: z.array(modelDescriptionSchema) });
export type DescribedModels = z.infer<typeof describedModelsSchema>;

/** With `probe=1`: whether the endpoint answered, and what it said. */
const reachabilityFields = { reachable: z.boolean().optional(), detail: z.string().optional() };

export const modelsSchema = z.object({
  configured: z.boolean(),
  models: z.array(modelDescriptionSchema.extend(reachabilityFields)),
  /** The speech recognizer (SUWEN_ASR_*), never its key. */
  speech: z.object({
    configured: z.boolean(),
    kind: z.enum(['openai-compatible', 'whisper-folder']).nullable(),
    baseUrl: z.string().nullable(),
    model: z.string().nullable(),
    whisperDir: z.string().nullable(),
    dataBoundary: dataBoundarySchema,
    allowExternal: z.boolean(),
    hasApiKey: z.boolean(),
    ...reachabilityFields,
  }),
});
export type Models = z.infer<typeof modelsSchema>;

/** `POST /chat`: the answer as server-sent events; it is stored as a draft artifact when it finishes. */
export const chatResponse: ContentResponse = {
  description: 'The answer as server-sent events: meta, text-delta…, finish (the stored draft artifact), done',
  content: {
    'text/event-stream': {
      schema: sseEventsSchema({
        meta: z.object({
          model: z.string(),
          dataBoundary: dataBoundarySchema,
          prompt: z.object({ id: z.string(), version: z.string() }),
        }),
        'text-delta': z.object({ text: z.string() }),
        finish: z.object({
          artifactId: z.string(),
          tokensIn: z.number().nullable(),
          tokensOut: z.number().nullable(),
          latencyMs: z.number().nullable(),
        }),
      }),
    },
  },
};
