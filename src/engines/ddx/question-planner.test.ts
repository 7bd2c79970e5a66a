import { describe, expect, it } from 'vitest';
import { answerFromRecord } from './answer-from-record.js';
import { splitPatients } from './build-model.js';
import { loadDdxplusData, loadValidatePatients } from './ddxplus-data.js';
import { applyAnswer, createIntakeState } from './intake-state.js';
import { patientAnswers } from './likelihood-model.js';
import { loadDdxModel } from './load-ddx-model.js';
import { eligibleEvidence, planNextQuestion } from './question-planner.js';

const model = loadDdxModel();
const data = loadDdxplusData();

describe('planNextQuestion', () => {
  it('never asks a follow-up before its parent was answered yes', () => {
    const patients = splitPatients(loadValidatePatients(data)).heldOut.slice(0, 60);
    let followUps = 0;
    for (const patient of patients) {
      const record = patientAnswers(data, patient.evidence);
      const state = createIntakeState(model, patient);
      applyAnswer(model, state, answerFromRecord(model, record, patient.initialEvidence), false);
      for (;;) {
        const { question } = planNextQuestion(model, state, { stopProbability: 1.1, maxQuestions: 15 });
        if (!question) break;
        const parent = model.byCode.get(question.code)?.parent;
        if (parent) {
          followUps++;
          expect(state.present.has(parent)).toBe(true);
        }
        applyAnswer(model, state, answerFromRecord(model, record, question.code));
      }
    }
    expect(followUps).toBeGreaterThan(0);
  });

  it('makes pain follow-ups eligible only once pain is answered yes', () => {
    const state = createIntakeState(model, { age: 30, sex: 'F' });
    expect(eligibleEvidence(model, state).map((e) => e.code)).not.toContain('E_55');
    applyAnswer(model, state, { code: 'E_53', present: true });
    expect(eligibleEvidence(model, state).map((e) => e.code)).toContain('E_55');
  });

  it('offers value choices with both languages for a multi-choice question', () => {
    const state = createIntakeState(model, { age: 30, sex: 'F' });
    applyAnswer(model, state, { code: 'E_53', present: true }, false);
    applyAnswer(model, state, { code: 'E_97', present: true }, false);
    const { question } = planNextQuestion(model, state);
    expect(question).not.toBeNull();
    expect(question?.label.zh).toMatch(/[\u4e00-\u9fff]/);
    if (question?.type !== 'B') expect(question?.values[0]?.label.zh).toMatch(/\S/);
  });

  it('stops at the question budget', () => {
    const state = createIntakeState(model, { age: 30, sex: 'F' });
    for (const code of ['E_91', 'E_201', 'E_97']) applyAnswer(model, state, { code, present: false });
    expect(planNextQuestion(model, state, { maxQuestions: 3 })).toEqual({ question: null, stopReason: 'max-questions' });
  });

  it('stops once one condition is near-certain', () => {
    const state = createIntakeState(model, { age: 30, sex: 'F' });
    for (const code of ['E_203', 'E_166', 'E_40', 'E_112']) applyAnswer(model, state, { code, present: true });
    expect(planNextQuestion(model, state, { stopProbability: 0.9 }).stopReason).toBe('confident');
  });
});
