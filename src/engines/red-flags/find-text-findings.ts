import { normalizeText } from './normalize-text.js';
import { RED_FLAG_FINDINGS, type RedFlagFinding } from './red-flag-findings.js';
import { TEXT_COMBOS } from './text-combos.js';
import {
  CLAUSE_BREAK,
  HYPOTHETICAL,
  LONG_STANDING,
  NEGATION_AFTER,
  NEGATION_AT_END,
  OTHER_PERSON,
  PAST_EVENT,
  PET,
  PRESENT_NOW,
  QUESTION_WORDS,
  REMOTE_PAST,
  SENTENCE_BREAK,
  SETTLES_WITH_REST,
  TRAILING_FILLER,
} from './text-context.js';
import { TEXT_PHRASES } from './text-phrases.js';

export { normalizeText } from './normalize-text.js';

/**
 * Finds red-flag findings in the patient's free text, Chinese and English, skipping negated
 * phrases, other people's past history and the patient's remote past (see text-context.ts).
 * Regexes are compiled once at module load; a 2,000-character text takes well under 1 ms.
 */

interface CompiledPhrase {
  finding: RedFlagFinding;
  regex: RegExp;
  countsWhenPast: boolean;
  script: 'zh' | 'en';
}

interface Span {
  start: number;
  end: number;
}

/** How far back (characters) the negation check looks for fillers and the negation word. */
const NEGATION_LOOKBACK = 32;
/** Most findings chained by "and/or/和" that one negation word may cover. */
const MAX_CHAIN = 6;

/**
 * One regex per finding and language: an alternation of Chinese and English fragments together
 * defeats V8's first-character scan, and a text with no Chinese (or no Latin letters) skips the
 * other language's regexes entirely.
 */
const COMPILED: readonly CompiledPhrase[] = RED_FLAG_FINDINGS.flatMap((finding) => {
  const set = TEXT_PHRASES[finding];
  const countsWhenPast = set.countsWhenPast === true;
  const compiled: CompiledPhrase[] = [];
  if (set.zh.length > 0) compiled.push({ finding, regex: new RegExp(set.zh.join('|'), 'g'), countsWhenPast, script: 'zh' });
  // `\b` rather than a look-behind keeps V8's fast first-character scan for English phrases.
  if (set.en.length > 0)
    compiled.push({ finding, regex: new RegExp(set.en.map((p) => `\\b(?:${p})(?![a-z])`).join('|'), 'g'), countsWhenPast, script: 'en' });
  return compiled;
});

interface CompiledCombo {
  finding: RedFlagFinding;
  parts: RegExp[];
  /** Per part: whether a negation before it cancels it ("~" parts: no). */
  negatable: boolean[];
  scope: 'clause' | 'sentence';
  countsWhenPast: boolean;
  script: 'zh' | 'en';
}

/** Composed findings (text-combos.ts): one global regex per part. */
const COMPILED_COMBOS: readonly CompiledCombo[] = TEXT_COMBOS.map((combo) => ({
  finding: combo.finding,
  parts: combo.parts.map((raw) => {
    const p = raw.replace(/^~/, '');
    return new RegExp(combo.script === 'en' ? `\\b(?:${p})(?![a-z])` : p, 'g');
  }),
  negatable: combo.parts.map((raw) => !raw.startsWith('~')),
  scope: combo.scope,
  countsWhenPast: combo.countsWhenPast === true,
  script: combo.script,
}));

/** Any character outside ASCII (Chinese, but also "°" from "38.5℃"): the Chinese regexes run. */
const HAS_CJK = /[^\t\n\r\u0020-\u007e]/;
const HAS_LATIN = /[a-z]/;

/** Start offsets of the segments `breaks` cuts the text into (always begins with 0). */
function segmentStarts(text: string, breaks: RegExp): number[] {
  const starts = [0];
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    starts.push(m.index + m[0].length);
    if (m[0].length === 0) breaks.lastIndex++;
  }
  return starts;
}

/** The [start, end) of the segment holding `pos`. */
function segmentAround(starts: readonly number[], pos: number, length: number): Span {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return { start: starts[lo] ?? 0, end: starts[lo + 1] ?? length };
}

