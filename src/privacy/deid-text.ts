import { analyzePhi } from './analyzer.js';
import { anonymize, type OperatorName, type PseudonymScope } from './operators/anonymize.js';
import type { AnalyzerConfig, PhiFinding, PhiType, TextLanguage } from './phi-types.js';

/** One document through the engine: findings on the original text, and the de-identified text. */
export interface DeidResult {
  text: string;
  findings: PhiFinding[];
  counts: Partial<Record<PhiType, number>>;
}

export function deidentifyText(
  text: string,
  options: { operator: OperatorName; scope: PseudonymScope; language?: TextLanguage | 'auto'; config?: AnalyzerConfig },
): DeidResult {
  const findings = analyzePhi(text, { language: options.language ?? 'auto', ...(options.config ? { config: options.config } : {}) });
  const counts: Partial<Record<PhiType, number>> = {};
  for (const f of findings) counts[f.type] = (counts[f.type] ?? 0) + 1;
  return { text: anonymize(text, findings, options.operator, options.scope).text, findings, counts };
}
