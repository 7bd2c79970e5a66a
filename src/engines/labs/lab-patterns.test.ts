import { describe, expect, it } from 'vitest';
import { interpretLabs } from './interpret-labs.js';
import type { InterpretLabsInput, LabPattern } from './lab-types.js';
import { loadLabIndex } from './testing-labs.js';

const index = loadLabIndex();
const patterns = (input: InterpretLabsInput): LabPattern[] => interpretLabs(index, input).patterns;
const find = (input: InterpretLabsInput, id: LabPattern['id']) => patterns(input).find((p) => p.id === id);
const at = (hours: number) => new Date(Date.UTC(2024, 0, 1) + hours * 3600_000).toISOString();

describe('iron deficiency', () => {
  it('finds iron-deficiency anaemia from low ferritin, Hb and MCV (WHO 2020)', () => {
    const p = find(
      {
        sex: 'F',
        results: [
          { test: 'ferritin', value: 8 },
          { test: 'Hb', value: 95 },
          { test: 'MCV', value: 72 },
        ],
      },
      'iron-deficiency',
    );
    expect(p?.severity).toBe('with-anaemia-or-microcytosis');
    expect(p?.source.title).toContain('WHO');
    expect(p?.message.zh).toContain('铁蛋白');
  });

  it('calls ferritin 30 with microcytic anaemia possible (AGA 2020)', () => {
    expect(
      find(
        {
          sex: 'F',
          results: [
            { test: 'ferritin', value: 30 },
            { test: 'Hb', value: 100 },
            { test: 'MCV', value: 75 },
          ],
        },
        'iron-deficiency',
      )?.severity,
    ).toBe('possible');
  });

  it('stays silent with normal ferritin', () => {
    expect(
      find(
        {
          sex: 'F',
          results: [
            { test: 'ferritin', value: 80 },
            { test: 'Hb', value: 100 },
          ],
        },
        'iron-deficiency',
      ),
    ).toBeUndefined();
  });
});

describe('acute kidney injury (KDIGO 2012)', () => {
  it('finds stage 1 from a 30 µmol/L rise within 48 h', () => {
    const p = find(
      {
        results: [
          { test: 'Cr', value: 80, time: at(0) },
          { test: 'Cr', value: 110, time: at(40) },
        ],
      },
      'acute-kidney-injury',
    );
    expect(p?.severity).toBe('stage-1');
  });

  it('finds stage 2 from a doubling within 7 days, in mg/dL', () => {
    const p = find(
      {
        results: [
          { test: 'creatinine', value: 1.0, unit: 'mg/dL', time: at(0) },
          { test: 'creatinine', value: 2.2, unit: 'mg/dL', time: at(120) },
        ],
      },
      'acute-kidney-injury',
    );
    expect(p?.severity).toBe('stage-2');
  });

  it('finds stage 3 from a tripling or a value ≥ 353.6 µmol/L', () => {
    expect(
      find(
        {
          results: [
            { test: 'Cr', value: 60, time: at(0) },
            { test: 'Cr', value: 190, time: at(72) },
          ],
        },
        'acute-kidney-injury',
      )?.severity,
    ).toBe('stage-3');
    expect(
      find(
        {
          results: [
            { test: 'Cr', value: 250, time: at(0) },
            { test: 'Cr', value: 380, time: at(24) },
          ],
        },
        'acute-kidney-injury',
      )?.severity,
    ).toBe('stage-3');
  });

  it('ignores a slow rise over more than 7 days and a small rise within 48 h', () => {
    expect(
      find(
        {
          results: [
            { test: 'Cr', value: 80, time: at(0) },
            { test: 'Cr', value: 130, time: at(24 * 10) },
          ],
        },
        'acute-kidney-injury',
      ),
    ).toBeUndefined();
    expect(
      find(
        {
          results: [
            { test: 'Cr', value: 80, time: at(0) },
            { test: 'Cr', value: 100, time: at(24) },
          ],
        },
        'acute-kidney-injury',
      ),
    ).toBeUndefined();
  });

  it('needs timed results', () => {
    expect(
      find(
        {
          results: [
            { test: 'Cr', value: 80 },
            { test: 'Cr', value: 300 },
          ],
        },
        'acute-kidney-injury',
      ),
    ).toBeUndefined();
  });
});

