import { z } from 'zod';
import type { Bilingual } from '../../knowledge/index.js';

/**
 * Input builders for score calculators: each builder returns the zod schema that validates a
 * field and the JSON-able description a web form renders, so the two can never disagree.
 */

export interface ChoiceOption {
  value: string | number;
  label: Bilingual;
}

/** Per-unit bounds for a number whose unit is chosen in a sibling field (e.g. creatinine). */
export interface UnitBounds {
  /** Name of the sibling choice field that holds the unit. */
  unitField: string;
  byUnit: Record<string, { min: number; max: number /** Display unit when the key is not one (e.g. "si"). */; unit?: string }>;
}

/** What the web form needs to render and pre-check one input. */
export interface FieldDescriptor {
  name: string;
  type: 'number' | 'boolean' | 'choice';
  label: Bilingual;
  help?: Bilingual;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  optional?: boolean;
  default?: string | number | boolean;
  options?: ChoiceOption[];
  unitBounds?: UnitBounds;
}

export interface InputSpec<S extends z.ZodType> {
  schema: S;
  field: Omit<FieldDescriptor, 'name'>;
}

interface NumberOptions {
  label: Bilingual;
  help?: Bilingual;
  unit?: string;
  min: number;
  max: number;
  integer?: boolean;
}

/** A required number with realistic bounds (inclusive). */
export function num(o: NumberOptions): InputSpec<z.ZodNumber> {
  let schema = z.number().min(o.min).max(o.max);
  if (o.integer) schema = schema.int();
  return { schema, field: { type: 'number', ...o } };
}

/** An optional number (e.g. a measurement that is not always available). */
export function optionalNum(o: NumberOptions): InputSpec<z.ZodOptional<z.ZodNumber>> {
  const spec = num(o);
  return { schema: spec.schema.optional(), field: { ...spec.field, optional: true } };
}

/**
 * A number whose plausible range depends on the unit picked in `unitField`; the per-unit
 * bounds are checked by `checkUnitBounds`, the schema itself only demands a positive number.
 */
export function numWithUnit(o: {
  label: Bilingual;
  help?: Bilingual;
  unitField: string;
  byUnit: UnitBounds['byUnit'];
}): InputSpec<z.ZodNumber> {
  return {
    schema: z.number().positive(),
    field: { type: 'number', label: o.label, help: o.help, unitBounds: { unitField: o.unitField, byUnit: o.byUnit } },
  };
}

/** A yes/no item. */
export function bool(label: Bilingual, help?: Bilingual): InputSpec<z.ZodBoolean> {
  return { schema: z.boolean(), field: { type: 'boolean', label, ...(help ? { help } : {}) } };
}

/** A choice among string values (units, categories). */
export function choice<const T extends string>(o: {
  label: Bilingual;
  help?: Bilingual;
  options: readonly { value: T; label: Bilingual }[];
}): InputSpec<z.ZodEnum<{ [K in T]: K }>> {
  const values = o.options.map((opt) => opt.value) as [T, ...T[]];
  return { schema: z.enum(values), field: { type: 'choice', label: o.label, help: o.help, options: [...o.options] } };
}

/** A choice whose values are the points themselves (GCS components, questionnaire items). */
export function points<const T extends number>(o: {
  label: Bilingual;
  help?: Bilingual;
  options: readonly { value: T; label: Bilingual }[];
}): InputSpec<z.ZodLiteral<T>> {
  const values = o.options.map((opt) => opt.value);
  return { schema: z.literal(values), field: { type: 'choice', label: o.label, help: o.help, options: [...o.options] } };
}

/** Gives a choice a default, used when the caller leaves it out. */
export function withDefault<S extends z.ZodType>(spec: InputSpec<S>, value: z.output<S> & (string | number)): InputSpec<z.ZodDefault<S>> {
  return { schema: spec.schema.default(value as never), field: { ...spec.field, optional: true, default: value } };
}

type Specs = Record<string, InputSpec<z.ZodType>>;
export type InputsSchema<S extends Specs> = z.ZodObject<{ [K in keyof S]: S[K]['schema'] }, z.core.$strict>;

/** Builds a strict object schema (unknown keys are errors, so typos surface) and the form description. */
export function defineInputs<S extends Specs>(specs: S): { schema: InputsSchema<S>; fields: FieldDescriptor[] } {
  const shape = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.schema]));
  const fields = Object.entries(specs).map(([name, spec]) => stripUndefined({ name, ...spec.field }));
  return { schema: z.strictObject(shape) as InputsSchema<S>, fields };
}

function stripUndefined(field: FieldDescriptor): FieldDescriptor {
  return Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined)) as unknown as FieldDescriptor;
}

/** One checklist item worth some points (Wells, Caprini, Padua…). */
export interface PointItem {
  key: string;
  points: number;
  label: Bilingual;
  help?: Bilingual;
}

/** Turns a checklist into boolean inputs keyed by item. */
export function checklist<const I extends readonly PointItem[]>(items: I): { [K in I[number]['key']]: InputSpec<z.ZodBoolean> } {
  return Object.fromEntries(items.map((item) => [item.key, bool(item.label, item.help)])) as {
    [K in I[number]['key']]: InputSpec<z.ZodBoolean>;
  };
}
