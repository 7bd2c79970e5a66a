/**
 * Runs a note writer over the development sets and scores each note against its reference:
 * ROUGE-1/2/L F1 (mean over notes) and fact precision/recall/F1 (micro-averaged), plus the time
 * per note. The writer is the extractive engine (the floor) or the configured model.
 */

import type { MedicationIndex } from '../../src/engines/medication/index.js';
import {
  countFacts,
  createFactExtractor,
  FACT_SCORE_KINDS,
  type FactCounts,
  type FactExtractor,
  type FactScore,
  type FactScoreKind,
  factScore,
  rouge,
} from '../../src/engines/notes/index.js';
import type { NoteEvalCase, NoteEvalSetName } from './eval-notes-data.js';

export type NoteEvalMode = 'extractive' | 'model';

export interface WrittenNote {
  text: string;
  /** Milliseconds to produce the note; for a model, `modelMs` of them were spent waiting on it. */
  ms: number;
  modelMs?: number;
}

export type NoteWriter = (testCase: NoteEvalCase) => Promise<WrittenNote>;

export interface NoteEvalSetReport {
  set: NoteEvalSetName;
  mode: NoteEvalMode;
  n: number;
  failed: number;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  facts: FactScore & { byKind: Record<FactScoreKind, FactScore> };
  msPerNote: number;
  modelMsPerNote?: number;
}

export interface NoteEvalReport {
  mode: NoteEvalMode;
  sets: NoteEvalSetReport[];
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const round = (value: number, digits = 4) => Number(value.toFixed(digits));

function scoreOf(counts: readonly FactCounts[]): FactScore {
  const score = factScore(counts);
  return { ...score, precision: round(score.precision), recall: round(score.recall), f1: round(score.f1) };
}

export async function runNotesEval(options: {
  mode: NoteEvalMode;
  cases: readonly NoteEvalCase[];
  write: NoteWriter;
  medications?: MedicationIndex;
  extract?: FactExtractor;
  onProgress?: (done: number, total: number) => void;
}): Promise<NoteEvalReport> {
  const extract = options.extract ?? createFactExtractor(options.medications);
  const bySet = new Map<NoteEvalSetName, NoteEvalCase[]>();
  for (const testCase of options.cases) bySet.set(testCase.set, [...(bySet.get(testCase.set) ?? []), testCase]);
  const sets: NoteEvalSetReport[] = [];
  let done = 0;
  for (const [set, cases] of bySet) {
    const r1: number[] = [];
    const r2: number[] = [];
    const rl: number[] = [];
    const ms: number[] = [];
    const modelMs: number[] = [];
    const counts: Record<FactScoreKind | 'all', FactCounts>[] = [];
    let failed = 0;
    for (const testCase of cases) {
      let written: WrittenNote;
      try {
        written = await options.write(testCase);
      } catch {
        // A failed note scores zero: the model arm must not look better by skipping hard cases.
        failed++;
        written = { text: '', ms: 0 };
      }
      const scores = rouge(written.text, testCase.reference);
      r1.push(scores.rouge1);
      r2.push(scores.rouge2);
      rl.push(scores.rougeL);
      ms.push(written.ms);
      if (written.modelMs !== undefined) modelMs.push(written.modelMs);
      counts.push(countFacts(written.text, testCase.reference, extract));
      options.onProgress?.(++done, options.cases.length);
    }
    const byKind = Object.fromEntries(FACT_SCORE_KINDS.map((kind) => [kind, scoreOf(counts.map((c) => c[kind]))])) as Record<
      FactScoreKind,
      FactScore
    >;
    sets.push({
      set,
      mode: options.mode,
      n: cases.length,
      failed,
      rouge1: round(mean(r1)),
      rouge2: round(mean(r2)),
      rougeL: round(mean(rl)),
      facts: { ...scoreOf(counts.map((c) => c.all)), byKind },
      msPerNote: round(mean(ms), 2),
      ...(modelMs.length > 0 ? { modelMsPerNote: round(mean(modelMs), 1) } : {}),
    });
  }
  return { mode: options.mode, sets };
}

const pct = (value: number) => (value * 100).toFixed(1);

/** The report as an aligned text table. */
export function formatNotesEvalReport(report: NoteEvalReport): string {
  const header = ['dataset', 'mode', 'n', 'failed', 'ROUGE-1', 'ROUGE-2', 'ROUGE-L', 'fact P', 'fact R', 'fact F1', 'ms/note'];
  const rows = report.sets.map((s) => [
    s.set,
    s.mode,
    String(s.n),
    String(s.failed),
    pct(s.rouge1),
    pct(s.rouge2),
    pct(s.rougeL),
    pct(s.facts.precision),
    pct(s.facts.recall),
    pct(s.facts.f1),
    s.msPerNote.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const kinds = report.sets.map(
    (s) =>
      `${s.set} facts by kind (P/R/F1 %): ${FACT_SCORE_KINDS.map((k) => `${k} ${pct(s.facts.byKind[k].precision)}/${pct(s.facts.byKind[k].recall)}/${pct(s.facts.byKind[k].f1)}`).join(', ')}`,
  );
  return [
    line(header),
    ...rows.map(line),
    '',
    'ROUGE: mean F1 over notes; facts (medications, problems/symptoms, allergies, vitals): micro-averaged.',
    ...kinds,
  ].join('\n');
}
