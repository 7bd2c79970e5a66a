import { createHmac } from 'node:crypto';
import type { PhiFinding, PhiType, TextLanguage } from '../phi-types.js';
import { makeSurrogate } from './surrogates.js';
import { languageOf, TAG_LABELS } from './tag-labels.js';

/**
 * Operators turn findings into replacements: type tags (`[姓名-1]`), masking, redaction, keyed
 * hashes, or realistic surrogates. A PseudonymScope (one document, or one patient across calls)
 * keeps them consistent: the same person gets the same replacement every time in the scope, and
 * every date in the scope moves by the same number of days.
 */
export const OPERATORS = ['tag', 'mask', 'redact', 'hash', 'surrogate'] as const;
export type OperatorName = (typeof OPERATORS)[number];

export interface PseudonymEntry {
  type: PhiType;
  original: string;
  replacement: string;
}

export interface Replacement extends PseudonymEntry {
  start: number;
  end: number;
}

export class PseudonymScope {
  readonly scope: string;
  private readonly secret: string;
  private shift: number | undefined;
  private readonly byOriginal = new Map<string, string>();
  private readonly used = new Map<string, string>();
  private readonly counters = new Map<PhiType, number>();
  private readonly fresh: PseudonymEntry[] = [];

  constructor(options: { scope: string; secret: string }) {
    this.scope = options.scope;
    this.secret = options.secret;
  }

  /** Days every date in this scope moves by; computed on first use (only surrogates need it). */
  get dateShiftDays(): number {
    this.shift ??= dateShiftFor(this.secret, this.scope);
    return this.shift;
  }

  /** Loads earlier replacements of this scope (from the vault), so they are reused. */
  preload(entries: PseudonymEntry[]): void {
    for (const entry of entries) this.remember(entry, false);
  }

  /** Replacements made since the scope was created or preloaded: what the vault must store. */
  newEntries(): PseudonymEntry[] {
    return [...this.fresh];
  }

  entries(): PseudonymEntry[] {
    return [...this.byOriginal.entries()].map(([key, replacement]) => {
      const [type, original] = key.split('\u0000') as [PhiType, string];
      return { type, original, replacement };
    });
  }

  replacementFor(type: PhiType, original: string, operator: OperatorName, language: TextLanguage): string {
    const key = `${type}\u0000${original}`;
    const known = this.byOriginal.get(key);
    if (known !== undefined && operator !== 'mask' && operator !== 'redact') return known;
    switch (operator) {
      case 'redact':
        return '';
      case 'mask':
        return original.replace(/[^\s\-/.:：，,()（）]/g, '*');
      case 'hash':
        return this.remember({
          type,
          original,
          replacement: `[${TAG_LABELS[type][language]}:${keyedHash(this.secret, type, original).slice(0, 10)}]`,
        });
      case 'tag': {
        const n = (this.counters.get(type) ?? 0) + 1;
        return this.remember({ type, original, replacement: `[${TAG_LABELS[type][language]}-${n}]` });
      }
      case 'surrogate': {
        let candidate = makeSurrogate(type, original, {
          secret: this.secret,
          scope: this.scope,
          language,
          dateShiftDays: this.dateShiftDays,
        });
        // Two originals must never share a surrogate, or the answer could not be re-identified.
        for (let salt = 1; this.used.has(candidate) && this.used.get(candidate) !== key && salt < 20; salt++) {
          candidate = makeSurrogate(type, `${original}\u0000${salt}`, {
            secret: this.secret,
            scope: this.scope,
            language,
            dateShiftDays: this.dateShiftDays,
          });
        }
        return this.remember({ type, original, replacement: candidate });
      }
    }
  }

  private remember(entry: PseudonymEntry, isNew = true): string {
    const key = `${entry.type}\u0000${entry.original}`;
    this.byOriginal.set(key, entry.replacement);
    this.used.set(entry.replacement, key);
    const tag = /-(\d+)\]$/.exec(entry.replacement);
    if (tag) this.counters.set(entry.type, Math.max(this.counters.get(entry.type) ?? 0, Number(tag[1])));
    if (isNew) this.fresh.push(entry);
    return entry.replacement;
  }
}

function keyedHash(secret: string, type: PhiType, original: string): string {
  return createHmac('sha256', secret).update(`${type}\u0000${original}`).digest('hex');
}

/** A per-scope shift between 30 and 365 days, earlier or later, from the scope's keyed hash. */
function dateShiftFor(secret: string, scope: string): number {
  const value = createHmac('sha256', secret).update(`date-shift\u0000${scope}`).digest().readUInt32LE(0);
  const magnitude = 30 + (value % 336);
  return value & 0x8000_0000 ? -magnitude : magnitude;
}

/** Applies the operator to each finding (non-overlapping, as the analyzer returns them). */
export function anonymize(
  text: string,
  findings: PhiFinding[],
  operator: OperatorName,
  scope: PseudonymScope,
): { text: string; replacements: Replacement[] } {
  const language = languageOf(text);
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const replacements: Replacement[] = [];
  let out = '';
  let cursor = 0;
  for (const finding of sorted) {
    if (finding.start < cursor) continue; // overlapping finding: the earlier one already covers it
    const original = text.slice(finding.start, finding.end);
    const replacement = scope.replacementFor(finding.type, original, operator, language);
    out += text.slice(cursor, finding.start) + replacement;
    replacements.push({ type: finding.type, original, replacement, start: finding.start, end: finding.end });
    cursor = finding.end;
  }
  return { text: out + text.slice(cursor), replacements };
}

/** Puts the originals back wherever a replacement appears in a model's answer; longest first. */
export function reidentify(text: string, entries: PseudonymEntry[]): string {
  const usable = entries.filter((e) => e.replacement.length > 0).sort((a, b) => b.replacement.length - a.replacement.length);
  if (usable.length === 0) return text;
  const byReplacement = new Map(usable.map((e) => [e.replacement, e.original]));
  const pattern = new RegExp(usable.map((e) => e.replacement.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(pattern, (match) => byReplacement.get(match) ?? match);
}
