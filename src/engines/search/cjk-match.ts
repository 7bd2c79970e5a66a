import { createRequire } from 'node:module';
import type { pinyin as pinyinFunction } from 'pinyin-pro';

/**
 * pinyin-pro (its dictionary takes ~0.1–0.2 s to load) is required on the first Chinese name the
 * search index encodes, not when the server or a CLI command starts.
 */
let loadedPinyin: typeof pinyinFunction | undefined;
/** Every toneless reading of one character (地 → di, de). */
function pinyinReadings(char: string): string[] {
  loadedPinyin ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof pinyinFunction }).pinyin;
  return loadedPinyin(char, { toneType: 'none', type: 'array', multiple: true });
}

/**
 * Typo-tolerant matching for Chinese names: a weighted edit distance over characters in which
 * swapping a character for one that sounds the same (同音字, the commonest input-method slip:
 * 阿斯匹林 for 阿司匹林) costs little, one that sounds nearly the same (front/back nasal, z/zh,
 * l/n… 华法令 for 华法林) a little more, one that only rhymes (辛伐他丁 for 辛伐他汀) more again,
 * and any other character a full edit. Letters and digits inside a Chinese name (维生素D,
 * 肌钙蛋白T) are identifiers: swapping one is never a typo.
 */

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Chinese word segmentation from the ICU dictionary built into Node (`Intl.Segmenter`, the same
 * segmenter browsers use for double-click selection): 胸痛风险评分 → 胸痛|风险|评|分,
 * 房颤卒中风险评分 → 房|颤|卒中|风险|评|分. Words it does not know (most drug names) come out as
 * single characters, so inside them every position is a boundary and nothing is lost.
 */
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;
const wordCache = new Map<string, readonly (readonly [number, number])[]>();

/** The words of `text` as [start, end) code-unit offsets (one span per character without a segmenter). */
export function wordSpans(text: string): readonly (readonly [number, number])[] {
  let spans = wordCache.get(text);
  if (!spans) {
    spans = segmenter
      ? [...segmenter.segment(text)].map(({ index, segment }) => [index, index + segment.length] as const)
      : [...text].map((_, index) => [index, index + 1] as const);
    if (wordCache.size > 20_000) wordCache.clear();
    wordCache.set(text, spans);
  }
  return spans;
}

/**
 * Whether `query` occurs in `name` as words rather than as a fragment straddling two of them:
 * at least one occurrence starts where a word of `name` starts (呼吸 in 上|呼吸道|感染,
 * 头痛 in 丛|集|性|头痛), or is the last part of a compound word and a word by itself (细胞 in
 * 白细胞, 感冒 in 流行性感冒 — Chinese compounds put their head last). 痛风 (gout) in 胸痛|风险 and
 * 毒血症 in 病毒|血症 are neither.
 */
export function occursAsWords(name: string, query: string): boolean {
  const queryIsWord = wordSpans(query).length === 1;
  for (let at = name.indexOf(query); at >= 0; at = name.indexOf(query, at + 1)) {
    const span = wordSpans(name).find(([start, end]) => start <= at && at < end);
    if (!span || span[0] === at) return true;
    if (queryIsWord && span[1] === at + query.length) return true;
  }
  return false;
}

/** What the aligner needs to know about one character. */
export interface CjkChar {
  char: string;
  han: boolean;
  /** Toneless pinyin readings (all of them for a heteronym such as 地 di/de). */
  readings: readonly string[];
  /** Readings with the usual input-method 模糊音 pairs folded together. */
  near: readonly string[];
  /** Finals (韵母) of the readings, for rhymes. */
  finals: readonly string[];
}

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];
/** z/zh, c/ch, s/sh, n/l, f/h, r/l: the initials Chinese pinyin input methods offer as fuzzy pairs. */
const NEAR_INITIAL: Record<string, string> = { zh: 'z', ch: 'c', sh: 's', n: 'l', h: 'f', r: 'l' };
/** an/ang, en/eng, in/ing, ian/iang, uan/uang: the fuzzy finals. */
const NEAR_FINAL: Record<string, string> = { ang: 'an', eng: 'en', ing: 'in', iang: 'ian', uang: 'uan' };

function split(syllable: string): [string, string] {
  const initial = INITIALS.find((candidate) => syllable.startsWith(candidate) && syllable.length > candidate.length) ?? '';
  return [initial, syllable.slice(initial.length)];
}

const cache = new Map<string, CjkChar>();

export function describeChar(char: string): CjkChar {
  const cached = cache.get(char);
  if (cached) return cached;
  const han = HAN.test(char);
  const readings = han ? [...new Set(pinyinReadings(char).map((r) => r.toLowerCase()))] : [];
  const parts = readings.map(split);
  const described: CjkChar = {
    char,
    han,
    readings,
    near: [...new Set(parts.map(([initial, final]) => (NEAR_INITIAL[initial] ?? initial) + (NEAR_FINAL[final] ?? final)))],
    finals: [...new Set(parts.map(([, final]) => NEAR_FINAL[final] ?? final))],
  };
  cache.set(char, described);
  return described;
}

