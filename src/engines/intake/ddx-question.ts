/**
 * DDXPlus evidence as interview questions: B → yes-no, numeric C (0–10) → scale, other C →
 * choice, M → multi; and an answer read back into DDXPlus atoms (`E_91`, `E_56_@_7`, `E_55_@_V_29`).
 */
import type { CompiledEvidence, DdxModel } from '../ddx/index.js';
import { answerError, joinLabels, NO, type ReadResult, readMulti, readScale, YES } from './answer-reading.js';
import { areaOptions, bodyArea, isLocationCode } from './body-regions.js';
import type { IntakeLanguage, IntakeQuestion } from './intake-types.js';

export const DDX_PREFIX = 'ddx:';

const isNumericScale = (ev: CompiledEvidence) => ev.type === 'C' && ev.values.length > 0 && ev.values.every((v) => /^\d+$/.test(v));

/** "NA" defaults (pain character, rash colour) are not answers a patient would pick. */
const offeredValues = (ev: CompiledEvidence) => {
  const offered = ev.values.filter((v, i) => !(v === ev.defaultValue && ev.valueLabels[i]?.en === 'NA'));
  const order = ev.optionOrder;
  if (!order) return offered;
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return [...offered].sort((a, b) => rank(a) - rank(b));
};

export interface DdxQuestionContext {
  /** Body-location areas for this sex only (genital areas). */
  sex?: 'M' | 'F';
  /** Body regions to show opened (the region of the chief complaint). */
  openGroups?: string[];
}

/** What the ends of a DDXPlus 0–10 scale mean (release_evidences.json question wording). */
const SCALE_HELP: Record<string, { en: string; zh: string }> = {
  E_56: { en: '0 = no pain, 10 = the worst pain you can imagine.', zh: '0分表示不痛，10分表示能想象到的最剧烈疼痛。' },
  E_58: { en: '0 = spread over a large area, 10 = one precise spot.', zh: '0分表示范围很大、说不清，10分表示能准确指出一个点。' },
  E_59: { en: '0 = came on very gradually, 10 = came on all at once.', zh: '0分表示非常缓慢出现，10分表示突然出现。' },
};
const GENERIC_SCALE_HELP = { en: '0 = not at all, 10 = extremely.', zh: '0分表示完全没有，10分表示非常严重。' };

/** The interview question for one DDXPlus evidence, in the interview language. */
export function ddxQuestion(
  model: DdxModel,
  code: string,
  language: IntakeLanguage,
  context: DdxQuestionContext = {},
): IntakeQuestion | undefined {
  const ev = model.byCode.get(code);
  if (!ev) return undefined;
  const base = {
    id: `${DDX_PREFIX}${code}`,
    section: ev.antecedent ? ('past-history' as const) : ('present-illness' as const),
    text: ev.label[language],
    optional: true,
  };
  if (ev.type === 'B') return { ...base, kind: 'yes-no' };
  if (isNumericScale(ev)) {
    const numbers = ev.values.map(Number);
    return {
      ...base,
      kind: 'scale',
      min: Math.min(...numbers),
      max: Math.max(...numbers),
      help: (SCALE_HELP[code] ?? GENERIC_SCALE_HELP)[language],
    };
  }
  if (ev.type === 'M' && isLocationCode(code)) {
    const options = areaOptions(language, context.sex);
    const open = (context.openGroups ?? []).filter((g) => options.some((o) => o.groupId === g));
    return { ...base, kind: 'multi', options, ...(open.length > 0 ? { openGroups: open } : {}) };
  }
  const options = offeredValues(ev).map((v) => ({ value: v, label: ev.valueLabels[ev.valueIndex.get(v) ?? 0]?.[language] ?? v }));
  return { ...base, kind: ev.type === 'M' ? 'multi' : 'choice', options };
}

const labelOf = (ev: CompiledEvidence, v: string) => ev.valueLabels[ev.valueIndex.get(v) ?? -1] ?? { en: v, zh: v };

/** Reads a form answer to a DDXPlus question into evidence atoms and a bilingual display. */
export function readDdxAnswer(ev: CompiledEvidence, value: unknown): ReadResult {
  const id = `${DDX_PREFIX}${ev.code}`;
  if (ev.type === 'B') {
    if (typeof value !== 'boolean') return answerError('wrong-kind', id, 'Expected yes or no', '请回答“是”或“否”');
    return { ok: true, reading: { value, display: value ? YES : NO, evidence: value ? [ev.code] : [], denied: value ? [] : [ev.code] } };
  }
  if (isNumericScale(ev)) {
    const numbers = ev.values.map(Number);
    const read = readScale(id, value, Math.min(...numbers), Math.max(...numbers));
    if (!read.ok) return read;
    const v = String(read.n);
    const isDefault = v === ev.defaultValue;
    return {
      ok: true,
      reading: {
        value: read.n,
        display: { en: `${v}/10`, zh: `${v}分` },
        evidence: isDefault ? [] : [`${ev.code}_@_${v}`],
        denied: isDefault ? [ev.code] : [],
      },
    };
  }
  if (ev.type === 'C') {
    if (typeof value !== 'string') return answerError('wrong-kind', id, 'Expected one of the options', '请选择一个选项');
    if (!ev.valueIndex.has(value)) return answerError('invalid-option', id, `'${value}' is not one of the options`, `“${value}”不是可选项`);
    const isDefault = value === ev.defaultValue;
    return {
      ok: true,
      reading: {
        value,
        display: labelOf(ev, value),
        evidence: isDefault ? [] : [`${ev.code}_@_${value}`],
        denied: isDefault ? [ev.code] : [],
      },
    };
  }
  if (isLocationCode(ev.code)) return readLocation(ev, value);
  const read = readMulti(id, value, new Set(ev.values));
  if (!read.ok) return read;
  const present = read.ticked.filter((v) => v !== ev.defaultValue);
  return {
    ok: true,
    reading: {
      value: read.ticked,
      display: joinLabels(
        read.ticked.map((v) => labelOf(ev, v)),
        { en: 'None', zh: '无' },
      ),
      evidence: present.map((v) => `${ev.code}_@_${v}`),
      denied: present.length === 0 ? [ev.code] : [],
    },
  };
}

/** A body-location answer: areas (or raw DDXPlus values) read into every DDXPlus value they cover. */
function readLocation(ev: CompiledEvidence, value: unknown): ReadResult {
  const id = `${DDX_PREFIX}${ev.code}`;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return answerError('wrong-kind', id, 'Expected a list of body areas', '请选择身体部位（可多选）');
  }
  const ticked = [...new Set(value as string[])];
  const values: string[] = [];
  const labels = [];
  for (const v of ticked) {
    const area = bodyArea(v);
    if (area) {
      values.push(...area.values.filter((x) => ev.valueIndex.has(x)));
      labels.push(area.label);
    } else if (ev.valueIndex.has(v)) {
      values.push(v);
      labels.push(labelOf(ev, v));
    } else {
      return answerError('invalid-option', id, `'${v}' is not one of the body areas`, `“${v}”不是可选的身体部位`);
    }
  }
  const present = [...new Set(values)].filter((v) => v !== ev.defaultValue);
  return {
    ok: true,
    reading: {
      value: ticked,
      display: joinLabels(present.length > 0 ? labels : [], { en: 'None', zh: '无' }),
      evidence: present.map((v) => `${ev.code}_@_${v}`),
      denied: present.length === 0 ? [ev.code] : [],
    },
  };
}
