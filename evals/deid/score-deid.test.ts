import { describe, expect, it } from 'vitest';
import type { DeidDoc } from './deid-doc.js';
import { fBeta, scoreDeid } from './score-deid.js';

const text = "Patient John Smith seen 2024-03-05 with Parkinson's disease, phone 555-0101.";
const at = (s: string): { start: number; end: number } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

const doc: DeidDoc = {
  id: 'd1',
  lang: 'en',
  text,
  spans: [
    { type: 'NAME', ...at('John Smith') },
    { type: 'DATE', ...at('2024-03-05') },
    { type: 'PHONE', ...at('555-0101') },
  ],
  decoys: [{ kind: 'eponym', ...at("Parkinson's disease") }],
};

// Finds part of the name, mislabels the date as a phone, flags the eponym, misses the phone.
const detect = () => [
  { type: 'NAME' as const, ...at('John') },
  { type: 'PHONE' as const, ...at('2024-03-05') },
  { type: 'NAME' as const, ...at('Parkinson') },
];

describe('scoreDeid', () => {
  const score = scoreDeid([doc], detect);

  it('computes typed precision, recall and F2 overall', () => {
    expect(score.overall.support).toBe(3);
    expect(score.overall.predicted).toBe(3);
    expect(score.overall.precision).toBeCloseTo(1 / 3);
    expect(score.overall.recall).toBeCloseTo(1 / 3);
    expect(score.overall.f).toBeCloseTo(1 / 3);
  });

  it('computes per-type scores, with no precision for a type never predicted', () => {
    expect(score.perType.NAME).toMatchObject({ support: 1, predicted: 2, found: 1, correct: 1, precision: 0.5, recall: 1 });
    expect(score.perType.NAME?.f).toBeCloseTo(2.5 / 3);
    expect(score.perType.PHONE).toMatchObject({ support: 1, predicted: 1, precision: 0, recall: 0, f: 0 });
    expect(score.perType.DATE).toMatchObject({ support: 1, predicted: 0, precision: null, recall: 0, f: 0 });
  });

  it('counts a mislabelled span as found type-agnostically', () => {
    expect(score.typeAgnostic.recall).toBeCloseTo(2 / 3);
    expect(score.typeAgnostic.precision).toBeCloseTo(2 / 3);
    expect(score.typeAgnostic.f).toBeCloseTo(2 / 3);
  });

  it('reports character-level recall', () => {
    expect(score.perType.NAME?.charRecall).toBeCloseTo(0.4);
    expect(score.perType.DATE?.charRecall).toBe(1);
    expect(score.overall.charRecall).toBeCloseTo(14 / 28);
  });

  it('lists the flagged decoy and the false positive', () => {
    expect(score.falsePositives.count).toBe(1);
    expect(score.decoys).toMatchObject({
      total: 1,
      flagged: 1,
      hits: [{ docId: 'd1', kind: 'eponym', decoyText: "Parkinson's disease", predictedType: 'NAME' }],
    });
  });

  it('neither requires nor penalises a span inside an ignored region', () => {
    const ignoredDoc: DeidDoc = {
      id: 'd2',
      lang: 'en',
      text: 'Lives in Austria.',
      spans: [],
      ignored: [{ label: 'GPE', start: 9, end: 16 }],
    };
    const s = scoreDeid([ignoredDoc], () => [{ type: 'ADDRESS', start: 9, end: 16 }]);
    expect(s.overall.predicted).toBe(0);
    expect(s.falsePositives.count).toBe(0);
    const outside = scoreDeid([ignoredDoc], () => [{ type: 'NAME', start: 0, end: 5 }]);
    expect(outside.falsePositives.count).toBe(1);
  });
});

describe('fBeta', () => {
  it('weights recall with β = 2 and handles empty cases', () => {
    expect(fBeta(1, 0.5, 2)).toBeCloseTo((5 * 0.5) / (4 + 0.5));
    expect(fBeta(null, 0, 2)).toBe(0);
    expect(fBeta(0.5, null, 2)).toBeNull();
  });
});
