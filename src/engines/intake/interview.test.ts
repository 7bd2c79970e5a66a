import { describe, expect, it } from 'vitest';
import { loadDdxModel } from '../ddx/index.js';
import type { IntakeQuestion } from './intake-types.js';
import { answerQuestion, factsOf, type InterviewState, nextQuestion, progress, startInterview } from './interview.js';

const model = loadDdxModel();

/** Answers every question with a plain form answer; returns the questions seen, in order. */
function runInterview(start: InterviewState, pick: (q: IntakeQuestion) => unknown): { state: InterviewState; asked: IntakeQuestion[] } {
  let state = start;
  const asked: IntakeQuestion[] = [];
  for (let i = 0; i < 80; i++) {
    const next = nextQuestion(state, model);
    if ('done' in next) return { state, asked };
    asked.push(next.question);
    const result = answerQuestion(state, model, { questionId: next.question.id, value: pick(next.question) as string });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
    state = result.state;
  }
  throw new Error('interview did not finish');
}

const plainAnswers =
  (overrides: Record<string, unknown> = {}) =>
  (q: IntakeQuestion) => {
    if (q.id in overrides) return overrides[q.id];
    if (q.id === 'frame:temperature') return '38.5';
    switch (q.kind) {
      case 'yes-no':
        return false;
      case 'scale':
        return 5;
      case 'choice':
        return q.options?.[0]?.value;
      case 'multi':
        return [];
      case 'text':
        return 'n/a';
    }
  };

const sectionOrder = [
  'chief-complaint',
  'present-illness',
  'past-history',
  'medications',
  'allergies',
  'personal-social',
  'menstrual-obstetric',
  'family-history',
  'review-of-systems',
];

