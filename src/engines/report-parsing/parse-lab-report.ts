import { findLab, type LabIndex } from '../labs/index.js';

/** The flag the laboratory printed next to a value (↑ ↓ H L * 偏高 …), as printed, not recomputed. */
export type ReportedFlag = 'high' | 'low' | 'abnormal';

/** One numeric result read from a pasted report. */
export interface ParsedReportResult {
  /** The test name as printed ("血红蛋白(HGB)", "K+"). */
  test: string;
  /** The curated lab it matched. */
  labId: string;
  value: number;
  /** Printed before the number ("<0.01", ">90"): the true value lies beyond `value`. */
  comparator?: '<' | '>' | '<=' | '>=';
  /** Unit as printed (superscript powers rewritten as 10^n). */
  unit?: string;
  /** The source line, trimmed. */
  line: string;
  /** The reference range the laboratory printed ("130-175", "<40"). */
  reportedRange?: string;
  /** The printed range as numbers, in the result's unit ("<40" → high 40); absent when unreadable or backwards. */
  reportedBounds?: ReportedBounds;
  reportedFlag?: ReportedFlag;
}

/** A printed reference range as numbers, in the unit the result was printed in. */
export interface ReportedBounds {
  low?: number;
  high?: number;
}

export interface ParsedLabReport {
  results: ParsedReportResult[];
  /** Non-blank lines that gave no result (headers, qualitative results, unknown tests), capped. */
  unparsed: string[];
}

const MAX_LINES = 5000;
const MAX_UNPARSED = 500;
const MAX_LINE_CHARS = 300;

const SUPERSCRIPT_DIGITS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁶': '6', '⁹': '9', '¹²': '12' };

/** A value token: optional comparator, number (comma or dot decimal), optional flag glued on ("98↓", "6.8H"). */
const VALUE_RE = /^(<=|>=|≤|≥|<|>)?([-+]?\d+(?:[.,]\d+)*)(↑+|↓+|\*|HH|LL|H|L)?$/;
/** A printed range: "130-175", "(135-145)", "[3.5-5.3]", "<40", "≤5.0". */
const RANGE_RE = /^[([]?((?:<=|>=|≤|≥|<|>)\d+(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?-{1,2}-?\d+(?:[.,]\d+)?)[)\]]?$/;
const FLAG_TOKENS: Record<string, ReportedFlag> = {
  '↑': 'high',
  '↑↑': 'high',
  h: 'high',
  hh: 'high',
  high: 'high',
  高: 'high',
  偏高: 'high',
  '↓': 'low',
  '↓↓': 'low',
  l: 'low',
  ll: 'low',
  low: 'low',
  低: 'low',
  偏低: 'low',
  '*': 'abnormal',
  a: 'abnormal',
  异常: 'abnormal',
};
/** Unit-shaped: powers of ten per volume, letters with a slash, %, or a short known unit word. */
const UNIT_RE =
  /^(?:[×x*]?10(?:\^|\*|e)?\d{1,2}\/[a-zµμ0-9]+|[a-zµμ%][a-zµμ0-9%^.·²³*/()_-]*\/[a-zµμ0-9.^²³/_()-]+|%|fl|pg|s|sec|秒|ratio|mm\/h|kpa|mmhg|iu|u|pH)$/i;

/**
 * Reads numeric results out of a pasted printed lab report, Chinese or English: table rows
 * ("项目 结果 单位 参考范围", tabs or full-width spaces), "血红蛋白(HGB) 98 g/L 130-175 ↓",
 * "Sodium 128 mmol/L (135-145) L", "K+: 6.1 mmol/L H", two results on one row. Test names go
 * through `findLab` (whole name, then the text before / inside parentheses, then its Chinese or
 * Latin part). Never throws: anything unreadable lands in `unparsed`.
 */
export function parseLabReport(text: string, labIndex: LabIndex): ParsedLabReport {
  const results: ParsedReportResult[] = [];
  const unparsed: string[] = [];
  if (typeof text !== 'string') return { results, unparsed };
  const lines = text.split(/\r\n|\r|\n/).slice(0, MAX_LINES);
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const found = parseLine(normaliseLine(line.slice(0, 2000)), labIndex, line.slice(0, MAX_LINE_CHARS));
    if (found.length > 0) results.push(...found);
    else if (unparsed.length < MAX_UNPARSED) unparsed.push(line.slice(0, MAX_LINE_CHARS));
  }
  return { results, unparsed };
}

/** Full-width → half-width (NFKC) after rewriting superscript powers (NFKC would make "10⁹" read "109"). */
function normaliseLine(line: string): string {
  let s = line.replace(/10([⁰¹²³⁶⁹]+)/g, (_m, sup: string) => `10^${[...sup].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('')}`);
  s = s.normalize('NFKC');
  s = s.replace(/[:：]\s*/g, ' '); // "K+: 6.1", "钾:6.1"
  s = s.replace(/(\d)\s*(?:-{1,2}|[–—~～])\s*(?=-?\d)/g, '$1-'); // "130 - 175" → "130-175"
  s = s.replace(/([×x*])\s+10/g, '$110'); // "× 10^9/L"
  s = s.replace(/(\d)\s+(↑+|↓+)/g, '$1 $2');
  return s;
}

