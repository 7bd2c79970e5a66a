/**
 * Spoken numbers as digits, so "one twenty over eighty", "a hundred and ten" and "两周" compare
 * with "120/80", "110" and "2 weeks". Only what consultations say about vitals, doses and
 * follow-up intervals; anything else is left as it is.
 */

// prettier-ignore
const UNITS: Record<string, number> = { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
// prettier-ignore
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
// prettier-ignore
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const NUMBER_WORD =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** A run of number words: it starts with a number word (or "a hundred"), then number words, "and", "a", "oh", "hundred". */
const WORD = new RegExp(`\\b(?:a[\\s-]+hundred|${NUMBER_WORD})\\b(?:[\\s-]+(?:a|and|oh|hundred|${NUMBER_WORD})\\b)*`, 'gi');

/** Reads a group below 100 starting at `i`: "ninety eight", "fifteen", "seven". */
function group(words: string[], i: number): { value: number; next: number } | undefined {
  const word = words[i];
  if (word === undefined) return undefined;
  if (TEENS[word] !== undefined) return { value: TEENS[word], next: i + 1 };
  if (TENS[word] !== undefined) {
    const unit = words[i + 1];
    if (unit !== undefined && UNITS[unit] !== undefined && UNITS[unit] !== 0) return { value: TENS[word] + UNITS[unit], next: i + 2 };
    return { value: TENS[word], next: i + 1 };
  }
  if (UNITS[word] !== undefined && word !== 'oh') return { value: UNITS[word], next: i + 1 };
  return undefined;
}

function readRun(run: string): string {
  const words = run
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] as string;
    // "a hundred and ten", "one hundred twenty"
    const hundredAt = word === 'a' ? i + 1 : group(words, i)?.next;
    if (hundredAt !== undefined && words[hundredAt] === 'hundred') {
      const multiplier = word === 'a' ? 1 : (group(words, i)?.value ?? 1);
      let j = hundredAt + 1;
      if (words[j] === 'and') j++;
      const rest = group(words, j);
      out.push(String(multiplier * 100 + (rest?.value ?? 0)));
      i = rest ? rest.next : hundredAt + 1;
      continue;
    }
    const first = group(words, i);
    if (!first) {
      out.push(word);
      i++;
      continue;
    }
    // "one twenty" / "one forty five": a digit then a group of tens, as blood pressures are said.
    const second = first.value < 10 && first.value > 0 ? group(words, first.next) : undefined;
    if (second && second.value >= 10 && words[first.next] !== undefined && TEENS[words[first.next] as string] === undefined) {
      out.push(String(first.value * 100 + second.value));
      i = second.next;
      continue;
    }
    out.push(String(first.value));
    i = first.next;
  }
  return out.join(' ');
}

/** English number words → digits ("one twenty over eighty" → "120 over 80"); "a" and "and" alone stay. */
export function spokenNumbersToDigits(text: string): string {
  return text.replace(WORD, (run) => (/^(?:(?:a|and|oh)\b[\s-]*)+$/i.test(run) ? run : readRun(run)));
}

const ZH_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };

/** A small Chinese numeral (一 … 九十九, 两, 半) as a number; undefined when it is not one. */
export function zhNumber(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === '半') return 0.5;
  if (!/^[零一二两三四五六七八九十]+$/.test(text)) return undefined;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? ZH_DIGITS[text] : undefined;
  const tens = ten === 0 ? 1 : (ZH_DIGITS[text[0] as string] ?? 1);
  const unit = ten === text.length - 1 ? 0 : (ZH_DIGITS[text[ten + 1] as string] ?? 0);
  return tens * 10 + unit;
}
