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
import {
  type ChecklistCounts,
  type NoteSectionsText,
  scoreChecklist,
  VISIT_CHECKLIST_KINDS,
  type VisitChecklistKind,
} from './eval-notes-visits.js';

export type NoteEvalMode = 'extractive' | 'model';

export interface WrittenNote {
  text: string;
  /** Milliseconds to produce the note; for a model, `modelMs` of them were spent waiting on it. */
  ms: number;
  modelMs?: number;
  /** The note's sections (key and text), for the checklist's placement score. */
  sections?: NoteSectionsText[];
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
  /** Sets with fact checklists (Suwen's visits): recall of the checklist facts and their placement. */
  checklist?: ChecklistReport;
}

export interface ChecklistReport {
  items: number;
  found: number;
  placed: number;
  /** found / items. */
  recall: number;
  /** placed / items: found in the section the fact belongs in. */
  placement: number;
  byKind: Partial<Record<VisitChecklistKind, { items: number; found: number; placed: number }>>;
  missed: string[];
  misplaced: string[];
  /** Chinese notes: the 主诉 section present, at most 20 characters and naming a duration. */
  chiefComplaint?: { notes: number; symptomAndDuration: number; texts: string[] };
}

function checklistReport(cases: readonly NoteEvalCase[], notes: readonly WrittenNote[]): ChecklistReport | undefined {
  if (!cases.some((testCase) => testCase.checklist)) return undefined;
  const total: ChecklistCounts = { items: 0, found: 0, placed: 0, missed: [], misplaced: [] };
  const byKind: ChecklistReport['byKind'] = {};
  let zhNotes = 0;
  let symptomAndDuration = 0;
  const texts: string[] = [];
  cases.forEach((testCase, i) => {
    const note = notes[i];
    if (!testCase.checklist || !note) return;
    const sections = note.sections ?? [{ key: '', text: note.text }];
    for (const kind of VISIT_CHECKLIST_KINDS) {
      const items = testCase.checklist.filter((item) => item.kind === kind);
      if (items.length === 0) continue;
      const counts = scoreChecklist(testCase.id, items, sections);
      const entry = byKind[kind] ?? { items: 0, found: 0, placed: 0 };
      byKind[kind] = entry;
      entry.items += counts.items;
      entry.found += counts.found;
      entry.placed += counts.placed;
      total.items += counts.items;
      total.found += counts.found;
      total.placed += counts.placed;
      total.missed.push(...counts.missed);
      total.misplaced.push(...counts.misplaced);
    }
    if (testCase.language === 'zh') {
      zhNotes++;
      const cc = sections.find((section) => section.key === 'chief_complaint')?.text.trim() ?? '';
      texts.push(cc);
      // 主诉: main symptom + duration, ≤ 20 characters (see src/engines/notes/chief-complaint.ts for the source).
      if (cc && cc.replace(/[。.]$/, '').length <= 20 && /\d+\s*(分钟|小时|天|周|个月|月|年)/.test(cc)) symptomAndDuration++;
    }
  });
  return {
    items: total.items,
    found: total.found,
    placed: total.placed,
    recall: round(total.items ? total.found / total.items : 0),
    placement: round(total.items ? total.placed / total.items : 0),
    byKind,
    missed: total.missed,
    misplaced: total.misplaced,
    ...(zhNotes > 0 ? { chiefComplaint: { notes: zhNotes, symptomAndDuration, texts } } : {}),
  };
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
    const notes: WrittenNote[] = [];
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
      notes.push(written);
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
    const checklist = checklistReport(cases, notes);
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
      ...(checklist ? { checklist } : {}),
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
  const checklists = report.sets.flatMap((s) => {
    const c = s.checklist;
    if (!c) return [];
    const kindsLine = Object.entries(c.byKind)
      .map(([kind, k]) => `${kind} ${k.found}/${k.items} (placed ${k.placed})`)
      .join(', ');
    return [
      `${s.set} checklist facts: recall ${pct(c.recall)} % (${c.found}/${c.items}), in the right section ${pct(c.placement)} % (${c.placed}/${c.items})`,
      `  by kind: ${kindsLine}`,
      ...(c.chiefComplaint
        ? [
            `  主诉 as symptom + duration (≤ 20 characters): ${c.chiefComplaint.symptomAndDuration}/${c.chiefComplaint.notes} — ${c.chiefComplaint.texts.map((t) => `「${t}」`).join(' ')}`,
          ]
        : []),
      ...(c.missed.length ? [`  missed: ${c.missed.join(', ')}`] : []),
      ...(c.misplaced.length ? [`  misplaced: ${c.misplaced.join(', ')}`] : []),
    ];
  });
  return [
    line(header),
    ...rows.map(line),
    '',
    'ROUGE: mean F1 over notes; facts (medications, problems/symptoms, allergies, vitals): micro-averaged.',
    ...kinds,
    ...checklists,
  ].join('\n');
}
