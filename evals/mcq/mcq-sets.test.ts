import { describe, expect, it } from 'vitest';
import { loadMcqSet, MCQ_SET_NAMES, normalizeMcqRow } from './mcq-sets.js';

describe('MCQ sets', () => {
  it('loads every shipped set with an answer among each question’s options', () => {
    for (const name of MCQ_SET_NAMES) {
      const questions = loadMcqSet(name);
      expect(questions.length).toBeGreaterThanOrEqual(100);
      for (const q of questions) expect(q.options[q.answer]).toBeTruthy();
    }
    expect(loadMcqSet('china')[0]?.language).toBe('zh');
  });

  it('normalises letters to upper case and rejects an answer outside the choices', () => {
    const row = { problem_id: 7, problem_text: ' Q? ', choices: ['x', 'y', 'z'], answer: ['c'] };
    expect(normalizeMcqRow(row, 'usmle', 'en')).toEqual({
      id: 'usmle-7',
      set: 'usmle',
      language: 'en',
      question: 'Q?',
      options: { A: 'x', B: 'y', C: 'z' },
      answer: 'C',
    });
    expect(() => normalizeMcqRow({ ...row, answer: ['d'] }, 'usmle', 'en')).toThrow(/not one of/);
  });
});
