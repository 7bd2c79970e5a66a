import { describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../knowledge/index.js';
import { loadTreatmentCatalogue, matchDiagnosis } from './treatment-catalogue.js';

const catalogue = loadTreatmentCatalogue();

describe('the treatment catalogue', () => {
  it('has 12 diagnoses with 2–5 cited, bilingual options each, and every drug id in the knowledge base', () => {
    expect(catalogue).toHaveLength(12);
    const drugIds = new Set(getKnowledgeBase().drugs.map((drug) => drug.id));
    for (const diagnosis of catalogue) {
      expect(diagnosis.options.length, diagnosis.id).toBeGreaterThanOrEqual(2);
      expect(diagnosis.evidenceSystem.en.length, diagnosis.id).toBeGreaterThan(20);
      for (const option of diagnosis.options) {
        for (const id of option.drugIds) expect(drugIds.has(id), `${diagnosis.id}/${option.id}: ${id}`).toBe(true);
        expect(option.source.title.length).toBeGreaterThan(20);
        for (const text of [option.name, option.mechanism, option.benefit, option.risks]) expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('Chinese guidelines beside the US ones (issue 23 item 2)', () => {
  it.each([
    ['hypertension', /高血压/],
    ['type-2-diabetes', /2型糖尿病防治指南/],
  ])('%s cites a Chinese guideline, with its key recommendation in both languages', (id, title) => {
    const diagnosis = catalogue.find((d) => d.id === id);
    const guidelines = diagnosis?.chineseGuidelines ?? [];
    expect(guidelines.length).toBeGreaterThan(0);
    expect(guidelines.some((g) => title.test(g.source.title))).toBe(true);
    for (const guideline of guidelines) {
      expect(guideline.source.title).toMatch(/[\u4e00-\u9fff]/);
      expect(guideline.source.title).toMatch(/20\d\d/);
      expect(guideline.recommendation.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(guideline.recommendation.en).toMatch(/[a-z]{3}/);
    }
  });
});

describe('matchDiagnosis', () => {
  it.each([
    ['atrial fibrillation', 'atrial-fibrillation'],
    ['房颤', 'atrial-fibrillation'],
    ['I48.91', 'atrial-fibrillation'],
    ['Essential hypertension (disorder)', 'hypertension'],
    ['原发性高血压', 'hypertension'],
    ['Diabetes mellitus type 2 (disorder)', 'type-2-diabetes'],
    ['２型糖尿病', 'type-2-diabetes'],
    ['e11.9', 'type-2-diabetes'],
    ['gout-flare', 'gout-flare'],
    ['急性痛风', 'gout-flare'],
    ['Hyperlipidemia', 'hyperlipidaemia'],
    ['Recurrent urinary tract infection', 'uncomplicated-uti-women'],
    ['Chronic obstructive pulmonary disease', 'copd'],
    ['胃食管反流病', 'gerd'],
  ])('matches %s to %s', (text, id) => {
    expect(matchDiagnosis(text, catalogue)?.id).toBe(id);
  });

  it.each([
    'Prediabetes',
    '糖尿病前期',
    'Diabetes mellitus type 1',
    'pulmonary hypertension',
    'acute pyelonephritis',
    'Z99.9',
    'broken leg',
    '',
  ])('matches nothing for %s', (text) => {
    expect(matchDiagnosis(text, catalogue)).toBeUndefined();
  });
});
