/** What reading one answer against its question yields: the stored value and implied evidence, or an error. */
import type { Bilingual } from '../../knowledge/index.js';

export type AnswerErrorCode =
  | 'unknown-question'
  | 'not-applicable'
  | 'wrong-kind'
  | 'invalid-option'
  | 'out-of-range'
  | 'missing-value'
  | 'not-optional';

export interface AnswerError {
  code: AnswerErrorCode;
  questionId: string;
  message: Bilingual;
}

export interface AnswerReading {
  value?: string | number | boolean | string[];
  display: Bilingual;
  evidence: string[];
  denied: string[];
}

export type ReadResult = { ok: true; reading: AnswerReading } | { ok: false; error: AnswerError };

export function answerError(code: AnswerErrorCode, questionId: string, en: string, zh: string): { ok: false; error: AnswerError } {
  return { ok: false, error: { code, questionId, message: { en, zh } } };
}

export const YES: Bilingual = { en: 'Yes', zh: '是' };
export const NO: Bilingual = { en: 'No', zh: '否' };

/** Joins option labels per language. */
export function joinLabels(labels: Bilingual[], none: Bilingual): Bilingual {
  if (labels.length === 0) return none;
  return { en: labels.map((l) => l.en).join(', '), zh: labels.map((l) => l.zh).join('、') };
}

/** Checks a scale value: an integer within [min, max]. */
export function readScale(
  questionId: string,
  value: unknown,
  min: number,
  max: number,
): { ok: true; n: number } | { ok: false; error: AnswerError } {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return answerError('wrong-kind', questionId, `Expected a number from ${min} to ${max}`, `请填写 ${min} 到 ${max} 之间的数字`);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    return answerError('out-of-range', questionId, `Expected a whole number from ${min} to ${max}`, `请填写 ${min} 到 ${max} 之间的整数`);
  }
  return { ok: true, n: value };
}

/** Checks a multi value: distinct strings from the allowed set. */
export function readMulti(
  questionId: string,
  value: unknown,
  allowed: ReadonlySet<string>,
): { ok: true; ticked: string[] } | { ok: false; error: AnswerError } {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return answerError('wrong-kind', questionId, 'Expected a list of options', '请从选项中选择（可多选）');
  }
  const ticked = [...new Set(value as string[])];
  const unknown = ticked.find((v) => !allowed.has(v));
  if (unknown !== undefined)
    return answerError('invalid-option', questionId, `'${unknown}' is not one of the options`, `“${unknown}”不是可选项`);
  return { ok: true, ticked };
}
