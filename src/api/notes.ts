/**
 * API contract: notes — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
export type {
  ClinicalDocument,
  NoteLanguage,
  NoteSection,
  NoteSentence,
  Omission,
  OmissionKind,
  Transcript,
  TranscriptTurn,
} from '../engines/notes/clinical-document.js';
