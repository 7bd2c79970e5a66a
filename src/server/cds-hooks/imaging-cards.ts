import { randomUUID } from 'node:crypto';
import type { CdsCard, CdsSuggestion } from '../../api/cds-hooks-types.js';
import { type Appropriateness, describeImagingScenario, evaluateImaging, type ImagingRecommendation } from '../../engines/imaging/index.js';
import type { FieldDescriptor } from '../../engines/scores/index.js';
import type { Bilingual, Citation } from '../../knowledge/index.js';
import type { Locale } from '../../shared/locale.js';
import type { DraftService } from './fhir-extract.js';
import { type FactValue, IMAGING_INPUT_SYSTEM, orderedExam, scenarioForOrder } from './imaging-order-facts.js';

/**
 * One card per draft imaging order: the appropriateness rating of the ordered examination for
 * its scenario, with radiation level, reason and cited source; a suggestion to remove it (or
 * order the usually-appropriate alternative) when it is usually not appropriate. When the record
 * does not state what the rating depends on, the card says so instead of rating.
 */

/** Inputs that decide whether a rule applies at all; absence cannot be assumed (Stiell 2001 inclusion criterion). */
const MUST_BE_STATED = new Set(['minor-head-injury.locAmnesiaOrDisorientation']);

/** CDS Hooks 2.0 card `overrideReasons` (Coding), offered with every imaging card. */
export const IMAGING_OVERRIDE_REASONS = [
  { code: 'clinical-judgement', display: { en: 'Clinical findings not captured by the rule', zh: '存在规则未涵盖的临床情况' } },
  { code: 'already-discussed', display: { en: 'Discussed with radiology', zh: '已与放射科讨论' } },
  { code: 'patient-preference', display: { en: 'Shared decision with the patient', zh: '与患者共同决策' } },
] as const;
export const OVERRIDE_REASON_SYSTEM = 'https://suwen.dev/fhir/CodeSystem/cds-override-reason';

const RATING: Record<Appropriateness, Bilingual> = {
  'usually-appropriate': { en: 'usually appropriate', zh: '通常适宜' },
  'may-be-appropriate': { en: 'may be appropriate', zh: '可能适宜' },
  'usually-not-appropriate': { en: 'usually not appropriate', zh: '通常不适宜' },
};

const TEXT = {
  rating: { en: 'Rating', zh: '评级' },
  radiation: { en: 'Relative radiation level', zh: '相对辐射水平' },
  reason: { en: 'Reason', zh: '理由' },
  rule: { en: 'Decision rule', zh: '决策规则' },
  assumed: {
    en: 'Not documented in the record, taken as absent (the rating holds only if they are):',
    zh: '病历中未记录，按“无”处理（仅在确实没有时该评级成立）：',
  },
  source: { en: 'Source', zh: '来源' },
  missing: { en: 'Not rated: the record does not state', zh: '未评级：病历中缺少' },
  missingDetail: {
    en: 'Record these as Observations coded in `{system}` (code = input name), or answer them on Suwen’s imaging appropriateness page:',
    zh: '可将以下信息记录为编码系统 `{system}` 的 Observation（code 为输入名），或在素问“影像检查适宜性”页面填写：',
  },
  whichScenario: { en: 'rating needs the reason for the order', zh: '评级需要开单原因' },
  whichScenarioDetail: {
    en: 'Add the reason (reasonCode), e.g. head injury or headache, so the matching guideline can rate it:',
    zh: '请在医嘱中注明开单原因（reasonCode），例如头部外伤或头痛，以便按相应指南评级：',
  },
  notRated: { en: 'not rated by the guideline for', zh: '指南未对此检查评级：' },
  remove: { en: 'Remove the order for {exam}', zh: '撤销{exam}的医嘱' },
  instead: { en: 'Order {exam} instead', zh: '改为开具{exam}' },
  disclaimer: {
    en: 'Decision support from Suwen for the ordering clinician; it does not replace clinical judgement.',
    zh: '素问提供的临床决策支持，供开单医生参考；不能替代临床判断。',
  },
} satisfies Record<string, Bilingual>;

const SUWEN_SOURCE: Citation = {
  title: 'Suwen imaging appropriateness (rules cite ACR Appropriateness Criteria and decision-rule papers)',
};

