import type { Bilingual, Citation, CuratedLab } from '../../knowledge/index.js';
import type { AppliedRange, LabFlag } from './lab-types.js';

/**
 * Picks the reference range for a patient: ranges for the other sex are dropped, then age bands
 * (inclusive lower, exclusive upper) that do not contain the age. When sex or age is missing and
 * several ranges remain, the widest envelope is used and marked `merged`, so nothing is flagged
 * that would be normal for either sex. Undefined when no range applies (e.g. PSA for a woman).
 * The returned object is cached and shared between calls: treat it as read-only.
 */
export function selectRange(lab: CuratedLab, sex?: 'M' | 'F', age?: number): AppliedRange | undefined {
  let perLab = rangeCache.get(lab);
  if (!perLab) {
    perLab = new Map();
    rangeCache.set(lab, perLab);
  }
  const key = `${sex ?? ''}|${age ?? ''}`;
  if (perLab.has(key)) return perLab.get(key);
  const range = computeRange(lab, sex, age);
  if (perLab.size < 256) perLab.set(key, range);
  return range;
}

/** Shared, read-only results: ranges depend only on (lab, sex, age). */
const rangeCache = new WeakMap<CuratedLab, Map<string, AppliedRange | undefined>>();

function computeRange(lab: CuratedLab, sex?: 'M' | 'F', age?: number): AppliedRange | undefined {
  let candidates = lab.ranges.filter((r) => !r.sex || !sex || r.sex === sex);
  if (age !== undefined) {
    const inBand = candidates.filter((r) => (r.ageMin === undefined || age >= r.ageMin) && (r.ageMax === undefined || age < r.ageMax));
    if (inBand.length > 0) candidates = inBand;
  }
  const [first] = candidates;
  if (!first) return undefined;
  if (candidates.length === 1) {
    return { ...rangeBounds(first), unit: lab.siUnit, merged: false, origin: 'knowledge-base', sources: [first.source] };
  }
  const lows = candidates.map((r) => r.low);
  const highs = candidates.map((r) => r.high);
  const sources: Citation[] = [];
  for (const r of candidates) if (!sources.some((s) => s.title === r.source.title)) sources.push(r.source);
  const applied: AppliedRange = { unit: lab.siUnit, merged: true, origin: 'knowledge-base', sources };
  if (lows.every((v) => v !== undefined)) applied.low = Math.min(...lows);
  if (highs.every((v) => v !== undefined)) applied.high = Math.max(...highs);
  if (sex) applied.sex = sex;
  return applied;
}

/**
 * The laboratory's own range given with a result, converted to the lab's SI unit with `toSi` (the
 * same conversion as the value). Undefined when it has no bound, a bound is not finite or does not
 * convert, or low ≥ high — the caller then falls back to the knowledge base.
 */
export function reportedRangeOf(
  lab: CuratedLab,
  reported: { low?: number; high?: number } | undefined,
  toSi: (value: number) => number | undefined,
): AppliedRange | undefined {
  if (!reported || (reported.low === undefined && reported.high === undefined)) return undefined;
  const low = reported.low === undefined ? undefined : toSi(reported.low);
  const high = reported.high === undefined ? undefined : toSi(reported.high);
  if ((reported.low !== undefined && !Number.isFinite(low)) || (reported.high !== undefined && !Number.isFinite(high))) return undefined;
  if (low !== undefined && high !== undefined && low >= high) return undefined;
  const applied: AppliedRange = { unit: lab.siUnit, merged: false, origin: 'reported', sources: [] };
  if (low !== undefined) applied.low = low;
  if (high !== undefined) applied.high = high;
  return applied;
}

function rangeBounds(r: CuratedLab['ranges'][number]): Omit<AppliedRange, 'unit' | 'merged' | 'origin' | 'sources'> {
  const out: Omit<AppliedRange, 'unit' | 'merged' | 'origin' | 'sources'> = {};
  if (r.low !== undefined) out.low = r.low;
  if (r.high !== undefined) out.high = r.high;
  if (r.sex) out.sex = r.sex;
  if (r.ageMin !== undefined) out.ageMin = r.ageMin;
  if (r.ageMax !== undefined) out.ageMax = r.ageMax;
  return out;
}

/**
 * Flags an SI value: critical limits first (strictly beyond the limit, or at it when the source
 * writes ≤ / ≥), then the range (strictly below low / above high). 'unknown' when neither applies.
 */
export function flagValue(lab: CuratedLab, siValue: number, range: AppliedRange | undefined): LabFlag {
  const critical = lab.critical;
  const atOrBeyond = critical?.inclusive === true;
  if (critical?.low !== undefined && (siValue < critical.low || (atOrBeyond && siValue === critical.low))) return 'critical-low';
  if (critical?.high !== undefined && (siValue > critical.high || (atOrBeyond && siValue === critical.high))) return 'critical-high';
  if (!range) return 'unknown';
  if (range.low !== undefined && siValue < range.low) return 'low';
  if (range.high !== undefined && siValue > range.high) return 'high';
  return 'normal';
}

/** Bilingual wording for each flag. Critical wording asks for prompt clinician review, per critical-value practice. */
export const FLAG_MESSAGES: Record<LabFlag, Bilingual> = {
  low: { en: 'Below the reference range', zh: '低于参考区间' },
  normal: { en: 'Within the reference range', zh: '在参考区间内' },
  high: { en: 'Above the reference range', zh: '高于参考区间' },
  'critical-low': {
    en: 'Critical value: below the critical limit; the responsible clinician should review it promptly',
    zh: '危急值:低于危急界限,需主管医生及时复核处理',
  },
  'critical-high': {
    en: 'Critical value: above the critical limit; the responsible clinician should review it promptly',
    zh: '危急值:高于危急界限,需主管医生及时复核处理',
  },
  unknown: { en: 'Not interpreted', zh: '未能判读' },
};