function isNegated(text: string, match: Span, clause: Span, spanEndingAt: ReadonlyMap<number, Span>): boolean {
  if (NEGATION_AFTER.test(text.slice(match.end, Math.min(clause.end, match.end + 16)))) return true;
  let pos = match.start;
  for (let hop = 0; hop < MAX_CHAIN; hop++) {
    const from = Math.max(clause.start, pos - NEGATION_LOOKBACK);
    const before = text.slice(from, pos);
    const filler = TRAILING_FILLER.exec(before);
    const cut = pos - (filler?.[0].length ?? 0);
    // Another finding right before ("没有胸痛和出汗"): the negation may cover both.
    const previous = spanEndingAt.get(cut);
    if (previous !== undefined && previous.start >= clause.start && previous.start < pos) {
      pos = previous.start;
      continue;
    }
    return NEGATION_AT_END.test(text.slice(Math.max(clause.start, cut - 12), cut));
  }
  return false;
}

function isOtherPersonsHistory(text: string, match: Span, sentence: Span, clause: Span): boolean {
  const lead = text.slice(sentence.start, match.start);
  if (PET.test(lead)) return true;
  if (!OTHER_PERSON.test(lead)) return false;
  const whole = text.slice(sentence.start, sentence.end);
  return PAST_EVENT.test(whole) && !PRESENT_NOW.test(text.slice(clause.start, clause.end));
}

/** A question ("…会不会突然说不出话？") or a supposition ("如果嘴歪了") rather than a report. */
/** A trait the patient has always had ("从小就这样", "always been crooked"). */
function isLongStanding(text: string, sentence: Span, finding: RedFlagFinding): boolean {
  const whole = text.slice(sentence.start, sentence.end);
  if (SETTLING_FINDINGS.has(finding) && SETTLES_WITH_REST.test(whole)) return true;
  if (HEARTACHE_FINDINGS.has(finding) && HEARTACHE.test(whole)) return true;
  return LONG_STANDING_FINDINGS.has(finding) && LONG_STANDING.test(whole);
}

/** Grief or a break-up said in the same sentence explains a heavy chest ("chest feels heavy with sadness"). */
const HEARTACHE = /失恋|分手|伤心|难过|心碎|(?<![a-z])(?:heartbroken|heartbreak|break-?up|broke up|sadness|grief|grieving|sad)(?![a-z])/;
const HEARTACHE_FINDINGS: ReadonlySet<RedFlagFinding> = new Set(['chest-pain', 'crushing-chest-pain']);

/** Exertional signs that "settle with rest" explains (SETTLES_WITH_REST). */
const SETTLING_FINDINGS: ReadonlySet<RedFlagFinding> = new Set(['breathless', 'severe-breathless', 'shock-signs']);

/** What turns a supposition into a question about it. */
const HYPOTHETICAL_ASKS = /\?|吗|怎么办|怎么处理|该怎么|应该|(?<![a-z])(?:what (?:should|do|to|would)|should (?:i|we)|do i need)(?![a-z])/;

/** Signs someone may have had all their life, which "从小就这样" / "always been like that" explains. */
const LONG_STANDING_FINDINGS: ReadonlySet<RedFlagFinding> = new Set(['face-droop', 'arm-weakness', 'speech-difficulty']);

function isQuestionOrHypothetical(text: string, hit: Span, clause: Span): boolean {
  // Only a question or supposition that leads up to the sign: "胸口疼出冷汗是不是心梗？" reports the
  // signs and then asks, so it still fires.
  const lead = text.slice(clause.start, hit.start);
  // A supposition counts only with a question after it ("如果嘴歪了怎么办？"): "要是一动就喘不上气" is a report.
  if (HYPOTHETICAL.test(lead) && HYPOTHETICAL_ASKS.test(text.slice(clause.start))) return true;
  return /\?\s*$/.test(text.slice(clause.start, clause.end)) && QUESTION_WORDS.test(lead);
}

function isRemotePast(text: string, clause: Span): boolean {
  const c = text.slice(clause.start, clause.end);
  return REMOTE_PAST.test(c) && !PRESENT_NOW.test(c);
}

