import { PHI_TYPES, type PhiType, type TextLanguage } from '../../src/privacy/index.js';
import type { DecoyKind, DeidDoc } from './deid-doc.js';

/** What a detector must return: typed UTF-16 spans (a PhiFinding satisfies this). */
export interface PredictedSpan {
  type: PhiType;
  start: number;
  end: number;
}

export type DeidDetector = (text: string, lang: TextLanguage) => PredictedSpan[];

export interface ScoreDeidOptions {
  /** The β of F-beta; 2 by default, since a missed identifier costs more than an over-redaction. */
  beta?: number;
  /** At most this many decoy hits and false positives are listed (all are counted); default 200. */
  maxListed?: number;
}

export interface TypeScore {
  /** Gold spans of this type. */
  support: number;
  /** Predictions of this type (those wholly inside an ignored region are not counted). */
  predicted: number;
  /** Gold spans of this type overlapped by a prediction of the same type. */
  found: number;
  /** Predictions of this type that overlap a gold span of the same type. */
  correct: number;
  /** null when there is nothing to divide by (no predictions, or no gold). */
  precision: number | null;
  recall: number | null;
  f: number | null;
  /** Share of this type's gold characters covered by any prediction, whatever its type. */
  charRecall: number | null;
}

export interface DecoyHit {
  docId: string;
  kind: DecoyKind;
  /** The decoy's text: synthetic, and not PHI by construction, so safe to show. */
  decoyText: string;
  predictedType: PhiType;
}

export interface FalsePositive {
  docId: string;
  type: PhiType;
  start: number;
  end: number;
}

