import { describe, expect, it } from 'vitest';
import type { PhiType } from '../../src/privacy/index.js';
import { type DeidEvalSet, formatDeidScore, loadDeidEvalSets, runDeidEval } from './eval-deid.js';
import type { PredictedSpan } from './score-deid.js';
import { generateDeidCorpus } from './synthetic-notes.js';

// A deliberately trivial detector: enough to exercise the evaluation end to end.
const PATTERNS: [PhiType, RegExp][] = [
  ['EMAIL', /[\w.-]+@[\w.-]+\.[a-z]+/g],
  ['IP', /\b\d{1,3}(?:\.\d{1,3}){3}\b/g],
  ['DATE', /\d{4}-\d{2}-\d{2}/g],
  ['NAME', /\d+(?= ?mg\b)/g], // deliberately wrong: flags drug doses
];
function regexDetector(text: string): PredictedSpan[] {
  return PATTERNS.flatMap(([type, re]) => [...text.matchAll(re)].map((m) => ({ type, start: m.index, end: m.index + m[0].length })));
}

describe('runDeidEval', () => {
  const sets: DeidEvalSet[] = [{ name: 'en', label: 'en synthetic', docs: generateDeidCorpus({ seed: 1, count: 40, lang: 'en' }) }];

  it('returns numbers per set and prints a table', async () => {
    let printed = '';
    const [result] = await runDeidEval({ sets, detect: regexDetector, write: (t) => (printed += t) });
    expect(result?.score.perType.EMAIL?.recall).toBe(1);
    expect(result?.score.perType.IP?.precision).toBe(1);
    expect(result?.score.overall.recall).toBeGreaterThan(0);
    expect(result?.score.overall.recall).toBeLessThan(0.5);
    expect(result?.score.decoys.byKind['drug-dose']?.flagged).toBeGreaterThan(0);
    expect(printed).toContain('en synthetic — 40 documents, F2');
    expect(printed).toMatch(/^EMAIL\s+\d+/m);
    expect(printed).toContain('decoys flagged');
  });

  it('accepts an asynchronous detector and stays quiet when write is null', async () => {
    const [result] = await runDeidEval({ sets, detect: async (text) => regexDetector(text), write: null });
    expect(result?.score.docs).toBe(40);
  });

  it('loads the three shipped sets', () => {
    const loaded = loadDeidEvalSets(['zh', 'en', 'presidio']);
    expect(loaded.map((s) => [s.name, s.docs.length])).toEqual([
      ['zh', 300],
      ['en', 300],
      ['presidio', 1500],
    ]);
    expect(formatDeidScore('x', { ...emptyScore() })).toContain('overall');
  });
});

function emptyScore() {
  const t = { support: 0, predicted: 0, found: 0, correct: 0, precision: null, recall: null, f: null, charRecall: null };
  return {
    docs: 0,
    beta: 2,
    perType: {},
    overall: t,
    typeAgnostic: { precision: null, recall: null, f: null, found: 0, correct: 0 },
    falsePositives: { count: 0, listed: [] },
    decoys: { total: 0, flagged: 0, byKind: {}, hits: [] },
  };
}
