import type { JSONSchema7, JSONSchema7Definition } from '@ai-sdk/provider';
import type { GbnfJsonSchema } from 'node-llama-cpp';

type Schema = Record<string, unknown>;

const FORMATS = new Set(['date-time', 'time', 'date']);
/** Keywords node-llama-cpp's JSON-schema grammar understands; anything else is dropped. */
const KEPT = new Set([
  'type',
  'description',
  'const',
  'enum',
  'oneOf',
  'properties',
  'additionalProperties',
  'required',
  'minProperties',
  'maxProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'format',
  '$defs',
  '$ref',
]);
const ANY_JSON: Schema = {
  oneOf: [{ type: ['string', 'number', 'boolean', 'null'] }, { type: 'object', additionalProperties: true }, { type: 'array' }],
};

/**
 * Rewrites a JSON Schema (as zod 4 or the AI SDK produce it) into the subset node-llama-cpp turns
 * into a grammar. Its converter silently narrows what it doesn't know — `anyOf` becomes `null`,
 * an unknown `format` forces `""`, a typeless schema allows only `null` — so this maps `anyOf` to
 * `oneOf`, draft-7 `definitions` to `$defs`, tuple `items` to `prefixItems`, splits multi-type
 * objects, and drops keywords it can't enforce (`$schema`, `pattern`, number bounds such as zod's
 * ±9007199254740991). Dropped constraints are not enforced by the grammar, so validate the result.
 */
export function toGrammarJsonSchema(schema: JSONSchema7): GbnfJsonSchema {
  return convert(schema) as GbnfJsonSchema;
}

function convert(definition: JSONSchema7Definition | undefined): Schema {
  if (definition === undefined || definition === true) return ANY_JSON;
  if (definition === false) return { type: 'null' };
  const source: Schema = { ...(definition as Schema) };
  mergeAllOf(source);
  if (Array.isArray(source.anyOf) && source.oneOf === undefined) source.oneOf = source.anyOf;
  if (source.definitions !== undefined && source.$defs === undefined) source.$defs = source.definitions;
  if (Array.isArray(source.items)) {
    source.prefixItems = source.items;
    delete source.items;
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (KEPT.has(key)) out[key] = value;
  }
  if (typeof out.format === 'string' && !FORMATS.has(out.format)) delete out.format;
  if (typeof out.$ref === 'string') out.$ref = out.$ref.replace(/^#\/definitions\//, '#/$defs/');
  convertChildren(out);
  return splitTypes(out);
}

function convertChildren(out: Schema): void {
  if (Array.isArray(out.oneOf)) out.oneOf = (out.oneOf as JSONSchema7Definition[]).map(convert);
  if (Array.isArray(out.prefixItems)) out.prefixItems = (out.prefixItems as JSONSchema7Definition[]).map(convert);
  if (out.items !== undefined) out.items = convert(out.items as JSONSchema7Definition);
  if (typeof out.additionalProperties === 'object' && out.additionalProperties !== null) {
    out.additionalProperties = convert(out.additionalProperties);
  }
  for (const key of ['properties', '$defs'] as const) {
    const map = out[key];
    if (typeof map === 'object' && map !== null) {
      out[key] = Object.fromEntries(Object.entries(map as Record<string, JSONSchema7Definition>).map(([k, v]) => [k, convert(v)]));
    }
  }
  const hasShape = ['type', 'const', 'enum', 'oneOf', '$ref', 'properties', 'items', 'prefixItems'].some((k) => out[k] !== undefined);
  if (!hasShape) Object.assign(out, ANY_JSON);
  if (out.type === undefined && out.properties !== undefined) out.type = 'object';
}

/** Folds `allOf` members into the schema itself (shallow; enough for zod's output). */
function mergeAllOf(source: Schema): void {
  if (!Array.isArray(source.allOf)) return;
  for (const member of source.allOf as JSONSchema7Definition[]) {
    if (typeof member === 'object') Object.assign(source, { ...(member as Schema), ...source });
  }
  delete source.allOf;
}

/** The grammar treats `type: ['object', 'null']` as a primitive; object and array types must stand alone. */
function splitTypes(out: Schema): Schema {
  const types = out.type;
  if (!Array.isArray(types) || !types.some((t) => t === 'object' || t === 'array')) return out;
  const { type: _type, ...rest } = out;
  return { oneOf: (types as string[]).map((t) => ({ ...rest, type: t })) };
}
