import { describe, expect, it } from 'vitest';
import { chartEvidence, loadChartEvidenceMap } from './chart-evidence.js';
import { type DiagnosticTest, loadDiagnosticTests } from './diagnostic-tests.js';
import { loadDdxModel } from './load-ddx-model.js';
import { rankNextTests, scoreTest } from './rank-next-tests.js';

const model = loadDdxModel();
const names = model.conditions.map((c) => c.name);
const table = loadDiagnosticTests(names);

/** A posterior over all 49 conditions: the given masses, the rest spread evenly. */
function posterior(masses: Record<string, number>) {
  const given = Object.values(masses).reduce((a, b) => a + b, 0);
  const others = names.filter((name) => !(name in masses));
  return names.map((condition) => ({ condition, probability: masses[condition] ?? (1 - given) / others.length }));
}

const test = (id: string, targets: [string, number][], specificity: number): DiagnosticTest => ({
  id,
  name: { en: id, zh: id },
  invasiveness: 'non-invasive',
  cost: 'low',
  targets: targets.map(([condition, sensitivity]) => ({ condition, sensitivity })),
  specificity,
  source: { title: 'synthetic test for the ranking' },
});

describe('rankNextTests', () => {
  const split = posterior({ 'Pulmonary embolism': 0.45, Pneumonia: 0.45 });

  it('prefers a test that separates the two leading candidates over one positive in both', () => {
    const separating = test('separating', [['Pulmonary embolism', 0.9]], 0.9);
    const both = test(
      'both',
      [
        ['Pulmonary embolism', 0.9],
        ['Pneumonia', 0.9],
      ],
      0.9,
    );
    const elsewhere = test(
      'elsewhere',
      [
        ['Pulmonary embolism', 0.9],
        ['Ebola', 0.9],
      ],
      0.5,
    );
    const ranked = rankNextTests([both, elsewhere, separating], posterior({ 'Pulmonary embolism': 0.5, Pneumonia: 0.5 }));
    expect(ranked.map((t) => t.id)).toEqual(['separating', 'elsewhere', 'both']);
    expect(ranked[0]?.expectedInformationBits).toBeGreaterThan(0.4);
    expect(ranked[2]?.expectedInformationBits).toBeLessThan(0.1);
  });

  it('ranks CT pulmonary angiography above D-dimer when PE and pneumonia lead, with what each result would do', () => {
    const ranked = rankNextTests(table.tests, split);
    const ids = ranked.map((t) => t.id);
    expect(ids.indexOf('ctpa')).toBeLessThan(ids.indexOf('d-dimer'));
    const ctpa = ranked.find((t) => t.id === 'ctpa');
    expect(ctpa?.targetProbability.now).toBeCloseTo(0.45, 3);
    expect(ctpa?.targetProbability.ifPositive).toBeGreaterThan(0.9);
    expect(ctpa?.targetProbability.ifNegative).toBeLessThan(0.15);
    expect(ctpa).toMatchObject({ invasiveness: 'minimally-invasive', cost: 'high' });
    // Only tests for the leading candidates are offered.
    expect(ranked.every((t) => t.targets.some((target) => target.probability > 0.1))).toBe(true);
  });

  it('gives no information when the differential is already certain', () => {
    const certain = posterior({ 'Atrial fibrillation': 1 - 1e-9 });
    const ecg = table.tests.find((t) => t.id === 'ecg-12-lead');
    if (!ecg) throw new Error('the table has no ECG');
    const scored = scoreTest(ecg, certain);
    expect(scored.expectedInformationBits).toBeLessThan(0.001);
    expect(scored.targetProbability.ifNegative).toBeLessThanOrEqual(1);
  });
});

describe('chartEvidence', () => {
  const fact = (id: string, kind: 'condition' | 'medication', display: string, active = true) => ({ id, kind, display, active });

  it('reads problems and medications in English and Chinese into DDXPlus antecedents', () => {
    const found = chartEvidence([
      fact('R2', 'condition', 'Diabetes mellitus type 2 (disorder)'),
      fact('R3', 'condition', '原发性高血压'),
      fact('R4', 'medication', 'Naproxen sodium 220 MG Oral Tablet'),
      fact('R5', 'condition', '慢性阻塞性肺疾病'),
    ]);
    expect(Object.fromEntries(found.map((f) => [f.code, f.factIds]))).toEqual({ E_69: ['R2'], E_104: ['R3'], E_10: ['R4'], E_123: ['R5'] });
  });

  it('ignores prediabetes, and resolved problems unless the question is "ever had"', () => {
    const found = chartEvidence([
      fact('R2', 'condition', 'Prediabetes'),
      fact('R3', 'condition', '糖尿病前期'),
      fact('R4', 'condition', 'Essential hypertension (disorder)', false),
      fact('R5', 'condition', 'Pneumonia (disorder)', false),
    ]);
    expect(found.map((f) => f.code)).toEqual(['E_118']);
  });

  it('maps only to evidence codes the DDXPlus model knows', () => {
    for (const mapping of loadChartEvidenceMap()) expect(model.byCode.has(mapping.evidence), mapping.evidence).toBe(true);
  });
});
