import { describe, expect, it } from 'vitest';
import { loadDdxplusData } from './ddxplus-data.js';
import { loadConditionsZh, loadDdxModel, loadQuestionsZh } from './load-ddx-model.js';

const data = loadDdxplusData();
const han = /[\u4e00-\u9fff]/;

describe('Chinese texts', () => {
  it('has a Chinese question for every one of the 223 evidences', () => {
    const zh = loadQuestionsZh();
    for (const code of Object.keys(data.evidences)) expect(zh.evidences[code], code).toMatch(han);
  });

  it('has a Chinese meaning for every multi-choice and categorical value', () => {
    const zh = loadQuestionsZh();
    const values = Object.values(data.evidences).flatMap((e) => Object.keys(e.value_meaning));
    for (const v of values) expect(zh.values[v], v).toMatch(han);
  });

  it('has a Chinese name for every one of the 49 conditions', () => {
    const zh = loadConditionsZh();
    for (const name of Object.keys(data.conditions)) expect(zh[name], name).toMatch(han);
  });
});

describe('loadDdxModel', () => {
  it('compiles log-likelihoods that match the stored probabilities', () => {
    const model = loadDdxModel();
    const fever = model.byCode.get('E_91');
    expect(fever?.label).toEqual({ en: expect.stringMatching(/fever/), zh: expect.stringMatching(/发热/) });
    expect(Math.exp(fever?.logYes[0]?.[0] ?? 0)).toBeCloseTo(fever?.p[0]?.[0] ?? -1, 9);
  });
});
