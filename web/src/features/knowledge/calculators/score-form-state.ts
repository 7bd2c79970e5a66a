import type { FieldDescriptor } from '../knowledge-api';

/** What the form holds per field: text for numbers and choices (as typed/selected), a flag for yes/no. */
export type FormValues = Record<string, string | boolean>;

export function initialValues(fields: readonly FieldDescriptor[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.type === 'boolean') values[field.name] = field.default === true;
    else if (field.default !== undefined) values[field.name] = String(field.default);
    else if (field.type === 'choice' && !field.optional && field.options?.length === 1)
      values[field.name] = String(field.options[0]?.value);
    else values[field.name] = '';
  }
  return values;
}

/**
 * The request body: numbers as numbers, choices as the option's own value (number or string),
 * empty optional fields left out. An empty required field is left out too, so the server's
 * "missing" message names it; text that is not a number is sent as text for the same reason.
 */
export function toScoreInputs(fields: readonly FieldDescriptor[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.type === 'boolean') {
      body[field.name] = value === true;
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (field.type === 'number') {
      const parsed = Number(value.trim().replace(',', '.'));
      body[field.name] = Number.isFinite(parsed) ? parsed : value;
    } else {
      const option = field.options?.find((o) => String(o.value) === value);
      body[field.name] = option ? option.value : value;
    }
  }
  return body;
}

/** Bounds and unit that apply to a number field now (per-unit bounds follow the unit picked). */
export function boundsOf(field: FieldDescriptor, values: FormValues): { min?: number; max?: number; unit?: string } {
  if (field.unitBounds) {
    const unit = values[field.unitBounds.unitField];
    const bounds = typeof unit === 'string' ? field.unitBounds.byUnit[unit] : undefined;
    if (bounds) return { min: bounds.min, max: bounds.max, unit: bounds.unit ?? (typeof unit === 'string' ? unit : undefined) };
    return {};
  }
  return { min: field.min, max: field.max, unit: field.unit };
}

/** Server error details keyed by field name (`body.age` or `age` → `age`); "" holds the rest. */
export function issuesByField(details: unknown, fields: readonly FieldDescriptor[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!Array.isArray(details)) return out;
  const names = new Set(fields.map((f) => f.name));
  for (const detail of details as { path?: unknown; field?: unknown; message?: unknown }[]) {
    const message = typeof detail.message === 'string' ? detail.message : undefined;
    if (!message) continue;
    const raw = typeof detail.field === 'string' ? detail.field : typeof detail.path === 'string' ? detail.path : '';
    const name = raw.replace(/^body\.?/, '').split('.')[0] ?? '';
    const key = names.has(name) ? name : '';
    out.set(key, [...(out.get(key) ?? []), message]);
  }
  return out;
}
