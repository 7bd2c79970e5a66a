import { describe, expect, it } from 'vitest';
import { bool, choice, num, optionalNum, points } from './score-inputs.js';
import { defineScoreTable, type ScoreTable, tallyScore } from './score-table.js';
import type { ScoreBand } from './score-types.js';

const t = (en: string) => ({ en, zh: `中文${en}` });

const BANDS: ScoreBand[] = [
  { id: 'low', min: -2, label: t('Low'), meaning: t('Low risk.') },
  { id: 'high', min: 3, label: t('High'), meaning: t('High risk.') },
  { id: 'flagged', label: t('Flagged'), meaning: t('A rule chose this band.'), criteria: t('flag set, total ≤2') },
];

/** A made-up score exercising every kind of criterion; its numbers mean nothing clinically. */
const demo = defineScoreTable({
  id: 'demo',
  names: t('Demo'),
  aliases: [],
  summary: t('A table for the interpreter tests.'),
  inputs: {
    ticked: bool(t('Ticked')),
    age: num({ label: t('Age'), min: 0, max: 120 }),
    lab: num({ label: t('Lab'), min: 0, max: 100 }),
    labUnit: choice({
      label: t('Lab unit'),
      options: [
        { value: 'a', label: t('a') },
        { value: 'b', label: t('b') },
      ],
    }),
    optional: optionalNum({ label: t('Optional'), min: 0, max: 100 }),
    grade: choice({
      label: t('Grade'),
      options: [
        { value: 'none', label: t('none') },
        { value: 'some', label: t('some') },
      ],
    }),
    item: points({
      label: t('Item'),
      options: [
        { value: 0, label: t('0') },
        { value: 2, label: t('2') },
      ],
    }),
  },
  bands: BANDS,
  source: { title: 'Interpreter test table' },
  unit: 'points',
  conversions: { labA: { field: 'lab', unitField: 'labUnit', factor: { a: 1, b: 0.5 }, reportDecimals: 1 } },
  criteria: [
    { id: 'ticked', points: 1, when: { field: 'ticked', is: true } },
    {
      id: 'age',
      levels: [
        { points: 1, when: { field: 'age', gte: 50, lt: 65 } },
        { points: 2, when: { field: 'age', gte: 65 } },
      ],
    },
    { id: 'lab', points: 1, when: { field: 'labA', gt: 7 } },
    {
      id: 'optional',
      points: -2,
      when: {
        anyOf: [
          { field: 'optional', lte: 10 },
          {
            allOf: [
              { field: 'ticked', is: true },
              { field: 'age', lt: 1 },
            ],
          },
        ],
      },
    },
    { id: 'grade', field: 'grade', pointsByOption: { none: 0, some: 1 } },
    { id: 'item', field: 'item', pointsFromValue: true },
  ],
  flags: { labHigh: { field: 'labA', gte: 50 }, anyTwo: { anyCriterionScores: 2 } },
  bandRules: [{ band: 'flagged', total: { excluding: ['lab'], lte: 2 }, flag: 'labHigh' }],
});

const base = { ticked: false, age: 30, lab: 1, labUnit: 'a', grade: 'none', item: 0 } as const;

