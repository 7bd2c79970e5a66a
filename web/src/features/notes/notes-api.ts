// Clinical writing (issue 5) over HTTP: consultation → note (streamed), audio → transcript
// (streamed progress), and the review of a stored note. Document and transcript shapes
// are the server's own types, imported type-only (nothing server-side is bundled).
import i18next from 'i18next';
import type {
  ClinicalDocument as NoteDocument,
  NoteLanguage,
  NoteSection,
  NoteSentence,
  Omission,
  OmissionKind,
  Transcript,
  TranscriptTurn,
} from '../../../../src/api/notes';
import { API_BASE, ApiError, request, toApiError } from '../../api';
import { currentLocale } from '../../i18n';
import type { Artifact } from '../artifacts/artifacts-api';
import type { MedicationCheckResult } from '../knowledge/knowledge-api';

export type { NoteDocument, NoteLanguage, NoteSection, NoteSentence, Omission, OmissionKind, Transcript, TranscriptTurn };

export type NoteMode = 'auto' | 'model' | 'extractive';
export type NoteFormat = 'zh-outpatient' | 'soap';

/** Omission kinds in the order the checks panel lists them. */
export const OMISSION_ORDER: OmissionKind[] = ['medication', 'allergy', 'symptom', 'vital', 'result', 'pregnancy', 'dose', 'follow_up'];

/** Sections a note has per format (门诊病历 per《病历书写基本规范》: the header and 8 sections; SOAP: 4), for "section 3/9". */
export const SECTION_COUNT: Record<NoteFormat, number> = { 'zh-outpatient': 9, soap: 4 };

export interface GenerateNoteBody {
  transcript: string;
  language?: NoteLanguage;
  outputLanguage?: NoteLanguage;
  patientId?: string;
  encounterId?: string;
  mode?: NoteMode;
}

/** `checks` event: what the checks found once every section is in. */
export interface NoteChecks {
  omissions: Omission[];
  unsupported: number;
  medicationCheck?: MedicationCheckResult | null;
}

/**
 * The notes engine stores `{medications, allergies, result?}` (result absent when no drug was
 * named); the checks panel wants the medication check's result itself.
 */
export function medicationCheckOf(raw: unknown): MedicationCheckResult | null {
  if (!raw || typeof raw !== 'object') return null;
  if ('result' in raw) return (raw as { result?: MedicationCheckResult }).result ?? null;
  return 'findings' in raw ? (raw as MedicationCheckResult) : null;
}

export interface NoteResult {
  artifactId: string;
  document: NoteDocument;
  transcript: Transcript;
}

/** `GET /notes/:artifactId`. */
export interface StoredNote {
  artifact: Artifact;
  document: NoteDocument;
  transcript: Transcript | null;
}

export interface TranscribeProgress {
  chunk: number;
  chunks: number;
  seconds?: number;
}

export interface TranscribeResult {
  transcript: Transcript;
  text: string;
}

/** Content sent with an edit: the artifact service diffs `text`; `document` keeps the structure. */
export interface NoteEditContent {
  title: string;
  text: string;
  document: NoteDocument;
}

export type NoteReview = { decision: 'accept' | 'reject'; note?: string } | { decision: 'edit'; content: NoteEditContent; note?: string };

export interface SseMessage {
  event: string;
  data: unknown;
}

const enc = encodeURIComponent;

/** Splits a text/event-stream body into messages (`event:` + `data:` lines, blank-line separated). */
export function parseSseBlock(block: string): SseMessage | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue; // comments are keep-alives
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  const raw = data.join('\n');
  try {
    return { event, data: JSON.parse(raw) as unknown };
  } catch {
    return { event, data: raw };
  }
}

/**
 * POSTs and reads the answer as server-sent events (EventSource cannot POST). Each message goes to
 * `onEvent`; an `error` event rejects with the server's localized message; the promise settles
 * when the stream ends. A non-streaming JSON answer (a server without SSE) becomes one `result`.
 */
export async function postSse(path: string, body: unknown, onEvent: (message: SseMessage) => void, signal?: AbortSignal): Promise<void> {
  const headers: Record<string, string> = { Accept: 'text/event-stream', 'Accept-Language': currentLocale() };
  const isForm = body instanceof FormData;
  if (!isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK', 0, i18next.t('errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream') || !response.body) {
    onEvent({ event: 'result', data: await response.json() });
    return;
  }
  await readSse(response.body, onEvent);
}

/**
 * Reads a text/event-stream body to its end, handing each message to `onEvent`; messages may be
 * split anywhere across network chunks (even inside a UTF-8 character). An `error` event rejects
 * with the server's localized message once the stream has ended.
 */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (message: SseMessage) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let failure: ApiError | undefined;
  const flush = (final: boolean) => {
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = final ? '' : (blocks.pop() ?? '');
    for (const block of blocks) {
      const message = parseSseBlock(block);
      if (!message) continue;
      if (message.event === 'error') {
        const error = (message.data as { error?: { code?: string; message?: string } } | null)?.error;
        failure = new ApiError(error?.code ?? 'STREAM', 400, error?.message ?? i18next.t('errors.network'));
      } else {
        onEvent(message);
      }
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    flush(false);
  }
  buffer += decoder.decode();
  flush(true);
  if (failure) throw failure;
}

/** The document as plain text (headings, one sentence a line): the text the review diff is over. */
export function documentText(doc: NoteDocument): string {
  return doc.sections.map((section) => [section.title, ...section.sentences.map((s) => s.text)].join('\n')).join('\n\n');
}

export const notesApi = {
  generate: (body: GenerateNoteBody, onEvent: (message: SseMessage) => void, signal?: AbortSignal) =>
    postSse('/notes/generate', body, onEvent, signal),
  transcribe: (
    audio: Blob,
    fileName: string,
    language: NoteLanguage | undefined,
    onEvent: (m: SseMessage) => void,
    signal?: AbortSignal,
  ) => {
    const form = new FormData();
    form.append('file', audio, fileName);
    if (language) form.append('language', language);
    return postSse('/notes/transcribe', form, onEvent, signal);
  },
  note: (artifactId: string) => request<StoredNote>('GET', `/notes/${enc(artifactId)}`),
  review: (artifactId: string, body: NoteReview) => request<Artifact>('POST', `/artifacts/${enc(artifactId)}/review`, { body }),
};
