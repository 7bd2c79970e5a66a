import { isCalendarDate, isMonthDay, isPlausibleYear } from '../checksums.js';
import { createPatternRecognizer } from './recognizer.js';

/**
 * Dates, every element but the year of which is PHI under HIPAA Safe Harbor (45 CFR
 * 164.514(b)(2)(i)(C)); a year that stands for an event in the patient's life (2019年诊断糖尿病)
 * is flagged too, with a lower score. Each pattern's validator checks the calendar, so
 * 1/2 tablet, 3/7, 130/80 and version numbers are not dates.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_UPPER = '(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)';
const TIME = '(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const ZH_DIGIT = '〇零一二三四五六七八九';

const numbers = (value: string): number[] => (value.match(/\d+/g) ?? []).map(Number);

function yearMonthDay(value: string): boolean {
  const [y = 0, m = 0, d = 0] = numbers(value);
  return isPlausibleYear(y) && isCalendarDate(y, m, d);
}

function twoDigitYearMonthDay(value: string): boolean {
  const [y = 0, m = 0, d = 0] = numbers(value);
  return isCalendarDate(2000 + y, m, d);
}

/** 03/05/2024, 3/5/24, 05.03.2024: month/day or day/month, whichever is a real date. */
function slashedDate(value: string): boolean {
  const [a = 0, b = 0, y = 0] = numbers(value);
  const year = y < 100 ? 2000 + y : y;
  if (y >= 100 && !isPlausibleYear(y)) return false;
  return isCalendarDate(year, a, b) || isCalendarDate(year, b, a);
}

function monthDay(value: string): boolean {
  const [m = 0, d = 0] = numbers(value);
  return isMonthDay(m, d);
}

function yearMonth(value: string): boolean {
  const [y = 0, m = 0] = numbers(value);
  return isPlausibleYear(y) && m >= 1 && m <= 12;
}

function year(value: string): boolean {
  return isPlausibleYear(numbers(value)[0] ?? 0);
}

/** "March 5, 2024", "5 March 2024", "Mar 5", "5-Mar-24": the named month with a real day. */
function namedMonthDate(value: string): boolean {
  const month =
    MONTHS[
      value
        .match(/[A-Za-z]{3,}/)?.[0]
        ?.slice(0, 3)
        .toLowerCase() ?? ''
    ] ?? 0;
  const [day = 0, y] = numbers(value);
  const fullYear = y === undefined ? 2000 : y < 100 ? 2000 + y : y;
  return month > 0 && isPlausibleYear(fullYear) && isCalendarDate(fullYear, month, day);
}

function zhNumeralDate(value: string): boolean {
  const month = zhNumber(value.match(/年(.+?)月/)?.[1] ?? '');
  const day = value.match(/月(.+?)[日号]/)?.[1];
  return day === undefined ? month >= 1 && month <= 12 : isMonthDay(month, zhNumber(day));
}

const ZH_VALUE: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 三十一 as a number; NaN for anything else. */
function zhNumber(s: string): number {
  const digit = (ch: string | undefined) => (ch === undefined || ch === '' ? 0 : (ZH_VALUE[ch] ?? Number.NaN));
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? digit(s) : Number.NaN;
  return (ten === 0 ? 1 : digit(s.slice(0, ten))) * 10 + digit(s.slice(ten + 1));
}