describe('diabetic ketoacidosis', () => {
  it('finds moderate DKA from glucose, pH and bicarbonate (ADA 2009)', () => {
    const p = find(
      {
        results: [
          { test: 'glucose', value: 450, unit: 'mg/dL' },
          { test: 'pH', value: 7.15 },
          { test: 'HCO3', value: 12 },
        ],
      },
      'diabetic-ketoacidosis',
    );
    expect(p?.severity).toBe('moderate');
    expect(p?.source.title).toContain('Kitabchi');
  });

  it('finds DKA at lower glucose with β-hydroxybutyrate ≥ 3 (2024 consensus)', () => {
    expect(
      find(
        {
          results: [
            { test: 'Glu', value: 12 },
            { test: 'BHB', value: 4.2 },
            { test: '碳酸氢根(总二氧化碳)', value: 16 },
          ],
        },
        'diabetic-ketoacidosis',
      )?.severity,
    ).toBe('mild');
  });

  it('stays silent with hyperglycaemia but no acidosis', () => {
    expect(
      find(
        {
          results: [
            { test: 'glucose', value: 25 },
            { test: 'pH', value: 7.38 },
            { test: 'HCO3', value: 24 },
          ],
        },
        'diabetic-ketoacidosis',
      ),
    ).toBeUndefined();
  });
});

describe('sodium and potassium', () => {
  it.each([
    [133, 'mild'],
    [127, 'moderate'],
    [118, 'profound'],
  ])('grades sodium %d as %s hyponatraemia', (na, severity) => {
    expect(find({ results: [{ test: '血钠', value: na }] }, 'hyponatraemia')?.severity).toBe(severity);
  });

  it('finds no hyponatraemia at 135', () => {
    expect(find({ results: [{ test: 'Na', value: 135 }] }, 'hyponatraemia')).toBeUndefined();
  });

  it.each([
    [5.6, 'mild'],
    [6.2, 'moderate'],
    [6.8, 'severe'],
  ])('grades potassium %d as %s hyperkalaemia', (k, severity) => {
    expect(find({ results: [{ test: 'K', value: k }] }, 'hyperkalaemia')?.severity).toBe(severity);
  });

  it('finds no hyperkalaemia at 5.4', () => {
    expect(find({ results: [{ test: 'K', value: 5.4 }] }, 'hyperkalaemia')).toBeUndefined();
  });
});

describe('anaemia by MCV', () => {
  it('types microcytic, normocytic and macrocytic anaemia', () => {
    expect(
      find(
        {
          sex: 'M',
          results: [
            { test: 'Hb', value: 100 },
            { test: 'MCV', value: 70 },
          ],
        },
        'anaemia',
      )?.severity,
    ).toBe('moderate-microcytic');
    expect(
      find(
        {
          sex: 'M',
          results: [
            { test: 'Hb', value: 120 },
            { test: 'MCV', value: 90 },
          ],
        },
        'anaemia',
      )?.severity,
    ).toBe('mild-normocytic');
    expect(
      find(
        {
          sex: 'F',
          results: [
            { test: 'Hb', value: 70 },
            { test: 'MCV', value: 110 },
          ],
        },
        'anaemia',
      )?.severity,
    ).toBe('severe-macrocytic');
  });

  it('uses the WHO sex thresholds', () => {
    expect(find({ sex: 'F', results: [{ test: 'Hb', value: 125 }] }, 'anaemia')).toBeUndefined();
    expect(find({ sex: 'M', results: [{ test: 'Hb', value: 125 }] }, 'anaemia')).toBeDefined();
  });
});

