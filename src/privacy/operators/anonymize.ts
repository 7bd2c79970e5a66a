import type { PhiFinding, PhiType, TextLanguage } from '../phi-types.js';
import { dateShiftFor } from './date-shift.js';
import type { OperatorName, OperatorParams } from './operator.js';
import { operatorNamed } from './operator-registry.js';
import { languageOf } from './tag-labels.js';

/**
 * Operators turn findings into replacements: type tags (`[姓名-1]`), masking, redaction, keyed
 * hashes, or realistic surrogates (one file each beside this one). A PseudonymScope (one document,
 * or one patient across calls) keeps them consistent: the same person gets the same replacement
 * every time in the scope, and every date in the scope moves by the same number of days.
 */
export { OPERATORS, type OperatorName } from './operator.js';

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
    const chosen = operatorNamed(operator);
    const known = this.byOriginal.get(key);
    if (known !== undefined && chosen.reversible) return known;
    const params: OperatorParams = {
      type,
      language,
      secret: this.secret,
      scope: this.scope,
      dateShiftDays: () => this.dateShiftDays,
      tagsUsed: this.counters.get(type) ?? 0,
      takenByOther: (replacement) => this.used.has(replacement) && this.used.get(replacement) !== key,
    };
    chosen.validate(params);
    const replacement = chosen.operate(original, params);
    return chosen.reversible ? this.remember({ type, original, replacement }) : replacement;
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
