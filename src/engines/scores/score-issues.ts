import type { z } from 'zod';
import type { Bilingual } from '../../knowledge/index.js';
import type { FieldDescriptor } from './score-inputs.js';

/** One problem with a score's input, worded for both product languages. Never quotes the value entered. */
export interface InputIssue {
  /** Input name, or "" for the input as a whole. */
  field: string;
  code: 'missing' | 'wrong-type' | 'out-of-range' | 'not-an-integer' | 'not-an-option' | 'unknown-field';
  message: Bilingual;
  min?: number;
  max?: number;
  unit?: string;
  options?: (string | number)[];
}

const TYPE_ZH: Record<string, string> = { number: '数字', boolean: '是/否（true/false）', object: '对象', string: '文本' };

function labelOf(fields: readonly FieldDescriptor[], name: string): Bilingual {
  const field = fields.find((f) => f.name === name);
  return field ? field.label : { en: name, zh: name };
}

function rawValue(raw: unknown, name: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;
}

function unitSuffix(unit: string | undefined): string {
  return unit ? ` ${unit}` : '';
}

/** Translates zod issues into bilingual input issues, one per problem. */
export function toInputIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, fields: readonly FieldDescriptor[]): InputIssue[] {
  return issues.flatMap((issue) => translate(issue, raw, fields));
}

function translate(issue: z.core.$ZodIssue, raw: unknown, fields: readonly FieldDescriptor[]): InputIssue[] {
  const name = String(issue.path[0] ?? '');
  const label = labelOf(fields, name);
  const unit = fields.find((f) => f.name === name)?.unit;
  // An absent value fails whatever its type (number, boolean, option): report it as missing.
  if (name !== '' && issue.code !== 'unrecognized_keys' && rawValue(raw, name) === undefined) {
    return [{ field: name, code: 'missing', message: { en: `${label.en} is required.`, zh: `缺少必填项“${label.zh}”。` } }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: key,
        code: 'unknown-field' as const,
        message: { en: `"${key}" is not an input of this score; check the spelling.`, zh: `“${key}”不是该评分的输入项，请检查拼写。` },
      }));
    case 'invalid_type': {
      if (name === '') {
        return [
          {
            field: '',
            code: 'wrong-type',
            message: { en: 'The input must be an object of named values.', zh: '输入必须是包含各字段的对象。' },
          },
        ];
      }
      if (issue.expected === 'int') {
        return [
          { field: name, code: 'not-an-integer', message: { en: `${label.en} must be a whole number.`, zh: `“${label.zh}”必须是整数。` } },
        ];
      }
      const expected = String(issue.expected);
      return [
        {
          field: name,
          code: 'wrong-type',
          message: {
            en: `${label.en} must be a ${expected === 'number' ? 'finite number' : expected}.`,
            zh: `“${label.zh}”必须是${TYPE_ZH[expected] ?? expected}。`,
          },
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const field = fields.find((f) => f.name === name);
      const min = field?.min ?? (issue.code === 'too_small' ? Number(issue.minimum) : undefined);
      const max = field?.max ?? (issue.code === 'too_big' ? Number(issue.maximum) : undefined);
      return [rangeIssue(name, label, min, max, unit)];
    }
    case 'invalid_value':
      return [
        {
          field: name,
          code: 'not-an-option',
          options: issue.values.map((v) => (typeof v === 'number' ? v : String(v))),
          message: {
            en: `${label.en} must be one of: ${issue.values.map(String).join(', ')}.`,
            zh: `“${label.zh}”只能取以下值之一：${issue.values.map(String).join('、')}。`,
          },
        },
      ];
    case 'custom':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return [{ field: name, code: 'wrong-type', message: { en: `${label.en} is not valid.`, zh: `“${label.zh}”无效。` } }];
  }
}

function rangeIssue(
  field: string,
  label: Bilingual,
  min: number | undefined,
  max: number | undefined,
  unit: string | undefined,
): InputIssue {
  const u = unitSuffix(unit);
  if (min !== undefined && max !== undefined) {
    return {
      field,
      code: 'out-of-range',
      min,
      max,
      ...(unit ? { unit } : {}),
      message: { en: `${label.en} must be between ${min} and ${max}${u}.`, zh: `“${label.zh}”须在 ${min}–${max}${u} 之间。` },
    };
  }
  return {
    field,
    code: 'out-of-range',
    ...(min !== undefined ? { min } : {}),
    message: { en: `${label.en} must be greater than ${min ?? 0}${u}.`, zh: `“${label.zh}”须大于 ${min ?? 0}${u}。` },
  };
}

/** Checks numbers whose plausible range depends on a unit chosen in another field. */
export function checkUnitBounds(raw: unknown, fields: readonly FieldDescriptor[]): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const field of fields) {
    if (!field.unitBounds) continue;
    const value = rawValue(raw, field.name);
    const unit = rawValue(raw, field.unitBounds.unitField);
    if (typeof value !== 'number' || !Number.isFinite(value) || typeof unit !== 'string') continue;
    const bounds = field.unitBounds.byUnit[unit];
    if (bounds && (value < bounds.min || value > bounds.max))
      issues.push(rangeIssue(field.name, field.label, bounds.min, bounds.max, bounds.unit ?? unit));
  }
  return issues;
}
