/**
 * Content units: what two clinical texts must share for one to support the other. English:
 * lower-case words without stop words or conversational fillers, lightly stemmed, number words
 * as digits; numbers kept; Chinese: character bigrams of each CJK run (single characters for
 * one-character runs). Provenance scoring and the ROUGE/fact evaluation both read text through
 * these functions, so a note and a transcript are compared the same way everywhere.
 */
import { zhNumber } from '../../shared/spoken-numbers.js';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** A CJK run, an English word (with inner apostrophes) or a number (decimals kept whole). */
const TOKEN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)*/g;

// prettier-ignore
const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'if',
  'then',
  'so',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'with',
  'about',
  'from',
  'into',
  'over',
  'after',
  'before',
  'up',
  'down',
  'out',
  'off',
  'as',
  'is',
  'am',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'do',
  'does',
  'did',
  'doing',
  'done',
  'have',
  'has',
  'had',
  'having',
  'i',
  'me',
  'my',
  'mine',
  'we',
  'us',
  'our',
  'you',
  'your',
  'yours',
  'he',
  'him',
  'his',
  'she',
  'her',
  'hers',
  'it',
  'its',
  'they',
  'them',
  'their',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'how',
  'all',
  'any',
  'both',
  'each',
  'few',
  'more',
  'most',
  'other',
  'some',
  'such',
  'only',
  'own',
  'same',
  'than',
  'too',
  'very',
  'can',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
  'just',
  'also',
  'again',
  'now',
  'not',
  'no',
  'nor',
  'none',
  'yes',
  'yeah',
  'yep',
  'okay',
  'ok',
  'oh',
  'um',
  'uh',
  'hmm',
  'mm',
  'hmm',
  'huh',
  'ah',
  'like',
  'well',
  'right',
  'kind',
  'kinda',
  'sort',
  'gonna',
  'wanna',
  'gotta',
  'really',
  'actually',
  'basically',
  'pretty',
  'lot',
  'little',
  'bit',
  'thing',
  'things',
  'get',
  'got',
  'go',
  'going',
  'went',
  'know',
  'think',
  'mean',
  'say',
  'said',
  'tell',
  'told',
  'let',
  'lets',
  "i'm",
  "i've",
  "i'd",
  "i'll",
  "you're",
  "you've",
  "it's",
  "that's",
  "there's",
  "what's",
  "don't",
  "didn't",
  "doesn't",
  "can't",
  "won't",
  "isn't",
  "wasn't",
  "n't",
  'good',
  'great',
  'sure',
  'thank',
  'thanks',
  'please',
  'hi',
  'hello',
  'alright',
  'because',
  'while',
  'until',
  'through',
  'during',
  'out',
  'again',
  'further',
  'once',
  "one's",
  'every',
  'patient',
  'doctor',
  'dr',
  'mr',
  'mrs',
  'ms',
  'today',
  'day',
  'per',
  'via',
  's',
  't',
  'd',
  'll',
  're',
  've',
  'm',
  'don',
  'didn',
  'doesn',
  'isn',
  'wasn',
]);

// prettier-ignore
const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  once: '1',
  twice: '2',
  half: '0.5',
};

/** Chinese bigrams that carry no clinical content (pronouns, fillers). */
const ZH_STOP_BIGRAMS = new Set([
  '我们',
  '你们',
  '他们',
  '她们',
  '这个',
  '那个',
  '一下',
  '什么',
  '怎么',
  '就是',
  '然后',
  '还是',
  '的话',
  '可以',
  '一个',
  '现在',
  '好的',
  '医生',
  '患者',
  '病人',
  '是的',
  '对的',
  '谢谢',
  '觉得',
  '有点',
  '一点',
  '这样',
  '那样',
  '这种',
  '那么',
  '这么',
  '嗯嗯',
  '您好',
  '你好',
  '请问',
]);

/** Light suffix stripping: consistent on both sides matters more than linguistic accuracy. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return trimDouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return trimDouble(word.slice(0, -2));
  if (word.endsWith('ly') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

function trimDouble(word: string): string {
  const last = word.at(-1);
  if (word.length > 3 && last === word.at(-2) && last && !'lsz'.includes(last)) return word.slice(0, -1);
  if (word.endsWith('at') || word.endsWith('iz') || word.endsWith('bl')) return `${word}e`;
  return word;
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Share of letters (CJK characters and Latin letters) that are CJK. */
export function cjkShare(text: string): number {
  let cjk = 0;
  let latin = 0;
  for (const char of text) {
    if (CJK.test(char)) cjk++;
    else if (/[A-Za-z]/.test(char)) latin++;
  }
  return cjk + latin === 0 ? 0 : cjk / (cjk + latin);
}

function pushCjkBigrams(run: string, out: string[]): void {
  if (run.length === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < run.length; i++) {
    const bigram = run.slice(i, i + 2);
    if (!ZH_STOP_BIGRAMS.has(bigram)) out.push(bigram);
  }
}

/** A Chinese numeral right before a counter or unit: 三天, 两周, 十二小时 (not 一些, 十二指肠). */
const ZH_COUNTED_NUMERAL = /[零一二两三四五六七八九十]+(?=[天周日月年次岁个片粒颗支袋]|小时|分钟|星期|毫克|毫升|克)/g;

/** The content units of a text, in order, with repeats (see the module comment). */
export function contentUnits(text: string): string[] {
  const out: string[] = [];
  // "咳嗽三天" and "咳嗽3天" must support each other: counted Chinese numerals become digits.
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(ZH_COUNTED_NUMERAL, (numeral) => String(zhNumber(numeral) ?? numeral));
  let numberEnd = -1;
  for (const match of folded.matchAll(TOKEN)) {
    const token = match[0];
    const first = token.charCodeAt(0);
    if (first >= 0x3400) {
      // A number and the counter right after it are one unit ("3天"), so 头痛3天 matches 头痛三天了.
      if (match.index === numberEnd) {
        out[out.length - 1] += token[0] as string;
        if (token.length > 1) pushCjkBigrams(token.slice(1), out);
      } else pushCjkBigrams(token, out);
    } else if (first >= 48 && first <= 57) {
      out.push(token);
      numberEnd = match.index + token.length;
    } else {
      const number = NUMBER_WORDS[token];
      if (number) out.push(number);
      else if (!STOPWORDS.has(token) && token.length > 1) out.push(stem(token.replace(/'s$/, '')));
    }
  }
  return out;
}

/** The distinct content units of a text. */
export function contentUnitSet(text: string): Set<string> {
  return new Set(contentUnits(text));
}

/**
 * Tokens for ROUGE: English lower-case words and numbers (no stop-word removal, light stemming as
 * the reference scorer's Porter option does), Chinese one token per character.
 */
export function rougeTokens(text: string): string[] {
  const out: string[] = [];
  const folded = text.normalize('NFKC').toLowerCase();
  for (const match of folded.matchAll(TOKEN)) {
    const token = match[0];
    if (token.charCodeAt(0) >= 0x3400) for (const char of token) out.push(char);
    else out.push(/^\d/.test(token) ? token : stem(token));
  }
  return out;
}
