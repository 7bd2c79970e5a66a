/**
 * API contract: notes — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import {
  type ClinicalDocument,
  clinicalDocumentSchema,
  NOTE_LANGUAGES,
  type NoteLanguage,
  type NoteSection,
  type NoteSentence,
  noteSectionSchema,
  type Omission,
  type OmissionKind,
  omissionSchema,
  type Transcript,
  type TranscriptTurn,
  transcriptTurnSchema,
} from '../engines/notes/index.js';
import { NOTE_MODES } from '../workflows/notes/generate-note.js';
import { noteTranscriptInputSchema } from '../workflows/notes/note-input.js';
import { artifactSchema } from './artifacts.js';
import { type Agrees, type Expect, jsonOrEvents } from './common.js';
import { medicationCheckResultSchema } from './knowledge.js';

export { clinicalDocumentSchema } from '../engines/notes/index.js';
export type { ClinicalDocument, NoteLanguage, NoteSection, NoteSentence, Omission, OmissionKind, Transcript, TranscriptTurn };

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** The transcript (text, or turns already split) and how to write the note. */
export const generateNoteBodySchema = noteTranscriptInputSchema
  .extend({
    outputLanguage: z.enum(NOTE_LANGUAGES).optional(),
    format: z.enum(['zh-outpatient', 'soap']).optional(),
    patientId: z.string().min(1).max(100).optional(),
    encounterId: z.string().min(1).max(100).optional(),
    mode: z.enum(NOTE_MODES).default('auto'),
  })
  .strict();
export type GenerateNoteBody = z.input<typeof generateNoteBodySchema>;

export const noteParamsSchema = z.object({ artifactId: z.string().min(1).max(100) });
export type NoteParams = z.infer<typeof noteParamsSchema>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const transcriptSchema = z.object({ language: z.enum(NOTE_LANGUAGES), turns: z.array(transcriptTurnSchema) });

/** The draft note, stored as an artifact, and the transcript it cites (turn ids T#). */
export const generatedNoteSchema = z.object({
  artifactId: z.string(),
  document: clinicalDocumentSchema,
  transcript: transcriptSchema,
});
export type GeneratedNote = z.infer<typeof generatedNoteSchema>;

/** The medications said in the consultation run through the medication check. */
export const noteMedicationCheckSchema = z.object({
  medications: z.array(z.string()),
  allergies: z.array(z.string()),
  result: medicationCheckResultSchema.optional(),
});

export const noteChecksSchema = z.object({
  omissions: z.array(omissionSchema),
  /** How many sentences nothing in the transcript backs. */
  unsupported: z.number().int(),
  medicationCheck: noteMedicationCheckSchema.nullable(),
});
export type NoteChecks = z.infer<typeof noteChecksSchema>;

export const generateNoteResponse = jsonOrEvents(
  'The draft note; with Accept: text/event-stream, events transcript, section (one per section as ready), checks, result, done',
  generatedNoteSchema,
  {
    transcript: z.object({ transcript: transcriptSchema }),
    section: z.object({ section: noteSectionSchema }),
    checks: noteChecksSchema,
    result: generatedNoteSchema,
  },
);

/** A stored note or discharge summary: the document as it stands (edited if edited). */
export const storedNoteSchema = z.object({
  artifact: artifactSchema,
  document: clinicalDocumentSchema,
  /** Null for a discharge summary. */
  transcript: transcriptSchema.nullable(),
});
export type StoredNote = z.infer<typeof storedNoteSchema>;

// The server types re-exported above and these contracts describe the same values.
type _Checks = [Expect<Agrees<Transcript, z.infer<typeof transcriptSchema>>>];
