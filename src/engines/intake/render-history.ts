/**
 * The history as a record draft: Chinese layout after 《病历书写基本规范》 (卫医政发〔2010〕11号,
 * 第十八条: 主诉、现病史、既往史、个人史、婚育史/月经史、家族史), English as an H&P. A draft from
 * a patient-completed interview for clinician review — never a diagnosis.
 */
import type { Bilingual } from '../../knowledge/index.js';
import { type DdxModel, type DifferentialEntry, loadDdxModel } from '../ddx/index.js';
import { areaTerm, bodyArea } from './body-regions.js';
import { readComplaintText } from './complaint-text.js';
import { suggestNextTests } from './condition-tests.js';
import { chiefComplaint, loadHistoryFrame } from './history-frame.js';
import type { IntakeLanguage, RecordedAnswer, RedFlagHit, TriageLevel, TriageResult } from './intake-types.js';
import type { InterviewState } from './interview.js';

export interface HistorySectionText {
  key: string;
  title: Bilingual;
  text: string;
}

export interface RenderOptions {
  differential?: DifferentialEntry[];
  triage?: TriageResult;
  redFlags?: RedFlagHit[];
  language: IntakeLanguage;
  /** Differential entries shown (default 5). */
  topConditions?: number;
}

export const DRAFT_HEADER: Bilingual = {
  en: 'DRAFT — generated from a patient-completed interview for clinician review. Not a diagnosis.',
  zh: '【草稿】本病史由患者自助问诊生成，供临床医生审核，不构成诊断。',
};

const TITLES: Record<string, Bilingual> = {
  'chief-complaint': { en: 'Chief complaint', zh: '主诉' },
  'present-illness': { en: 'History of present illness', zh: '现病史' },
  'past-history': { en: 'Past medical history', zh: '既往史' },
  medications: { en: 'Medications', zh: '用药史' },
  allergies: { en: 'Allergies', zh: '过敏史' },
  'personal-social': { en: 'Social history', zh: '个人史' },
  'menstrual-obstetric': { en: 'Menstrual and obstetric history', zh: '婚育史/月经史' },
  'family-history': { en: 'Family history', zh: '家族史' },
  'review-of-systems': { en: 'Review of systems', zh: '系统回顾' },
  triage: { en: 'Triage', zh: '分诊' },
  differential: { en: 'Differential (decision support)', zh: '鉴别诊断（辅助决策参考）' },
};

const TRIAGE_LABELS: Record<TriageLevel, Bilingual> = {
  emergency: { en: 'Emergency', zh: '急诊（立即处理）' },
  urgent: { en: 'Urgent', zh: '紧急' },
  soon: { en: 'Soon', zh: '尽快就诊' },
  routine: { en: 'Routine', zh: '常规就诊' },
  'self-care': { en: 'Self-care', zh: '居家自我护理' },
};

/** How long, by onset answer: 主诉 duration and 现病史 opening. */
const ONSET: Record<string, { duration: Bilingual; since: Bilingual }> = {
  sudden: { duration: { en: 'minutes (sudden onset)', zh: '数分钟' }, since: { en: 'suddenly, minutes ago', zh: '数分钟前突然' } },
  hours: { duration: { en: 'hours', zh: '数小时' }, since: { en: 'hours ago', zh: '数小时前' } },
  days: { duration: { en: 'days', zh: '数天' }, since: { en: 'days ago', zh: '数天前' } },
  weeks: { duration: { en: 'weeks', zh: '数周' }, since: { en: 'weeks ago', zh: '数周前' } },
  months: { duration: { en: 'months', zh: '数月' }, since: { en: 'months ago', zh: '数月前' } },
};

/** Short finding names for the review-of-systems yes/no questions. */
const ROS_FINDINGS: Record<string, Bilingual> = {
  'breathing-difficulty': { en: 'difficulty breathing', zh: '呼吸困难' },
  'chest-pain': { en: 'chest pain or tightness', zh: '胸痛或胸闷' },
  confusion: { en: 'confusion', zh: '意识模糊' },
  fainted: { en: 'fainting / loss of consciousness', zh: '晕厥或意识丧失' },
  'suicidal-thoughts': { en: 'thoughts of self-harm or that life is not worth living', zh: '自伤或轻生念头' },
};

