import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHI_TYPES, type TextLanguage } from '../../src/privacy/index.js';
import { type DeidDoc, parseDeidJsonl } from './deid-doc.js';
import { loadPresidioSynth } from './presidio-synth.js';
import { type DeidScore, type PredictedSpan, type ScoreDeidOptions, scoreDeidPredictions } from './score-deid.js';
import { DEID_CORPUS_FILES, DEID_EVAL_DIR } from './write-corpus.js';

export const DEID_EVAL_SET_NAMES = ['zh', 'en', 'presidio'] as const;
export type DeidEvalSetName = (typeof DEID_EVAL_SET_NAMES)[number];

export interface DeidEvalSet {
  name: string;
  label: string;
  docs: DeidDoc[];
}

/** A detector may be synchronous or asynchronous. */
export type AnyDeidDetector = (text: string, lang: TextLanguage) => PredictedSpan[] | Promise<PredictedSpan[]>;

export interface DeidEvalResult {
  set: string;
  label: string;
  score: DeidScore;
}

const LABELS: Record<DeidEvalSetName, string> = {
  zh: 'zh synthetic (Suwen)',
  en: 'en synthetic (Suwen)',
  presidio: 'presidio-synth-pii (en, MIT)',
};

/** Loads the shipped evaluation sets from data/deid-eval/. */
export function loadDeidEvalSets(names: readonly DeidEvalSetName[], dir: string = DEID_EVAL_DIR): DeidEvalSet[] {
  return names.map((name) => {
    if (name === 'presidio') return { name, label: LABELS[name], docs: loadPresidioSynth() };
    const file = join(dir, DEID_CORPUS_FILES[name]);
    return { name, label: LABELS[name], docs: parseDeidJsonl(readFileSync(file, 'utf8'), DEID_CORPUS_FILES[name]) };
  });
}

const num = (v: number | null): string => (v === null ? '     —' : v.toFixed(3).padStart(6));

/** A plain-text table of one set's score. Shows decoy text (synthetic, not PHI), never predicted text. */
export function formatDeidScore(label: string, score: DeidScore): string {
  const rows = [
    `${label} — ${score.docs} documents, F${score.beta}`,
    `${'type'.padEnd(14)} support   pred      P      R     F${score.beta}  charR`,
  ];
  const row = (name: string, t: NonNullable<DeidScore['perType'][keyof DeidScore['perType']]>): string =>
    `${name.padEnd(14)} ${String(t.support).padStart(7)} ${String(t.predicted).padStart(6)} ${num(t.precision)} ${num(t.recall)} ${num(t.f)} ${num(t.charRecall)}`;
  for (const type of PHI_TYPES) {
    const t = score.perType[type];
    if (t) rows.push(row(type, t));
  }
  rows.push(row('overall', score.overall));
  const a = score.typeAgnostic;
  rows.push(
    `type-agnostic  P ${num(a.precision)}  R ${num(a.recall)}  F${score.beta} ${num(a.f)}   false positives ${score.falsePositives.count}`,
  );
  const kinds = Object.entries(score.decoys.byKind).map(([kind, k]) => `${kind} ${k.flagged}/${k.total}`);
  rows.push(`decoys flagged ${score.decoys.flagged}/${score.decoys.total}${kinds.length ? `  (${kinds.join(', ')})` : ''}`);
  for (const hit of score.decoys.hits.slice(0, 10)) rows.push(`  ${hit.docId}  ${hit.kind} "${hit.decoyText}" → ${hit.predictedType}`);
  return rows.join('\n');
}

export interface RunDeidEvalOptions {
  sets: readonly DeidEvalSet[];
  detect: AnyDeidDetector;
  score?: ScoreDeidOptions;
  /** Where the tables go; stdout by default, nothing when null (e.g. for --json). */
  write?: ((text: string) => void) | null;
}

/**
 * Runs a detector over each evaluation set, prints one table per set and returns the numbers.
 *
 * @example
 * const results = await runDeidEval({ sets: loadDeidEvalSets(['zh', 'en']), detect: (t, lang) => analyzePhi(t, { language: lang }) });
 */
export async function runDeidEval(options: RunDeidEvalOptions): Promise<DeidEvalResult[]> {
  const write = options.write === undefined ? (text: string) => process.stdout.write(text) : options.write;
  const results: DeidEvalResult[] = [];
  for (const set of options.sets) {
    const predictions: PredictedSpan[][] = [];
    for (const doc of set.docs) {
      const found = await options.detect(doc.text, doc.lang);
      predictions.push(found.map(({ type, start, end }) => ({ type, start, end })));
    }
    const score = scoreDeidPredictions(set.docs, predictions, options.score);
    results.push({ set: set.name, label: set.label, score });
    write?.(`${formatDeidScore(set.label, score)}\n\n`);
  }
  return results;
}