function parseLine(line: string, index: LabIndex, original: string): ParsedReportResult[] {
  const tokens = line.split(/\s+/).filter(Boolean);
  // A leading row number ("1", "12.", "3、") is not part of the name.
  if (tokens.length > 2 && /^\d{1,3}[.、)]?$/.test(tokens[0] ?? '') && !VALUE_RE.test(tokens[1] ?? '')) tokens.shift();
  const out: ParsedReportResult[] = [];
  let start = 0;
  while (start < tokens.length) {
    const next = parseSegment(tokens, start, index, original);
    if (!next) break;
    out.push(next.result);
    start = next.end;
  }
  return out;
}

/** One name + value (+ unit, range, flag) starting at `start`; undefined when none follows. */
function parseSegment(
  tokens: readonly string[],
  start: number,
  index: LabIndex,
  line: string,
): { result: ParsedReportResult; end: number } | undefined {
  for (let i = start + 1; i < tokens.length; i++) {
    const match = VALUE_RE.exec(tokens[i] ?? '');
    if (!match) continue;
    let nameTokens = tokens.slice(start, i);
    // "CA 125 35 U/mL": the number belongs to the name when name+number is a test and a value follows.
    const following = tokens[i + 1];
    if (following && VALUE_RE.test(following)) {
      const longer = [...nameTokens, tokens[i] as string];
      if (resolveName(index, longer.join(' '))) {
        nameTokens = longer;
        continue;
      }
    }
    const name = cleanName(nameTokens.join(' '));
    const labId = resolveName(index, name);
    if (!labId) continue;
    const value = parseNumber(match[2] as string);
    if (value === undefined) continue;
    const result: ParsedReportResult = { test: name, labId, value, line };
    const comparator = match[1];
    if (comparator) result.comparator = comparator === '≤' ? '<=' : comparator === '≥' ? '>=' : (comparator as '<' | '>' | '<=' | '>=');
    if (match[3]) result.reportedFlag = FLAG_TOKENS[match[3].toLowerCase()] ?? 'abnormal';
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const token = tokens[j] as string;
      const flag = FLAG_TOKENS[token.toLowerCase()];
      if (flag) {
        result.reportedFlag ??= flag;
        continue;
      }
      const range = RANGE_RE.exec(token);
      if (range && result.reportedRange === undefined) {
        result.reportedRange = (range[1] as string).replace(/--/, '-');
        const bounds = rangeBounds(result.reportedRange);
        if (bounds) result.reportedBounds = bounds;
        continue;
      }
      // A unit, unless the token is the next test's name ("… 3.5-9.5 PLT 210 …").
      if (result.unit === undefined && UNIT_RE.test(token) && !findLab(index, token)) {
        result.unit = token;
        continue;
      }
      break;
    }
    return { result, end: j };
  }
  return undefined;
}

function cleanName(name: string): string {
  return name
    .replace(/^[*★☆▲△#]+/, '')
    .replace(/[*★☆▲△]+$/, '')
    .trim();
}

/** The whole name, then the text before and inside parentheses, its Chinese part, its Latin part, its last words. */
function resolveName(index: LabIndex, name: string): string | undefined {
  if (!name || name.length > 80 || !/[\p{L}]/u.test(name)) return undefined;
  const candidates = [name];
  const paren = /^(.*?)\((.*?)\)(.*)$/.exec(name);
  if (paren) candidates.push((paren[1] as string).trim(), (paren[2] as string).trim(), `${paren[1]}${paren[3]}`.trim());
  const han = name.replace(/[^\p{Script=Han}]/gu, '');
  if (han && han !== name) candidates.push(han);
  const latin = name
    .replace(/[\p{Script=Han}]/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (latin && latin !== name) candidates.push(latin, ...latin.replace(/[()]/g, ' ').split(' '));
  // Words before the name on the same row ("检验项目 Hb", "Result: Sodium"): the last one to three words.
  const words = name.split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) candidates.push(words.slice(-n).join(' '));
  for (const candidate of candidates) {
    if (!candidate) continue;
    const lab = findLab(index, candidate);
    if (lab) return lab.id;
  }
  return undefined;
}

/**
 * "5,2" is a decimal comma; "1,250" (1–3 digits, then groups of three) is a thousands separator,
 * as printed for NT-proBNP or platelets in English reports.
 */
function parseNumber(text: string): number | undefined {
  let t = text;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^[-+]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  const value = Number(t);
  return Number.isFinite(value) ? value : undefined;
}

const TWO_SIDED_RE = /^(-?\d+(?:[.,]\d+)?)-(-?\d+(?:[.,]\d+)?)$/;
const ONE_SIDED_RE = /^(<=|>=|≤|≥|<|>)(\d+(?:[.,]\d+)?)$/;

/**
 * "130-175" → {low 130, high 175}; "<40", "≤5.0" → {high}; ">90", "≥60" → {low}; "-3-3" → {low -3, high 3}.
 * A comma is a decimal comma here (ranges carry no thousands). Undefined when low ≥ high.
 */
export function rangeBounds(text: string): ReportedBounds | undefined {
  const num = (t: string): number => Number(t.replace(',', '.'));
  const two = TWO_SIDED_RE.exec(text);
  if (two) {
    const low = num(two[1] as string);
    const high = num(two[2] as string);
    return Number.isFinite(low) && Number.isFinite(high) && low < high ? { low, high } : undefined;
  }
  const one = ONE_SIDED_RE.exec(text);
  if (!one) return undefined;
  const limit = num(one[2] as string);
  if (!Number.isFinite(limit)) return undefined;
  return (one[1] as string).startsWith('<') || one[1] === '≤' ? { high: limit } : { low: limit };
}