describe('a form interview', () => {
  it('asks in Chinese, chief complaint first, then the present illness, DDXPlus questions, and the frame in record order', () => {
    const { state, asked } = runInterview(
      startInterview({ age: 40, sex: 'M', language: 'zh', mode: 'form' }),
      plainAnswers({ 'frame:chief-complaint': 'E_201' }),
    );
    expect(asked[0]?.id).toBe('frame:chief-complaint');
    expect(asked[0]?.kind).toBe('choice');
    expect(asked[0]?.options?.length).toBeGreaterThanOrEqual(25);
    expect(asked[1]?.id).toBe('frame:onset');
    expect(asked.every((q) => /[\u4e00-\u9fff]/.test(q.text))).toBe(true);
    const frameSections = asked.filter((q) => q.id.startsWith('frame:')).map((q) => sectionOrder.indexOf(q.section));
    expect(frameSections).toEqual([...frameSections].sort((a, b) => a - b));
    const firstDdx = asked.findIndex((q) => q.id.startsWith('ddx:'));
    const relieving = asked.findIndex((q) => q.id === 'frame:relieving');
    const pastHistory = asked.findIndex((q) => q.id === 'frame:past-history');
    expect(firstDdx).toBeGreaterThan(relieving);
    expect(asked.findLastIndex((q) => q.id.startsWith('ddx:'))).toBeLessThan(pastHistory);
    expect(asked.filter((q) => q.id.startsWith('ddx:')).length).toBeLessThanOrEqual(15);
    expect(asked.some((q) => q.section === 'menstrual-obstetric')).toBe(false);
    expect(state.phase).toBe('done');
    expect(progress(state)).toEqual({ asked: state.answers.length, estimatedRemaining: 0 });
  });

  it('asks in English and asks pregnancy questions of a woman of 30, with weeks and bleeding only after a yes', () => {
    const { asked, state } = runInterview(
      startInterview({ age: 30, sex: 'F', language: 'en', mode: 'form' }),
      plainAnswers({ 'frame:chief-complaint': 'E_91', 'frame:pregnant': true, 'frame:weeks-pregnant': '20' }),
    );
    const ids = asked.map((q) => q.id);
    expect(asked.find((q) => q.id === 'frame:onset')?.text).toBe('How long have you had this problem?');
    expect(ids).toEqual(
      expect.arrayContaining(['frame:pregnant', 'frame:weeks-pregnant', 'frame:vaginal-bleeding', 'frame:last-menstrual-period']),
    );
    expect(ids.indexOf('frame:weeks-pregnant')).toBeGreaterThan(ids.indexOf('frame:pregnant'));
    const facts = factsOf(state);
    expect(facts.pregnant).toBe(true);
    expect(facts.answers['weeks-pregnant']).toBe(20);
    expect(facts.evidence).toEqual(expect.arrayContaining(['E_91', 'E_167']));
  });

  it('does not ask weeks of pregnancy after a no, nor pregnancy at all of a woman of 70 or a man', () => {
    const no = runInterview(
      startInterview({ age: 30, sex: 'F', language: 'en', mode: 'form' }),
      plainAnswers({ 'frame:chief-complaint': 'E_91' }),
    );
    expect(no.asked.map((q) => q.id)).not.toContain('frame:weeks-pregnant');
    const older = runInterview(
      startInterview({ age: 70, sex: 'F', language: 'en', mode: 'form' }),
      plainAnswers({ 'frame:chief-complaint': 'E_91' }),
    );
    expect(older.asked.some((q) => q.section === 'menstrual-obstetric')).toBe(false);
  });

  it('asks the pain follow-ups (where, what kind, how bad) in the present illness once pain is the complaint', () => {
    const { asked, state } = runInterview(
      startInterview({ age: 50, sex: 'M', language: 'en', mode: 'form' }),
      plainAnswers({ 'frame:chief-complaint': 'E_53', 'ddx:E_55': ['V_101'] }),
    );
    const ids = asked.map((q) => q.id);
    expect(ids.slice(0, 7)).toEqual([
      'frame:chief-complaint',
      'frame:onset',
      'ddx:E_56',
      'ddx:E_54',
      'ddx:E_55',
      'ddx:E_57',
      'frame:timing',
    ]);
    expect(asked.find((q) => q.id === 'ddx:E_56')).toMatchObject({ kind: 'scale', min: 0, max: 10 });
    // The chest-pain review question is answered by the pain location already.
    expect(ids).not.toContain('frame:chest-pain');
    expect(factsOf(state).answers['chest-pain']).toBe(true);
  });

  it('asks the safety questions (breathing, confusion, fainting, suicidal thoughts) unless DDXPlus already asked them', () => {
    const { asked, state } = runInterview(
      startInterview({ age: 25, sex: 'M', language: 'en', mode: 'form' }),
      plainAnswers({ 'frame:chief-complaint': 'E_181', 'frame:suicidal-thoughts': true }),
    );
    const ids = asked.map((q) => q.id);
    expect(ids).toContain('frame:suicidal-thoughts');
    expect(factsOf(state).answers['suicidal-thoughts']).toBe(true);
    for (const [id, code] of [
      ['breathing-difficulty', 'E_66'],
      ['confusion', 'E_39'],
      ['fainted', 'E_159'],
    ] as const) {
      expect(ids.includes(`frame:${id}`) !== ids.includes(`ddx:${code}`)).toBe(true);
      expect(typeof factsOf(state).answers[id]).toBe('boolean');
    }
  });

  it('offers a free-text chief complaint in model mode and keeps the text for the safety net', () => {
    const state = startInterview({ age: 60, sex: 'M', language: 'zh', mode: 'model' });
    const first = nextQuestion(state, model);
    expect('question' in first && first.question.kind).toBe('text');
    const result = answerQuestion(state, model, { questionId: 'frame:chief-complaint', text: '胸口压着疼两个小时' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(factsOf(result.state).texts).toEqual(['胸口压着疼两个小时']);
  });
});

describe('answerQuestion validation', () => {
  const state = startInterview({ age: 40, sex: 'M', language: 'en', mode: 'form' });
  const started = answerQuestion(state, model, { questionId: 'frame:chief-complaint', value: 'E_53' });
  if (!started.ok) throw new Error('setup failed');
  const cases: [string, Parameters<typeof answerQuestion>[2], string][] = [
    ['an unknown question id', { questionId: 'frame:nope', value: 'x' }, 'unknown-question'],
    ['an unknown DDXPlus code', { questionId: 'ddx:E_9999', value: true }, 'unknown-question'],
    ['a number for a yes/no question', { questionId: 'ddx:E_91', value: 3 }, 'wrong-kind'],
    ['a pain score of 11', { questionId: 'ddx:E_56', value: 11 }, 'out-of-range'],
    ['a severity of 4.5', { questionId: 'frame:severity', value: 4.5 }, 'out-of-range'],
    ['an option that does not exist', { questionId: 'frame:onset', value: 'years' }, 'invalid-option'],
    ['"none" ticked with another box', { questionId: 'frame:ros', value: ['none', 'fever'] }, 'invalid-option'],
    ['a temperature of 50 °C', { questionId: 'frame:temperature', value: '50' }, 'not-applicable'],
    ['a pregnancy question for a man', { questionId: 'frame:pregnant', value: false }, 'not-applicable'],
    ['a follow-up whose main question was not answered yes', { questionId: 'ddx:E_133', value: ['V_29'] }, 'not-applicable'],
    ['skipping the chief complaint', { questionId: 'frame:chief-complaint', skipped: true }, 'not-optional'],
  ];
  for (const [what, input, code] of cases) {
    it(`rejects ${what} with a '${code}' error instead of throwing`, () => {
      const result = answerQuestion(started.state, model, input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message.zh.length).toBeGreaterThan(0);
      }
    });
  }

  it('rejects an out-of-range temperature once fever makes the question apply', () => {
    const fever = answerQuestion(started.state, model, { questionId: 'frame:ros', value: ['fever'] });
    if (!fever.ok) throw new Error('setup failed');
    const result = answerQuestion(fever.state, model, { questionId: 'frame:temperature', value: '50' });
    expect(!result.ok && result.error.code).toBe('out-of-range');
    const good = answerQuestion(fever.state, model, { questionId: 'frame:temperature', value: '38,6' });
    expect(good.ok && good.recorded.value).toBe(38.6);
  });

  it('records the DDXPlus codes an answer implies, with a display in both languages', () => {
    const result = answerQuestion(started.state, model, { questionId: 'ddx:E_56', value: 7 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.recorded).toMatchObject({
      evidence: ['E_56_@_7'],
      denied: [],
      display: { en: '7/10', zh: '7分' },
      section: 'present-illness',
    });
    const smoking = answerQuestion(result.state, model, { questionId: 'frame:smoking', value: 'former' });
    expect(smoking.ok && smoking.recorded).toMatchObject({ evidence: ['E_191'], denied: ['E_79'], display: { zh: '以前吸，已戒烟' } });
  });

  it('replaces an earlier answer to the same question instead of adding a second one', () => {
    const once = answerQuestion(started.state, model, { questionId: 'frame:onset', value: 'days' });
    if (!once.ok) throw new Error('setup failed');
    const twice = answerQuestion(once.state, model, { questionId: 'frame:onset', value: 'weeks' });
    expect(twice.ok && twice.state.answers.filter((a) => a.questionId === 'frame:onset').map((a) => a.value)).toEqual(['weeks']);
  });

  it('never throws on a malformed input object', () => {
    expect(answerQuestion(started.state, model, null as never).ok).toBe(false);
  });
});

describe('interview speed', () => {
  it('answers and plans within a few milliseconds with 40 recorded answers (printed, not asserted tightly)', () => {
    let state = startInterview({ age: 45, sex: 'F', language: 'en', mode: 'form', maxDdxQuestions: 40 });
    const pick = plainAnswers({ 'frame:chief-complaint': 'E_53' });
    const timings: number[] = [];
    while (state.answers.length < 40) {
      const t0 = performance.now();
      const next = nextQuestion(state, model);
      if ('done' in next) break;
      const result = answerQuestion(state, model, { questionId: next.question.id, value: pick(next.question) as string });
      timings.push(performance.now() - t0);
      if (!result.ok) throw new Error(result.error.code);
      state = result.state;
    }
    // Measure at 40 recorded answers: the costliest replay.
    const at40: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const next = nextQuestion(state, model);
      if ('question' in next) answerQuestion(state, model, { questionId: next.question.id, skipped: true });
      at40.push(performance.now() - t0);
    }
    at40.sort((a, b) => a - b);
    const p99 = at40[Math.floor(at40.length * 0.99)] ?? 0;
    console.log(`intake next+answer with ${state.answers.length} answers: p50 ${at40[150]?.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
    expect(state.answers.length).toBe(40);
    expect(p99).toBeLessThan(200);
  });
});
