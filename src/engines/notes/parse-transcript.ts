/**
 * Turns pasted or uploaded consultation text into speaker turns T1…Tn. Reads the layouts people
 * and tools actually produce: "Doctor: …" / "Patient: …" (MTS-Dialog, most scribes), "[doctor] …"
 * (ACI-Bench), "医生：…" / "患者：…" / "病人:" / "家属：" (full- or half-width colon), "D:" / "P:",
 * and unlabelled lines — which continue the previous speaker's turn, or, when nothing in the text
 * is labelled, alternate doctor and patient line by line.
 */
import { SuwenError } from '../../shared/errors.js';
import type { NoteLanguage, Speaker, Transcript, TranscriptTurn } from './clinical-document.js';
import { splitSentences } from './split-sentences.js';
import { cjkShare } from './text-units.js';

export const TRANSCRIPT_LIMITS = { maxChars: 200_000, maxTurns: 2000, maxTurnChars: 20_000 } as const;

export interface ParseTranscriptOptions {
  /** The transcript's language; detected from the share of Chinese characters when absent. */
  language?: NoteLanguage;
}

const DOCTOR_WORDS = new Set([
  'doctor',
  'dr',
  'd',
  'physician',
  'clinician',
  'provider',
  'nurse',
  'np',
  'pa',
  'guest_clinician',
  'doctor_2',
]);
const PATIENT_WORDS = new Set(['patient', 'pt', 'p', 'client', 'patient_guest']);
const ZH_DOCTOR = ['医生', '医师', '大夫', '主治医师', '护士', '接诊医生'];
const ZH_PATIENT = ['患者', '病人', '病患', '就诊者'];
const ZH_OTHER = ['家属', '陪同', '父亲', '母亲', '妈妈', '爸爸', '丈夫', '妻子', '儿子', '女儿', '陪诊'];

const BRACKET_LABEL = /^\s*\[([a-z_0-9 ]{1,30})\]\s*/i;
const ASCII_LABEL = /^\s*([A-Za-z][A-Za-z_ ]{0,24}?(?: \d)?)\s*[:：]\s*/;
const ZH_LABEL = /^\s*([\u4e00-\u9fff]{1,6})\s*[:：]\s*/;

function speakerOf(label: string): Speaker | undefined {
  const word = label.trim().toLowerCase().replace(/\s+/g, '_').replace(/\.$/, '');
  if (DOCTOR_WORDS.has(word) || /^(doctor|dr|clinician|nurse)(_\w+)?$/.test(word)) return 'doctor';
  if (PATIENT_WORDS.has(word) || /^patient(_\w+)?$/.test(word)) return word === 'patient_guest' ? 'other' : 'patient';
  if (/^(guest|family|relative|mother|father|parent|spouse|wife|husband|son|daughter|caregiver|interpreter|speaker)(_\w+)?$/.test(word))
    return word === 'guest_clinician' ? 'doctor' : 'other';
  if (ZH_DOCTOR.includes(label)) return 'doctor';
  if (ZH_PATIENT.includes(label)) return 'patient';
  if (ZH_OTHER.includes(label) || /家属$/.test(label)) return 'other';
  return undefined;
}

/** The speaker label at the start of a line, if it is one this parser knows. */
function readLabel(line: string): { speaker: Speaker; label: string; rest: string } | undefined {
  for (const pattern of [BRACKET_LABEL, ZH_LABEL, ASCII_LABEL]) {
    const match = pattern.exec(line);
    if (!match?.[1]) continue;
    const speaker = speakerOf(match[1]);
    if (speaker) return { speaker, label: match[1].trim(), rest: line.slice(match[0].length) };
  }
  return undefined;
}

function detectLanguage(text: string): NoteLanguage {
  return cjkShare(text.slice(0, 20_000)) >= 0.2 ? 'zh' : 'en';
}

function invalid(message: string, params: Record<string, string | number> = {}): SuwenError {
  return new SuwenError('VALIDATION_FAILED', message, {
    params: { summary: message, ...params },
    details: [{ path: 'transcript', message }],
  });
}

/** Cuts a turn longer than one turn may be at sentence ends, keeping the speaker. */
function chunkLongText(text: string): string[] {
  if (text.length <= TRANSCRIPT_LIMITS.maxTurnChars) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const sentence of splitSentences(text)) {
    for (let i = 0; i < sentence.length; i += TRANSCRIPT_LIMITS.maxTurnChars) {
      const piece = sentence.slice(i, i + TRANSCRIPT_LIMITS.maxTurnChars);
      if (current && current.length + piece.length + 1 > TRANSCRIPT_LIMITS.maxTurnChars) {
        chunks.push(current);
        current = '';
      }
      current = current ? `${current} ${piece}` : piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Parses a transcript. Throws `VALIDATION_FAILED` for empty text, text over 200,000 characters
 * and more than 2,000 turns — the caller maps it to a 400 or a CLI exit code.
 */
export function parseTranscript(text: string, options: ParseTranscriptOptions = {}): Transcript {
  if (typeof text !== 'string' || text.trim() === '') throw invalid('the transcript is empty');
  if (text.length > TRANSCRIPT_LIMITS.maxChars)
    throw invalid(`the transcript is longer than ${TRANSCRIPT_LIMITS.maxChars} characters`, { max: TRANSCRIPT_LIMITS.maxChars });
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line.trim() !== '');
  const labelled = lines.map((line) => readLabel(line));
  const anyLabel = labelled.some(Boolean);
  const raw: { speaker: Speaker; label: string; text: string }[] = [];
  lines.forEach((line, index) => {
    const label = labelled[index];
    if (label) {
      raw.push({ speaker: label.speaker, label: label.label, text: label.rest.trim() });
    } else if (!anyLabel) {
      // Nothing is labelled: a consultation alternates, and the clinician usually opens it.
      const speaker: Speaker = raw.length % 2 === 0 ? 'doctor' : 'patient';
      raw.push({ speaker, label: '', text: line.trim() });
    } else {
      const previous = raw.at(-1);
      if (previous) previous.text = previous.text ? `${previous.text}\n${line.trim()}` : line.trim();
      else raw.push({ speaker: 'other', label: '', text: line.trim() });
    }
  });
  const turns: TranscriptTurn[] = [];
  for (const entry of raw) {
    if (!entry.text) continue;
    for (const piece of chunkLongText(entry.text)) {
      turns.push({ id: `T${turns.length + 1}`, speaker: entry.speaker, speakerLabel: entry.label, text: piece });
      if (turns.length > TRANSCRIPT_LIMITS.maxTurns)
        throw invalid(`the transcript has more than ${TRANSCRIPT_LIMITS.maxTurns} turns`, { max: TRANSCRIPT_LIMITS.maxTurns });
    }
  }
  if (turns.length === 0) throw invalid('the transcript has no spoken text');
  return { language: options.language ?? detectLanguage(text), turns };
}

/** A transcript as plain text, one labelled turn per line (what a model prompt shows). */
export function transcriptToText(transcript: Transcript): string {
  return transcript.turns.map((turn) => `${turn.id} [${turn.speakerLabel || turn.speaker}] ${turn.text}`).join('\n');
}
