import type { TextLanguage } from '../../src/privacy/index.js';
import type { DeidDoc } from './deid-doc.js';
import { NoteBuilder } from './note-builder.js';
import { createRng, hashSeed } from './prng.js';
import { createEnCast, EN_NOTE_KINDS, type EnNoteKind } from './templates-en.js';
import { createZhCast, ZH_NOTE_KINDS, type ZhNoteKind } from './templates-zh.js';

/** A synthetic clinical note with planted PHI (gold spans), planted decoys, and which template made it. */
export interface SyntheticNote extends DeidDoc {
  kind: ZhNoteKind | EnNoteKind;
  decoys: NonNullable<DeidDoc['decoys']>;
}

export interface DeidCorpusOptions {
  seed: number;
  count: number;
  lang: TextLanguage;
}

/**
 * Generates one synthetic note. Each note has its own generator seeded from (seed, lang, index),
 * so note i is the same whatever `count` is asked for.
 */
export function generateSyntheticNote(seed: number, lang: TextLanguage, index: number): SyntheticNote {
  const rng = createRng(hashSeed(`${seed}:${lang}:${index}`));
  const b = new NoteBuilder();
  const id = `${lang}-syn-${String(index + 1).padStart(4, '0')}`;
  if (lang === 'zh') {
    const kind = rng.pick(Object.keys(ZH_NOTE_KINDS) as ZhNoteKind[]);
    ZH_NOTE_KINDS[kind](rng, b, createZhCast(rng));
    return withKind(b, id, lang, kind);
  }
  const kind = rng.pick(Object.keys(EN_NOTE_KINDS) as EnNoteKind[]);
  EN_NOTE_KINDS[kind](rng, b, createEnCast(rng));
  return withKind(b, id, lang, kind);
}

function withKind(b: NoteBuilder, id: string, lang: TextLanguage, kind: ZhNoteKind | EnNoteKind): SyntheticNote {
  const doc = b.build(id, lang);
  return { ...doc, decoys: doc.decoys ?? [], kind };
}

/**
 * A deterministic corpus of synthetic Chinese or English clinical notes for evaluating
 * de-identification. Every value is fabricated; gold offsets are UTF-16 offsets into `text`.
 *
 * @example
 * const notes = generateDeidCorpus({ seed: 20240305, count: 10, lang: 'zh' });
 * const first = notes[0];
 * first?.spans.map((s) => first.text.slice(s.start, s.end)); // the planted identifiers
 */
export function generateDeidCorpus(options: DeidCorpusOptions): SyntheticNote[] {
  if (!Number.isInteger(options.count) || options.count < 0) throw new Error('count must be a non-negative integer.');
  return Array.from({ length: options.count }, (_, i) => generateSyntheticNote(options.seed, options.lang, i));
}
