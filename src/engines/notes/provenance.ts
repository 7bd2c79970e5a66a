/**
 * Sentence-level provenance: how much of a note sentence its cited transcript turns (or record
 * facts) back, measured as the share of the sentence's content units (English stems, numbers,
 * Chinese character bigrams — see text-units.ts) that occur in the cited text. A sentence whose
 * citations are unknown or back too little of it is `unsupported`: a possible hallucination the
 * clinician must check. Code-built sentences (`computed`) are left as they are.
 */
import type { ClinicalDocument, NoteSentence } from './clinical-document.js';
import { contentUnitSet } from './text-units.js';

/** A citable text: a transcript turn (`T3`) or a record fact (`R12`). */
export interface SupportSource {
  id: string;
  text: string;
}

/**
 * Default cut-off between supported and unsupported. Tuned on ACI-Bench dev: reference-note
 * sentences aligned to their own dialogue versus to another dialogue (see `suwen eval notes`
 * and the provenance test, which re-measures the separation).
 */
export const SUPPORT_THRESHOLD = 0.5;

/** At most this many sources are cited for one sentence by alignment. */
const MAX_ALIGNED_SOURCES = 3;

/** Share of `units` present in `available` (1 when the sentence has no content units). */
function coverage(units: ReadonlySet<string>, available: (unit: string) => boolean): number {
  if (units.size === 0) return 1;
  let found = 0;
  for (const unit of units) if (available(unit)) found++;
  return found / units.size;
}

/** The lexical support of `sentence` by the union of `sources`, 0–1. */
export function scoreSupport(sentence: string, sources: readonly string[]): number {
  const units = contentUnitSet(sentence);
  const pool = new Set<string>();
  for (const source of sources) for (const unit of contentUnitSet(source)) pool.add(unit);
  return coverage(units, (unit) => pool.has(unit));
}

/**
 * Unit sets and an inverted index over a set of sources, built once per transcript so every
 * sentence of a note is scored and aligned without re-reading the transcript.
 */
export class SupportIndex {
  readonly units = new Map<string, Set<string>>();
  private readonly postings = new Map<string, string[]>();
  private readonly order: string[] = [];

  constructor(sources: readonly SupportSource[]) {
    for (const source of sources) {
      const units = contentUnitSet(source.text);
      const existing = this.units.get(source.id);
      if (existing) {
        for (const unit of units) existing.add(unit);
        continue;
      }
      this.units.set(source.id, units);
      this.order.push(source.id);
    }
    for (const id of this.order) {
      for (const unit of this.units.get(id) ?? []) {
        const list = this.postings.get(unit);
        if (list) list.push(id);
        else this.postings.set(unit, [id]);
      }
    }
  }

  has(id: string): boolean {
    return this.units.has(id);
  }

  /** Support of a sentence's units by the given source ids (unknown ids contribute nothing). */
  score(sentenceUnits: ReadonlySet<string>, ids: readonly string[]): number {
    const sets = ids.flatMap((id) => this.units.get(id) ?? []);
    return coverage(sentenceUnits, (unit) => sets.some((set) => set.has(unit)));
  }

  /**
   * The sources that together back the most of a sentence: the best single source, then greedily
   * those adding the most uncovered units (each must add at least one, at most three in all).
   */
  align(sentenceUnits: ReadonlySet<string>): { sourceIds: string[]; score: number } {
    if (sentenceUnits.size === 0) return { sourceIds: [], score: 1 };
    const hits = new Map<string, number>();
    for (const unit of sentenceUnits) for (const id of this.postings.get(unit) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    if (hits.size === 0) return { sourceIds: [], score: 0 };
    const chosen: string[] = [];
    const uncovered = new Set(sentenceUnits);
    const minimumGain = Math.max(1, Math.ceil(sentenceUnits.size * 0.1));
    while (chosen.length < MAX_ALIGNED_SOURCES && uncovered.size > 0) {
      let best: string | undefined;
      let bestGain = 0;
      for (const id of hits.keys()) {
        if (chosen.includes(id)) continue;
        const set = this.units.get(id);
        if (!set) continue;
        let gain = 0;
        for (const unit of uncovered) if (set.has(unit)) gain++;
        // Ties go to the earlier source: the first time something was said.
        if (gain > bestGain) {
          best = id;
          bestGain = gain;
        }
      }
      if (!best || bestGain < (chosen.length === 0 ? 1 : minimumGain)) break;
      chosen.push(best);
      for (const unit of this.units.get(best) ?? []) uncovered.delete(unit);
    }
    const score = (sentenceUnits.size - uncovered.size) / sentenceUnits.size;
    // Keep transcript order so the UI highlights turns top to bottom.
    chosen.sort((a, b) => this.order.indexOf(a) - this.order.indexOf(b));
    return { sourceIds: chosen, score };
  }
}

/** The turns (or facts) that best support a sentence, with their combined support. */
export function alignSentence(sentence: string, sources: readonly SupportSource[] | SupportIndex): { sourceIds: string[]; score: number } {
  const index = sources instanceof SupportIndex ? sources : new SupportIndex(sources);
  return index.align(contentUnitSet(sentence));
}

export interface ResolveSupportOptions {
  /** Below this support a sentence is `unsupported` (default SUPPORT_THRESHOLD). */
  threshold?: number;
  /**
   * When a sentence cites nothing, or its citations back less than the threshold, look for the
   * turns that do back it and cite those instead (default true). A sentence nothing backs stays
   * unsupported either way; a citation to an unknown id always makes it unsupported.
   */
  realign?: boolean;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function resolveSentence(sentence: NoteSentence, index: SupportIndex, threshold: number, realign: boolean): NoteSentence {
  // Code built it from the record, or the reviewing clinician wrote it: nothing to check against.
  if (sentence.support.status === 'computed' || sentence.support.status === 'clinician') return sentence;
  const units = contentUnitSet(sentence.text);
  const cited = [...new Set(sentence.support.sourceIds)];
  const known = cited.filter((id) => index.has(id));
  const unknown = known.length < cited.length;
  let sourceIds = known;
  // A sentence with no content words ("None.") cannot claim anything the transcript lacks.
  let score = units.size === 0 ? 1 : known.length > 0 ? index.score(units, known) : 0;
  if (realign && !unknown && score < threshold) {
    const aligned = index.align(units);
    if (aligned.score > score) {
      sourceIds = aligned.sourceIds;
      score = aligned.score;
    }
  }
  const status = !unknown && score >= threshold && (sourceIds.length > 0 || units.size === 0) ? 'supported' : 'unsupported';
  return { ...sentence, support: { sourceIds: sourceIds.slice(0, 20), status, score: round(score) } };
}

/**
 * Validates every sentence's citations against the sources and scores them. Returns a new
 * document; `computed` and `clinician` sentences are untouched.
 */
export function resolveSupport(
  doc: ClinicalDocument,
  sources: readonly SupportSource[] | SupportIndex,
  options: ResolveSupportOptions = {},
): ClinicalDocument {
  const index = sources instanceof SupportIndex ? sources : new SupportIndex(sources);
  const threshold = options.threshold ?? SUPPORT_THRESHOLD;
  const realign = options.realign ?? true;
  return {
    ...doc,
    sections: doc.sections.map((section) => ({
      ...section,
      sentences: section.sentences.map((sentence) => resolveSentence(sentence, index, threshold, realign)),
    })),
  };
}

/** Sentences flagged unsupported, for counts and summaries. */
export function unsupportedSentences(doc: ClinicalDocument): NoteSentence[] {
  return doc.sections.flatMap((section) => section.sentences.filter((sentence) => sentence.support.status === 'unsupported'));
}
