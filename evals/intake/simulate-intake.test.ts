import { describe, expect, it } from 'vitest';
import { runIntakeEvaluation } from './simulate-intake.js';

describe('runIntakeEvaluation', () => {
  // Measured on these 200 held-out patients (seed 20240607): ceiling top-3 1.000, planner top-3
  // 1.000 with ~5 questions, fixed-order top-1 ~0.94. Thresholds leave margin for retuning.
  const evaluation = runIntakeEvaluation({ limit: 200 });

  it('keeps interactive top-3 within 0.95 of the complete-history ceiling, with at most 20 questions on average', () => {
    expect(evaluation.patients).toBe(200);
    expect(evaluation.ceiling.top3).toBeGreaterThanOrEqual(0.97);
    expect(evaluation.interactive.top3).toBeGreaterThanOrEqual(0.95 * evaluation.ceiling.top3);
    expect(evaluation.interactive.meanQuestions).toBeLessThanOrEqual(20);
  });

  it('beats the fixed-order baseline on top-1 with fewer questions', () => {
    expect(evaluation.interactive.top1).toBeGreaterThan(evaluation.baseline.top1);
    expect(evaluation.interactive.meanQuestions).toBeLessThan(evaluation.baseline.meanQuestions);
  });
});

describe('runIntakeEvaluation with listing-only likelihoods', () => {
  // Measured on these 200 patients: ceiling top-3 ~1.0, planner top-3 ~0.96 with ~13 questions.
  const evaluation = runIntakeEvaluation({ limit: 200, likelihoods: 'listing-only' });

  it('keeps interactive top-3 within 0.90 of the ceiling when no condition has training patients', () => {
    expect(evaluation.ceiling.top3).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.interactive.top3).toBeGreaterThanOrEqual(0.9 * evaluation.ceiling.top3);
    expect(evaluation.interactive.meanQuestions).toBeLessThanOrEqual(20);
  });
});