describe('hypoglycaemia (ADA)', () => {
  it('grades level 1 and level 2', () => {
    expect(find({ results: [{ test: 'glucose', value: 3.5 }] }, 'hypoglycaemia')?.severity).toBe('level-1');
    expect(find({ results: [{ test: 'glucose', value: 50, unit: 'mg/dL' }] }, 'hypoglycaemia')?.severity).toBe('level-2');
  });

  it('stays silent at 3.9 mmol/L', () => {
    expect(find({ results: [{ test: 'glucose', value: 3.9 }] }, 'hypoglycaemia')).toBeUndefined();
  });
});

describe('thrombocytopenia (CTCAE v5)', () => {
  it.each([
    [100, 'grade-1'],
    [60, 'grade-2'],
    [30, 'grade-3'],
    [10, 'grade-4'],
  ])('grades %d × 10⁹/L as %s', (plt, grade) => {
    expect(find({ results: [{ test: 'PLT', value: plt }] }, 'thrombocytopenia')?.severity).toBe(grade);
  });

  it('stays silent at the lower reference limit', () => {
    expect(find({ results: [{ test: 'PLT', value: 125 }] }, 'thrombocytopenia')).toBeUndefined();
  });
});

describe('liver pattern by R ratio', () => {
  it('calls high ALT with normal ALP hepatocellular', () => {
    expect(
      find(
        {
          sex: 'M',
          results: [
            { test: 'ALT', value: 500 },
            { test: 'ALP', value: 100 },
          ],
        },
        'liver-injury-pattern',
      )?.severity,
    ).toBe('hepatocellular');
  });

  it('calls high ALP with mildly high ALT cholestatic', () => {
    expect(
      find(
        {
          sex: 'M',
          results: [
            { test: '谷丙转氨酶', value: 60 },
            { test: 'ALP', value: 500 },
          ],
        },
        'liver-injury-pattern',
      )?.severity,
    ).toBe('cholestatic');
  });

  it('stays silent with normal liver tests', () => {
    expect(
      find(
        {
          sex: 'M',
          results: [
            { test: 'ALT', value: 30 },
            { test: 'ALP', value: 80 },
          ],
        },
        'liver-injury-pattern',
      ),
    ).toBeUndefined();
  });
});

describe('thyroid pattern', () => {
  it.each([
    [12, 8, 'overt-hypothyroidism'],
    [8, 15, 'subclinical-hypothyroidism'],
    [0.01, 40, 'overt-hyperthyroidism'],
    [0.1, 18, 'subclinical-hyperthyroidism'],
    [1.0, 8, 'possible-central-hypothyroidism'],
  ])('reads TSH %d with FT4 %d as %s', (tsh, ft4, kind) => {
    expect(
      find(
        {
          results: [
            { test: 'TSH', value: tsh },
            { test: 'FT4', value: ft4 },
          ],
        },
        'thyroid-dysfunction',
      )?.severity,
    ).toBe(kind);
  });

  it('stays silent when both are normal', () => {
    expect(
      find(
        {
          results: [
            { test: 'TSH', value: 2 },
            { test: 'FT4', value: 16 },
          ],
        },
        'thyroid-dysfunction',
      ),
    ).toBeUndefined();
  });
});

describe('pattern citations', () => {
  it('cites a source and gives both languages for every pattern found', () => {
    const all = patterns({
      sex: 'M',
      results: [
        { test: 'Na', value: 120 },
        { test: 'K', value: 6.6 },
        { test: 'Hb', value: 90 },
        { test: 'MCV', value: 70 },
        { test: 'ferritin', value: 5 },
        { test: 'PLT', value: 40 },
      ],
    });
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const p of all) {
      expect(p.source.title.length).toBeGreaterThan(3);
      expect(p.message.en.length).toBeGreaterThan(3);
      expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
