import type { InterpretedLabResult, PatternEvidence, TrendPoint } from './lab-types.js';

/** What pattern rules read: the interpreted results, timed series per lab and the patient's sex. */
export interface PatternInput {
  results: readonly InterpretedLabResult[];
  series: ReadonlyMap<string, readonly { t: number; point: TrendPoint }[]>;
  sex: 'M' | 'F' | undefined;
}

/** The latest usable result per lab: the most recent timed one, else the last given. */
export interface PatternContext extends PatternInput {
  latest: ReadonlyMap<string, InterpretedLabResult & { siValue: number }>;
}

export function buildPatternContext(input: PatternInput): PatternContext {
  const latest = new Map<string, InterpretedLabResult & { siValue: number }>();
  const latestTime = new Map<string, number>();
  for (const r of input.results) {
    if (r.labId === undefined || r.siValue === undefined) continue;
    const t = r.time === undefined ? Number.NaN : Date.parse(r.time);
    const prevT = latestTime.get(r.labId);
    const prevTimed = prevT !== undefined && !Number.isNaN(prevT);
    const keep = !latest.has(r.labId) || (Number.isNaN(t) ? !prevTimed : !prevTimed || t >= prevT);
    if (keep) {
      latest.set(r.labId, r as InterpretedLabResult & { siValue: number });
      latestTime.set(r.labId, t);
    }
  }
  return { ...input, latest };
}

/** SI value of the latest result of the first lab id present. */
export function latestValue(ctx: PatternContext, ...labIds: string[]): number | undefined {
  for (const id of labIds) {
    const r = ctx.latest.get(id);
    if (r) return r.siValue;
  }
  return undefined;
}

export function evidenceOf(ctx: PatternContext, ...labIds: string[]): PatternEvidence[] {
  const out: PatternEvidence[] = [];
  for (const id of labIds) {
    const r = ctx.latest.get(id);
    if (r) out.push({ labId: id, value: r.siValue, unit: r.siUnit ?? '' });
  }
  return out;
}

/** Rounds for messages only (values in evidence stay exact). */
export function fmt(value: number, digits = 1): string {
  return Number(value.toFixed(digits)).toString();
}
