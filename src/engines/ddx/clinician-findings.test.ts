import { describe, expect, it } from 'vitest';
import { FindingError, findingAnswerLabel, findingsToCase, searchEvidence } from './clinician-findings.js';
import { loadDdxModel } from './load-ddx-model.js';
import { rankDifferential } from './rank-differential.js';

const model = loadDdxModel();

describe('searchEvidence', () => {
  it('finds a symptom by its Chinese or English question text', () => {
    expect(searchEvidence(model, '发热').map((e) => e.code)).toContain('E_91');
    expect(searchEvidence(model, 'Fever')[0]).toMatchObject({ code: 'E_91', type: 'B', values: [], defaultValue: null });
    expect(searchEvidence(model, 'chest pain rest').map((e) => e.code)).toEqual(['E_14']);
  });

  it('finds a value evidence by a value label, naming the values that matched', () => {
    const where = searchEvidence(model, 'lower chest').find((e) => e.code === 'E_55');
    expect(where?.matchedValues).toContain('V_29');
    expect(where?.type).toBe('M');
    expect(where?.parent).toBe('E_53');
  });

  it('puts an exact code first and lists everything for an empty query, up to the limit', () => {
    expect(searchEvidence(model, 'e_201')[0]?.code).toBe('E_201');
    expect(searchEvidence(model, '', { limit: 500 })).toHaveLength(model.evidences.length);
    expect(searchEvidence(model, 'zzzz-nothing')).toEqual([]);
  });
});

describe('findingsToCase', () => {
  it('reads yes/no and value findings into evidence atoms and denials', () => {
    expect(
      findingsToCase(model, [
        { code: 'E_91', present: true },
        { code: 'E_201', present: false },
        { code: 'E_55', values: ['V_29', 'V_123'] },
        { code: 'E_57', values: ['V_123'] },
      ]),
    ).toEqual({ evidence: ['E_91', 'E_55_@_V_29'], denied: ['E_201', 'E_57'] });
  });

  it('refuses unknown codes, the wrong answer kind, unknown values and a code entered twice', () => {
    expect(() => findingsToCase(model, [{ code: 'E_9999', present: true }])).toThrow(FindingError);
    expect(() => findingsToCase(model, [{ code: 'E_55', present: true }])).toThrow(/needs a value/);
    expect(() => findingsToCase(model, [{ code: 'E_91', values: ['V_1'] }])).toThrow(/yes\/no/);
    expect(() => findingsToCase(model, [{ code: 'E_55', values: ['V_x'] }])).toThrow(/no value 'V_x'/);
    expect(() => findingsToCase(model, [{ code: 'E_56', values: ['3', '4'] }])).toThrow(/one value/);
    expect(() =>
      findingsToCase(model, [
        { code: 'E_91', present: true },
        { code: 'E_91', present: false },
      ]),
    ).toThrow(/twice/);
  });

  it('labels answers in both languages', () => {
    expect(findingAnswerLabel(model, { code: 'E_91', present: false })).toEqual({ en: 'No', zh: '否' });
    expect(findingAnswerLabel(model, { code: 'E_55', values: ['V_29'] }).en).toBe('lower chest');
  });

  it('ranks a case built from clinician findings like one from intake answers', () => {
    const read = findingsToCase(model, [
      { code: 'E_53', present: true },
      { code: 'E_55', values: ['V_129'] },
      { code: 'E_91', present: true },
      { code: 'E_201', present: false },
    ]);
    expect(rankDifferential(model, { age: 4, sex: 'F', ...read }).differential[0]?.condition).toBe('Acute otitis media');
  });
});
