// Discharge summaries (issue 5) over HTTP: record → summary; the review and the exports are the notes'.
import { request } from '../../api';
import type { NoteDocument, NoteLanguage } from '../notes/notes-api';

/** Discharge summaries: `computed` never calls a model (the hospital course stays a placeholder). */
export type DischargeMode = 'auto' | 'model' | 'computed';

export interface DischargeResult {
  artifactId: string;
  document: NoteDocument;
  /** Why no model wrote the hospital course, when none did (in the summary's language). */
  modelMessage?: string | null;
}

const enc = encodeURIComponent;

export const dischargeApi = {
  summary: (patientId: string, encounterId: string, body: { language?: NoteLanguage; mode?: DischargeMode }) =>
    request<DischargeResult>('POST', `/patients/${enc(patientId)}/encounters/${enc(encounterId)}/discharge-summary`, { body }),
};
