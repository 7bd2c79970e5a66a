import type { KnowledgeSearch, SearchHit } from './knowledge-search.js';

/** One query of a search evaluation set (`data/search-eval/*.jsonl`). */
export interface SearchEvalCase {
  id: string;
  q: string;
  /** Ids any of which counts as a hit; empty for a look-alike that must find nothing. */
  expect: string[];
  type: string;
  correct?: string;
}

export interface SearchEvalResult {
  positives: number;
  hitAt1: number;
  hitAt5: number;
  negatives: number;
  /** Look-alike queries that found something (they should find nothing). */
  falseHits: number;
  misses: { id: string; q: string; expect: string[]; got: string[] }[];
  wrongNegatives: { id: string; q: string; got: string[] }[];
}

const top = (hits: SearchHit[]) => hits.slice(0, 5).map((hit) => `${hit.kind}:${hit.id}`);

/** Parses a JSON-lines evaluation set, naming the line of any malformed entry. */
export function parseSearchEvalSet(text: string): SearchEvalCase[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      const entry = JSON.parse(line) as Partial<SearchEvalCase>;
      if (typeof entry.id !== 'string' || typeof entry.q !== 'string' || !Array.isArray(entry.expect) || typeof entry.type !== 'string') {
        throw new Error(`search eval line ${index + 1}: needs id, q, expect[] and type`);
      }
      return entry as SearchEvalCase;
    });
}

/** hit@1 and hit@5 over the positive queries; look-alikes must return no hit at all. */
export function evaluateSearch(search: KnowledgeSearch, cases: SearchEvalCase[]): SearchEvalResult {
  const result: SearchEvalResult = { positives: 0, hitAt1: 0, hitAt5: 0, negatives: 0, falseHits: 0, misses: [], wrongNegatives: [] };
  for (const entry of cases) {
    const hits = search.search(entry.q, { limit: 5 });
    if (entry.expect.length === 0) {
      result.negatives++;
      if (hits.length > 0) {
        result.falseHits++;
        result.wrongNegatives.push({ id: entry.id, q: entry.q, got: top(hits) });
      }
      continue;
    }
    result.positives++;
    const ids = hits.map((hit) => hit.id);
    if (ids[0] !== undefined && entry.expect.includes(ids[0])) result.hitAt1++;
    if (ids.some((id) => entry.expect.includes(id))) result.hitAt5++;
    else result.misses.push({ id: entry.id, q: entry.q, expect: entry.expect, got: top(hits) });
  }
  return result;
}