describe('score tables', () => {
  it('sums the points of every criterion that holds and lists each in the details', () => {
    const r = demo.compute({ ...base, ticked: true, age: 70, lab: 8, grade: 'some', item: 2 });
    expect(r.value).toBe(1 + 2 + 1 + 1 + 2);
    expect(r.unit).toBe('points');
    expect(r.details).toEqual({ ticked: 1, age: 2, lab: 1, optional: 0, grade: 1, item: 2, labA: 8, labHigh: false, anyTwo: true });
  });

  it('reads each range edge as written: gte includes the edge, lt and gt exclude it', () => {
    expect(demo.compute({ ...base, age: 49.9 }).details?.['age']).toBe(0);
    expect(demo.compute({ ...base, age: 50 }).details?.['age']).toBe(1);
    expect(demo.compute({ ...base, age: 64.9 }).details?.['age']).toBe(1);
    expect(demo.compute({ ...base, age: 65 }).details?.['age']).toBe(2);
    expect(demo.compute({ ...base, lab: 7 }).details?.['lab']).toBe(0);
    expect(demo.compute({ ...base, lab: 7.1 }).details?.['lab']).toBe(1);
  });

  it('converts units before reading a criterion and reports the rounded value', () => {
    expect(demo.compute({ ...base, lab: 15, labUnit: 'b' }).details).toMatchObject({ lab: 1, labA: 7.5 });
    expect(demo.compute({ ...base, lab: 14, labUnit: 'b' }).details).toMatchObject({ lab: 0, labA: 7 });
  });

  it('bands a total at the lowest value of a band into that band, and one below it into the band before', () => {
    const two = demo.compute({ ...base, age: 50, ticked: true });
    expect(two).toMatchObject({ value: 2, band: { id: 'low' } });
    const three = demo.compute({ ...base, age: 50, ticked: true, grade: 'some' });
    expect(three).toMatchObject({ value: 3, band: { id: 'high' } });
    expect(demo.compute({ ...base, optional: 5 })).toMatchObject({ value: -2, band: { id: 'low' } });
  });

  it('lets a band rule win over the total, using the total without the excluded criteria', () => {
    // labA 60 sets labHigh; the total without "lab" is 0 (≤2), so the rule applies.
    expect(demo.compute({ ...base, lab: 60 }).band.id).toBe('flagged');
    // Without "lab" the total is 3: the rule fails and the total's band (4 → high) applies.
    expect(demo.compute({ ...base, lab: 60, ticked: true, age: 70 })).toMatchObject({ value: 4, band: { id: 'high' } });
  });

  it('never matches an optional value left out, and combines conditions with anyOf and allOf', () => {
    expect(demo.compute({ ...base }).details?.['optional']).toBe(0);
    expect(demo.compute({ ...base, optional: 10 }).details?.['optional']).toBe(-2);
    expect(demo.compute({ ...base, optional: 11 }).details?.['optional']).toBe(0);
    expect(demo.compute({ ...base, ticked: true, age: 0.5 }).details?.['optional']).toBe(-2);
  });

  it('reports a missing input as an issue instead of scoring it 0', () => {
    const { age: _age, ...withoutAge } = base;
    const out = demo.evaluate(withoutAge);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.issues).toMatchObject([{ field: 'age', code: 'missing' }]);
  });

  it('tallies without the schema too: an unknown option or a missing value scores 0', () => {
    const table: ScoreTable = {
      id: 'tally',
      names: t('Tally'),
      aliases: [],
      summary: t('Tally'),
      inputs: {},
      bands: BANDS,
      source: { title: 'Test' },
      unit: 'points',
      criteria: [{ id: 'grade', field: 'grade', pointsByOption: { none: 0, some: 1 } }],
    };
    expect(tallyScore(table, { grade: 'other' }).total).toBe(0);
    expect(tallyScore(table, {}).points).toEqual({ grade: 0 });
  });
});

describe('score table checks', () => {
  const minimal = {
    id: 'broken',
    names: t('Broken'),
    aliases: [],
    summary: t('Broken'),
    inputs: {
      a: bool(t('A')),
      g: choice({
        label: t('G'),
        options: [
          { value: 'x', label: t('x') },
          { value: 'y', label: t('y') },
        ],
      }),
    },
    bands: BANDS,
    source: { title: 'Test' },
    unit: 'points',
  } as const;

  it('refuses a criterion on an input the score does not have', () => {
    expect(() => defineScoreTable({ ...minimal, criteria: [{ id: 'b', points: 1, when: { field: 'b' as 'a', is: true } }] })).toThrow(
      /no input "b"/,
    );
  });

  it('refuses option points that miss an option, and an option that does not exist', () => {
    expect(() => defineScoreTable({ ...minimal, criteria: [{ id: 'g', field: 'g', pointsByOption: { x: 1 } }] })).toThrow(/each option/);
    expect(() => defineScoreTable({ ...minimal, criteria: [{ id: 'g', points: 1, when: { field: 'g', oneOf: ['z'] } }] })).toThrow(
      /no such option/,
    );
  });

  it('refuses a range without edges, a repeated criterion and a rule naming an unknown band', () => {
    expect(() => defineScoreTable({ ...minimal, criteria: [{ id: 'a', points: 1, when: { field: 'a' } }] })).toThrow(/exactly one/);
    const a = { id: 'a', points: 1, when: { field: 'a', is: true } } as const;
    expect(() => defineScoreTable({ ...minimal, criteria: [a, a] })).toThrow(/twice/);
    expect(() => defineScoreTable({ ...minimal, criteria: [a], bandRules: [{ band: 'nope' }] })).toThrow(/no band "nope"/);
  });
});
