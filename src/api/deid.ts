/**
 * API contract: deid — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import { OPERATORS, PHI_TYPES } from '../privacy/index.js';

export const deidBodySchema = z.object({
  text: z.string().min(1).max(1_000_000),
  language: z.enum(['zh', 'en', 'auto']).default('auto'),
  operator: z.enum(OPERATORS).default('tag'),
});
export type DeidBody = z.input<typeof deidBodySchema>;

const phiTypeSchema = z.enum(PHI_TYPES);

/** One identifier found in the original text, with why it was flagged. */
export const phiFindingSchema = z.object({
  type: phiTypeSchema,
  start: z.number().int(),
  end: z.number().int(),
  /** 0–1: the pattern's base score, raised by context words, set to 1 by a passing checksum. */
  score: z.number(),
  recognizer: z.string(),
  pattern: z.string(),
  context: z.array(z.string()),
});
export type PhiFinding = z.infer<typeof phiFindingSchema>;

export const deidResultSchema = z.object({
  /** The de-identified text. */
  text: z.string(),
  findings: z.array(phiFindingSchema),
  counts: z.partialRecord(phiTypeSchema, z.number().int()),
  operator: z.enum(OPERATORS),
  ms: z.number(),
});
export type DeidResult = z.infer<typeof deidResultSchema>;
