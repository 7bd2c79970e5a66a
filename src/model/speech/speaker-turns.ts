/**
 * Recognized segments → the transcript turns the note workflow reads (T1…Tn). Speaker labels come
 * from the recognizer when it diarizes: named roles ("doctor", "患者") map directly; anonymous
 * voices ("SPEAKER_00", "A") are taken in order of first appearance as doctor, then patient — the
 * clinician usually opens a consultation — and the original label is kept for the reviewer to
 * check. Without labels every segment is its own turn with speaker `other`.
 */
import type { NoteLanguage, Speaker, Transcript, TranscriptTurn } from '../../engines/notes/index.js';
import { joinText, type TimedSegment } from './chunk-audio.js';

const DOCTOR = /^(doctor|dr\.?|physician|clinician|provider|nurse|医生|大夫|医师|护士)$/i;
const PATIENT = /^(patient|pt\.?|client|患者|病人|病患)$/i;
const OTHER = /^(family|relative|caregiver|interpreter|家属|翻译)$/i;

function roleOf(label: string, anonymous: Map<string, Speaker>): Speaker {
  const clean = label.trim().replace(/[[\]():：]/g, '');
  if (DOCTOR.test(clean)) return 'doctor';
  if (PATIENT.test(clean)) return 'patient';
  if (OTHER.test(clean)) return 'other';
  let role = anonymous.get(clean);
  if (!role) {
    role = anonymous.size === 0 ? 'doctor' : anonymous.size === 1 ? 'patient' : 'other';
    anonymous.set(clean, role);
  }
  return role;
}

const CJK = /\p{Script=Han}/gu;

/** Chinese when at least a fifth of the letters are Han characters. */
export function detectLanguage(text: string): NoteLanguage {
  const han = text.match(CJK)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && han / letters >= 0.2 ? 'zh' : 'en';
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;

export function segmentsToTurns(segments: TimedSegment[]): TranscriptTurn[] {
  const anonymous = new Map<string, Speaker>();
  const labelled = segments.some((s) => s.speaker !== undefined && s.speaker.trim() !== '');
  const turns: (TranscriptTurn & { label: string })[] = [];
  let last: (TranscriptTurn & { label: string }) | null = null;
  for (const segment of segments) {
    const text = segment.text.trim();
    if (!text) continue;
    const label = labelled ? (segment.speaker ?? '').trim().slice(0, 100) : '';
    if (labelled && last && last.label === label) {
      last.text = joinText([last.text, text]).slice(0, 20_000);
      last.endS = round(Math.max(segment.end, last.endS ?? 0));
      continue;
    }
    const speaker: Speaker = labelled && label ? roleOf(label, anonymous) : 'other';
    last = {
      id: `T${turns.length + 1}`,
      speaker,
      speakerLabel: label,
      text: text.slice(0, 20_000),
      startS: round(Math.max(0, segment.start)),
      endS: round(Math.max(0, segment.end)),
      label,
    };
    turns.push(last);
  }
  return turns.map(({ label: _label, ...turn }) => turn);
}

export function segmentsToTranscript(segments: TimedSegment[], language?: NoteLanguage): Transcript {
  const turns = segmentsToTurns(segments);
  return { language: language ?? detectLanguage(turns.map((t) => t.text).join(' ')), turns };
}

/** Labels the note parser (engines/notes/parse-transcript) reads back as the same speaker. */
const SPEAKER_WORDS: Record<NoteLanguage, Record<Speaker, string>> = {
  en: { doctor: 'Doctor', patient: 'Patient', other: 'Speaker' },
  zh: { doctor: '医生', patient: '患者', other: '陪同' },
};

/**
 * "Doctor: …" / "医生：…" lines, as `suwen note --transcript` reads them. Turns without a speaker
 * label are written as plain lines (the note parser then alternates or continues speakers).
 */
export function transcriptToText(transcript: Transcript): string {
  const words = SPEAKER_WORDS[transcript.language];
  const colon = transcript.language === 'zh' ? '：' : ': ';
  return transcript.turns.map((turn) => (turn.speakerLabel ? `${words[turn.speaker]}${colon}${turn.text}` : turn.text)).join('\n');
}
