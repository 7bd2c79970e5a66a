/**
 * 主诉 (chief complaint) for a Chinese outpatient note, built from the patient's words as a doctor
 * writes it: the main symptom(s) in clinical terms (at most three, in the order said) followed by
 * the duration in Arabic numerals — "咳嗽、发热3天", not the patient's sentence "医生，我咳嗽三天了…".
 *
 * Sources for the form: 《病历书写基本规范》(卫医政发〔2010〕11号) 第十八条(二): 主诉是指促使患者
 * 就诊的主要症状（或体征）及持续时间; 第九条: 病历书写一律使用阿拉伯数字书写日期和时间. The
 * length limit (通常不超过20个字), at most 1–3 symptoms, the time units (1个月以内精确到天, 急诊
 * 精确到小时) and "主诉不能完全按病人的原话书写" are the textbook rules on writing 主诉 (《诊断学》
 * 问诊/病历书写 chapter, as quoted at https://www.daowen.com/book/content/235705318/2608688.html and
 * http://xzzxedu.org/xzzxedu/主诉/0). Symptom names are the lexicon's clinical terms (clinical-lexicon.ts).
 */

import { zhNumber } from '../../shared/spoken-numbers.js';
import type { Speaker, TranscriptTurn } from './clinical-document.js';
import { SYMPTOMS } from './clinical-lexicon.js';

/** 主诉 is usually at most 20 characters. */
export const CHIEF_COMPLAINT_MAX_CHARS = 20;
const MAX_SYMPTOMS = 3;

interface SymptomTerm {
  /** The clinical term written in 主诉. */
  term: string;
  pattern: RegExp;
}

/**
 * Colloquial ways patients say a symptom, tried before the lexicon (longest, most specific first).
 * The clinical term is what 主诉 says.
 */
const COLLOQUIAL: SymptomTerm[] = [
  { term: '尿痛', pattern: /(小便|尿尿|排尿|解小便)[^，。；,;]{0,6}(疼|痛|烧|灼)|尿(疼|痛)/ },
  { term: '尿频', pattern: /(老|总|总是|一直|经常)想(上厕所|小便|尿尿)|小便(次数)?(多|频)|尿频/ },
  { term: '尿色发红', pattern: /尿[^，。；,;]{0,6}(发红|红色|粉红|带血|有血)/ },
  { term: '口干', pattern: /口干|嘴(巴)?(很|特别|老是?)?干/ },
  { term: '多饮', pattern: /喝水[^，。；,;]{0,3}(特别|很|非常)?多|多饮|老(是)?口渴|总(是)?口渴/ },
  {
    term: '夜尿增多',
    pattern: /(晚上|夜里|夜间)[^，。；,;]{0,6}(起来|起夜)[^，。；,;]{0,6}(小便|尿|厕所)|夜尿(多|增多)?|起夜/,
  },
  { term: '胸痛', pattern: /胸口[^，。；,;]{0,4}(疼|痛)|心口[^，。；,;]{0,3}(疼|痛)/ },
  { term: '头痛', pattern: /头[^，。；,;晕]{0,3}(疼|痛)/ },
  { term: '腹痛', pattern: /肚子[^，。；,;]{0,3}(疼|痛)|(肚|腹)[^，。；,;]{0,2}(疼|痛)/ },
  { term: '咳嗽', pattern: /咳嗽|咳得|干咳|老咳/ },
  { term: '发热', pattern: /发烧|发热|烧到|高烧|低烧/ },
];

/** Lexicon symptom terms (Chinese), longest first; the first Chinese name of an entry is the clinical term. */
const LEXICON: SymptomTerm[] = SYMPTOMS.filter((entry) => entry.key !== 'pain')
  .flatMap((entry) => entry.zh.map((name) => ({ name, term: entry.zh[0] as string })))
  .sort((a, b) => b.name.length - a.name.length)
  .map(({ name, term }) => ({ term, pattern: new RegExp(name) }));

/** Negated or asked-about mentions are not the complaint ("没有发烧", "不咳嗽"). */
const NEGATED_BEFORE = /(没有|没|无|不|否认|未)[^，。；,;！？]{0,2}$/;

