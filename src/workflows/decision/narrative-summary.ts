import type { KeyTermCategory, NarrativeKeyTerm, NarrativeReport } from '../../engines/report-parsing/index.js';

const REPORT_BODY = new Set(['findings', 'impression', 'gross', 'microscopic']);

/**
 * Whether the text reads as an imaging/pathology report: a findings, impression or pathology
 * section, or a key term it affirms. A lab slip's "临床诊断:" line alone does not count.
 */
export function hasNarrativeContent(report: NarrativeReport): boolean {
  return report.sections.some((s) => REPORT_BODY.has(s.name)) || report.keyTerms.some((k) => !k.negated);
}

const CATEGORY: Record<'zh' | 'en', Record<KeyTermCategory, string>> = {
  en: {
    urgent: 'may need urgent attention',
    malignancy: 'malignancy term',
    suspicious: 'needs characterisation',
    'follow-up': 'recommendation',
  },
  zh: { urgent: '可能需紧急处理', malignancy: '恶性相关术语', suspicious: '需进一步明确', 'follow-up': '报告建议' },
};

const KIND: Record<'zh' | 'en', Record<NarrativeReport['kind'], string>> = {
  en: { imaging: 'Imaging report', pathology: 'Pathology report', unknown: 'Report' },
  zh: { imaging: '影像报告', pathology: '病理报告', unknown: '报告' },
};

function termText(k: NarrativeKeyTerm, language: 'zh' | 'en'): string {
  const open = k.uncertain ? (language === 'zh' ? '(未确定)' : ' (not certain)') : '';
  return `${k.term[language]}${open}`;
}

/** Sections found, then affirmed key terms by category with the category's source, then terms the report denies. */
export function narrativeClinicianSummary(report: NarrativeReport, language: 'zh' | 'en'): string {
  const zh = language === 'zh';
  const lines: string[] = [];
  const names = report.sections.map((s) => s.heading).join(zh ? '、' : ', ');
  lines.push(
    zh
      ? `${KIND.zh[report.kind]}:识别出 ${report.sections.length} 个段落${names ? `(${names})` : ''}。`
      : `${KIND.en[report.kind]}: ${report.sections.length} sections found${names ? ` (${names})` : ''}.`,
  );
  const impression = report.sections.find((s) => s.name === 'impression');
  if (impression) lines.push(`${zh ? '印象/结论' : 'Impression'}: ${impression.text.replace(/\n/g, ' ')}`);
  const affirmed = report.keyTerms.filter((k) => !k.negated);
  for (const category of ['urgent', 'malignancy', 'suspicious', 'follow-up'] as const) {
    const terms = affirmed.filter((k) => k.category === category);
    if (terms.length === 0) continue;
    const source = report.sources.find((s) => s.category === category)?.title;
    const unique = [...new Set(terms.map((k) => termText(k, language)))];
    lines.push(`- ${CATEGORY[language][category]}: ${unique.join(zh ? '、' : ', ')}${source ? ` [${source}]` : ''}`);
  }
  const denied = [...new Set(report.keyTerms.filter((k) => k.negated).map((k) => k.term[language]))];
  if (denied.length) lines.push(zh ? `报告中明确否定:${denied.join('、')}` : `Stated as absent: ${denied.join(', ')}`);
  lines.push(
    zh
      ? '以上为按词语提取的要点,可能遗漏或误读上下文;请以原报告及影像/病理医师意见为准。'
      : 'Key terms are matched by wording and may miss or misread context; the original report and the reporting radiologist or pathologist are authoritative.',
  );
  return lines.join('\n');
}

/** Plain words: what kind of report, whether anything needs seeing a doctor soon, always "discuss with your doctor". */
export function narrativePatientSummary(report: NarrativeReport, language: 'zh' | 'en'): string {
  const zh = language === 'zh';
  const affirmed = report.keyTerms.filter((k) => !k.negated);
  const urgent = affirmed.some((k) => k.category === 'urgent' && !k.uncertain);
  const concerning = affirmed.some((k) => k.category !== 'urgent');
  const parts: string[] = [];
  parts.push(
    zh
      ? `这是一份${KIND.zh[report.kind]}。报告的结论部分(“印象”或“诊断意见”)是医生对检查的总结。`
      : `This is ${report.kind === 'unknown' ? 'a report' : `an ${report.kind} report`}. Its conclusion ("impression" or "diagnosis") is the specialist's summary of the examination.`,
  );
  if (urgent) {
    parts.push(
      zh
        ? '报告中提到的某些发现可能需要尽快处理,请今天就联系开单医生或就医;如有剧烈疼痛、呼吸困难、意识改变等,请立即拨打120或前往急诊。'
        : ' Some findings in it may need prompt care: please contact the doctor who ordered the test or seek care today. If you have severe pain, trouble breathing or confusion, call emergency services now.',
    );
  } else if (concerning) {
    parts.push(
      zh
        ? '报告中有需要进一步明确或随访的内容,请尽快预约开单医生,当面讨论下一步检查或处理。'
        : ' It mentions findings that need follow-up or further tests: please book a visit with the doctor who ordered it to discuss the next steps.',
    );
  } else {
    parts.push(zh ? '请带上报告与您的医生讨论结果。' : ' Please go over the results with your doctor.');
  }
  parts.push(zh ? '本说明仅供参考,不是诊断。' : ' This summary is for information only and is not a diagnosis.');
  return parts.join('');
}