const NOT_GIVEN: Bilingual = { en: 'Not provided.', zh: '未提供。' };

interface View {
  lang: IntakeLanguage;
  frame: Map<string, RecordedAnswer>;
  ddx: RecordedAnswer[];
  model: DdxModel;
}

/** DDXPlus answers the opening sentence of the present illness tells (site, character, spread, severity, onset). */
const PAIN_DETAIL_CODES = new Set(['E_55', 'E_54', 'E_57', 'E_56', 'E_59', 'E_58']);

const codeOf = (a: RecordedAnswer) => a.questionId.slice('ddx:'.length);

/** An evidence atom (`E_91`, `E_54_@_V_183`) as a history names it: "发热", "疼痛性质：压榨样/紧缩感". */
export function evidenceTerm(model: DdxModel, atom: string, lang: IntakeLanguage): string {
  const [code = '', value] = atom.split('_@_');
  const ev = model.byCode.get(code);
  if (!ev) return atom;
  const finding = ev.finding[lang];
  if (value === undefined || ev.type === 'B') return finding;
  const term = ev.valueTerms.get(value)?.[lang] ?? ev.valueLabels[ev.valueIndex.get(value) ?? -1]?.[lang] ?? value;
  return `${finding}${lang === 'zh' ? '：' : ': '}${term}`;
}

/** The values of one recorded DDXPlus answer as history terms: areas ("左上肢"), pain words ("压榨样/紧缩感"). */
function valueTerms(view: View, a: RecordedAnswer): string[] {
  const ev = view.model.byCode.get(codeOf(a));
  const ticked = Array.isArray(a.value) ? a.value : typeof a.value === 'string' ? [a.value] : [];
  if (!ev) return [];
  return ticked
    .filter((v) => v !== ev.defaultValue)
    .map((v) => {
      const area = bodyArea(v);
      if (area) return areaTerm(area.label, view.lang);
      const term = ev.valueTerms.get(v)?.[view.lang] ?? ev.valueLabels[ev.valueIndex.get(v) ?? -1]?.[view.lang] ?? v;
      return view.lang === 'en' ? term.charAt(0).toLowerCase() + term.slice(1) : term;
    });
}

function answered(view: View, id: string): RecordedAnswer | undefined {
  const a = view.frame.get(id);
  return a && !a.skipped ? a : undefined;
}

/** A DDXPlus question as a finding: "您有咳嗽吗？" → "咳嗽"; English keeps the question, quoted. */
export function findingOf(question: Bilingual, lang: IntakeLanguage): string {
  if (lang === 'en') return `"${question.en}"`;
  return question.zh
    .replace(/[？?：:]\s*$/, '')
    .replace(/吗(?=（|$)/, '')
    .replace(/^请(描述|说明)/, '')
    .replace(/^(近\S*?)?您(最近|目前|近期)?(是否)?/, '$1$2')
    .replace(/^的/, '')
    .replace(/^有/, '');
}

function ddxFindings(view: View, section: RecordedAnswer['section'], present: boolean): string[] {
  return view.ddx
    .filter(
      (a) =>
        !a.skipped &&
        a.section === section &&
        !(section === 'present-illness' && PAIN_DETAIL_CODES.has(codeOf(a))) &&
        (present ? a.evidence.length > 0 : a.denied.length > 0 && a.evidence.length === 0),
    )
    .map((a) => {
      const ev = view.model.byCode.get(codeOf(a));
      const finding = ev?.finding[view.lang] ?? findingOf(a.question, view.lang);
      if (!present || a.value === true || a.value === false) return finding;
      const terms = valueTerms(view, a);
      const value = terms.length > 0 ? terms.join(view.lang === 'zh' ? '、' : ', ') : a.display[view.lang];
      return `${finding}${view.lang === 'zh' ? '：' : ' '}${view.lang === 'en' ? `(${value})` : value}`;
    });
}

function sentence(lang: IntakeLanguage, label: Bilingual, items: string[]): string {
  if (items.length === 0) return '';
  return lang === 'zh' ? `${label.zh}${items.join('、')}。` : `${label.en} ${items.join('; ')}.`;
}

