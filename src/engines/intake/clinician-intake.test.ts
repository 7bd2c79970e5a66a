/**
 * Issue 23 item 6: an intake a clinician would accept — a short grouped pain map instead of the
 * 165-item DDXPlus checklist, plain pain words, curated chief complaints, no pain question after
 * pain was described, and Chinese questions and history a Chinese doctor would write.
 */
import { describe, expect, it } from 'vitest';
import { loadDdxModel } from '../ddx/index.js';
import { ddxQuestion, readDdxAnswer } from './ddx-question.js';
import type { IntakeQuestion } from './intake-types.js';
import { answerQuestion, factsOf, type InterviewState, nextQuestion, startInterview } from './interview.js';
import { renderHistory, typedDuration } from './render-history.js';

const model = loadDdxModel();
const LOCATION_CODES = ['E_55', 'E_57', 'E_133', 'E_152'];
/** DDXPlus leftovers seen on the phone: French, mistranslated, or literal translations. */
const LEFTOVERS =
  /palace|ischio|jambier|heartbreaking|haunting|tedious|knife stroke|sensitive|scary|nauseating|exhausting|a cramp|tugging/i;

describe('where is the pain: a short grouped list instead of 165 DDXPlus boxes', () => {
  for (const code of LOCATION_CODES) {
    it(`${code} offers a few body regions with a few areas each, in both languages`, () => {
      for (const language of ['en', 'zh'] as const) {
        const q = ddxQuestion(model, code, language, { sex: 'F' });
        expect(q?.kind).toBe('multi');
        const options = q?.options ?? [];
        expect(options.length).toBeLessThanOrEqual(50);
        const groups = new Set(options.map((o) => o.group));
        expect(groups.size).toBeGreaterThanOrEqual(8);
        expect(groups.size).toBeLessThanOrEqual(12);
        for (const o of options) {
          expect(o.group, o.value).toBeTruthy();
          expect(o.label).not.toMatch(LEFTOVERS);
          if (language === 'zh') expect(o.label, o.value).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    });
  }

  it('maps every DDXPlus location value onto some area, so no evidence is lost', () => {
    const ev = model.byCode.get('E_55');
    if (!ev) throw new Error('E_55 missing');
    const reached = new Set<string>();
    for (const sex of ['M', 'F'] as const) {
      for (const o of ddxQuestion(model, 'E_55', 'en', { sex })?.options ?? []) {
        const read = readDdxAnswer(ev, [o.value]);
        if (!read.ok) throw new Error(read.error.code);
        for (const atom of read.reading.evidence) reached.add(atom.split('_@_')[1] ?? '');
      }
    }
    const missing = ev.values.filter((v) => v !== ev.defaultValue && !reached.has(v));
    expect(missing).toEqual([]);
  });

  it('reads a ticked area into its DDXPlus values, and still accepts raw DDXPlus values', () => {
    const ev = model.byCode.get('E_55');
    if (!ev) throw new Error('E_55 missing');
    const chest = readDdxAnswer(ev, ['chest-left']);
    expect(chest.ok && chest.reading.evidence).toEqual(expect.arrayContaining(['E_55_@_V_56', 'E_55_@_V_160']));
    expect(chest.ok && chest.reading.display.zh).toBe('左侧胸部');
    const raw = readDdxAnswer(ev, ['V_101']);
    expect(raw.ok && raw.reading.evidence).toEqual(['E_55_@_V_101']);
    const bad = readDdxAnswer(ev, ['elbow-of-the-moon']);
    expect(bad.ok).toBe(false);
  });

  it('shows genital areas only for the patient’s sex', () => {
    const male = (ddxQuestion(model, 'E_55', 'en', { sex: 'M' })?.options ?? []).map((o) => o.value);
    const female = (ddxQuestion(model, 'E_55', 'en', { sex: 'F' })?.options ?? []).map((o) => o.value);
    expect(male).toContain('testicles');
    expect(male).not.toContain('vulva-vagina');
    expect(female).toContain('vulva-vagina');
    expect(female).not.toContain('testicles');
  });
});

describe('pain words a patient and a doctor would use', () => {
  it('no DDXPlus value label anywhere (differential findings included) keeps a dataset leftover', () => {
    for (const ev of model.evidences)
      for (const label of ev.valueLabels)
        expect(label.en, ev.code).not.toMatch(/palace|ischio|jambier|heartbreaking|haunting|tedious|knife stroke|Caraibes/);
  });

  it('offers plain clinical pain descriptors in English and natural Chinese', () => {
    const en = (ddxQuestion(model, 'E_54', 'en')?.options ?? []).map((o) => o.label);
    const zh = (ddxQuestion(model, 'E_54', 'zh')?.options ?? []).map((o) => o.label);
    for (const label of en) expect(label).not.toMatch(LEFTOVERS);
    expect(en).toEqual(
      expect.arrayContaining(['Sharp', 'Stabbing, like a knife', 'Burning', 'Cramping', 'Pressing, heavy or tight', 'Throbbing']),
    );
    const all = zh.join('、');
    for (const word of ['刺痛', '烧灼', '绞痛', '压榨样', '紧缩', '搏动性', '钝痛']) expect(all).toContain(word);
  });
});

/** Answers the interview from a script; anything not in the script: no / skipped. */
function run(state: InterviewState, script: Record<string, unknown>): { state: InterviewState; asked: IntakeQuestion[] } {
  const asked: IntakeQuestion[] = [];
  for (let i = 0; i < 80; i++) {
    const next = nextQuestion(state, model);
    if ('done' in next) return { state, asked };
    asked.push(next.question);
    const q = next.question;
    const scripted = script[q.id];
    const input =
      scripted !== undefined
        ? typeof scripted === 'object' && scripted !== null && !Array.isArray(scripted)
          ? { questionId: q.id, ...scripted }
          : { questionId: q.id, value: scripted as string }
        : q.kind === 'yes-no'
          ? { questionId: q.id, value: false }
          : { questionId: q.id, skipped: true };
    const result = answerQuestion(state, model, input);
    if (!result.ok) throw new Error(`${q.id}: ${result.error.code}`);
    state = result.state;
  }
  throw new Error('interview did not finish');
}

describe('curated chief complaints', () => {
  it('lists the complaints a clinic sees, in both languages, with the DDXPlus evidence each implies', () => {
    const en = nextQuestion(startInterview({ age: 50, sex: 'M', language: 'en', mode: 'form' }), model);
    const zh = nextQuestion(startInterview({ age: 50, sex: 'M', language: 'zh', mode: 'form' }), model);
    if (!('question' in en) || !('question' in zh)) throw new Error('no first question');
    const main = (q: IntakeQuestion) => (q.options ?? []).filter((o) => !o.group).map((o) => o.label);
    expect(main(en.question)).toEqual(
      expect.arrayContaining([
        'Chest pain',
        'Shortness of breath',
        'Abdominal (belly) pain',
        'Headache',
        'Fever',
        'Cough',
        'Dizziness',
        'Palpitations (racing or irregular heartbeat)',
        'Back pain',
        'Sore throat',
        'Rash or skin problem',
        'Nausea or vomiting',
        'Diarrhoea',
        'Urinary problems (pain, burning, passing urine often)',
      ]),
    );
    expect(main(zh.question)).toEqual(
      expect.arrayContaining(['胸痛', '呼吸困难（气短、喘不上气）', '腹痛', '头痛', '发热', '咳嗽', '头晕']),
    );
    expect(main(en.question).length).toBeLessThanOrEqual(20);
    const start = startInterview({ age: 50, sex: 'M', language: 'en', mode: 'form' });
    const picked = answerQuestion(start, model, { questionId: 'frame:chief-complaint', value: 'chest-pain' });
    expect(picked.ok && picked.recorded.evidence).toEqual(['E_53']);
    expect(picked.ok && factsOf(picked.state).answers['chest-pain']).toBe(true);
  });

  it('after chest pain is chosen, never asks whether there is pain, and asks where in the chest first', () => {
    for (const language of ['en', 'zh'] as const) {
      const { asked } = run(startInterview({ age: 58, sex: 'M', language, mode: 'form' }), { 'frame:chief-complaint': 'chest-pain' });
      const ids = asked.map((q) => q.id);
      expect(ids).not.toContain('ddx:E_53');
      expect(ids).not.toContain('frame:chest-pain');
      const where = asked.find((q) => q.id === 'ddx:E_55');
      expect(where?.openGroups).toEqual(['chest']);
    }
  });

  it('reads pain and its site from a typed complaint, so pain is not asked again', () => {
    const start = startInterview({ age: 58, sex: 'M', language: 'zh', mode: 'form' });
    const { asked, state } = run(start, {
      'frame:chief-complaint': { value: 'other', text: '胸口压榨样疼痛1小时，向左臂放射，伴大汗' },
    });
    const ids = asked.map((q) => q.id);
    expect(ids).not.toContain('ddx:E_53');
    expect(factsOf(state).evidence).toContain('E_53');
    expect(asked.find((q) => q.id === 'ddx:E_55')?.openGroups).toEqual(['chest']);
  });
});

/** Records these answers in order (as a patient would give them), whatever the planner would ask. */
function answerAll(state: InterviewState, answers: [string, unknown][]): InterviewState {
  for (const [questionId, value] of answers) {
    const input =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { questionId, ...value }
        : { questionId, value: value as string };
    const result = answerQuestion(state, model, input);
    if (!result.ok) throw new Error(`${questionId}: ${result.error.code}`);
    state = result.state;
  }
  return state;
}

describe('the Chinese history reads as a Chinese doctor writes it', () => {
  it('chest pain: 患者…出现胸痛，呈压榨样，向左上肢放射，伴大汗', () => {
    const state = answerAll(startInterview({ age: 58, sex: 'M', language: 'zh', mode: 'form' }), [
      ['frame:chief-complaint', 'chest-pain'],
      ['frame:onset', 'hours'],
      ['ddx:E_56', 8],
      ['ddx:E_54', ['V_183']],
      ['ddx:E_55', ['chest-centre-upper']],
      ['ddx:E_57', ['arm-left']],
      ['ddx:E_59', 9],
      ['frame:timing', 'constant'],
      ['ddx:E_50', true],
      ['ddx:E_66', true],
      ['ddx:E_91', false],
      ['ddx:E_201', false],
    ]);
    const { sections } = renderHistory(state, { language: 'zh' });
    const text = Object.fromEntries(sections.map((s) => [s.key, s.text]));
    expect(text['chief-complaint']).toBe('胸痛数小时');
    expect(text['present-illness']).toMatch(
      /^患者数小时前出现胸痛，位于胸口正中偏上，呈压榨样\/紧缩感，向左上肢放射，疼痛程度8\/10分，起病急，呈持续性。/,
    );
    expect(text['present-illness']).toMatch(/伴(.*、)?大汗/);
    expect(text['present-illness']).toMatch(/伴.*气短/);
    expect(text['present-illness']).toMatch(/无.*发热/);
    expect(text['present-illness']).not.toMatch(/您|吗|？|：是/);
  });

  it('cough: 患者数天前出现咳嗽，伴发热、咳脓痰；无气短', () => {
    const state = answerAll(startInterview({ age: 34, sex: 'F', language: 'zh', mode: 'form' }), [
      ['frame:chief-complaint', 'E_201'],
      ['frame:onset', 'days'],
      ['frame:timing', 'constant'],
      ['ddx:E_91', true],
      ['ddx:E_77', true],
      ['ddx:E_66', false],
    ]);
    const { sections } = renderHistory(state, { language: 'zh' });
    const hpi = sections.find((s) => s.key === 'present-illness')?.text ?? '';
    expect(hpi.startsWith('患者数天前出现咳嗽，呈持续性。')).toBe(true);
    expect(hpi).toMatch(/伴(.*、)?发热/);
    expect(hpi).toMatch(/伴.*咳痰/);
    expect(hpi).toMatch(/无(.*、)?气短/);
    expect(hpi).not.toMatch(/您|吗|？/);
  });

  it('abdominal pain: 患者数天前出现腹痛，位于右下腹，呈绞痛…伴恶心；无腹泻', () => {
    const state = answerAll(startInterview({ age: 24, sex: 'F', language: 'zh', mode: 'form' }), [
      ['frame:chief-complaint', 'abdominal-pain'],
      ['frame:onset', 'days'],
      ['ddx:E_56', 6],
      ['ddx:E_54', ['V_182']],
      ['ddx:E_55', ['abdomen-lower-right']],
      ['ddx:E_57', []],
      ['frame:timing', 'comes-and-goes'],
      ['ddx:E_148', true],
      ['ddx:E_51', false],
    ]);
    const { sections } = renderHistory(state, { language: 'zh' });
    const text = Object.fromEntries(sections.map((s) => [s.key, s.text]));
    expect(text['chief-complaint']).toBe('腹痛数天');
    expect(text['present-illness']).toBe('患者数天前出现腹痛，位于右下腹，呈绞痛，无放射，疼痛程度6/10分，呈间歇性发作。伴恶心。无腹泻。');
  });

  it('a typed complaint: 主诉 is symptom + the duration the patient wrote, the HPI quotes the words once', () => {
    const state = answerAll(startInterview({ age: 58, sex: 'M', language: 'zh', mode: 'form' }), [
      ['frame:chief-complaint', { value: 'other', text: '胸口压榨样疼痛1小时，向左臂放射，伴大汗' }],
    ]);
    const { sections } = renderHistory(state, { language: 'zh' });
    const text = Object.fromEntries(sections.map((s) => [s.key, s.text]));
    expect(text['chief-complaint']).toBe('胸痛1小时');
    expect(text['present-illness']?.startsWith('患者自述“胸口压榨样疼痛1小时，向左臂放射，伴大汗”。患者1小时前出现胸痛')).toBe(true);
    const en = renderHistory({ ...state, language: 'en' }, { language: 'en' }).sections[0]?.text;
    expect(en).toBe('Chest pain for 1 hour.');
  });

  it('reads the duration a patient typed, in Chinese or English numbers', () => {
    expect(typedDuration('咳嗽三天了')).toEqual({ zh: '三天', en: '3 days' });
    expect(typedDuration('头痛两周')).toEqual({ zh: '两周', en: '2 weeks' });
    expect(typedDuration('肚子疼十二个小时')).toEqual({ zh: '十二小时', en: '12 hours' });
    expect(typedDuration('腰疼3个月')).toEqual({ zh: '3个月', en: '3 months' });
    expect(typedDuration('cough for 1 week')).toEqual({ en: '1 week', zh: '1周' });
    expect(typedDuration('胸口不舒服')).toBeUndefined();
  });

  it('English: plain findings, not quoted questions', () => {
    const state = answerAll(startInterview({ age: 58, sex: 'M', language: 'en', mode: 'form' }), [
      ['frame:chief-complaint', 'chest-pain'],
      ['frame:onset', 'hours'],
      ['ddx:E_54', ['V_183']],
      ['ddx:E_57', ['arm-left']],
      ['ddx:E_50', true],
    ]);
    const { sections } = renderHistory(state, { language: 'en' });
    const hpi = sections.find((s) => s.key === 'present-illness')?.text ?? '';
    expect(hpi).toContain('The patient reports chest pain, starting hours ago');
    expect(hpi).toContain('pressing, heavy or tight');
    expect(hpi).toContain('radiating to the left arm');
    expect(hpi).toMatch(/Associated: [^.]*sweating/);
    expect(hpi).not.toContain('"');
    expect(sections[0]?.text).toBe('Chest pain for hours.');
  });
});

describe('the DDXPlus questions in Chinese', () => {
  it('every question is spoken Chinese addressed to the patient, without dataset wording', () => {
    for (const ev of model.evidences) {
      const zh = ev.label.zh;
      expect(zh, ev.code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, ev.code).not.toMatch(/此人|受累区域|皮损（单个或多个）|弥漫性（广泛性）|人格解体|NOACs|哮吼/);
      expect(zh.endsWith('？') || zh.endsWith('吗') || zh.endsWith('：'), ev.code).toBe(true);
    }
  });
});
