import { z } from 'zod';
import {
  cjkShare,
  NOTE_LANGUAGES,
  type NoteLanguage,
  parseTranscript,
  SPEAKERS,
  TRANSCRIPT_LIMITS,
  type Transcript,
} from '../../engines/notes/index.js';
import { SuwenError } from '../../shared/errors.js';

/** A turn handed in already split (e.g. from transcription): ids are renumbered T1…Tn in order. */
export const inputTurnSchema = z.object({
  speaker: z.enum(SPEAKERS),
  speakerLabel: z.string().max(100).optional(),
  text: z.string().max(TRANSCRIPT_LIMITS.maxTurnChars),
  startS: z.number().nonnegative().optional(),
  endS: z.number().nonnegative().optional(),
});
export type InputTurn = z.infer<typeof inputTurnSchema>;

/** What a note request says about its transcript, whichever surface it came through. */
export const noteTranscriptInputSchema = z.object({
  transcript: z.string().max(TRANSCRIPT_LIMITS.maxChars).optional(),
  turns: z.array(inputTurnSchema).max(TRANSCRIPT_LIMITS.maxTurns).optional(),
  language: z.enum(NOTE_LANGUAGES).optional(),
});
export type NoteTranscriptInput = z.infer<typeof noteTranscriptInputSchema>;

const PROBLEMS = {
  empty: {
    en: 'the transcript is empty — paste the consultation, one speaker turn per line',
    zh: '对话记录为空——请粘贴问诊对话，每行一段发言',
  },
  tooLong: {
    en: `the transcript is longer than ${TRANSCRIPT_LIMITS.maxChars} characters`,
    zh: `对话记录超过 ${TRANSCRIPT_LIMITS.maxChars} 个字符`,
  },
  tooManyTurns: {
    en: `the transcript has more than ${TRANSCRIPT_LIMITS.maxTurns} turns`,
    zh: `对话记录超过 ${TRANSCRIPT_LIMITS.maxTurns} 段发言`,
  },
} as const;

function invalid(problem: keyof typeof PROBLEMS, language: NoteLanguage): SuwenError {
  return new SuwenError('VALIDATION_FAILED', PROBLEMS[problem].en, {
    params: { summary: PROBLEMS[problem][language] },
    details: [{ path: 'body.transcript', message: PROBLEMS[problem].en }],
  });
}

/**
 * The transcript of a note request as speaker turns. Problems are `VALIDATION_FAILED` with the
 * summary in `messageLanguage` (the caller's), so a 400 reads in the user's language.
 */
export function readNoteTranscript(input: NoteTranscriptInput, messageLanguage: NoteLanguage): Transcript {
  if (input.turns?.length) {
    const turns = input.turns.filter((turn) => turn.text.trim() !== '');
    if (turns.length === 0) throw invalid('empty', messageLanguage);
    const allText = turns.map((turn) => turn.text).join('\n');
    return {
      // The same rule parseTranscript uses: a fifth or more Chinese characters reads as Chinese.
      language: input.language ?? (cjkShare(allText.slice(0, 20_000)) >= 0.2 ? 'zh' : 'en'),
      turns: turns.map((turn, index) => ({
        id: `T${index + 1}`,
        speaker: turn.speaker,
        speakerLabel: turn.speakerLabel ?? '',
        text: turn.text.trim(),
        ...(turn.startS !== undefined ? { startS: turn.startS } : {}),
        ...(turn.endS !== undefined ? { endS: turn.endS } : {}),
      })),
    };
  }
  const text = input.transcript ?? '';
  if (text.trim() === '') throw invalid('empty', messageLanguage);
  if (text.length > TRANSCRIPT_LIMITS.maxChars) throw invalid('tooLong', messageLanguage);
  try {
    return parseTranscript(text, input.language ? { language: input.language } : {});
  } catch (error) {
    if (error instanceof SuwenError && error.code === 'VALIDATION_FAILED')
      throw invalid(/turns/.test(error.message) && error.params.max !== undefined ? 'tooManyTurns' : 'empty', messageLanguage);
    throw error;
  }
}
