import { z } from 'zod';
import {
  type NoteLanguage,
  type NoteSection,
  type NoteSentence,
  sectionTitle,
  type VisitNoteFormat,
  visitNoteSectionKeys,
} from '../../engines/notes/index.js';

/** One sentence as the model writes it: the text and the transcript turns it rests on. */
export const modelSentenceSchema = z.object({
  text: z.string().trim().min(1).max(2000),
  sourceTurnIds: z.array(z.string().max(20)).max(20),
});
export const modelSectionSchema = z.array(modelSentenceSchema).max(80);
export type ModelSentence = z.infer<typeof modelSentenceSchema>;

/** What the model must return: one key per section of the format, each a list of cited sentences. */
export function modelNoteSchema(format: VisitNoteFormat): z.ZodType<Record<string, ModelSentence[]>> {
  const shape: Record<string, typeof modelSectionSchema> = Object.fromEntries(
    visitNoteSectionKeys(format).map((key) => [key, modelSectionSchema]),
  );
  return z.object(shape);
}

/** "T3", "t3", "3" and "[T3]" all name turn T3; anything else is kept as written (and will not resolve). */
function normaliseTurnId(id: string): string {
  const match = /^\[?\s*[Tt]?(\d+)\s*\]?$/.exec(id.trim());
  return match ? `T${match[1]}` : id.trim();
}

/** Numbers sentences S1, S2, … across a document as its sections are built. */
export class SentenceNumbering {
  constructor(private next = 1) {}
  take(): string {
    return `S${this.next++}`;
  }
}

/**
 * A model section as a document section. Support starts as `unsupported` with score 0: the
 * provenance engine decides, from the cited turns' text, whether the citation holds.
 */
export function toNoteSection(
  format: VisitNoteFormat,
  key: string,
  sentences: ModelSentence[],
  language: NoteLanguage,
  numbering: SentenceNumbering,
): NoteSection {
  return {
    key,
    title: sectionTitle(format, key, language),
    sentences: sentences.map(
      (sentence): NoteSentence => ({
        id: numbering.take(),
        text: sentence.text,
        support: { sourceIds: [...new Set(sentence.sourceTurnIds.map(normaliseTurnId))], status: 'unsupported', score: 0 },
      }),
    ),
  };
}
