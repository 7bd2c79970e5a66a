import type { z } from 'zod';
import type { Bilingual, Citation } from '../../knowledge/index.js';
import { defineInputs, type FieldDescriptor, type InputsSchema } from './score-inputs.js';
import { checkUnitBounds, type InputIssue, toInputIssues } from './score-issues.js';

/** One interpretation band of a score, as the source (or a named guideline) defines it. */
export interface ScoreBand {
  id: string;
  label: Bilingual;
  meaning: Bilingual;
  /** Lowest score value (inclusive) of the band, for bands that are plain ranges of the value. */
  min?: number;
  /** When the band is not a plain range (sex-specific cut-offs, single-parameter rules), the rule in words. */
  criteria?: Bilingual;
}

/** The band of one result, without its range bookkeeping. */
export type ResultBand = Pick<ScoreBand, 'id' | 'label' | 'meaning'>;

export interface ScoreResult {
  scoreId: string;
  value: number;
  unit?: string;
  band: ResultBand;
  /** Components (points per item, converted values) so a clinician can check the arithmetic. */
  details?: Record<string, number | string | boolean | null>;
}

export type ScoreOutcome = { ok: true; result: ScoreResult } | { ok: false; error: { code: 'invalid-input'; issues: InputIssue[] } };

/** What the registry and the web form use: everything but the typed `compute`. */
export interface RegisteredScore {
  id: string;
  names: Bilingual;
  aliases: readonly string[];
  /** One line on what the score estimates and for whom. */
  summary: Bilingual;
  inputs: z.ZodType;
  fields: readonly FieldDescriptor[];
  bands: readonly ScoreBand[];
  /** The original publication of the score or equation. */
  source: Citation;
  /** Other sources for bands or conversions (guidelines that set thresholds). */
  references?: readonly Citation[];
  /** Validates raw input and computes; never throws on bad input. */
  evaluate(raw: unknown): ScoreOutcome;
}

export interface ScoreDefinition<S extends z.ZodObject = z.ZodObject> extends RegisteredScore {
  inputs: S;
  compute(input: z.output<S>): ScoreResult;
}

type Specs = Parameters<typeof defineInputs>[0];

interface ScoreSpec<S extends Specs> {
  id: string;
  names: Bilingual;
  aliases: readonly string[];
  summary: Bilingual;
  inputs: S;
  bands: readonly ScoreBand[];
  source: Citation;
  references?: readonly Citation[];
  compute(input: z.output<InputsSchema<S>>, bands: BandPicker): Omit<ScoreResult, 'scoreId'>;
}

/** Looks up bands of this score by value (range bands) or by id (rule-based bands). */
export interface BandPicker {
  byValue(value: number): ResultBand;
  byId(id: string): ResultBand;
}

function bandPicker(scoreId: string, bands: readonly ScoreBand[]): BandPicker {
  const strip = (b: ScoreBand): ResultBand => ({ id: b.id, label: b.label, meaning: b.meaning });
  return {
    byValue(value) {
      const ranged = bands.filter((b) => b.min !== undefined && value >= b.min);
      const best = ranged.reduce<ScoreBand | undefined>(
        (acc, b) => (acc === undefined || (b.min ?? 0) > (acc.min ?? 0) ? b : acc),
        undefined,
      );
      if (!best) throw new Error(`Score ${scoreId} has no band for value ${value}; its bands are misdefined.`);
      return strip(best);
    },
    byId(id) {
      const band = bands.find((b) => b.id === id);
      if (!band) throw new Error(`Score ${scoreId} has no band "${id}".`);
      return strip(band);
    },
  };
}

/** Declares a score: builds its input schema and form description and wires validation. */
export function defineScore<S extends Specs>(spec: ScoreSpec<S>): ScoreDefinition<InputsSchema<S>> {
  const { schema, fields } = defineInputs(spec.inputs);
  const picker = bandPicker(spec.id, spec.bands);
  const compute = (input: z.output<InputsSchema<S>>): ScoreResult => ({ scoreId: spec.id, ...spec.compute(input, picker) });
  return {
    id: spec.id,
    names: spec.names,
    aliases: spec.aliases,
    summary: spec.summary,
    inputs: schema,
    fields,
    bands: spec.bands,
    source: spec.source,
    ...(spec.references ? { references: spec.references } : {}),
    compute,
    evaluate(raw) {
      const parsed = schema.safeParse(raw);
      const fieldIssues = parsed.success ? [] : toInputIssues(parsed.error.issues, raw, fields);
      // A value already reported (e.g. negative) is not reported again against its unit's bounds.
      const unitIssues = checkUnitBounds(raw, fields).filter((u) => !fieldIssues.some((i) => i.field === u.field));
      const issues = [...fieldIssues, ...unitIssues];
      if (!parsed.success || issues.length > 0) return { ok: false, error: { code: 'invalid-input', issues } };
      return { ok: true, result: compute(parsed.data) };
    },
  };
}

/** Rounds to a number of decimals (half away from zero for positive values, as calculators display). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * f) / f;
}
