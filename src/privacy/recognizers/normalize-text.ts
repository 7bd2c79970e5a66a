import type { TextLanguage } from '../phi-types.js';
import { escapeRegExp, isHan } from './recognizer.js';

/**
 * Folds the text for matching without moving any offset: every character whose NFKC form is a
 * single UTF-16 code unit is replaced by that form (全角 ０-９ → 0-9, ： → :, ideographic space →
 * space, ① → 1…), and typographic dashes become '-'. Characters whose NFKC form is longer (℃, ㎎)
 * stay as they are, so the result always has the original's length.
 */
export function foldForMatching(text: string): string {
  FOLD_REGEX.lastIndex = 0;
  return text.replace(FOLD_REGEX, (ch) => FOLD_MAP.get(ch) ?? ch);
}

// Ranges holding compatibility forms that occur in clinical text; scanning all 64k code points
// at start-up would cost more than it finds.
const FOLD_RANGES: readonly [number, number][] = [
  [0x00a0, 0x00ff],
  [0x2000, 0x2bff],
  [0x3000, 0x303f],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe6f],
  [0xff00, 0xffef],
];
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63';

const FOLD_MAP = buildFoldMap();
const FOLD_REGEX = new RegExp(`[${[...FOLD_MAP.keys()].map(escapeRegExp).join('')}]`, 'g');

function buildFoldMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of FOLD_RANGES) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      const folded = ch.normalize('NFKC');
      if (folded.length === 1 && folded !== ch) map.set(ch, folded);
    }
  }
  for (const dash of DASHES) map.set(dash, '-');
  return map;
}

export interface LanguageProfile {
  /** The majority script's language. */
  primary: TextLanguage;
  /** Every language with enough text to be worth running its recognizers. */
  present: Set<TextLanguage>;
}

/** Chinese notes quote English lab names and vice versa, so a few letters of either count. */
const MIN_HAN = 2;
const MIN_LATIN = 3;

/** Detects the languages of a text from its share of Han characters and Latin letters. */
export function detectLanguages(text: string): LanguageProfile {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20; // folds ASCII upper case onto lower case
    if (c >= 0x61 && c <= 0x7a) latin++;
    else if (isHan(text.charCodeAt(i))) han++;
  }
  // A Han character carries about as much as a word of three or four letters.
  const primary: TextLanguage = han * 3 >= latin && han > 0 ? 'zh' : 'en';
  const present = new Set<TextLanguage>([primary]);
  if (han >= MIN_HAN) present.add('zh');
  if (latin >= MIN_LATIN) present.add('en');
  return { primary, present };
}
