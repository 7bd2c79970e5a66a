import { describe, expect, it } from 'vitest';
import { CjkMatcher, describeChar, maxCost, SUBSTITUTION, substitutionCost } from './cjk-match.js';

const cost = (a: string, b: string) => substitutionCost(describeChar(a), describeChar(b));

describe('Chinese character substitution costs', () => {
  it('ranks same sound < near sound < rhyme < any other character < a letter or digit', () => {
    expect(cost('斯', '司')).toBe(SUBSTITUTION.homophone); // si / si
    expect(cost('瓜', '胍')).toBe(SUBSTITUTION.homophone); // gua / gua
    expect(cost('令', '林')).toBe(SUBSTITUTION.near); // ling / lin
    expect(cost('挫', '唑')).toBe(SUBSTITUTION.rhyme); // cuo / zuo
    expect(cost('癌', '素')).toBe(SUBSTITUTION.other);
    expect(cost('C', 'D')).toBe(SUBSTITUTION.identifier);
    expect(cost('素', 'D')).toBe(SUBSTITUTION.identifier);
    expect(cost('林', '林')).toBe(0);
  });

  it('counts every reading of a heteronym (颉 jie/xie matches 缬 xie)', () => {
    expect(cost('颉', '缬')).toBe(SUBSTITUTION.homophone);
  });

  it('scales the tolerance with the query length', () => {
    expect(maxCost(1)).toBeLessThan(0);
    expect(maxCost(2)).toBe(SUBSTITUTION.homophone);
    expect(maxCost(4)).toBeLessThan(SUBSTITUTION.other);
    expect(maxCost(5)).toBe(SUBSTITUTION.other);
    expect(maxCost(12)).toBe(2);
  });
});

describe('CjkMatcher', () => {
  const matcher = new CjkMatcher();
  const terms = Object.fromEntries(
    ['阿司匹林', '华法林', '血小板', '高敏肌钙蛋白I', '维生素D'].map((term) => [term, matcher.encode(term)]),
  );
  const distance = (query: string, term: string, within = false) =>
    matcher.distance(matcher.prepare(query), terms[term] as Int32Array, maxCost([...query].length), within);

  it('matches whole names with weighted substitutions, insertions and deletions', () => {
    expect(distance('阿斯匹林', '阿司匹林')).toBe(SUBSTITUTION.homophone);
    expect(distance('华法令', '华法林')).toBe(SUBSTITUTION.near);
    expect(distance('阿匹林', '阿司匹林')).toBeGreaterThan(maxCost(3));
  });

  it('matches a longer query inside a longer name only when asked to', () => {
    expect(distance('肌钙旦白', '高敏肌钙蛋白I', true)).toBe(SUBSTITUTION.homophone);
    expect(distance('肌钙旦白', '高敏肌钙蛋白I', false)).toBeGreaterThan(maxCost(4));
  });

  it('never turns one vitamin into another', () => {
    expect(distance('维生素C', '维生素D', true)).toBeGreaterThan(maxCost(4));
  });
});