const ZH_NUM = '[0-9０-９.]+|[一二两三四五六七八九十百半几]+';
const DURATION = new RegExp(
  `(${ZH_NUM})\\s*(多|来)?\\s*(个)?\\s*(分钟|小时|钟头|天|日|周|星期|礼拜|个月|月|年)(多|余|来)?(了|前|左右|以来)?`,
);
const THESE_DAYS = /(这|近|最近)(两|几|三|一)?(天|日)/;

const UNIT: Record<string, string> = {
  分钟: '分钟',
  小时: '小时',
  钟头: '小时',
  天: '天',
  日: '天',
  周: '周',
  星期: '周',
  礼拜: '周',
  个月: '个月',
  月: '个月',
  年: '年',
};

/** "三天" → "3天", "半年" → "6个月", "两个小时" → "2小时"; null when no duration is said. */
export function chiefComplaintDuration(text: string): string | null {
  const match = DURATION.exec(text);
  if (match) {
    const raw = (match[1] ?? '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    const unit = UNIT[`${match[3] ?? ''}${match[4] ?? ''}`] ?? UNIT[match[4] ?? ''] ?? match[4] ?? '';
    if (raw === '半') return { 年: '6个月', 个月: '2周', 天: '12小时', 小时: '30分钟', 周: '3天' }[unit] ?? null;
    if (raw === '几') return null;
    const value = /^[0-9.]+$/.test(raw) ? Number(raw) : zhNumber(raw);
    if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return null;
    return `${value}${unit}`;
  }
  const days = THESE_DAYS.exec(text);
  if (days) return days[2] === '两' ? '2天' : days[2] === '三' ? '3天' : days[2] === '一' ? '1天' : null;
  return null;
}

function symptomsIn(text: string): { term: string; at: number }[] {
  const spans: { term: string; at: number; end: number }[] = [];
  for (const candidate of [...COLLOQUIAL, ...LEXICON]) {
    const global = new RegExp(candidate.pattern.source, 'g');
    for (let m = global.exec(text); m; m = global.exec(text)) {
      const at = m.index;
      const end = at + m[0].length;
      if (NEGATED_BEFORE.test(text.slice(Math.max(0, at - 4), at))) continue;
      if (spans.some((f) => at < f.end && end > f.at)) continue;
      spans.push({ term: candidate.term, at, end });
    }
  }
  spans.sort((a, b) => a.at - b.at);
  const found: { term: string; at: number }[] = [];
  for (const span of spans) {
    if (found.some((f) => f.term === span.term)) continue;
    // "咳得睡不着": what a symptom leads to (…得…) is not a complaint of its own.
    const clauseStart = Math.max(0, ...[...'，,。；;'].map((mark) => text.lastIndexOf(mark, span.at - 1) + 1));
    if (spans.some((f) => f.end <= span.at && f.at >= clauseStart && text.slice(f.at, span.at).includes('得'))) continue;
    found.push({ term: span.term, at: span.at });
  }
  return found;
}

export interface ChiefComplaint {
  /** "咳嗽、发热3天。" */
  text: string;
  /** The turns it was built from. */
  turnIds: string[];
}

const PATIENT_SIDE: readonly Speaker[] = ['patient', 'other'];

/**
 * The 主诉 of a Chinese consultation: the first patient turn(s) naming a symptom, its symptoms in
 * clinical terms and the duration said with them (or in the next patient turn). Null when the
 * patient names no symptom — the note then keeps the visit's stated reason as before.
 */
export function buildChiefComplaint(turns: readonly TranscriptTurn[]): ChiefComplaint | null {
  const patientTurns = turns.filter((turn) => PATIENT_SIDE.includes(turn.speaker));
  const first = patientTurns.findIndex((turn) => symptomsIn(turn.text).length > 0);
  if (first < 0) return null;
  const turn = patientTurns[first] as TranscriptTurn;
  const symptoms = symptomsIn(turn.text);
  const turnIds = [turn.id];
  let duration = chiefComplaintDuration(turn.text);
  const next = patientTurns[first + 1];
  if (!duration && next) {
    duration = chiefComplaintDuration(next.text);
    if (duration) turnIds.push(next.id);
  }
  const terms = [...new Set(symptoms.map((s) => s.term))].slice(0, MAX_SYMPTOMS);
  const compose = (list: string[]) => `${list.join('、')}${duration ?? ''}`;
  while (terms.length > 1 && compose(terms).length > CHIEF_COMPLAINT_MAX_CHARS) terms.pop();
  return { text: `${compose(terms)}。`, turnIds };
}
