import { z } from 'zod';
import { PHI_TYPES, type PhiType, type TextLanguage } from '../../src/privacy/index.js';

/** A planted identifier: `text.slice(start, end)` is exactly the identifier (UTF-16 offsets). */
export interface GoldSpan {
  type: PhiType;
  start: number;
  end: number;
}

/** A planted look-alike that is not PHI (an eponym, a dose, an age under 90…): flagging it is an error. */
export interface DecoySpan {
  kind: DecoyKind;
  start: number;
  end: number;
}

/** A region neither required nor penalised (e.g. a label an external corpus marks but Suwen does not treat as PHI). */
export interface IgnoredSpan {
  label: string;
  start: number;
  end: number;
}

export const DECOY_KINDS = [
  'eponym',
  'drug-dose',
  'lab-value',
  'vital-sign',
  'duration',
  'icd10',
  'surname-char-word',
  'age-under-90',
  'clinical-score',
] as const;
export type DecoyKind = (typeof DECOY_KINDS)[number];

/** One evaluation document: a note with its gold PHI spans and, where known, its decoys. */
export interface DeidDoc {
  id: string;
  lang: TextLanguage;
  text: string;
  spans: GoldSpan[];
  decoys?: DecoySpan[];
  ignored?: IgnoredSpan[];
}

const offsets = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

export const deidDocSchema = z
  .object({
    id: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    text: z.string(),
    spans: z.array(z.object({ type: z.enum(PHI_TYPES), ...offsets })),
    decoys: z.array(z.object({ kind: z.enum(DECOY_KINDS), ...offsets })).optional(),
    ignored: z.array(z.object({ label: z.string(), ...offsets })).optional(),
  })
  .refine(
    (doc) => [...doc.spans, ...(doc.decoys ?? []), ...(doc.ignored ?? [])].every((s) => s.start < s.end && s.end <= doc.text.length),
    {
      message: 'Every span must satisfy start < end <= text.length.',
    },
  );

/** Parses one JSON Lines corpus (as written to data/deid-eval/); throws naming the bad line, never its text. */
export function parseDeidJsonl(content: string, source: string): DeidDoc[] {
  const docs: DeidDoc[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    const parsed = deidDocSchema.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(`${source} line ${i + 1} is not a valid de-identification document; regenerate it with write-corpus.ts.`);
    docs.push(parsed.data);
  }
  return docs;
}
