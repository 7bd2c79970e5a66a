/**
 * API contract: transcribe — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 *
 * The request is multipart/form-data (`file`: the recording; `language`), read by the handler.
 */
import { z } from 'zod';
import { jsonOrEvents, languageSchema } from './common.js';
import { transcriptSchema } from './notes.js';

/** The form fields beside the recording. */
export const transcribeFieldsSchema = z.object({ language: languageSchema.optional() });
export type TranscribeFields = z.infer<typeof transcribeFieldsSchema>;

export const transcriptionSchema = z.object({
  transcript: transcriptSchema,
  text: z.string(),
  /** Null when the length is unknown (compressed audio). */
  durationS: z.number().nullable(),
  chunks: z.number().int(),
});
export type Transcription = z.infer<typeof transcriptionSchema>;

export const transcriptionProgressSchema = z.object({
  /** Chunks finished so far (0 before the first). */
  chunk: z.number().int(),
  chunks: z.number().int(),
  /** Seconds of audio transcribed so far (null when the length is unknown). */
  seconds: z.number().nullable(),
  totalSeconds: z.number().nullable(),
});
export type TranscriptionProgress = z.infer<typeof transcriptionProgressSchema>;

export const transcribeResponse = jsonOrEvents(
  'The transcript in speaker turns; with Accept: text/event-stream, events progress…, result, done',
  transcriptionSchema,
  { progress: transcriptionProgressSchema, result: transcriptionSchema },
);
