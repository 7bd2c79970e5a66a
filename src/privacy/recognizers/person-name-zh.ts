import givenNameData from '../data/zh-given-name-chars.json' with { type: 'json' };
import stopwordData from '../data/zh-name-stopwords.json' with { type: 'json' };
import surnameData from '../data/zh-surnames.json' with { type: 'json' };
import type { PhiFinding } from '../phi-types.js';
import { alternation, isHan, type PhiRecognizer } from './recognizer.js';

/**
 * Chinese person names: a surname (single or compound) and one or two given-name characters, found
 * only where the text says a person is named — a form label (姓名：), a role word (患者, 家属), a
 * title after the name (张医生 → 张, 李伟主任 → 李伟) or the 「张三，男，45岁」 pattern. Names found
 * with confidence are then found again wherever else they occur. Without such evidence a surname
 * character is just a character: 高血压, 黄疸, 方案 and 周围 all begin with one.
 */
const NAME = 'zh-person-name';

const SINGLE = new Set(surnameData.single);
const WEAK = new Set(surnameData.weak);
const COMPOUND = new Set(surnameData.compound);
const GIVEN = new Set(givenNameData.chars);
const STOPWORDS = new Set(stopwordData.words);
const MAX_STOPWORD = Math.max(...stopwordData.words.map((w) => w.length));

/** Characters that end a name: function words and verbs that follow names in notes. */
const NOT_GIVEN = new Set(
  '因于在是为和与及等的了着过把被将对从向以入出来去主诉自今昨现既无有已曾经由予行做术后前时年月日岁男女性之某某氏等',
);

/** Characters after which a word, and so a name, begins (请张医生, 由李主任). */
const WORD_BEFORE = new Set('请由给向和与及经被让找问是的为知告示报系、,:;()[] 　\n\t');

/** Form labels: the field's value is a name, whatever its characters. */
const LABELS = [
  '姓名',
  '患者姓名',
  '病人姓名',
  '家属姓名',
  '联系人',
  '紧急联系人',
  '监护人',
  '签名',
  '医师签名',
  '医生签名',
  '患者签名',
  '家属签名',
  '记录者',
  '记录人',
  '主治医师',
  '主治医生',
  '住院医师',
  '主任医师',
  '经治医师',
  '责任护士',
  '主管护士',
  '主管医生',
  '报告医师',
  '审核医师',
  '申请医生',
  '申请医师',
  '送检医生',
  '检查医师',
  '手术医师',
  '术者',
  '麻醉医师',
  '一助',
  '二助',
  '代理人',
  '委托人',
  '被委托人',
  '陪护',
  '患者',
  '病人',
  '患儿',
  '家属',
  '医生',
  '医师',
  '护士',
  '检验者',
  '审核者',
  '报告者',
  '操作者',
  '核对者',
  '执行者',
  '复核者',
  '检查者',
  '送检者',
  '报告人',
  '检验人',
  '审核人',
  '核对人',
  '执行人',
  '操作人',
  '检验医师',
  '报告医生',
  '审核医生',
];
/** Role words right before a name (患者张三). */
const ROLES = [
  '患者',
  '病人',
  '患儿',
  '病员',
  '产妇',
  '孕妇',
  '家属',
  '其子',
  '其女',
  '其妻',
  '其夫',
  '丈夫',
  '妻子',
  '儿子',
  '女儿',
  '父亲',
  '母亲',
  '配偶',
  '孙女',
  '孙子',
  '外孙',
  '外孙女',
  '儿媳',
  '女婿',
  '侄子',
  '侄女',
  '哥哥',
  '弟弟',
  '姐姐',
  '妹妹',
  '老伴',
  '爱人',
  '之子',
  '之女',
  '之妻',
  '之夫',
  '之父',
  '之母',
  '姓名',
  '医师',
  '医生',
  '护士',
  '大夫',
  '主任',
  '告知',
  '陪同',
  '联系',
];
/** Titles and kin words right after a name (张医生, 张三之女). */
const TITLES = [
  '医生',
  '医师',
  '大夫',
  '护士长',
  '护士',
  '主任',
  '副主任',
  '院长',
  '教授',
  '老师',
  '先生',
  '女士',
  '小姐',
  '同志',
  '阿姨',
  '师傅',
  '之女',
  '之子',
  '之妻',
  '之夫',
  '之父',
  '之母',
  '主治',
  '科长',
  '博士',
  '老先生',
  '老太太',
  '奶奶',
  '爷爷',
];

const LABEL_REGEX = new RegExp(`(?:${alternation(LABELS)})\\s*:\\s*`, 'g');
const ROLE_REGEX = new RegExp(`(?:${alternation(ROLES)})\\s*`, 'g');
const TITLE_REGEX = new RegExp(alternation(TITLES), 'g');
const GENDER_AGE_REGEX = /\s*[,、]?\s*[男女]\s*[,、]\s*\d{1,3}\s*岁/g;

const SCORE = { label: 0.95, genderAge: 0.9, title: 0.85, role: 0.85, repeated: 0.8 } as const;

