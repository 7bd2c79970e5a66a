import { describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../knowledge/index.js';
import { MedicationIndex } from '../medication/index.js';
import { createFactExtractor } from './clinical-facts.js';
import { countFacts, factScore } from './fact-score.js';
import { rouge } from './rouge.js';

describe('rouge', () => {
  it('scores identical text 1 and disjoint text 0', () => {
    expect(rouge('The cat sat on the mat.', 'the cat sat on the mat')).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(rouge('alpha beta', 'gamma delta')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
    expect(rouge('', 'gamma delta')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it('matches hand-computed unigram, bigram and LCS F1', () => {
    // candidate: the cat sat (3) / reference: the cat was on the mat (6)
    const scores = rouge('the cat sat', 'the cat was on the mat');
    expect(scores.rouge1).toBeCloseTo((2 * (2 / 3) * (2 / 6)) / (2 / 3 + 2 / 6), 10);
    expect(scores.rouge2).toBeCloseTo((2 * (1 / 2) * (1 / 5)) / (1 / 2 + 1 / 5), 10);
    expect(scores.rougeL).toBeCloseTo(scores.rouge1, 10);
  });

  it('tokenises Chinese by character', () => {
    const scores = rouge('头痛三天', '头痛两天');
    expect(scores.rouge1).toBeCloseTo(0.75, 10);
    expect(scores.rouge2).toBeCloseTo(1 / 3, 10);
  });
});

describe('fact score', () => {
  it('counts matched facts per kind and micro-averages across notes', () => {
    const extract = createFactExtractor(new MedicationIndex(getKnowledgeBase()));
    const one = countFacts(
      'Hypertension on lisinopril. BP 140/90.',
      'Hypertension treated with lisinopril and aspirin. Blood pressure 140/90.',
      extract,
    );
    expect(one.medication).toEqual({ matched: 1, generated: 1, reference: 2 });
    expect(one.problem).toEqual({ matched: 1, generated: 1, reference: 1 });
    expect(one.vital).toEqual({ matched: 1, generated: 1, reference: 1 });
    const two = countFacts('Penicillin allergy. Cough.', 'No known allergies. Cough and fever.', extract);
    expect(two.allergy).toEqual({ matched: 0, generated: 1, reference: 1 });
    const total = factScore([one.all, two.all]);
    expect(total).toMatchObject({ matched: 4, generated: 5, reference: 7 });
    expect(total.precision).toBeCloseTo(0.8, 10);
    expect(total.recall).toBeCloseTo(4 / 7, 10);
    expect(factScore([])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