/** The pain a typed complaint names, as a 主诉 symptom: "胸口压榨样疼痛…" → 胸痛. */
const REGION_SYMPTOM: Record<string, Bilingual> = {
  chest: { en: 'chest pain', zh: '胸痛' },
  abdomen: { en: 'abdominal pain', zh: '腹痛' },
  head: { en: 'headache', zh: '头痛' },
  neck: { en: 'neck or throat pain', zh: '颈部或咽喉疼痛' },
  back: { en: 'back pain', zh: '腰背痛' },
  pelvis: { en: 'groin or hip pain', zh: '腹股沟或髋部疼痛' },
  joints: { en: 'joint pain', zh: '关节痛' },
  arms: { en: 'arm pain', zh: '上肢疼痛' },
  legs: { en: 'leg pain', zh: '下肢疼痛' },
};

const NUMBER_ZH = '一二两三四五六七八九十半';
const DIGIT_ZH: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "3" → 3, "三" → 3, "十二" → 12, "二十" → 20, "半" → 0.5; undefined for anything else. */
function numberOf(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === '半') return 0.5;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? DIGIT_ZH[text] : undefined;
  const tens = ten === 0 ? 1 : DIGIT_ZH[text.slice(0, ten)];
  const ones = ten === text.length - 1 ? 0 : DIGIT_ZH[text.slice(ten + 1)];
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
}

const UNIT_EN: Record<string, string> = {
  分钟: 'minute',
  小时: 'hour',
  天: 'day',
  日: 'day',
  周: 'week',
  星期: 'week',
  月: 'month',
  年: 'year',
};
const UNIT_ZH: Record<string, string> = { minute: '分钟', hour: '小时', day: '天', week: '周', month: '个月', year: '年' };
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A duration the patient typed: "1小时", "三天", "2 weeks"; undefined when none. */
export function typedDuration(text: string): Bilingual | undefined {
  const zh = new RegExp(`(\\d+(?:\\.\\d+)?|[${NUMBER_ZH}]+)\\s*(?:个)?(分钟|小时|天|日|周|星期|月|年)`).exec(text);
  const n = zh ? numberOf(zh[1] ?? '') : undefined;
  if (zh && n !== undefined) {
    const unit = zh[2] ?? '';
    return { zh: `${zh[1]}${unit === '月' ? '个月' : unit === '星期' ? '周' : unit}`, en: plural(n, UNIT_EN[unit] ?? unit) };
  }
  const en = /(\d+(?:\.\d+)?)\s*(minute|hour|day|week|month|year)s?\b/i.exec(text);
  if (en) {
    const unit = (en[2] ?? '').toLowerCase();
    return { en: plural(Number(en[1]), unit), zh: `${en[1]}${UNIT_ZH[unit] ?? ''}` };
  }
  return undefined;
}

function complaint(view: View): { symptom: string; duration?: Bilingual; since?: Bilingual; typed?: string } {
  const cc = answered(view, 'chief-complaint');
  const onset = answered(view, 'onset');
  const timing = ONSET[typeof onset?.value === 'string' ? onset.value : ''];
  const listed = cc && !cc.text ? chiefComplaint(cc.value) : undefined;
  let symptom = cc ? (cc.text ?? listed?.term?.[view.lang] ?? cc.display[view.lang]) : view.lang === 'zh' ? '不适' : 'symptoms';
  const where = view.ddx.find((a) => a.questionId === 'ddx:E_55' && a.evidence.length > 0);
  if (cc?.value === 'E_53' && where) {
    const first = valueTerms(view, where)[0] ?? '';
    symptom = view.lang === 'zh' ? `${first}疼痛` : `pain (${first})`;
  }
  const out = { symptom, ...(timing ? { duration: timing.duration, since: timing.since } : {}) };
  // A typed complaint: the 主诉 names the symptom and the duration the patient wrote; the HPI quotes the words.
  const typed = cc?.text?.trim();
  if (!typed) return out;
  const region = readComplaintText(typed).region;
  const said = typedDuration(typed);
  return {
    ...out,
    typed,
    ...(region && REGION_SYMPTOM[region] ? { symptom: REGION_SYMPTOM[region][view.lang] } : {}),
    ...(said ? { duration: said, since: { en: `${said.en} ago`, zh: `${said.zh}前` } } : {}),
  };
}

