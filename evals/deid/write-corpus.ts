import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextLanguage } from '../../src/privacy/index.js';
import { generateDeidCorpus, type SyntheticNote } from './synthetic-notes.js';

/** The shipped corpora are generated with this seed and size; change them only with a new README entry. */
export const DEID_CORPUS_SEED = 20240305;
export const DEID_CORPUS_COUNT = 300;
export const DEID_EVAL_DIR = fileURLToPath(new URL('../../data/deid-eval/', import.meta.url));
export const DEID_CORPUS_FILES: Record<TextLanguage, string> = { zh: 'zh-notes.jsonl', en: 'en-notes.jsonl' };

/** One JSON line per note, with a fixed key order so regenerating gives identical bytes. */
export function toJsonl(notes: readonly SyntheticNote[]): string {
  return (
    notes.map((n) => JSON.stringify({ id: n.id, lang: n.lang, kind: n.kind, text: n.text, spans: n.spans, decoys: n.decoys })).join('\n') +
    '\n'
  );
}

export function renderDeidCorpus(lang: TextLanguage): string {
  return toJsonl(generateDeidCorpus({ seed: DEID_CORPUS_SEED, count: DEID_CORPUS_COUNT, lang }));
}

function main(): void {
  mkdirSync(DEID_EVAL_DIR, { recursive: true });
  for (const lang of ['zh', 'en'] as const) {
    const path = join(DEID_EVAL_DIR, DEID_CORPUS_FILES[lang]);
    writeFileSync(path, renderDeidCorpus(lang));
    process.stdout.write(`wrote ${DEID_CORPUS_COUNT} ${lang} notes to ${path}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
