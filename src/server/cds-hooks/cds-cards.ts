import { randomUUID } from 'node:crypto';
import type { CdsCard, CdsIndicator, CdsSuggestion } from '../../api/cds-hooks-types.js';
import type { LabInterpretation } from '../../engines/labs/index.js';
import type { FindingSeverity, MedicationCheckResult, MedicationFinding } from '../../engines/medication/index.js';
import type { Bilingual, Citation } from '../../knowledge/index.js';
import type { Locale } from '../../shared/locale.js';

/** Turns engine findings into CDS Hooks cards in the caller's language. */

const SEVERITY_RANK: Record<FindingSeverity, number> = { contraindicated: 0, major: 1, moderate: 2, minor: 3, info: 4 };

/** Contraindicated → critical; major and moderate → warning; minor and info → info. */
export function indicatorFor(severity: FindingSeverity): CdsIndicator {
  if (severity === 'contraindicated') return 'critical';
  return severity === 'major' || severity === 'moderate' ? 'warning' : 'info';
}

const SEVERITY_LABEL: Record<FindingSeverity, Bilingual> = {
  contraindicated: { en: 'Contraindicated', zh: '禁忌' },
  major: { en: 'Major', zh: '严重' },
  moderate: { en: 'Moderate', zh: '中度' },
  minor: { en: 'Minor', zh: '轻度' },
  info: { en: 'Note', zh: '提示' },
};

const TEXT = {
  management: { en: 'Management', zh: '处理建议' },
  source: { en: 'Source', zh: '来源' },
  disclaimer: {
    en: 'Decision support from Suwen for the treating clinician; it does not replace clinical judgement or the product label.',
    zh: '素问提供的临床决策支持，供主治医生参考；不能替代临床判断或药品说明书。',
  },
  remove: { en: 'Remove the draft order for {drug}', zh: '撤销{drug}的草稿医嘱' },
  critical: { en: 'Critical value', zh: '危急值' },
  criticalHigh: { en: 'above the critical limit', zh: '高于危急界限' },
  criticalLow: { en: 'below the critical limit', zh: '低于危急界限' },
  range: { en: 'Reference range', zh: '参考区间' },
  collected: { en: 'Collected', zh: '采集时间' },
} satisfies Record<string, Bilingual>;

function pick(text: Bilingual, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** The spec limits a summary to under 140 characters. */
function summaryOf(text: string): string {
  return text.length < 140 ? text : `${text.slice(0, 138)}…`;
}

function sourceLabel(citation: Citation): string {
  return citation.section ? `${citation.title} — ${citation.section}` : citation.title;
}

function cardSource(citation: Citation): CdsCard['source'] {
  return { label: sourceLabel(citation), ...(citation.url ? { url: citation.url } : {}) };
}

export interface MedicationCardOptions {
  locale: Locale;
  /** Findings must involve one of these medication indices (the draft orders); all when omitted. */
  involving?: ReadonlySet<number>;
  /** Lowest severity that makes a card. */
  minSeverity: FindingSeverity;
  /** Index → `MedicationRequest/<id>` for draft orders a suggestion may remove. */
  removable?: ReadonlyMap<number, string>;
}

/**
 * One card per problem: findings of the same kind about the same drugs (e.g. two interaction
 * rules for one pair) share a card led by the most severe; the rest are listed in its detail.
 */
export function medicationCards(result: MedicationCheckResult, options: MedicationCardOptions): CdsCard[] {
  const { locale } = options;
  const groups = new Map<string, MedicationFinding[]>();
  for (const finding of result.findings) {
    if (finding.kind === 'dose-not-checked') continue;
    if (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[options.minSeverity]) continue;
    if (options.involving && !finding.medications.some((index) => options.involving?.has(index))) continue;
    const key = `${finding.kind}:${[...finding.medications].sort((a, b) => a - b).join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const cards: CdsCard[] = [];
  for (const findings of groups.values()) {
    findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const lead = findings[0];
    if (!lead) continue;
    const indicator = indicatorFor(lead.severity);
    const detail = [
      ...findings.map((finding) => {
        const lines = [`**${pick(SEVERITY_LABEL[finding.severity], locale)}** — ${pick(finding.detail, locale)}`];
        if (finding.management) lines.push(`**${pick(TEXT.management, locale)}:** ${finding.management}`);
        lines.push(`*${pick(TEXT.source, locale)}:* ${sourceLabel(finding.source)}`);
        return lines.join('\n\n');
      }),
      `_${pick(TEXT.disclaimer, locale)}_`,
    ].join('\n\n---\n\n');
    const suggestions: CdsSuggestion[] =
      indicator === 'info'
        ? []
        : lead.medications.flatMap((index) => {
            const resourceId = options.removable?.get(index);
            if (!resourceId) return [];
            const medication = result.medications[index];
            const drug = medication?.name ? pick(medication.name, locale) : (medication?.input.name ?? resourceId);
            const label = pick(TEXT.remove, locale).replace('{drug}', drug);
            return [{ label, uuid: randomUUID(), actions: [{ type: 'delete' as const, description: label, resourceId }] }];
          });
    cards.push({
      uuid: randomUUID(),
      summary: summaryOf(`${pick(SEVERITY_LABEL[lead.severity], locale)}: ${pick(lead.title, locale)}`),
      detail,
      indicator,
      source: cardSource(lead.source),
      ...(suggestions.length > 0 ? { suggestions, selectionBehavior: 'at-most-one' as const } : {}),
    });
  }
  return cards;
}

/** One critical card per test with a critical value (the newest such result when there are several). */
export function criticalLabCards(interpretation: LabInterpretation, locale: Locale): CdsCard[] {
  const newest = new Map<string, LabInterpretation['results'][number]>();
  for (const result of interpretation.results) {
    if (result.flag !== 'critical-high' && result.flag !== 'critical-low') continue;
    const key = result.labId ?? result.test;
    const seen = newest.get(key);
    if (!seen || (result.time ?? '') >= (seen.time ?? '')) newest.set(key, result);
  }
  return [...newest.values()].map((result) => {
    const name = result.name ? pick(result.name, locale) : result.test;
    const value = `${result.value}${result.unit ? ` ${result.unit}` : ''}`;
    const where = pick(result.flag === 'critical-high' ? TEXT.criticalHigh : TEXT.criticalLow, locale);
    const range = result.range;
    const lines = [pick(result.message, locale)];
    if (range && (range.low !== undefined || range.high !== undefined)) {
      lines.push(`${pick(TEXT.range, locale)}: ${range.low ?? ''}–${range.high ?? ''} ${range.unit}`);
    }
    if (result.time) lines.push(`${pick(TEXT.collected, locale)}: ${result.time}`);
    const citation = result.criticalCitation ?? result.citation;
    if (citation) lines.push(`*${pick(TEXT.source, locale)}:* ${sourceLabel(citation)}`);
    lines.push(`_${pick(TEXT.disclaimer, locale)}_`);
    return {
      uuid: randomUUID(),
      summary: summaryOf(
        locale === 'zh-CN'
          ? `${pick(TEXT.critical, locale)}：${name} ${value}（${where}）`
          : `${pick(TEXT.critical, locale)}: ${name} ${value} (${where})`,
      ),
      detail: lines.join('\n\n'),
      indicator: 'critical' as const,
      source: citation ? cardSource(citation) : { label: 'Suwen lab knowledge base' },
    };
  });
}
