import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getKnowledgeBase, loadKnowledgeVocabulary } from '../../knowledge/index.js';
import { listScores } from '../scores/index.js';
import { KnowledgeSearch, knowledgeDocuments } from './knowledge-search.js';
import { evaluateSearch, parseSearchEvalSet } from './search-eval.js';

const ZH_TYPOS = new URL('../../../data/search-eval/zh-typos.jsonl', import.meta.url);

/** The same documents as the server's index (`createKnowledgeEngines().search`), built once. */
let shared: KnowledgeSearch | undefined;
function buildSearch(): KnowledgeSearch {
  if (shared) return shared;
  const kb = getKnowledgeBase();
  const scores = listScores().map((score) => ({
    kind: 'score' as const,
    id: score.id,
    label: score.names,
    terms: [score.id, score.names.en, score.names.zh, ...score.aliases],
  }));
  shared = new KnowledgeSearch([...knowledgeDocuments(kb, loadKnowledgeVocabulary(kb.version)), ...scores]);
  return shared;
}

describe('knowledge search: Chinese typos, homophones and abbreviations', () => {
  let search: KnowledgeSearch;
  beforeAll(() => {
    search = buildSearch();
  });

  it.each([
    ['阿斯匹林', 'aspirin'],
    ['华法令', 'warfarin'],
    ['二甲双瓜', 'metformin'],
    ['心梗', 'possible-nstemi-stemi'],
  ])('finds %s (issue 23 item 8) as its first hit', (query, id) => {
    expect(search.search(query)[0]?.id).toBe(id);
  });

  it('names the correct spelling it matched, and the full name behind an abbreviation', () => {
    expect(search.search('阿斯匹林')[0]).toMatchObject({ id: 'aspirin', matched: '阿司匹林', match: 'fuzzy' });
    expect(search.search('心梗')[0]?.matched).toContain('心肌梗死');
  });

  it('reports a hit through an abbreviation as an alias, with what it stands for (心梗 = 心肌梗死)', () => {
    expect(search.search('心梗')[0]).toMatchObject({ match: 'alias', alias: { short: '心梗', full: '心肌梗死' } });
    expect(search.search('房颤')[0]).toMatchObject({ id: 'atrial-fibrillation', match: 'alias', alias: { full: '心房颤动' } });
    expect(search.search('阿司匹林')[0]?.alias).toBeUndefined();
  });

  it('matches a short Chinese query on words of a longer name, not on a fragment straddling two', () => {
    // 痛风 (gout) sat across 胸痛|风险 in the HEART score's 胸痛风险评分; 毒血症 across 病毒|血症.
    expect(search.search('痛风')).toEqual([]);
    expect(search.search('毒血症')).toEqual([]);
    // 中风 (stroke) straddled 卒中|风险 too; it now reaches the stroke-risk score as the common name of 卒中.
    expect(search.search('中风')[0]).toMatchObject({ id: 'cha2ds2-vasc', match: 'alias', alias: { short: '中风', full: '卒中' } });
    // Words inside a longer name still match, and so does the head of a compound.
    expect(search.search('头痛')[0]).toMatchObject({ id: 'cluster-headache', match: 'contains' });
    expect(search.search('感冒')[0]).toMatchObject({ id: 'influenza', match: 'contains' });
    expect(search.search('呼吸道感染')[0]?.id).toBe('urti');
    expect(search.search('肌钙蛋白').length).toBeGreaterThan(0);
  });

  it('reaches hit@1 ≥ 0.9 and hit@5 = 1 on the written-first set, and the look-alikes find nothing', () => {
    const cases = parseSearchEvalSet(readFileSync(ZH_TYPOS, 'utf8'));
    expect(cases.filter((entry) => entry.expect.length > 0).length).toBeGreaterThanOrEqual(34);
    const result = evaluateSearch(search, cases);
    expect(result.misses).toEqual([]);
    expect(result.wrongNegatives).toEqual([]);
    expect(result.hitAt1 / result.positives).toBeGreaterThanOrEqual(0.9);
  });

  it('does not turn short everyday words or other vitamins into a drug or a lab', () => {
    // Written after the change, against its weak spots: a wrong last character in a four-character
    // disease name (甲状腺癌 is not 甲状腺素), a vitamin letter, common conditions the KB lacks.
    for (const query of [
      '学校',
      '心情',
      '维生素C',
      '维生素E',
      '维生素K',
      '华',
      '药',
      '甲状腺癌',
      '乳腺癌',
      '高血压',
      '糖尿病',
      '带状疱疹',
    ]) {
      expect(
        search.search(query, { kinds: ['drug', 'lab', 'condition'] }).filter((hit) => hit.match === 'fuzzy'),
        query,
      ).toEqual([]);
    }
  });

  it('finds a drug typed with its dosage form, even misspelt (布洛芬缓释胶囊, 二甲双瓜片)', () => {
    expect(search.search('布洛芬缓释胶囊')[0]).toMatchObject({ id: 'ibuprofen', matched: '布洛芬' });
    expect(search.search('二甲双瓜片')[0]?.id).toBe('metformin');
    expect(search.search('硝苯地平控释片')[0]?.id).toBe('nifedipine');
    expect(search.search('学校片')).toEqual([]);
  });

  it('keeps exact and prefix matches above fuzzy ones', () => {
    expect(search.search('阿司匹林')[0]).toMatchObject({ id: 'aspirin', match: 'exact' });
    expect(search.search('布洛芬')[0]).toMatchObject({ id: 'ibuprofen', match: 'exact' });
  });
});

describe('knowledge search: English typo tolerance (must not regress)', () => {
  let search: KnowledgeSearch;
  beforeAll(() => {
    search = buildSearch();
  });

  it.each([
    ['metfromin', 'metformin'],
    ['warfarn', 'warfarin'],
    ['amoxicilin', 'amoxicillin'],
    ['ibuprofin', 'ibuprofen'],
    ['atorvastatine', 'atorvastatin'],
    ['Lipitor', 'atorvastatin'],
    ['B01AA03', 'warfarin'],
  ])('finds %s as %s', (query, id) => {
    expect(search.search(query, { kinds: ['drug'] })[0]?.id).toBe(id);
  });

  it('finds nothing for gibberish', () => {
    expect(search.search('qqqzzzxxy')).toEqual([]);
  });
});
