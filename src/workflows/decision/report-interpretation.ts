import { type InterpretedLabResult, interpretLabs, type LabFlag, type LabIndex, type LabInterpretation } from '../../engines/labs/index.js';
import {
  type NarrativeReport,
  type ParsedLabReport,
  type ParsedReportResult,
  parseLabReport,
  readNarrativeReport,
} from '../../engines/report-parsing/index.js';
import type { Citation } from '../../knowledge/index.js';
import { hasNarrativeContent, narrativeClinicianSummary, narrativePatientSummary } from './narrative-summary.js';

export interface ReportInterpretationInput {
  text: string;
  sex?: 'M' | 'F';
  age?: number;
  language: 'zh' | 'en';
}

export interface ReportInterpretation {
  parsed: ParsedLabReport;
  interpretation: LabInterpretation;
  /** Abnormal and critical results, then patterns with their cited rules; decision support, not a diagnosis. */
  clinicianSummary: string;
  /** Plain language for the patient: what is outside the usual range, to discuss with their doctor. */
  patientSummary: string;
  /** Imaging or pathology prose: sections and key terms; present when any were found. */
  narrative?: NarrativeReport;
  language: 'zh' | 'en';
}

/**
 * Pasted lab report → parsed results → `interpretLabs` → a clinician summary and a patient
 * summary in the requested language. Deterministic templates; no model is involved.
 */
export function interpretReport(labs: LabIndex, input: ReportInterpretationInput): ReportInterpretation {
  const parsed = parseLabReport(input.text, labs);
  const interpretation = interpretLabs(labs, {
    ...(input.sex ? { sex: input.sex } : {}),
    ...(input.age !== undefined ? { age: input.age } : {}),
    // The lab id, not the printed name: the parser already matched it. A printed range is the
    // laboratory's own and is applied instead of the knowledge base's (issue 23 item 4).
    results: parsed.results.map((r) => ({
      test: r.labId,
      value: r.value,
      ...(r.unit ? { unit: r.unit } : {}),
      ...(r.reportedBounds ? { reportedRange: r.reportedBounds } : {}),
    })),
  });
  const narrative = readNarrativeReport(input.text);
  const withNarrative = hasNarrativeContent(narrative);
  // A prose report with no lab rows is summarised from its sections alone; a mixed one gets both.
  const labsRead = parsed.results.length > 0;
  const clinician = [
    ...(labsRead || !withNarrative ? [clinicianSummary(labs, parsed, interpretation, input.language)] : []),
    ...(withNarrative ? [narrativeClinicianSummary(narrative, input.language)] : []),
  ];
  const patient = [
    ...(labsRead || !withNarrative ? [patientSummary(interpretation, input.language)] : []),
    ...(withNarrative ? [narrativePatientSummary(narrative, input.language)] : []),
  ];
  return {
    parsed,
    interpretation,
    clinicianSummary: clinician.join('\n\n'),
    patientSummary: patient.join('\n'),
    ...(withNarrative ? { narrative } : {}),
    language: input.language,
  };
}

const ABNORMAL: ReadonlySet<LabFlag> = new Set(['low', 'high', 'critical-low', 'critical-high']);
const isCritical = (flag: LabFlag): boolean => flag === 'critical-low' || flag === 'critical-high';

const FLAG_WORDS: Record<'zh' | 'en', Record<LabFlag, string>> = {
  en: {
    low: 'low',
    high: 'high',
    'critical-low': 'CRITICAL low',
    'critical-high': 'CRITICAL high',
    normal: 'normal',
    unknown: 'not interpreted',
  },
  zh: { low: '偏低', high: '偏高', 'critical-low': '危急值(低)', 'critical-high': '危急值(高)', normal: '正常', unknown: '未判读' },
};

function labName(r: InterpretedLabResult, language: 'zh' | 'en'): string {
  return r.name?.[language] ?? r.test;
}

function cite(c: Citation | undefined): string {
  if (!c) return '';
  return ` [${c.title}${c.section ? `, ${c.section}` : ''}${c.url ? ` — ${c.url}` : ''}]`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(4)));
}

/** The applied range: as printed (in the result's own unit) when the report gave one, else the knowledge base's in SI. */
function rangeText(r: InterpretedLabResult, printed: ParsedReportResult | undefined, language: 'zh' | 'en'): string {
  const range = r.range;
  if (!range) return '';
  const printedRange = range.origin === 'reported' ? printed?.reportedRange : undefined;
  const own = printedRange !== undefined;
  const unit = own ? (printed?.unit ?? range.unit) : range.unit;
  const text = own ? printedRange.replace(/^(-?[\d.,]+)-/, '$1–') : boundsText(range.low, range.high);
  if (!text) return '';
  if (!own) return `${text} ${unit}`;
  return language === 'zh' ? `${text} ${unit},报告单所印` : `${text} ${unit}, as printed on the report`;
}

function boundsText(low: number | undefined, high: number | undefined): string {
  if (low !== undefined && high !== undefined) return `${formatNumber(low)}–${formatNumber(high)}`;
  if (low !== undefined) return `≥${formatNumber(low)}`;
  if (high !== undefined) return `≤${formatNumber(high)}`;
  return '';
}

/** "critical limit > 6.2 mmol/L; " from the curated lab, in its SI unit. */
function criticalText(labs: LabIndex, r: InterpretedLabResult, language: 'zh' | 'en'): string {
  const critical = r.labId ? labs.byId.get(r.labId)?.critical : undefined;
  const limit = r.flag === 'critical-high' ? critical?.high : critical?.low;
  if (limit === undefined || !r.siUnit) return '';
  const high = r.flag === 'critical-high';
  const sign = critical?.inclusive ? (high ? '≥' : '≤') : high ? '>' : '<';
  return language === 'zh'
    ? `危急界限 ${sign}${formatNumber(limit)} ${r.siUnit};`
    : `critical limit ${sign}${formatNumber(limit)} ${r.siUnit}; `;
}