/** "位于胸口正中偏上，呈压榨样/紧缩感，向左上肢放射，疼痛程度8/10分，起病急，呈持续性" and the English equivalent. */
function painDetails(view: View): string[] {
  const { lang } = view;
  const zh = lang === 'zh';
  const ddx = (code: string) => view.ddx.find((a) => codeOf(a) === code && !a.skipped);
  const list = (items: string[]) => (zh || items.length < 2 ? items.join('、') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
  const out: string[] = [];
  const site = ddx('E_55');
  const siteTerms = site ? valueTerms(view, site) : [];
  const location = answered(view, 'location');
  if (siteTerms.length > 0) out.push(zh ? `位于${list(siteTerms)}` : `located in the ${list(siteTerms)}`);
  else if (location) out.push(zh ? `部位：${location.display.zh}` : `location: ${location.display.en}`);
  const character = ddx('E_54');
  const characterTerms = character ? valueTerms(view, character) : [];
  const frameCharacter = answered(view, 'character');
  if (characterTerms.length > 0) out.push(zh ? `呈${characterTerms.join('、')}` : `${list(characterTerms)} in character`);
  else if (frameCharacter) out.push(zh ? `性质：${frameCharacter.display.zh}` : `${frameCharacter.display.en.toLowerCase()} in character`);
  const spread = ddx('E_57');
  const spreadTerms = spread ? valueTerms(view, spread) : [];
  const radiation = answered(view, 'radiation');
  if (spreadTerms.length > 0) out.push(zh ? `向${list(spreadTerms)}放射` : `radiating to the ${list(spreadTerms)}`);
  else if (spread?.denied.length) out.push(zh ? '无放射' : 'not radiating');
  else if (radiation) out.push(zh ? `放射：${radiation.display.zh}` : `radiating: ${radiation.display.en}`);
  const score = (code: string) => {
    const a = ddx(code);
    return typeof a?.value === 'number' ? a.value : undefined;
  };
  const severity =
    score('E_56') ?? (typeof answered(view, 'severity')?.value === 'number' ? (answered(view, 'severity')?.value as number) : undefined);
  if (severity !== undefined) out.push(zh ? `${ddx('E_56') ? '疼痛' : ''}程度${severity}/10分` : `severity ${severity}/10`);
  const speed = score('E_59');
  if (speed !== undefined && speed >= 7) out.push(zh ? '起病急' : 'sudden onset');
  if (speed !== undefined && speed <= 3) out.push(zh ? '起病缓' : 'gradual onset');
  const precise = score('E_58');
  if (precise !== undefined && precise >= 7) out.push(zh ? '定位明确' : 'well localised');
  if (precise !== undefined && precise <= 3) out.push(zh ? '定位不清' : 'poorly localised');
  const timing = answered(view, 'timing');
  if (timing?.value === 'constant') out.push(zh ? '呈持续性' : 'constant');
  if (timing?.value === 'comes-and-goes') out.push(zh ? '呈间歇性发作' : 'coming and going');
  return out;
}

function chiefComplaintText(view: View): string {
  const { symptom, duration } = complaint(view);
  if (view.lang === 'en') {
    const text = symptom.charAt(0).toUpperCase() + symptom.slice(1);
    return duration ? `${text} for ${duration.en}.` : `${text}.`;
  }
  // 主诉 ≤ 20 characters where possible: symptom + duration.
  const tail = duration?.zh ?? '';
  const room = Math.max(4, 20 - tail.length);
  return `${symptom.length > room ? `${symptom.slice(0, room - 1)}…` : symptom}${tail}`;
}

function presentIllnessText(view: View): string {
  const { lang } = view;
  const { symptom, since, typed } = complaint(view);
  const details = painDetails(view);
  const opening = symptom.replace(/[。.！!；;，,\s]+$/, '');
  const words = typed?.replace(/[。.！!；;，,\s]+$/, '');
  const parts: string[] = [
    lang === 'zh'
      ? `${words ? `患者自述“${words}”。` : ''}患者${since?.zh ?? ''}出现${opening}${details.map((d) => `，${d}`).join('')}。`
      : `${words ? `In the patient's words: “${words}”. ` : ''}The patient reports ${opening}${since ? `, starting ${since.en}` : ''}${details.map((d) => `, ${d}`).join('')}.`,
  ];
  const detail = (id: string, zh: string, en: string) => {
    const a = answered(view, id);
    if (a) parts.push(lang === 'zh' ? `${zh}：${a.display.zh}。` : `${en}: ${a.display.en}.`);
  };
  detail('aggravating', '加重因素', 'Aggravated by');
  detail('relieving', '缓解因素', 'Relieved by');
  const rosYes: string[] = [];
  const rosNo: string[] = [];
  for (const [id, label] of Object.entries(ROS_FINDINGS)) {
    const a = answered(view, id);
    if (a?.value === true) rosYes.push(label[lang]);
    if (a?.value === false) rosNo.push(label[lang]);
  }
  const temp = answered(view, 'temperature');
  if (temp) parts.push(lang === 'zh' ? `自测最高体温${temp.display.zh}°C。` : `Highest measured temperature ${temp.display.en} °C.`);
  const ros = answered(view, 'ros');
  if (ros && Array.isArray(ros.value) && ros.value.length > 0 && !ros.value.includes('none')) rosYes.push(ros.display[lang]);
  parts.push(sentence(lang, { en: 'Associated:', zh: '伴' }, [...ddxFindings(view, 'present-illness', true), ...rosYes]));
  parts.push(sentence(lang, { en: 'Denies:', zh: '无' }, [...ddxFindings(view, 'present-illness', false), ...rosNo]));
  return parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

function lines(view: View, items: [string, Bilingual][], extra: string[] = []): string {
  const out: string[] = [];
  for (const [id, label] of items) {
    const a = answered(view, id);
    if (a)
      out.push(
        `${label[view.lang]}${view.lang === 'zh' ? '：' : ': '}${a.display[view.lang]}${a.text && a.text !== a.display[view.lang] ? ` (${a.text})` : ''}`,
      );
  }
  out.push(...extra.filter(Boolean));
  if (out.length === 0) return NOT_GIVEN[view.lang];
  const end = view.lang === 'zh' ? '。' : '.';
  return out.map((o) => o.replace(/[。.]$/, '')).join(view.lang === 'zh' ? '。' : '. ') + end;
}

function triageText(lang: IntakeLanguage, triage?: TriageResult, redFlags: RedFlagHit[] = []): string {
  if (!triage && redFlags.length === 0) return lang === 'zh' ? '未评估。' : 'Not assessed.';
  const out: string[] = [];
  if (triage) out.push(`${TRIAGE_LABELS[triage.level][lang]}${lang === 'zh' ? '：' : ': '}${triage.reason[lang]} [${triage.source.title}]`);
  for (const f of redFlags) out.push(`${lang === 'zh' ? '警示' : 'Red flag'}: ${f.label[lang]} — ${f.reason[lang]} [${f.source.title}]`);
  return out.join('\n');
}

function differentialText(model: DdxModel, lang: IntakeLanguage, entries: DifferentialEntry[] = [], top = 5): string {
  if (entries.length === 0) return lang === 'zh' ? '无。' : 'None.';
  return entries
    .slice(0, top)
    .map((d, i) => {
      const name = lang === 'zh' ? `${d.conditionZh}（${d.condition}）` : d.condition;
      const pct = `${(d.probability * 100).toFixed(1)}%`;
      const forText = d.for
        .slice(0, 3)
        .map((f) => evidenceTerm(model, f.code, lang))
        .join(lang === 'zh' ? '；' : '; ');
      const againstText = d.against
        .slice(0, 3)
        .map((f) => evidenceTerm(model, f.code, lang))
        .join(lang === 'zh' ? '；' : '; ');
      const tests = suggestNextTests(d.condition)
        .map((t) => t.test[lang])
        .join(lang === 'zh' ? '；' : '; ');
      const rows =
        lang === 'zh'
          ? [
              `${i + 1}. ${name}，模型概率 ${pct}，严重程度 ${d.severity}/5（DDXPlus，1最重）`,
              forText && `   支持：${forText}`,
              againstText && `   不支持：${againstText}`,
              tests && `   建议进一步检查：${tests}`,
            ]
          : [
              `${i + 1}. ${name} — model probability ${pct}, severity ${d.severity}/5 (DDXPlus, 1 = most severe)`,
              forText && `   For: ${forText}`,
              againstText && `   Against: ${againstText}`,
              tests && `   Suggested next tests: ${tests}`,
            ];
      return rows.filter(Boolean).join('\n');
    })
    .join('\n');
}

function applicableObstetric(state: InterviewState): boolean {
  return state.sex === 'F' && state.age >= 12 && state.age <= 55;
}

/** Renders the history in the Chinese record layout or as an English H&P, plus markdown. */
export function renderHistory(state: InterviewState, options: RenderOptions): { sections: HistorySectionText[]; markdown: string } {
  const lang = options.language;
  const frameIds = new Set(loadHistoryFrame().questions.map((q) => q.id));
  const view: View = {
    lang,
    frame: new Map(
      state.answers
        .filter((a) => a.questionId.startsWith('frame:') && frameIds.has(a.questionId.slice(6)))
        .map((a) => [a.questionId.slice(6), a]),
    ),
    ddx: state.answers.filter((a) => a.questionId.startsWith('ddx:')),
    model: loadDdxModel(),
  };
  const antecedentYes = sentence(lang, { en: 'Also reported:', zh: '既往有' }, ddxFindings(view, 'past-history', true));
  const antecedentNo = sentence(lang, { en: 'Denied:', zh: '否认' }, ddxFindings(view, 'past-history', false));
  const past = lines(
    view,
    [
      ['past-history', { en: 'Conditions', zh: '既往疾病' }],
      ['surgeries', { en: 'Operations / admissions', zh: '手术及住院史' }],
    ],
    [antecedentYes, antecedentNo],
  );
  const meds = lines(view, [['medications', { en: 'Current medicines', zh: '目前用药' }]]);
  const allergies = lines(view, [
    ['drug-allergy', { en: 'Drug allergy', zh: '药物过敏' }],
    ['allergies', { en: 'Allergies', zh: '过敏情况' }],
  ]);
  const social = lines(view, [
    ['smoking', { en: 'Smoking', zh: '吸烟' }],
    ['alcohol', { en: 'Alcohol', zh: '饮酒' }],
    ['occupation', { en: 'Occupation', zh: '职业' }],
  ]);
  const obstetric = lines(view, [
    ['pregnant', { en: 'Pregnant or possibly pregnant', zh: '妊娠或可能妊娠' }],
    ['weeks-pregnant', { en: 'Weeks pregnant', zh: '孕周' }],
    ['vaginal-bleeding', { en: 'Vaginal bleeding in pregnancy', zh: '孕期阴道出血' }],
    ['last-menstrual-period', { en: 'Last menstrual period', zh: '末次月经' }],
  ]);
  const family = lines(view, [['family-history', { en: 'Close family', zh: '直系亲属' }]]);
  const section = (key: string, text: string): HistorySectionText => ({ key, title: TITLES[key] ?? { en: key, zh: key }, text });
  const sections: HistorySectionText[] =
    lang === 'zh'
      ? [
          section('chief-complaint', chiefComplaintText(view)),
          section('present-illness', presentIllnessText(view)),
          section('past-history', `${past}${meds === NOT_GIVEN.zh ? '' : `${meds}`}`),
          section('personal-social', social),
          ...(applicableObstetric(state) ? [section('menstrual-obstetric', obstetric)] : []),
          section('family-history', family),
          section('allergies', allergies),
        ]
      : [
          section('chief-complaint', chiefComplaintText(view)),
          section('present-illness', presentIllnessText(view)),
          section('past-history', past),
          section('medications', meds),
          section('allergies', allergies),
          section('personal-social', social),
          ...(applicableObstetric(state) ? [section('menstrual-obstetric', obstetric)] : []),
          section('family-history', family),
          section('review-of-systems', rosText(view)),
        ];
  sections.push(section('triage', triageText(lang, options.triage, options.redFlags)));
  sections.push(section('differential', differentialText(view.model, lang, options.differential, options.topConditions)));
  const markdown = [`> ${DRAFT_HEADER[lang]}`, '', ...sections.flatMap((s) => [`## ${s.title[lang]}`, '', s.text, ''])].join('\n');
  return { sections, markdown };
}

function rosText(view: View): string {
  const items: string[] = [];
  const ros = answered(view, 'ros');
  if (ros) items.push(`Recent symptoms checklist: ${ros.display.en}`);
  for (const [id, label] of Object.entries(ROS_FINDINGS)) {
    const a = answered(view, id);
    if (a) items.push(`${label.en}: ${a.display.en}`);
  }
  return items.length > 0 ? `${items.join('. ')}.` : NOT_GIVEN.en;
}
