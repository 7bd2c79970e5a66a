import type { z } from 'zod';
import type { Bilingual, Citation } from '../../knowledge/index.js';
import type { FieldDescriptor, InputSpec, InputsSchema, PointItem } from './score-inputs.js';
import { defineScore, roundTo, type ScoreBand, type ScoreDefinition } from './score-types.js';

/**
 * The interpreter for point-tally scores. A score is a table: criteria (an input, a condition on it,
 * points), summed to a total, and interpretation bands. Each condition is written the way its source
 * words it (">7", "≥30", "≤60"), so a reader can check a table against the paper line by line.
 * Scores that are equations (eGFR, MELD, QTc…) are not tables; they keep their formulas.
 */

/** A numeric range, each edge as the source states it: `gt`/`gte` below, `lt`/`lte` above. */
export interface NumericRange {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/**
 * What a criterion asks of the input. `is` for a yes/no item, `oneOf` for choice values, a range for
 * a number; `anyOf`/`allOf` combine (CURB-65 "SBP <90 or DBP ≤60"). An absent optional value never matches.
 */
export type Condition<F extends string = string> =
  | { field: F; is: boolean }
  | { field: F; oneOf: readonly (string | number)[] }
  | ({ field: F } & NumericRange)
  | { anyOf: readonly Condition<F>[] }
  | { allOf: readonly Condition<F>[] };

/** One grade of a graded criterion. */
export interface Level<F extends string = string> {
  points: number;
  when: Condition<F>;
}

/** One line of a score table; `id` names its points in the result's details. */
export type Criterion<F extends string = string> =
  /** `points` when the condition holds, else 0. */
  | { id: string; points: number; when: Condition<F> }
  /** Graded: the first level whose condition holds gives the points; none gives 0. */
  | { id: string; levels: readonly Level<F>[] }
  /** A choice whose every option carries points (ABCD² clinical features, Child–Pugh ascites). */
  | { id: string; field: F; pointsByOption: Readonly<Record<string, number>> }
  /** The value entered is the points (GCS components, questionnaire items). */
  | { id: string; field: F; pointsFromValue: true };

/** A number brought to one unit before criteria read it: value × the factor of the unit chosen in `unitField`. */
export interface UnitConversion<F extends string = string> {
  field: F;
  unitField: F;
  factor: Readonly<Record<string, number>>;
  /** Report the converted value in the details, rounded to this many decimals. */
  reportDecimals?: number;
}

/** A yes/no finding reported beside the total: a condition on the input, or "some criterion scored n". */
export type FlagCondition<F extends string = string> = Condition<F> | { anyCriterionScores: number };

/**
 * A band chosen by rule rather than by the total alone (NEWS2 "a single parameter scoring 3", the
 * sex-adjusted CHA₂DS₂-VASc thresholds). Every part given must hold.
 */
export interface BandRule {
  band: string;
  /** The total, optionally without some criteria's points, falls in this range. */
  total?: NumericRange & { excluding?: readonly string[] };
  /** This flag is set. */
  flag?: string;
}

type Specs = Record<string, InputSpec<z.ZodType>>;
type FieldOf<S> = Extract<keyof S, string>;

export interface ScoreTable<S extends Specs = Specs, C extends string = string> {
  id: string;
  names: Bilingual;
  aliases: readonly string[];
  summary: Bilingual;
  inputs: S;
  /** Interpretation bands; without a matching rule the band is the one with the highest `min` the total reaches. */
  bands: readonly ScoreBand[];
  source: Citation;
  references?: readonly Citation[];
  /** What the total counts. */
  unit: 'points' | 'criteria';
  conversions?: { readonly [K in C]: UnitConversion<NoInfer<FieldOf<S>>> };
  criteria: readonly Criterion<NoInfer<FieldOf<S> | C>>[];
  flags?: Readonly<Record<string, FlagCondition<NoInfer<FieldOf<S> | C>>>>;
  /** Checked in order before the total's band; the first that holds wins. */
  bandRules?: readonly BandRule[];
}

/** The outcome of a table on one input: points per criterion, reported conversions and flags, the total. */
export interface Tally {
  total: number;
  points: Record<string, number>;
  converted: Record<string, number>;
  flags: Record<string, boolean>;
  /** The band a rule chose, or undefined when the total's band applies. */
  ruleBand: string | undefined;
}

type Values = Readonly<Record<string, unknown>>;

function inRange(value: number, r: NumericRange): boolean {
  return (
    (r.gt === undefined || value > r.gt) &&
    (r.gte === undefined || value >= r.gte) &&
    (r.lt === undefined || value < r.lt) &&
    (r.lte === undefined || value <= r.lte)
  );
}

/** Whether a condition holds for these values. */
export function conditionHolds(c: Condition, values: Values): boolean {
  if ('anyOf' in c) return c.anyOf.some((part) => conditionHolds(part, values));
  if ('allOf' in c) return c.allOf.every((part) => conditionHolds(part, values));
  const value = values[c.field];
  if ('is' in c) return value === c.is;
  if ('oneOf' in c) return (typeof value === 'string' || typeof value === 'number') && c.oneOf.includes(value);
  return typeof value === 'number' && inRange(value, c);
}

function pointsOf(criterion: Criterion, values: Values): number {
  if ('levels' in criterion) return criterion.levels.find((level) => conditionHolds(level.when, values))?.points ?? 0;
  if ('pointsByOption' in criterion) return criterion.pointsByOption[String(values[criterion.field])] ?? 0;
  if ('pointsFromValue' in criterion) {
    const value = values[criterion.field];
    return typeof value === 'number' ? value : 0;
  }
  return conditionHolds(criterion.when, values) ? criterion.points : 0;
}

function convert(conversions: Readonly<Record<string, UnitConversion>>, input: Values): Record<string, number> {
  const converted: Record<string, number> = {};
  for (const [name, c] of Object.entries(conversions)) {
    const value = input[c.field];
    const unit = input[c.unitField];
    const factor = typeof unit === 'string' ? c.factor[unit] : undefined;
    if (typeof value === 'number' && factor !== undefined) converted[name] = value * factor;
  }
  return converted;
}

function sum(points: Readonly<Record<string, number>>, excluding: readonly string[] = []): number {
  return Object.entries(points).reduce((acc, [id, p]) => (excluding.includes(id) ? acc : acc + p), 0);
}

/** Applies a table to validated input: converts units, scores each criterion, sums, sets flags, tries the band rules. */
export function tallyScore(table: ScoreTable, input: Values): Tally {
  const converted = convert(table.conversions ?? {}, input);
  const values = { ...input, ...converted };
  const points: Record<string, number> = {};
  for (const criterion of table.criteria) points[criterion.id] = pointsOf(criterion, values);
  const total = sum(points);
  const flags: Record<string, boolean> = {};
  for (const [name, flag] of Object.entries(table.flags ?? {})) {
    flags[name] =
      'anyCriterionScores' in flag ? Object.values(points).some((p) => p === flag.anyCriterionScores) : conditionHolds(flag, values);
  }
  const rule = table.bandRules?.find(
    (r) => (r.total === undefined || inRange(sum(points, r.total.excluding), r.total)) && (r.flag === undefined || flags[r.flag] === true),
  );
  return { total, points, converted, flags, ruleBand: rule?.band };
}

function details(table: ScoreTable, tally: Tally): Record<string, number | boolean> {
  const reported: Record<string, number> = {};
  for (const [name, c] of Object.entries(table.conversions ?? {})) {
    const value = tally.converted[name];
    if (c.reportDecimals !== undefined && value !== undefined) reported[name] = roundTo(value, c.reportDecimals);
  }
  return { ...tally.points, ...reported, ...tally.flags };
}

/** Declares a point-tally score from its table; the table is checked once, when the module loads. */
export function defineScoreTable<S extends Specs, C extends string = never>(table: ScoreTable<S, C>): ScoreDefinition<InputsSchema<S>> {
  const generic = table as unknown as ScoreTable;
  const score = defineScore({
    id: table.id,
    names: table.names,
    aliases: table.aliases,
    summary: table.summary,
    inputs: table.inputs,
    bands: table.bands,
    source: table.source,
    ...(table.references ? { references: table.references } : {}),
    compute(input, bands) {
      const tally = tallyScore(generic, input);
      const band = tally.ruleBand === undefined ? bands.byValue(tally.total) : bands.byId(tally.ruleBand);
      return { value: tally.total, unit: table.unit, band, details: details(generic, tally) };
    },
  });
  checkTable(generic, score.fields);
  return score;
}

/** One yes/no criterion per checklist item (Wells, Caprini, Padua…): the item's points when ticked. */
export function tickedItems<const I extends readonly PointItem[]>(items: I): Criterion<I[number]['key']>[] {
  return items.map((item) => ({ id: item.key, points: item.points, when: { field: item.key, is: true } }));
}

/** The value of each named input is its points (questionnaire items, GCS components). */
export function valuesAsPoints<const K extends string>(fields: readonly K[]): Criterion<K>[] {
  return fields.map((field) => ({ id: field, field, pointsFromValue: true }));
}

/** Throws when a table names an input, option, criterion, flag or band it does not have. */
function checkTable(table: ScoreTable, fields: readonly FieldDescriptor[]): void {
  const fail = (why: string): never => {
    throw new Error(`Score table ${table.id} is misdefined: ${why}.`);
  };
  const optionsOf = (name: string) => fields.find((f) => f.name === name)?.options?.map((o) => String(o.value));
  const names = new Set([...fields.map((f) => f.name), ...Object.keys(table.conversions ?? {})]);
  const checkField = (name: string) => {
    if (!names.has(name)) fail(`no input "${name}"`);
  };
  const checkCondition = (c: Condition): void => {
    if ('anyOf' in c || 'allOf' in c) {
      const parts = 'anyOf' in c ? c.anyOf : c.allOf;
      if (parts.length === 0) fail('an empty anyOf/allOf');
      for (const part of parts) checkCondition(part);
      return;
    }
    checkField(c.field);
    const kinds = ['is' in c, 'oneOf' in c, 'gt' in c || 'gte' in c || 'lt' in c || 'lte' in c].filter(Boolean).length;
    if (kinds !== 1) fail(`condition on "${c.field}" must be exactly one of is, oneOf or a range`);
    const options = optionsOf(c.field);
    if ('oneOf' in c && (options === undefined || c.oneOf.some((v) => !options.includes(String(v)))))
      fail(`"${c.field}" has no such option`);
  };
  for (const [name, c] of Object.entries(table.conversions ?? {})) {
    checkField(c.field);
    const units = optionsOf(c.unitField);
    if (!units || units.some((u) => c.factor[u] === undefined)) fail(`conversion "${name}" lacks a factor for a unit of "${c.unitField}"`);
  }
  const ids = new Set<string>();
  for (const criterion of table.criteria) {
    if (ids.has(criterion.id)) fail(`criterion "${criterion.id}" twice`);
    ids.add(criterion.id);
    if ('levels' in criterion) for (const level of criterion.levels) checkCondition(level.when);
    else if ('pointsFromValue' in criterion) checkField(criterion.field);
    else if ('pointsByOption' in criterion) {
      const options = optionsOf(criterion.field) ?? [];
      const keys = Object.keys(criterion.pointsByOption);
      if (options.length !== keys.length || options.some((o) => !keys.includes(o)))
        fail(`criterion "${criterion.id}" must give points for each option of "${criterion.field}"`);
    } else checkCondition(criterion.when);
  }
  for (const flag of Object.values(table.flags ?? {})) if (!('anyCriterionScores' in flag)) checkCondition(flag);
  for (const rule of table.bandRules ?? []) {
    if (!table.bands.some((b) => b.id === rule.band)) fail(`no band "${rule.band}"`);
    if (rule.flag !== undefined && !(rule.flag in (table.flags ?? {}))) fail(`no flag "${rule.flag}"`);
    for (const id of rule.total?.excluding ?? []) if (!ids.has(id)) fail(`no criterion "${id}" to exclude`);
  }
}