export interface DeidScore {
  docs: number;
  beta: number;
  perType: Partial<Record<PhiType, TypeScore>>;
  /** Micro-averaged over all types; a prediction is correct only with the right type. */
  overall: TypeScore;
  /** Any prediction overlapping a gold span counts, whatever its type: a wrong label still hides the text. */
  typeAgnostic: { precision: number | null; recall: number | null; f: number | null; found: number; correct: number };
  /** Predictions overlapping no gold span (and not wholly inside an ignored region). */
  falsePositives: { count: number; listed: FalsePositive[] };
  /** Predictions overlapping a planted decoy. */
  decoys: { total: number; flagged: number; byKind: Partial<Record<DecoyKind, { total: number; flagged: number }>>; hits: DecoyHit[] };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const within = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start >= b.start && a.end <= b.end;
const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** F-beta; a missing precision (no predictions) counts as 0, a missing recall (no gold) leaves F undefined. */
export function fBeta(precision: number | null, recall: number | null, beta: number): number | null {
  if (recall === null) return null;
  const p = precision ?? 0;
  const b2 = beta * beta;
  const den = b2 * p + recall;
  return den === 0 ? 0 : ((1 + b2) * p * recall) / den;
}

interface Tally {
  support: number;
  predicted: number;
  found: number;
  correct: number;
  goldChars: number;
  coveredChars: number;
}
const emptyTally = (): Tally => ({ support: 0, predicted: 0, found: 0, correct: 0, goldChars: 0, coveredChars: 0 });

function finish(t: Tally, beta: number): TypeScore {
  const precision = ratio(t.correct, t.predicted);
  const recall = ratio(t.found, t.support);
  return { ...t, precision, recall, f: fBeta(precision, recall, beta), charRecall: ratio(t.coveredChars, t.goldChars) };
}

/**
 * Scores predictions already made for each document (`predictions[i]` belongs to `docs[i]`).
 * A gold span is found when a prediction of the same type overlaps it; a prediction overlapping
 * no gold span is a false positive, unless it lies wholly inside a region marked ignored.
 */
export function scoreDeidPredictions(
  docs: readonly DeidDoc[],
  predictions: readonly PredictedSpan[][],
  options: ScoreDeidOptions = {},
): DeidScore {
  const beta = options.beta ?? 2;
  const maxListed = options.maxListed ?? 200;
  const tallies = new Map<PhiType, Tally>();
  const tally = (type: PhiType): Tally => {
    let t = tallies.get(type);
    if (!t) {
      t = emptyTally();
      tallies.set(type, t);
    }
    return t;
  };
  const agnostic = { found: 0, correct: 0, predicted: 0, support: 0 };
  const falsePositives: FalsePositive[] = [];
  let falsePositiveCount = 0;
  const decoys: DeidScore['decoys'] = { total: 0, flagged: 0, byKind: {}, hits: [] };

  docs.forEach((doc, i) => {
    const predicted = (predictions[i] ?? []).filter((p) => p.end > p.start);
    const counted = predicted.filter(
      (p) => !(doc.ignored ?? []).some((region) => within(p, region)) || doc.spans.some((g) => overlaps(p, g)),
    );
    const covered = new Uint8Array(doc.text.length);
    for (const p of predicted) covered.fill(1, Math.max(0, p.start), Math.min(doc.text.length, p.end));

    for (const gold of doc.spans) {
      const t = tally(gold.type);
      t.support++;
      agnostic.support++;
      if (predicted.some((p) => p.type === gold.type && overlaps(p, gold))) t.found++;
      if (predicted.some((p) => overlaps(p, gold))) agnostic.found++;
      t.goldChars += gold.end - gold.start;
      for (let c = gold.start; c < gold.end; c++) t.coveredChars += covered[c] ?? 0;
    }
    for (const p of counted) {
      const t = tally(p.type);
      t.predicted++;
      agnostic.predicted++;
      if (doc.spans.some((g) => g.type === p.type && overlaps(p, g))) t.correct++;
      if (doc.spans.some((g) => overlaps(p, g))) agnostic.correct++;
      else {
        falsePositiveCount++;
        if (falsePositives.length < maxListed) falsePositives.push({ docId: doc.id, type: p.type, start: p.start, end: p.end });
      }
    }
    for (const d of doc.decoys ?? []) {
      const kind = decoys.byKind[d.kind] ?? { total: 0, flagged: 0 };
      decoys.byKind[d.kind] = kind;
      kind.total++;
      decoys.total++;
      const hit = predicted.find((p) => overlaps(p, d));
      if (!hit) continue;
      kind.flagged++;
      decoys.flagged++;
      if (decoys.hits.length < maxListed)
        decoys.hits.push({ docId: doc.id, kind: d.kind, decoyText: doc.text.slice(d.start, d.end), predictedType: hit.type });
    }
  });

  const perType: DeidScore['perType'] = {};
  const all = emptyTally();
  for (const type of PHI_TYPES) {
    const t = tallies.get(type);
    if (!t) continue;
    perType[type] = finish(t, beta);
    for (const key of Object.keys(all) as (keyof Tally)[]) all[key] += t[key];
  }
  const agnosticPrecision = ratio(agnostic.correct, agnostic.predicted);
  const agnosticRecall = ratio(agnostic.found, agnostic.support);
  return {
    docs: docs.length,
    beta,
    perType,
    overall: finish(all, beta),
    typeAgnostic: {
      precision: agnosticPrecision,
      recall: agnosticRecall,
      f: fBeta(agnosticPrecision, agnosticRecall, beta),
      found: agnostic.found,
      correct: agnostic.correct,
    },
    falsePositives: { count: falsePositiveCount, listed: falsePositives },
    decoys,
  };
}

/**
 * Runs a synchronous detector over the documents and scores it: precision, recall and F2 per
 * PHI type and overall, type-agnostic recall, character-level recall and the decoys it flagged.
 *
 * @example
 * const score = scoreDeid(docs, (text, lang) => analyzePhi(text, { language: lang }));
 * score.overall.recall; // share of planted identifiers found with the right type
 */
export function scoreDeid(docs: readonly DeidDoc[], detect: DeidDetector, options: ScoreDeidOptions = {}): DeidScore {
  return scoreDeidPredictions(
    docs,
    docs.map((doc) => detect(doc.text, doc.lang)),
    options,
  );
}