export const zhPersonNameRecognizer: PhiRecognizer = {
  name: NAME,
  types: ['NAME'],
  languages: ['zh'],
  recognize(text) {
    const found: PhiFinding[] = [];
    const add = (start: number, end: number, score: number, pattern: string, context: string) =>
      found.push({ type: 'NAME', start, end, score, recognizer: NAME, pattern, context: [context] });

    for (const m of text.matchAll(LABEL_REGEX)) {
      const end = m.index + m[0].length;
      const nameEnd = readName(text, end, 'any');
      if (nameEnd > 0) add(end, nameEnd, SCORE.label, 'label', m[0].replace(/[\s:]/g, ''));
    }
    for (const m of text.matchAll(ROLE_REGEX)) {
      const end = m.index + m[0].length;
      if (text.charCodeAt(end) === 0x3a /* : handled as a label */) continue;
      const nameEnd = readName(text, end, 'common');
      if (nameEnd > 0) add(end, nameEnd, SCORE.role, 'role-word', m[0].trim());
    }
    for (const m of text.matchAll(TITLE_REGEX)) {
      const start = nameBefore(text, m.index);
      if (start >= 0) add(start, m.index, SCORE.title, 'title', m[0]);
    }
    for (const m of text.matchAll(GENDER_AGE_REGEX)) {
      const start = nameBefore(text, m.index, false);
      if (start >= 0) add(start, m.index, SCORE.genderAge, 'name-gender-age', m[0].includes('男') ? '男' : '女');
    }
    return [...found, ...repeatedMentions(text, found)];
  },
};

/**
 * Reads surname + given name from `start`; returns the end, or -1. `any` accepts any Han
 * character as a given name (a form field's value); `common` only common given-name characters.
 */
function readName(text: string, start: number, given: 'any' | 'common'): number {
  const surnameLength = surnameAt(text, start);
  if (surnameLength === 0 || startsStopword(text, start)) return -1;
  if (given === 'common' && surnameLength === 1 && WEAK.has(text.charAt(start))) return -1;
  let end = start + surnameLength;
  for (let n = 0; n < 2 && isGivenChar(text, end, given); n++) {
    if (n === 1 && startsStopword(text, end)) break;
    // 张伟先生: the title after a two-character name is not its third character.
    if (n === 1 && startsTitle(text, end)) break;
    end++;
  }
  return end > start + surnameLength ? end : -1;
}

function isGivenChar(text: string, i: number, given: 'any' | 'common'): boolean {
  const ch = text.charAt(i);
  if (!isHan(text.charCodeAt(i)) || NOT_GIVEN.has(ch)) return false;
  return given === 'any' || GIVEN.has(ch);
}

/**
 * The start of the name that ends at `end` (right before a title): surname + two, one or no
 * given-name characters, preferring the longest reading whose surname is not a weak one.
 */
function nameBefore(text: string, end: number, allowBareSurname = true): number {
  let fallback = -1;
  for (let length = 3; length >= 1; length--) {
    const start = end - length;
    if (start < 0) continue;
    if (!allHan(text, start, end)) continue;
    const surnameLength = surnameAt(text, start);
    if (surnameLength === 0 || surnameLength > length || startsStopword(text, start)) continue;
    if (surnameLength === length && !allowBareSurname) continue;
    let givenOk = true;
    for (let i = start + surnameLength; i < end; i++) if (!GIVEN.has(text.charAt(i)) || NOT_GIVEN.has(text.charAt(i))) givenOk = false;
    if (!givenOk) continue;
    if (surnameLength === length && !startsWord(text, start)) continue;
    if (length === 3 && surnameLength === 1 && COMPOUND.has(text.slice(start - 1, start + 1))) return start - 1;
    const weak = surnameLength === 1 && WEAK.has(text.charAt(start));
    if (!weak) return start;
    if (fallback < 0) fallback = start;
  }
  return fallback;
}

function allHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHan(text.charCodeAt(i))) return false;
  return true;
}

/** 主管医生 and 夜班护士 are roles, not 管 and 班: a bare surname must start a word. */
function startsWord(text: string, i: number): boolean {
  return i === 0 || WORD_BEFORE.has(text.charAt(i - 1)) || !isHan(text.charCodeAt(i - 1));
}

function surnameAt(text: string, i: number): number {
  if (COMPOUND.has(text.slice(i, i + 2))) return 2;
  return SINGLE.has(text.charAt(i)) ? 1 : 0;
}

function startsTitle(text: string, i: number): boolean {
  return TITLES.some((title) => text.startsWith(title, i));
}

function startsStopword(text: string, i: number): boolean {
  for (let length = 2; length <= MAX_STOPWORD; length++) if (STOPWORDS.has(text.slice(i, i + length))) return true;
  return false;
}

/** Every other occurrence of a name found with confidence (two characters or more). */
function repeatedMentions(text: string, found: readonly PhiFinding[]): PhiFinding[] {
  const names = new Set(found.filter((f) => f.end - f.start >= 2).map((f) => text.slice(f.start, f.end)));
  const mentions: PhiFinding[] = [];
  for (const name of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      if (!found.some((f) => f.start === i)) {
        mentions.push({
          type: 'NAME',
          start: i,
          end: i + name.length,
          score: SCORE.repeated,
          recognizer: NAME,
          pattern: 'repeated-mention',
          context: [],
        });
      }
    }
  }
  return mentions;
}