const pick = (text: Bilingual, locale: Locale) => (locale === 'zh-CN' ? text.zh : text.en);
const summaryOf = (text: string) => (text.length < 140 ? text : `${text.slice(0, 138)}…`);
const sourceOf = (c: Citation): CdsCard['source'] => ({
  label: c.section ? `${c.title} — ${c.section}` : c.title,
  ...(c.url ? { url: c.url } : {}),
});

export interface ImagingCardInput {
  service: DraftService;
  /** reasonCode and note text of the order. */
  reason: string;
  /** Scenario inputs stated by the record (observations, problem list, medications, age). */
  facts: ReadonlyMap<string, FactValue>;
  age?: number;
  locale: Locale;
}

/** The card for one draft ServiceRequest; undefined when it is not an examination Suwen rates. */
export function imagingOrderCard(input: ImagingCardInput): CdsCard | undefined {
  const exam = orderedExam(input.service);
  if (!exam) return undefined;
  const { locale } = input;
  const examName = input.service.text;
  const overrideReasons = IMAGING_OVERRIDE_REASONS.map((r) => ({
    system: OVERRIDE_REASON_SYSTEM,
    code: r.code,
    display: pick(r.display, locale),
  }));
  const base = { uuid: randomUUID(), overrideReasons };
  const scenarioId = scenarioForOrder(exam, input.reason);
  if (!scenarioId) {
    const names = exam.scenarios.map((id) => `- ${pick(describeImagingScenario(id)?.names ?? { en: id, zh: id }, locale)}`);
    return {
      ...base,
      summary: summaryOf(`${examName}: ${pick(TEXT.whichScenario, locale)}`),
      detail: [pick(TEXT.whichScenarioDetail, locale), ...names, '', pick(TEXT.disclaimer, locale)].join('\n'),
      indicator: 'info',
      source: sourceOf(SUWEN_SOURCE),
    };
  }
  const scenario = describeImagingScenario(scenarioId);
  if (!scenario) return undefined;
  const { values, missing, assumedAbsent } = fillInputs(scenarioId, scenario.inputs, input.facts, input.age);
  if (missing.length > 0) {
    return {
      ...base,
      summary: summaryOf(
        `${examName}: ${pick(TEXT.missing, locale)} ${missing.map((f) => pick(f.label, locale)).join(locale === 'zh-CN' ? '、' : ', ')}`,
      ),
      detail: [
        `${pick(scenario.names, locale)}`,
        pick(TEXT.missingDetail, locale).replace('{system}', IMAGING_INPUT_SYSTEM),
        ...missing.map((f) => `- \`${f.name}\`: ${pick(f.label, locale)}`),
        '',
        `${pick(TEXT.source, locale)}: ${sourceOf(scenario.source).label}`,
        pick(TEXT.disclaimer, locale),
      ].join('\n'),
      indicator: 'info',
      source: sourceOf(scenario.source),
    };
  }
  const outcome = evaluateImaging(scenarioId, values);
  if (!outcome.ok) return undefined;
  const { result } = outcome;
  const rec = result.recommendations.find((r) => r.procedure.id === exam.procedureId);
  if (!rec) {
    return {
      ...base,
      summary: summaryOf(`${examName}: ${pick(TEXT.notRated, locale)} ${pick(result.scenario.names, locale)}`),
      detail: [...result.recommendations.map((r) => recommendationLine(r, locale)), '', pick(TEXT.disclaimer, locale)].join('\n'),
      indicator: 'info',
      source: sourceOf(result.source),
    };
  }
  const rule = result.decisionRule;
  const detail = [
    `**${pick(TEXT.rating, locale)}**: ${pick(RATING[rec.rating], locale)} — ${pick(result.scenario.names, locale)}`,
    `**${pick(TEXT.reason, locale)}**: ${pick(rec.reason, locale)}`,
    `**${pick(TEXT.radiation, locale)}**: ${rec.radiation.symbol} ${pick(rec.radiation.range, locale)}`,
    ...(rule
      ? [
          `**${pick(TEXT.rule, locale)}**: ${pick(rule.name, locale)} — ${pick(rule.outcome, locale)}${rule.criteriaMet.length ? ` (${rule.criteriaMet.map((c) => pick(c, locale)).join('; ')})` : ''}`,
        ]
      : []),
    ...(assumedAbsent.length ? ['', pick(TEXT.assumed, locale), ...assumedAbsent.map((f) => `- ${pick(f.label, locale)}`)] : []),
    '',
    `${pick(TEXT.source, locale)}: ${sourceOf(rec.source).label}${rule ? `; ${sourceOf(rule.source).label}` : ''}`,
    pick(TEXT.disclaimer, locale),
  ].join('\n');
  const notAppropriate = rec.rating === 'usually-not-appropriate';
  const suggestions = notAppropriate ? removalSuggestions(input.service, rec, result.recommendations, locale) : [];
  return {
    ...base,
    summary: summaryOf(`${examName}: ${pick(RATING[rec.rating], locale)}${rule ? ` (${pick(rule.outcome, locale)})` : ''}`),
    detail,
    indicator: notAppropriate ? 'warning' : 'info',
    source: sourceOf(rec.source),
    ...(suggestions.length ? { suggestions, selectionBehavior: 'at-most-one' as const } : {}),
  };
}

