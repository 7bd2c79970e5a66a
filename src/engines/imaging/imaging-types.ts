import type { z } from 'zod';
import type { Bilingual, Citation } from '../../knowledge/index.js';
import { bool, defineInputs, type FieldDescriptor, type InputIssue, type InputsSchema, toInputIssues } from '../scores/index.js';
import {
  type ImagingProcedure,
  type ProcedureId,
  procedure,
  RADIATION_LEVELS,
  type RadiationLevel,
  RRL_SOURCE,
} from './imaging-procedures.js';

/** ACR Appropriateness Criteria rating categories (1–3 usually not, 4–6 may be, 7–9 usually appropriate). */
export type Appropriateness = 'usually-appropriate' | 'may-be-appropriate' | 'usually-not-appropriate';

export interface ImagingRecommendation {
  procedure: Pick<ImagingProcedure, 'id' | 'name'>;
  rating: Appropriateness;
  radiation: { level: RadiationLevel; symbol: string; range: Bilingual; source: Citation };
  reason: Bilingual;
  source: Citation;
}

/** The outcome of a named clinical decision rule (Canadian CT Head, Ottawa, Wells + PERC). */
export interface DecisionRuleOutcome {
  name: Bilingual;
  /** e.g. "high risk", "rule not applicable", "imaging indicated". */
  outcome: Bilingual;
  /** The criteria that were met (or, when the rule does not apply, why not). */
  criteriaMet: Bilingual[];
  source: Citation;
}

export interface ImagingResult {
  scenario: { id: string; names: Bilingual };
  recommendations: ImagingRecommendation[];
  decisionRule?: DecisionRuleOutcome;
  source: Citation;
}

export type ImagingOutcome = { ok: true; result: ImagingResult } | { ok: false; error: { code: 'invalid-input'; issues: InputIssue[] } };

/** What the registry and a web form use. */
export interface RegisteredImagingScenario {
  id: string;
  names: Bilingual;
  aliases: readonly string[];
  summary: Bilingual;
  inputs: z.ZodType;
  fields: readonly FieldDescriptor[];
  /** The guideline the scenario's ratings come from. */
  source: Citation;
  /** Decision-rule publications and other guidelines used. */
  references: readonly Citation[];
  evaluate(raw: unknown): ImagingOutcome;
}

type Specs = Parameters<typeof defineInputs>[0];

interface ScenarioSpec<S extends Specs> {
  id: string;
  names: Bilingual;
  aliases: readonly string[];
  summary: Bilingual;
  inputs: S;
  source: Citation;
  references?: readonly Citation[];
  decide(input: z.output<InputsSchema<S>>): { recommendations: ImagingRecommendation[]; decisionRule?: DecisionRuleOutcome };
}

/** Declares a scenario: strict input schema, form description, and never-throwing validation. */
export function defineImagingScenario<S extends Specs>(spec: ScenarioSpec<S>): RegisteredImagingScenario {
  const { schema, fields } = defineInputs(spec.inputs);
  return {
    id: spec.id,
    names: spec.names,
    aliases: spec.aliases,
    summary: spec.summary,
    inputs: schema,
    fields,
    source: spec.source,
    references: spec.references ?? [],
    evaluate(raw) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: { code: 'invalid-input', issues: toInputIssues(parsed.error.issues, raw, fields) } };
      const { recommendations, decisionRule } = spec.decide(parsed.data);
      return {
        ok: true,
        result: {
          scenario: { id: spec.id, names: spec.names },
          recommendations,
          ...(decisionRule ? { decisionRule } : {}),
          source: spec.source,
        },
      };
    },
  };
}

/** One rated procedure, its radiation level filled in from the procedure catalogue. */
export function rate(id: ProcedureId, rating: Appropriateness, reason: Bilingual, source: Citation): ImagingRecommendation {
  const p = procedure(id);
  const level = RADIATION_LEVELS[p.radiation];
  return {
    procedure: { id: p.id, name: p.name },
    rating,
    radiation: { level: p.radiation, symbol: level.symbol, range: level.range, source: RRL_SOURCE },
    reason,
    source,
  };
}

/** Turns a table of labelled criteria into yes/no inputs keyed like the table. */
export function boolItems<T extends Record<string, Bilingual>>(items: T): { [K in keyof T]: ReturnType<typeof bool> } {
  return Object.fromEntries(Object.entries(items).map(([k, label]) => [k, bool(label)])) as { [K in keyof T]: ReturnType<typeof bool> };
}

/** The labels of the criteria in `items` that are ticked in `input`. */
export function ticked<T extends Record<string, Bilingual>>(items: T, input: { [K in keyof T]: boolean }): Bilingual[] {
  return (Object.keys(items) as (keyof T & string)[]).filter((k) => input[k]).map((k) => items[k] as Bilingual);
}
