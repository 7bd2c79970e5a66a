/**
 * Sentence splitting for Chinese and English clinical text: full-width 。！？；, ASCII . ! ? ;
 * followed by a space or the end, and line breaks. Titles ("Dr.", "Mrs."), Latin abbreviations
 * ("e.g.", "b.i.d.") and decimals ("1.5 mg") do not end a sentence; a unit with a full stop
 * ("500 mg. twice daily") ends one only when a capital letter or the end follows.
 */

/** Words whose trailing full stop never ends a sentence. */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'no', 'approx', 'fig', 'ref', 'jr', 'sr', 'e.g', 'i.e', 'cf']);
/** Units and dosing abbreviations: a full stop after them ends a sentence only before a capital. */
const UNIT_ABBREVIATIONS = new Set([
  'mg',
  'mcg',
  'g',
  'kg',
  'ml',
  'l',
  'mmhg',
  'cm',
  'mm',
  'in',
  'lb',
  'lbs',
  'oz',
  'hr',
  'hrs',
  'min',
  'mins',
  'sec',
  'wk',
  'wks',
  'mo',
  'yr',
  'yrs',
  'tab',
  'tabs',
  'cap',
  'caps',
  'b.i.d',
  'bid',
  't.i.d',
  'tid',
  'q.i.d',
  'qid',
  'q.d',
  'qd',
  'p.o',
  'po',
  'prn',
  'q.h.s',
  'qhs',
  'a.m',
  'p.m',
]);

const CLOSERS = '"\'”’）)」』】]';
const FULL_WIDTH_END = '。！？；…';

function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && /[A-Za-z.]/.test(text[start - 1] ?? '')) start--;
  return text.slice(start, dot).toLowerCase();
}

/** Splits `text` into trimmed, non-empty sentences in reading order. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const push = (end: number) => {
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  };
  const length = text.length;
  const candidates = /[\n\r。！？；…!?;.]/g;
  for (let found = candidates.exec(text); found; found = candidates.exec(text)) {
    const i = found.index;
    if (i < start) continue;
    const char = found[0];
    if (char === '\n' || char === '\r') {
      push(i);
      continue;
    }
    let ends = false;
    if (FULL_WIDTH_END.includes(char)) {
      ends = true;
    } else if (char === '!' || char === '?' || char === ';' || char === '.') {
      const next = text[i + 1];
      // ASCII terminators end a sentence only at a space, a line end or the end of the text.
      if (next === undefined || /\s/.test(next) || CLOSERS.includes(next)) {
        ends = true;
        if (char === '.') {
          const word = wordBefore(text, i);
          if (word && TITLES.has(word)) ends = false;
          else if (word && UNIT_ABBREVIATIONS.has(word) && text[i - word.length - 1] !== undefined) {
            const after = text.slice(i + 1).match(/^\s*(\S)/)?.[1];
            if (after && !/[A-Z\u4e00-\u9fff]/.test(after)) ends = false;
          } else if (/^[a-z]$/.test(word) && text[i - 2] === '.') ends = false; // "e.g." mid-abbreviation
        }
      }
    }
    if (!ends) continue;
    let end = i + 1;
    while (end < length && (CLOSERS.includes(text[end] as string) || FULL_WIDTH_END.includes(text[end] as string))) end++;
    push(end);
    candidates.lastIndex = end;
  }
  push(length);
  return sentences;
}
