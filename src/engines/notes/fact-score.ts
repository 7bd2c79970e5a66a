/**
 * Fact-level agreement between a generated note and a reference note: medications, problems and
 * symptoms, allergies and vitals read from both by the same extractor (clinical-facts.ts), as sets
 * of keys, then precision, recall and F1 — per note, and micro-averaged over a data set by summing
 * the counts. Negated mentions ("no chest pain") count as separate facts from positive ones.
 */
import type { ClinicalFact, FactExtractor } from './clinical-facts.js';

export const FACT_SCORE_KINDS = ['medication', 'problem', 'allergy', 'vital'] as const;
export type FactScoreKind = (typeof FACT_SCORE_KINDS)[number];

export interface FactCounts {
  /** Facts in both notes. */
  matched: number;
  /** Facts in the generated note. */
  generated: number;
  /** Facts in the reference note. */
  reference: number;
}

export interface FactScore extends FactCounts {
  precision: number;
  recall: number;
  f1: number;
}

/** The facts a note is scored on, as `kind|key` strings (symptoms and problems count together). */
export function scoredFacts(facts: readonly ClinicalFact[]): Set<string> {
  const out = new Set<string>();
  for (const fact of facts) {
    const kind: FactScoreKind | undefined =
      fact.kind === 'symptom' || fact.kind === 'problem'
        ? 'problem'
        : fact.kind === 'medication' || fact.kind === 'allergy' || fact.kind === 'vital'
          ? fact.kind
          : undefined;
    if (!kind || fact.question) continue;
    out.add(`${kind}|${fact.negated ? 'no ' : ''}${fact.key}`);
  }
  return out;
}

/** Counts per kind and overall for one generated note against its reference. */
export function countFacts(generated: string, reference: string, extract: FactExtractor): Record<FactScoreKind | 'all', FactCounts> {
  const g = scoredFacts(extract(generated));
  const r = scoredFacts(extract(reference));
  const counts = Object.fromEntries(
    [...FACT_SCORE_KINDS, 'all'].map((kind) => [kind, { matched: 0, generated: 0, reference: 0 }]),
  ) as Record<FactScoreKind | 'all', FactCounts>;
  const kindOf = (fact: string) => fact.slice(0, fact.indexOf('|')) as FactScoreKind;
  for (const fact of g) {
    counts[kindOf(fact)].generated++;
    counts.all.generated++;
    if (r.has(fact)) {
      counts[kindOf(fact)].matched++;
      counts.all.matched++;
    }
  }
  for (const fact of r) {
    counts[kindOf(fact)].reference++;
    counts.all.reference++;
  }
  return counts;
}

/** Precision, recall and F1 from summed counts (micro average). Empty sides score 0, not NaN. */
export function factScore(counts: readonly FactCounts[]): FactScore {
  const total = counts.reduce(
    (sum, c) => ({ matched: sum.matched + c.matched, generated: sum.generated + c.generated, reference: sum.reference + c.reference }),
    {
      matched: 0,
      generated: 0,
      reference: 0,
    },
  );
  const precision = total.generated === 0 ? 0 : total.matched / total.generated;
  const recall = total.reference === 0 ? 0 : total.matched / total.reference;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...total, precision, recall, f1 };
}