export const dateRecognizer = createPatternRecognizer({
  name: 'date',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'zh-year-month-day',
      type: 'DATE',
      regex: /(?<!\d)\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]/g,
      score: 0.95,
      validate: yearMonthDay,
    },
    {
      name: 'zh-short-year-month-day',
      type: 'DATE',
      regex: /(?<!\d)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]/g,
      score: 0.8,
      validate: twoDigitYearMonthDay,
    },
    { name: 'zh-year-month', type: 'DATE', regex: /(?<!\d)\d{4}\s*年\s*\d{1,2}\s*月(?!\s*\d)/g, score: 0.85, validate: yearMonth },
    { name: 'zh-month-day', type: 'DATE', regex: /(?<![\d.])\d{1,2}\s*月\s*\d{1,2}\s*[日号]/g, score: 0.85, validate: monthDay },
    { name: 'zh-year', type: 'DATE', regex: /(?<![\d.])\d{4}\s*年(?!\s*\d)/g, score: 0.6, validate: year },
    {
      name: 'zh-numeral-date',
      type: 'DATE',
      regex: new RegExp(`[${ZH_DIGIT}]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号])?`, 'g'),
      score: 0.9,
      validate: zhNumeralDate,
    },
    {
      name: 'iso-date',
      type: 'DATE',
      regex: new RegExp(`(?<![\\d.-])\\d{4}-\\d{1,2}-\\d{1,2}${TIME}(?![\\d-])`, 'g'),
      score: 0.95,
      validate: yearMonthDay,
    },
    {
      name: 'year-first-date',
      type: 'DATE',
      regex: /(?<![\d./])\d{4}[/.]\d{1,2}[/.]\d{1,2}(?![\d/]|\.\d)/g,
      score: 0.9,
      validate: yearMonthDay,
    },
    {
      name: 'numeric-date',
      type: 'DATE',
      regex: new RegExp(`(?<![\\d./-])\\d{1,2}([/.-])\\d{1,2}\\1(?:\\d{4}|\\d{2})${TIME}(?![\\d/]|\\.\\d)`, 'g'),
      score: 0.75,
      validate: slashedDate,
    },
    {
      name: 'month-day-year',
      type: 'DATE',
      regex: new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?(?![\\d:])`, 'g'),
      score: 0.85,
      validate: namedMonthDate,
    },
    {
      name: 'day-month-year',
      type: 'DATE',
      regex: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+\\d{4}\\b`, 'g'),
      score: 0.9,
      validate: namedMonthDate,
    },
    {
      name: 'day-mon-year',
      type: 'DATE',
      regex: new RegExp(`\\b\\d{1,2}[-\\s/](?:${MONTH}|${MONTH_UPPER})[-\\s/](?:\\d{4}|\\d{2})\\b`, 'g'),
      score: 0.9,
      validate: namedMonthDate,
    },
    {
      name: 'month-year',
      type: 'DATE',
      regex: new RegExp(`\\b${MONTH}\\.?,?\\s+\\d{4}\\b`, 'g'),
      score: 0.7,
      validate: namedMonthDateWithoutDay,
    },
    {
      name: 'labelled-month-day',
      type: 'DATE',
      requires: ['/'],
      regex:
        /\b(?:[Oo]n|[Dd]ated?|[Ss]ince|[Uu]ntil|DOB|[Aa]dmitted|[Dd]ischarged|[Rr]eported|[Cc]ollected|[Ii]mplanted|[Ss]igned|[Ss]een)[ \t]*:?[ \t]+(?<v>\d{1,2}\/\d{1,2})(?![\d/]|\.\d)/dg,
      group: 'v',

      score: 0.7,
      validate: monthDay,
    },
    {
      name: 'en-event-year',
      type: 'DATE',
      regex: /\b(?:in|since|during|until|from|by|year|born)\s+(?<v>(?:19|20)\d{2})\b(?![-/.]\d)/dg,
      group: 'v',
      score: 0.55,
      validate: year,
    },
  ],
  context: {
    zh: ['出生', '生日', '入院', '出院', '就诊', '手术', '日期', '时间', '确诊', '诊断', '死亡', '发病', '随访'],
    en: [
      'dob',
      'date of birth',
      'born',
      'admitted',
      'discharged',
      'admission',
      'discharge',
      'date',
      'visit',
      'surgery',
      'died',
      'diagnosed',
      'seen on',
    ],
  },
});

function namedMonthDateWithoutDay(value: string): boolean {
  const y = numbers(value)[0] ?? 0;
  return isPlausibleYear(y);
}