function clinicianSummary(labs: LabIndex, parsed: ParsedLabReport, interpretation: LabInterpretation, language: 'zh' | 'en'): string {
  const zh = language === 'zh';
  const lines: string[] = [];
  const problems = interpretation.results.filter((r) => r.problem);
  lines.push(
    zh
      ? `识别检验结果 ${parsed.results.length} 项${problems.length ? `,其中 ${problems.length} 项未能判读` : ''}。`
      : `${parsed.results.length} results read${problems.length ? `, ${problems.length} not interpreted` : ''}.`,
  );
  // Critical first, then the other abnormal results, in report order.
  const abnormal = interpretation.results
    .filter((r) => ABNORMAL.has(r.flag))
    .sort((a, b) => Number(isCritical(b.flag)) - Number(isCritical(a.flag)) || a.index - b.index);
  if (abnormal.length === 0)
    lines.push(zh ? '所有可判读结果均在参考区间内。' : 'All interpretable results are within the reference range.');
  for (const r of abnormal) {
    const shown = r.unit ? `${formatNumber(r.value)} ${r.unit}` : formatNumber(r.value);
    const si =
      r.siValue !== undefined && r.siUnit && r.unit && r.siValue !== r.value
        ? ` (= ${r.decimals !== undefined ? r.siValue.toFixed(r.decimals) : formatNumber(r.siValue)} ${r.siUnit})`
        : '';
    const range = rangeText(r, parsed.results[r.index], language);
    const critical = isCritical(r.flag) ? criticalText(labs, r, language) : '';
    const source = isCritical(r.flag) ? `${cite(r.criticalCitation)}${cite(r.citation)}` : cite(r.citation);
    lines.push(
      zh
        ? `- ${labName(r, 'zh')} ${shown}${si}:${FLAG_WORDS.zh[r.flag]}(${critical}${range ? `参考区间 ${range}` : ''})${source}`
        : `- ${labName(r, 'en')} ${shown}${si}: ${FLAG_WORDS.en[r.flag]} (${critical}${range ? `reference ${range}` : ''})${source}`,
    );
  }
  if (interpretation.patterns.length > 0) {
    lines.push(zh ? '提示模式:' : 'Patterns:');
    for (const p of interpretation.patterns) lines.push(`- ${p.message[language]}${cite(p.source)}`);
  }
  if (problems.length > 0) {
    lines.push(
      zh
        ? `未能判读:${problems.map((r) => `${labName(r, 'zh')}(${r.problem?.message.zh})`).join(';')}`
        : `Not interpreted: ${problems.map((r) => `${labName(r, 'en')} (${r.problem?.message.en})`).join('; ')}`,
    );
  }
  lines.push(interpretation.disclaimer[language]);
  return lines.join('\n');
}

function patientSummary(interpretation: LabInterpretation, language: 'zh' | 'en'): string {
  const zh = language === 'zh';
  const interpreted = interpretation.results.filter((r) => r.flag !== 'unknown');
  const abnormal = interpretation.results.filter((r) => ABNORMAL.has(r.flag));
  const critical = abnormal.filter((r) => isCritical(r.flag));
  const parts: string[] = [];
  if (interpreted.length === 0) {
    parts.push(
      zh
        ? '我们没能判读这份报告中的结果。请把报告带给您的医生,由医生为您解读。'
        : 'We could not interpret the results in this report. Please take the report to your doctor, who can explain it to you.',
    );
    return parts.join('');
  }
  if (abnormal.length === 0) {
    parts.push(
      zh
        ? `您的报告中我们读到的 ${interpreted.length} 项结果都在通常范围内。如果您有不适,仍请就医并与医生沟通。`
        : `The ${interpreted.length} results we could read in your report are all within the usual range. If you feel unwell, please still talk to your doctor.`,
    );
    return parts.join('');
  }
  const list = (rs: InterpretedLabResult[]): string =>
    rs
      .map(
        (r) =>
          `${labName(r, language)}${zh ? `(${r.flag.endsWith('low') ? '偏低' : '偏高'})` : ` (${r.flag.endsWith('low') ? 'lower' : 'higher'} than usual)`}`,
      )
      .join(zh ? '、' : ', ');
  parts.push(
    zh
      ? `您的报告中有 ${abnormal.length} 项结果超出通常范围:${list(abnormal)}。超出范围不一定意味着生病,原因可能有很多,需要医生结合您的情况来判断。`
      : `${abnormal.length} of your results ${abnormal.length === 1 ? 'is' : 'are'} outside the usual range: ${list(abnormal)}. A result outside the range does not always mean something is wrong; your doctor can explain what it means for you.`,
  );
  if (critical.length > 0) {
    parts.push(
      zh
        ? `其中${critical.map((r) => labName(r, 'zh')).join('、')}的结果明显异常,请尽快就医(今天就去);如有胸闷、心慌、呼吸困难、意识改变等不适,请立即拨打120或前往急诊。`
        : ` ${critical.map((r) => labName(r, 'en')).join(', ')} ${critical.length > 1 ? 'are' : 'is'} far outside the usual range: please seek medical care urgently (today). If you have chest pain, palpitations, trouble breathing or confusion, call emergency services now.`,
    );
  } else {
    parts.push(zh ? '建议您带上这份报告就医,和您的医生讨论这些结果。' : ' Please talk to your doctor about these results.');
  }
  parts.push(zh ? '本说明仅供参考,不是诊断。' : ' This summary is for information only and is not a diagnosis.');
  return parts.join('');
}
