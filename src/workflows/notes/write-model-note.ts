import type { LanguageModelV3 } from '@ai-sdk/provider';
import { type ModelMessage, NoObjectGeneratedError, Output } from 'ai';
import { z } from 'zod';
import {
  type NoteLanguage,
  type NoteSection,
  type Transcript,
  type VisitNoteFormat,
  visitNoteSectionKeys,
} from '../../engines/notes/index.js';
import { generateStructured, type RenderedPrompt, renderPrompt, streamModelText } from '../../model/index.js';
import { SuwenError } from '../../shared/errors.js';
import { type ModelSentence, modelNoteSchema, SentenceNumbering, toNoteSection } from './model-note-output.js';
import { sectionListing } from './note-format-guide.js';
import { StreamedSectionReader } from './streamed-section-reader.js';

export interface ModelNoteRequest {
  model: LanguageModelV3;
  transcript: Transcript;
  format: VisitNoteFormat;
  /** The language the note is written in (may differ from the transcript's). */
  language: NoteLanguage;
  signal?: AbortSignal;
  /** Number of the first sentence (S1 by default; later when a header comes first). */
  firstSentenceNumber?: number;
  /** Called with each section (support not yet resolved) as soon as the model has finished it. */
  onSection?: (section: NoteSection) => Promise<void> | void;
}

export interface ModelNote {
  sections: NoteSection[];
  prompt: RenderedPrompt;
  tokensIn: number;
  tokensOut: number;
  repaired: boolean;
  /** Milliseconds spent waiting on the model (request to last byte, repair included). */
  modelMs: number;
}

const SPEAKER_WORDS: Record<NoteLanguage, Record<string, string>> = {
  zh: { doctor: '医生', patient: '患者', other: '其他' },
  en: { doctor: 'Doctor', patient: 'Patient', other: 'Other' },
};

/** "[T3] 患者：…" / "[T3] Patient: …": the numbered turns the model cites. */
export function numberedTurns(transcript: Transcript): string {
  const zh = transcript.language === 'zh';
  return transcript.turns
    .map((turn) => {
      const who = turn.speakerLabel || (SPEAKER_WORDS[transcript.language][turn.speaker] ?? turn.speaker);
      return `[${turn.id}] ${who}${zh ? '：' : ': '}${turn.text.replace(/\s*\n\s*/g, ' ')}`;
    })
    .join('\n');
}

function modelFailure(error: unknown): SuwenError {
  return error instanceof SuwenError
    ? error
    : new SuwenError('MODEL_UNAVAILABLE', 'Model failed', { params: { reason: 'stream' }, cause: error });
}

/** Schema problems as paths and messages only: the model's text may carry patient data. */
function problemsIn(text: string, schema: z.ZodType): string {
  const start = text.indexOf('{');
  let value: unknown;
  try {
    value = JSON.parse(start >= 0 ? text.slice(start, text.lastIndexOf('}') + 1) : text);
  } catch {
    return 'not parseable JSON';
  }
  const result = schema.safeParse(value);
  return result.success
    ? 'did not match the schema'
    : result.error.issues
        .slice(0, 10)
        .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
}

/**
 * The model writes the note as JSON (one key per section, each a list of sentences citing turn
 * ids), streamed: each section is handed to `onSection` as soon as the model has moved past it.
 * The whole answer is then validated against the schema; an invalid answer gets one repair
 * round-trip (the sections already handed out stay as they were), then OUTPUT_VALIDATION_FAILED.
 */
export async function writeModelNote(request: ModelNoteRequest): Promise<ModelNote> {
  const { format, language } = request;
  const locale = language === 'zh' ? 'zh-CN' : 'en';
  const keys = visitNoteSectionKeys(format);
  const schema = modelNoteSchema(format);
  const prompt = renderPrompt('notes.write-note', locale, {
    sections: sectionListing(format, language),
    transcript: numberedTurns(request.transcript),
  });
  const jsonSchema = JSON.stringify(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }));
  const instruction = renderPrompt('output.json-instruction', locale, { schema: jsonSchema }).system ?? '';
  const messages: ModelMessage[] = [{ role: 'user', content: prompt.user ?? '' }];
  const numbering = new SentenceNumbering(request.firstSentenceNumber);
  const emitted = new Map<string, NoteSection>();
  const emit = async (key: string, sentences: ModelSentence[]) => {
    const section = toNoteSection(format, key, sentences, language, numbering);
    emitted.set(key, section);
    await request.onSection?.(section);
  };

  const started = performance.now();
  const result = streamModelText({
    model: request.model,
    system: [prompt.system, instruction].filter(Boolean).join('\n\n'),
    messages,
    output: Output.object({ schema }),
    temperature: 0.1,
    ...(request.signal ? { abortSignal: request.signal } : {}),
  });
  const reader = new StreamedSectionReader(keys);
  let ownMs = 0;
  let tokensIn = 0;
  let tokensOut = 0;
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') {
      // Reading the stream and handing out sections is our time, not the model's.
      const begun = performance.now();
      for (const done of await reader.push(part.text)) await emit(done.key, done.sentences);
      ownMs += performance.now() - begun;
    } else if (part.type === 'error') {
      throw modelFailure(part.error);
    } else if (part.type === 'finish') {
      tokensIn = part.totalUsage.inputTokens ?? 0;
      tokensOut = part.totalUsage.outputTokens ?? 0;
    }
  }
  let object: Record<string, ModelSentence[]>;
  let repaired = false;
  try {
    object = (await result.output) as Record<string, ModelSentence[]>;
  } catch (error) {
    if (!NoObjectGeneratedError.isInstance(error)) throw modelFailure(error);
    const repair = await generateStructured({
      model: request.model,
      schema,
      locale,
      ...(prompt.system ? { system: prompt.system } : {}),
      messages: [
        ...messages,
        { role: 'assistant', content: reader.received },
        { role: 'user', content: renderPrompt('output.repair', locale, { problems: problemsIn(reader.received, schema) }).user ?? '' },
      ],
      temperature: 0.1,
      ...(request.signal ? { abortSignal: request.signal } : {}),
    });
    object = repair.object;
    repaired = true;
    tokensIn += repair.tokensIn;
    tokensOut += repair.tokensOut;
  }
  const modelMs = performance.now() - started - ownMs;
  // Sections still held back (the last one, or all of them if the stream gave no boundaries), in order.
  for (const key of keys) if (!emitted.has(key)) await emit(key, object[key] ?? []);
  const sections = keys.map((key) => emitted.get(key) as NoteSection);
  return { sections, prompt, tokensIn, tokensOut, repaired, modelMs };
}
