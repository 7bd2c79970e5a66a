import type { PhiFinding, PhiType, TextLanguage } from '../phi-types.js';

/**
 * The contract every PHI recognizer implements, after Presidio's `EntityRecognizer`: a named
 * detector for some PHI types in some languages. Recognizers receive the matching text (the
 * original with full-width and other NFKC compatibility forms folded one code unit for one, so
 * offsets are unchanged) and return findings with offsets into it — and so into the original.
 */
export interface PhiRecognizer {
  readonly name: string;
  readonly types: readonly PhiType[];
  /** Languages whose text this recognizer understands; language-neutral ones list both. */
  readonly languages: readonly TextLanguage[];
  recognize(text: string, ctx: RecognizerContext): PhiFinding[];
}

export interface RecognizerContext {
  /** The text as given to the analyzer (the recognizer's `text` is its folded twin). */
  readonly original: string;
  /** The languages whose recognizers run on this text: both on mixed notes. */
  readonly languages: ReadonlySet<TextLanguage>;
}

/** How much a context word near a match raises its score (Presidio's default enhancement). */
export const CONTEXT_BOOST = 0.35;

/** Context words in both languages; English ones match as whole words, case-insensitively. */
export interface ContextWords {
  zh?: readonly string[];
  en?: readonly string[];
}

export interface ContextWindow {
  before: number;
  after: number;
}

export const DEFAULT_CONTEXT_WINDOW: ContextWindow = { before: 32, after: 16 };

/** Finds the context words within a window around a span. */
export interface ContextMatcher {
  find(text: string, start: number, end: number): string[];
}

const NO_CONTEXT: ContextMatcher = { find: () => [] };

export function createContextMatcher(words: ContextWords, window: ContextWindow = DEFAULT_CONTEXT_WINDOW): ContextMatcher {
  // Lower-cased words against a lower-cased window: V8 scans case-insensitive alternations slowly.
  const zh = [...(words.zh ?? [])]
    .map((w) => w.toLowerCase())
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const en = [...(words.en ?? [])]
    .map((w) => w.toLowerCase())
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const alternatives = [...zh, ...(en.length ? [`(?<![A-Za-z])(?:${en.join('|')})(?![A-Za-z])`] : [])];
  if (alternatives.length === 0) return NO_CONTEXT;
  const regex = new RegExp(alternatives.join('|'), 'g');
  return {
    find(text, start, end) {
      const seen: string[] = [];
      collect(text.slice(Math.max(0, start - window.before), start));
      collect(text.slice(end, end + window.after));
      return seen;

      function collect(window: string): void {
        const slice = window.toLowerCase();
        regex.lastIndex = 0;
        for (let m = regex.exec(slice); m !== null; m = regex.exec(slice)) {
          const word = m[0];
          if (!seen.includes(word)) seen.push(word);
        }
      }
    },
  };
}

/**
 * A validator's verdict on a matched value: `false` drops the match, `true` keeps it with the
 * pattern's scores, a number is the final score (a passing checksum gives 1, a failing one a low
 * score) that context cannot change.
 */
export type Validation = boolean | number;

export interface PatternSpec {
  /** Names the pattern in each finding's explanation. */
  name: string;
  type: PhiType;
  /** Must carry the `g` flag; the `d` flag too when `group` is set. */
  regex: RegExp;
  /** Score without a context word; 0 makes the pattern context-only. */
  score: number;
  /** Score with a context word in the window; defaults to `score + CONTEXT_BOOST`, at most 1. */
  contextScore?: number;
  /** A named group that is the identifier itself (the label around it is not PHI). */
  group?: string;
  validate?: (value: string) => Validation;
  /** Skip the regex unless the text contains one of these strings (a cheap prefilter). */
  requires?: readonly string[];
}

export interface PatternRecognizerSpec {
  name: string;
  languages: readonly TextLanguage[];
  patterns: readonly PatternSpec[];
  context?: ContextWords;
  contextWindow?: ContextWindow;
}

/** Builds a recognizer from regular-expression patterns, context words and validators. */
export function createPatternRecognizer(spec: PatternRecognizerSpec): PhiRecognizer {
  for (const p of spec.patterns) {
    if (!p.regex.global) throw new Error(`Pattern ${spec.name}/${p.name} needs the g flag`);
    if (p.group !== undefined && !p.regex.hasIndices) throw new Error(`Pattern ${spec.name}/${p.name} needs the d flag for its group`);
  }
  const context = createContextMatcher(spec.context ?? {}, spec.contextWindow);
  const types = [...new Set(spec.patterns.map((p) => p.type))];
  return {
    name: spec.name,
    types,
    languages: spec.languages,
    recognize(text) {
      const findings: PhiFinding[] = [];
      for (const pattern of spec.patterns) {
        if (pattern.requires && !pattern.requires.some((s) => text.includes(s))) continue;
        for (const [start, end] of matchSpans(text, pattern.regex, pattern.group)) {
          const finding = scoreMatch(text, start, end, pattern, context, spec.name);
          if (finding) findings.push(finding);
        }
      }
      return findings;
    },
  };
}

function scoreMatch(text: string, start: number, end: number, pattern: PatternSpec, context: ContextMatcher, recognizer: string) {
  const verdict = pattern.validate ? pattern.validate(text.slice(start, end)) : true;
  if (verdict === false) return undefined;
  const words = context.find(text, start, end);
  // A validator's own score (1 for a passing checksum) still gains from context: a number that
  // fails its checksum beside "身份证号" is most likely a mistyped identifier, and still identifies.
  if (typeof verdict === 'number')
    return finding(verdict >= 1 || words.length === 0 ? verdict : Math.min(1, verdict + CONTEXT_BOOST), words);
  const score = words.length > 0 ? (pattern.contextScore ?? Math.min(1, pattern.score + CONTEXT_BOOST)) : pattern.score;
  return score > 0 ? finding(score, words) : undefined;

  function finding(score: number, words: string[]): PhiFinding {
    return { type: pattern.type, start, end, score, recognizer, pattern: pattern.name, context: words };
  }
}

/** Every match of a global regex as [start, end], of the named group when one is given. */
export function* matchSpans(text: string, regex: RegExp, group?: string): Generator<[number, number]> {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    if (group === undefined) {
      yield [m.index, m.index + m[0].length];
      continue;
    }
    const span = m.indices?.groups?.[group];
    if (span) yield span;
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regex alternation of literal words, longest first, so the longest label wins. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