export function describeText(text: string): CjkChar[] {
  return [...text].map(describeChar);
}

const shares = (a: readonly string[], b: readonly string[]) => a.some((value) => b.includes(value));

/** Cost of writing `a` where `b` was meant. */
export const SUBSTITUTION = { homophone: 0.25, near: 0.5, rhyme: 0.75, other: 1, identifier: 2 } as const;

export function substitutionCost(a: CjkChar, b: CjkChar): number {
  if (a.char === b.char) return 0;
  if (!a.han || !b.han) return SUBSTITUTION.identifier;
  if (shares(a.readings, b.readings)) return SUBSTITUTION.homophone;
  if (shares(a.near, b.near)) return SUBSTITUTION.near;
  if (shares(a.finals, b.finals)) return SUBSTITUTION.rhyme;
  return SUBSTITUTION.other;
}

/**
 * The largest total cost accepted for a query of `length` characters: short queries only
 * tolerate sound-alike slips (a 2-character query one homophone), so that everyday words do not
 * turn into drug names; from five characters one arbitrary wrong character is accepted too.
 */
export function maxCost(length: number): number {
  if (length < 2) return -1;
  if (length === 2) return SUBSTITUTION.homophone;
  if (length <= 4) return SUBSTITUTION.rhyme;
  if (length === 5) return 1;
  return length <= 8 ? 1.5 : 2;
}

/** A query prepared for matching: per query character, the substitution cost against every known character. */
export interface PreparedQuery {
  length: number;
  costs: Float64Array[];
}

/**
 * The Chinese names of an index, each stored as character ids, so that a query computes its
 * substitution costs once per distinct character instead of once per alignment cell.
 */
export class CjkMatcher {
  private readonly alphabet: CjkChar[] = [];
  private readonly ids = new Map<string, number>();
  /** Character ids by reading, by folded near reading and by final, to fill a query's costs fast. */
  private readonly byReading = new Map<string, number[]>();
  private readonly byNear = new Map<string, number[]>();
  private readonly byFinal = new Map<string, number[]>();

  /** The name as ids into this matcher's alphabet (new characters are added). */
  encode(text: string): Int32Array {
    return Int32Array.from([...text], (char) => {
      let id = this.ids.get(char);
      if (id === undefined) {
        id = this.alphabet.length;
        const described = describeChar(char);
        this.alphabet.push(described);
        this.ids.set(char, id);
        for (const [index, keys] of [
          [this.byReading, described.readings],
          [this.byNear, described.near],
          [this.byFinal, described.finals],
        ] as const) {
          for (const key of keys) index.set(key, [...(index.get(key) ?? []), id]);
        }
      }
      return id;
    });
  }

  /** Equivalent to `substitutionCost(queryChar, alphabetChar)` for every pair, without comparing each pair. */
  prepare(query: string): PreparedQuery {
    const chars = describeText(query);
    const costs = chars.map((q) => {
      const row = new Float64Array(this.alphabet.length);
      this.alphabet.forEach((t, id) => {
        row[id] = q.han && t.han ? SUBSTITUTION.other : SUBSTITUTION.identifier;
      });
      const lower = (index: Map<string, number[]>, keys: readonly string[], cost: number) => {
        for (const key of keys) for (const id of index.get(key) ?? []) row[id] = Math.min(row[id] as number, cost);
      };
      lower(this.byFinal, q.finals, SUBSTITUTION.rhyme);
      lower(this.byNear, q.near, SUBSTITUTION.near);
      lower(this.byReading, q.readings, SUBSTITUTION.homophone);
      const same = this.ids.get(q.char);
      if (same !== undefined) row[same] = 0;
      return row;
    });
    return { length: chars.length, costs };
  }

  /**
   * Weighted edit distance of the query against `term` (insertions and deletions cost 1). With
   * `within`, the query may match any stretch of the term (leading and trailing term characters
   * are free), for a query that is part of a longer name. Gives up, returning `max + 1`, once
   * every alignment costs more than `max`.
   */
  distance(query: PreparedQuery, term: Int32Array, max: number, within: boolean): number {
    const n = term.length;
    if (!within && Math.abs(n - query.length) > max) return max + 1;
    let previous = new Float64Array(n + 1);
    let current = new Float64Array(n + 1);
    for (let j = 0; j <= n; j++) previous[j] = within ? 0 : j;
    for (let i = 1; i <= query.length; i++) {
      const costs = query.costs[i - 1] as Float64Array;
      current[0] = i;
      let rowMin = i;
      for (let j = 1; j <= n; j++) {
        const value = Math.min(
          (previous[j] as number) + 1,
          (current[j - 1] as number) + 1,
          (previous[j - 1] as number) + (costs[term[j - 1] as number] as number),
        );
        current[j] = value;
        if (value < rowMin) rowMin = value;
      }
      if (rowMin > max) return max + 1;
      [previous, current] = [current, previous];
    }
    let best = previous[n] as number;
    if (within) for (let j = 0; j < n; j++) best = Math.min(best, previous[j] as number);
    return best <= max ? best : max + 1;
  }
}