function recommendationLine(r: ImagingRecommendation, locale: Locale): string {
  return `- ${pick(r.procedure.name, locale)}: ${pick(RATING[r.rating], locale)} (${r.radiation.symbol})`;
}

/** Scenario inputs from the facts; a yes/no the record does not mention is taken as "no" and listed, except where the rule's applicability hangs on it. */
function fillInputs(
  scenarioId: string,
  fields: readonly FieldDescriptor[],
  facts: ReadonlyMap<string, FactValue>,
  age: number | undefined,
) {
  const values: Record<string, FactValue> = {};
  const missing: FieldDescriptor[] = [];
  const assumedAbsent: FieldDescriptor[] = [];
  for (const field of fields) {
    let value = facts.get(field.name);
    if (value === undefined && field.name === 'age' && age !== undefined) value = age;
    if (value === undefined && field.name === 'age50OrOlder' && age !== undefined) value = age >= 50;
    const typed = typedValue(field, value);
    if (typed !== undefined) values[field.name] = typed;
    else if (field.type === 'boolean' && !MUST_BE_STATED.has(`${scenarioId}.${field.name}`)) {
      values[field.name] = false;
      assumedAbsent.push(field);
    } else if (!field.optional) missing.push(field);
  }
  return { values, missing, assumedAbsent };
}

function typedValue(field: FieldDescriptor, value: FactValue | undefined): FactValue | undefined {
  if (value === undefined) return undefined;
  if (field.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|yes|present|positive|是|有|阳性)$/i.test(value)) return true;
    if (typeof value === 'string' && /^(false|no|absent|negative|否|无|阴性)$/i.test(value)) return false;
    return undefined;
  }
  if (field.type === 'number') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    return Number.isFinite(n) ? n : undefined;
  }
  return typeof value === 'string' && field.options?.some((o) => o.value === value) ? value : undefined;
}

function removalSuggestions(
  service: DraftService,
  rec: ImagingRecommendation,
  all: readonly ImagingRecommendation[],
  locale: Locale,
): CdsSuggestion[] {
  const out: CdsSuggestion[] = [];
  const alternative = all.find((r) => r.rating === 'usually-appropriate' && r.procedure.id !== rec.procedure.id);
  if (service.resourceId) {
    out.push({
      label: pick(TEXT.remove, locale).replace('{exam}', service.text),
      uuid: randomUUID(),
      isRecommended: !alternative,
      actions: [{ type: 'delete', description: pick(TEXT.remove, locale).replace('{exam}', service.text), resourceId: service.resourceId }],
    });
  }
  if (alternative) {
    const name = pick(alternative.procedure.name, locale);
    out.push({
      label: pick(TEXT.instead, locale).replace('{exam}', name),
      uuid: randomUUID(),
      isRecommended: true,
      actions: [
        ...(service.resourceId
          ? [
              {
                type: 'delete' as const,
                description: pick(TEXT.remove, locale).replace('{exam}', service.text),
                resourceId: service.resourceId,
              },
            ]
          : []),
        {
          type: 'create',
          description: pick(TEXT.instead, locale).replace('{exam}', name),
          resource: { resourceType: 'ServiceRequest', status: 'draft', intent: 'order', code: { text: alternative.procedure.name.en } },
        },
      ],
    });
  }
  return out;
}
