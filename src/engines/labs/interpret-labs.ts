import type { CuratedLab } from '../../knowledge/index.js';
import { findLab, type LabIndex } from './lab-index.js';
import { detectLabPatterns } from './lab-patterns.js';
import { FLAG_MESSAGES, flagValue, reportedRangeOf, selectRange } from './lab-range.js';
import type { InterpretedLabResult, InterpretLabsInput, LabInterpretation, LabResultInput, LabTrend, TrendPoint } from './lab-types.js';
import { displayDecimals, toSiValue } from './lab-units.js';

/** Below this relative change a trend reads "stable" (display convention, not a clinical threshold). */
const STABLE_PERCENT = 5;

const DISCLAIMER = {
  en: 'Decision support for a clinician: flags and patterns follow the cited ranges and rules and do not make a diagnosis. Laboratory-specific ranges take precedence.',
  zh: '供临床医生参考的决策支持:标记与模式依据所引用的参考区间和规则得出,不构成诊断。以检验科自身参考区间为准。',
};

/**
 * Interprets a panel of lab results: matches each test, converts to SI, applies the sex/age
 * range and critical limits, builds trends for tests measured at several times, and detects
 * multi-test patterns (AKI, DKA, iron deficiency…). Never throws on bad input: an unknown
 * test or unit becomes a per-result `problem`.
 *
 * @example
 * const index = createLabIndex(labs);
 * interpretLabs(index, { sex: 'F', results: [{ test: '血钠', value: 124 }] }).patterns[0]?.id; // 'hyponatraemia'
 */
export function interpretLabs(index: LabIndex, input: InterpretLabsInput): LabInterpretation {
  const results = input.results.map((r, i) => interpretOne(index, r, i, input.sex, input.age));
  const series = buildSeries(results);
  const trends: LabTrend[] = [];
  for (const [labId, points] of series) {
    const lab = index.byId.get(labId);
    if (lab && points.length >= 2) trends.push(buildTrend(lab, points));
  }
  const patterns = detectLabPatterns({ results, series, sex: input.sex });
  for (const pattern of patterns) {
    for (const e of pattern.evidence) {
      const lab = index.byId.get(e.labId);
      if (lab) e.decimals = displayDecimals(lab, e.value);
    }
  }
  return { results, trends, patterns, disclaimer: DISCLAIMER };
}

function interpretOne(
  index: LabIndex,
  input: LabResultInput,
  i: number,
  sex: 'M' | 'F' | undefined,
  age: number | undefined,
): InterpretedLabResult {
  const base: InterpretedLabResult = { index: i, test: input.test, value: input.value, flag: 'unknown', message: FLAG_MESSAGES.unknown };
  if (input.unit !== undefined) base.unit = input.unit;
  if (input.time !== undefined) base.time = input.time;
  const lab = findLab(index, input.test);
  if (!lab) {
    base.problem = {
      code: 'unknown-test',
      message: { en: 'Test not recognised; check the name or LOINC code', zh: '未识别的检验项目,请核对名称或LOINC编码' },
    };
    return base;
  }
  base.labId = lab.id;
  base.name = lab.names;
  base.siUnit = lab.siUnit;
  if (!Number.isFinite(input.value)) {
    base.problem = { code: 'invalid-value', message: { en: 'The value is not a finite number', zh: '结果不是有效数值' } };
    return base;
  }
  const unit = input.unit === undefined || input.unit.trim() === '' ? undefined : input.unit;
  const toSi = (value: number): number | undefined => (unit === undefined ? value : toSiValue(lab, value, unit));
  const siValue = toSi(input.value);
  if (siValue === undefined) {
    base.problem = {
      code: 'unknown-unit',
      message: {
        en: `Unit not convertible for this test; expected ${lab.siUnit}${lab.conventionalUnit ? ` or ${lab.conventionalUnit}` : ''}`,
        zh: `该项目的单位无法换算;应为 ${lab.siUnit}${lab.conventionalUnit ? ` 或 ${lab.conventionalUnit}` : ''}`,
      },
    };
    return base;
  }
  base.siValue = siValue;
  base.decimals = displayDecimals(lab, siValue);
  // The laboratory's own range, when the result carries one, takes precedence over the knowledge base's.
  const reported = reportedRangeOf(lab, input.reportedRange, toSi);
  const range = reported ?? selectRange(lab, sex, age);
  if (range) {
    base.range = range;
    const [source] = range.sources;
    if (source) base.citation = source;
  } else {
    base.problem = {
      code: 'no-range',
      message: { en: 'No reference range for this patient (sex or age)', zh: '该患者(性别或年龄)无适用的参考区间' },
    };
  }
  base.flag = flagValue(lab, siValue, range);
  base.message = FLAG_MESSAGES[base.flag];
  if ((base.flag === 'critical-low' || base.flag === 'critical-high') && lab.critical) base.criticalCitation = lab.critical.source;
  return base;
}

/** Timed, converted values per lab, oldest first; untimed or unparseable times are left out. */
function buildSeries(results: readonly InterpretedLabResult[]): Map<string, { t: number; point: TrendPoint }[]> {
  const series = new Map<string, { t: number; point: TrendPoint }[]>();
  for (const r of results) {
    if (r.labId === undefined || r.siValue === undefined || r.time === undefined) continue;
    const t = Date.parse(r.time);
    if (Number.isNaN(t)) continue;
    let list = series.get(r.labId);
    if (!list) {
      list = [];
      series.set(r.labId, list);
    }
    list.push({ t, point: { time: r.time, value: r.siValue } });
  }
  for (const list of series.values()) list.sort((a, b) => a.t - b.t);
  return series;
}

function buildTrend(lab: CuratedLab, timed: readonly { t: number; point: TrendPoint }[]): LabTrend {
  const points = timed.map((p) => p.point);
  const first = points[0] as TrendPoint;
  const last = points[points.length - 1] as TrendPoint;
  const absoluteChange = last.value - first.value;
  const percentChange = first.value === 0 ? null : (absoluteChange / Math.abs(first.value)) * 100;
  const stable = percentChange === null ? absoluteChange === 0 : Math.abs(percentChange) < STABLE_PERCENT;
  return {
    labId: lab.id,
    name: lab.names,
    unit: lab.siUnit,
    points,
    first,
    last,
    absoluteChange,
    percentChange,
    direction: stable ? 'stable' : absoluteChange > 0 ? 'rising' : 'falling',
    decimals: Math.max(...points.map((p) => displayDecimals(lab, p.value))),
  };
}