/** Findings asserted (not negated, not someone else's history, not remote past) in one text. */
export function findTextFindings(raw: string): Set<RedFlagFinding> {
  const found = new Set<RedFlagFinding>();
  if (raw.trim() === '') return found;
  const text = normalizeText(raw);
  const hits: (Span & { phrase: CompiledPhrase })[] = [];
  const scripts = { zh: HAS_CJK.test(text), en: HAS_LATIN.test(text) };
  for (const phrase of COMPILED) {
    if (!scripts[phrase.script]) continue;
    phrase.regex.lastIndex = 0;
    for (let m = phrase.regex.exec(text); m !== null; m = phrase.regex.exec(text)) {
      if (m[0].length === 0) {
        phrase.regex.lastIndex++;
        continue;
      }
      hits.push({ start: m.index, end: m.index + m[0].length, phrase });
    }
  }
  const spanEndingAt = new Map<number, Span>();
  for (const hit of hits) {
    const known = spanEndingAt.get(hit.end);
    if (known === undefined || hit.start < known.start) spanEndingAt.set(hit.end, hit);
  }
  const clauses = segmentStarts(text, CLAUSE_BREAK);
  const sentences = segmentStarts(text, SENTENCE_BREAK);
  addComboFindings(text, { clauses, sentences, spanEndingAt }, scripts, found);
  for (const hit of hits) {
    if (found.has(hit.phrase.finding)) continue;
    const clause = segmentAround(clauses, hit.start, text.length);
    const sentence = segmentAround(sentences, hit.start, text.length);
    if (isNegated(text, hit, clause, spanEndingAt)) continue;
    if (isOtherPersonsHistory(text, hit, sentence, clause)) continue;
    if (
      !hit.phrase.countsWhenPast &&
      (isRemotePast(text, clause) || isQuestionOrHypothetical(text, hit, clause) || isLongStanding(text, sentence, hit.phrase.finding))
    )
      continue;
    found.add(hit.phrase.finding);
  }
  return found;
}

/** Whether a hit counts: not negated, not someone else's history, not the remote past. */
function asserted(text: string, hit: Span, ctx: Context, finding: RedFlagFinding, countsWhenPast: boolean, negatable = true): boolean {
  const clause = segmentAround(ctx.clauses, hit.start, text.length);
  const sentence = segmentAround(ctx.sentences, hit.start, text.length);
  if (negatable && isNegated(text, hit, clause, ctx.spanEndingAt)) return false;
  if (isOtherPersonsHistory(text, hit, sentence, clause)) return false;
  return (
    countsWhenPast ||
    !(isRemotePast(text, clause) || isQuestionOrHypothetical(text, hit, clause) || isLongStanding(text, sentence, finding))
  );
}

interface Context {
  clauses: number[];
  sentences: number[];
  spanEndingAt: Map<number, Span>;
}

/** Adds each composed finding whose parts all hold, asserted, within one clause or sentence. */
function addComboFindings(text: string, ctx: Context, scripts: Record<'zh' | 'en', boolean>, found: Set<RedFlagFinding>): void {
  for (const combo of COMPILED_COMBOS) {
    if (found.has(combo.finding) || !scripts[combo.script]) continue;
    const starts = combo.scope === 'clause' ? ctx.clauses : ctx.sentences;
    // First the segments where every part occurs at all (cheap), then the context checks there only.
    const hitsByPart: (Span & { seg: number })[][] = [];
    let common: Set<number> | undefined;
    for (const part of combo.parts) {
      const hits: (Span & { seg: number })[] = [];
      part.lastIndex = 0;
      for (let m = part.exec(text); m !== null; m = part.exec(text)) {
        if (m[0].length === 0) {
          part.lastIndex++;
          continue;
        }
        const seg = segmentAround(starts, m.index, text.length).start;
        if (common === undefined || common.has(seg)) hits.push({ start: m.index, end: m.index + m[0].length, seg });
      }
      common = new Set(hits.map((h) => h.seg));
      hitsByPart.push(hits);
      if (common.size === 0) break;
    }
    if (common === undefined || common.size === 0) continue;
    let asserting: Set<number> = common;
    for (const [k, hits] of hitsByPart.entries()) {
      const ok = new Set<number>();
      const negatable = combo.negatable[k] !== false;
      for (const hit of hits)
        if (asserting.has(hit.seg) && !ok.has(hit.seg) && asserted(text, hit, ctx, combo.finding, combo.countsWhenPast, negatable))
          ok.add(hit.seg);
      asserting = ok;
      if (asserting.size === 0) break;
    }
    if (asserting.size > 0) found.add(combo.finding);
  }
}
