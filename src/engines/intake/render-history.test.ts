import { describe, expect, it } from 'vitest';
import { loadDdxModel, rankDifferential } from '../ddx/index.js';
import { answerQuestion, factsOf, type InterviewState, startInterview } from './interview.js';
import { findingOf, renderHistory } from './render-history.js';

const model = loadDdxModel();

function interview(language: 'zh' | 'en'): InterviewState {
  let state = startInterview({ age: 34, sex: 'F', language, mode: 'form' });
  const answers: [string, unknown][] = [
    ['frame:chief-complaint', 'E_201'],
    ['frame:onset', 'days'],
    ['frame:timing', 'constant'],
    ['ddx:E_91', true],
    ['ddx:E_77', true],
    ['ddx:E_66', false],
    ['frame:past-history', ['hypertension']],
    ['frame:medications', '氨氯地平 5 mg qd'],
    ['frame:drug-allergy', true],
    ['frame:allergies', '青霉素，皮疹'],
    ['frame:smoking', 'current'],
    ['frame:pregnant', false],
    ['frame:last-menstrual-period', '2 weeks ago'],
    ['frame:family-history', ['none']],
    ['frame:chest-pain', false],
  ];
  for (const [questionId, value] of answers) {
    const result = answerQuestion(state, model, { questionId, value: value as string });
    if (!result.ok) throw new Error(`${questionId}: ${result.error.code}`);
    state = result.state;
  }
  return state;
}

function differentialOf(state: InterviewState) {
  const facts = factsOf(state);
  return rankDifferential(model, { age: state.age, sex: state.sex, evidence: facts.evidence, denied: facts.denied }).differential;
}

const triage = { level: 'soon' as const, reason: { en: 'Fever with cough', zh: '发热伴咳嗽' }, source: { title: 'Test triage rule' } };

describe('renderHistory', () => {
  it('lays out the Chinese record after 《病历书写基本规范》 with a draft header', () => {
    const state = interview('zh');
    const { sections, markdown } = renderHistory(state, { differential: differentialOf(state), triage, language: 'zh' });
    expect(sections.map((s) => s.title.zh)).toEqual([
      '主诉',
      '现病史',
      '既往史',
      '个人史',
      '婚育史/月经史',
      '家族史',
      '过敏史',
      '分诊',
      '鉴别诊断（辅助决策参考）',
    ]);
    const text = Object.fromEntries(sections.map((s) => [s.key, s.text]));
    expect(text['chief-complaint']).toBe('咳嗽数天');
    expect(text['present-illness']).toContain('患者数天前出现咳嗽');
    expect(text['present-illness']).toContain('伴发热');
    expect(text['present-illness']).toMatch(/无.*气短/);
    expect(text['past-history']).toContain('高血压');
    expect(text['past-history']).toContain('氨氯地平');
    expect(text.allergies).toContain('青霉素');
    expect(text['personal-social']).toContain('目前吸烟');
    expect(text.triage).toContain('发热伴咳嗽');
    expect(text.differential).toMatch(/^1\. .+模型概率/);
    expect(text.differential).toContain('建议进一步检查');
    expect(markdown.startsWith('> 【草稿】')).toBe(true);
    expect(markdown).toContain('不构成诊断');
    expect(markdown).toContain('## 现病史');
  });

  it('renders an English H&P with the sections a clinician expects', () => {
    const state = interview('en');
    const { sections, markdown } = renderHistory(state, { differential: differentialOf(state), triage, language: 'en' });
    expect(sections.map((s) => s.title.en)).toEqual([
      'Chief complaint',
      'History of present illness',
      'Past medical history',
      'Medications',
      'Allergies',
      'Social history',
      'Menstrual and obstetric history',
      'Family history',
      'Review of systems',
      'Triage',
      'Differential (decision support)',
    ]);
    expect(sections[0]?.text).toBe('Cough for days.');
    expect(sections.find((s) => s.key === 'review-of-systems')?.text).toContain('chest pain or tightness: No');
    expect(markdown).toContain('Not a diagnosis');
    expect(markdown).toContain('## Differential (decision support)');
  });

  it('leaves the menstrual section out for a man and says when nothing was given', () => {
    const state = startInterview({ age: 40, sex: 'M', language: 'en', mode: 'form' });
    const { sections } = renderHistory(state, { language: 'en' });
    expect(sections.some((s) => s.key === 'menstrual-obstetric')).toBe(false);
    expect(sections.find((s) => s.key === 'medications')?.text).toBe('Not provided.');
    expect(sections.find((s) => s.key === 'triage')?.text).toBe('Not assessed.');
  });

  it('turns a DDXPlus question into a short Chinese finding', () => {
    expect(findingOf({ en: 'Do you have a cough?', zh: '您有咳嗽吗？' }, 'zh')).toBe('咳嗽');
    expect(findingOf({ en: 'Do you have a cough?', zh: '您有咳嗽吗？' }, 'en')).toBe('"Do you have a cough?"');
  });
});
