/**
 * Findings a clinician enters for the differential: the DDXPlus evidence list searched in Chinese
 * and English, and entered answers (yes/no, or values) checked against the model and read into
 * the case's evidence atoms and denials.
 */
import type { IntakeAnswer } from './intake-state.js';
import type { BilingualText, CompiledEvidence, DdxModel } from './load-ddx-model.js';

/** A clinician's answer to one DDXPlus evidence: yes/no (B) or the value codes that apply (C, M). */
export type ClinicianFinding = IntakeAnswer;

export interface EvidenceOption {
  code: string;
  /** B: yes/no; C: one value; M: several values. */
  type: 'B' | 'C' | 'M';
  label: BilingualText;
  /** True for a history item (antecedent), false for a symptom or sign. */
  antecedent: boolean;
  /** The evidence this one follows up (e.g. pain location follows "pain"), or null. */
  parent: string | null;
  defaultValue: string | null;
  values: { code: string; label: BilingualText }[];
  /** Values whose label matched the query (empty when the question itself matched). */
  matchedValues: string[];
}

export class FindingError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'FindingError';
    this.code = code;
  }
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().trim();

function optionOf(ev: CompiledEvidence, matchedValues: string[]): EvidenceOption {
  return {
    code: ev.code,
    type: ev.type,
    label: ev.label,
    antecedent: ev.antecedent,
    parent: ev.parent && ev.parent !== ev.code ? ev.parent : null,
    defaultValue: ev.type === 'B' ? null : String(ev.defaultValue),
    values: ev.type === 'B' ? [] : ev.values.map((code, i) => ({ code, label: ev.valueLabels[i] ?? { en: code, zh: code } })),
    matchedValues,
  };
}

/**
 * The evidence whose code, question (zh or en) or value labels contain every word of `query`,
 * best first: code, then question text, then a value label. An empty query lists every evidence.
 */
export function searchEvidence(model: DdxModel, query: string, options: { limit?: number } = {}): EvidenceOption[] {
  const limit = options.limit ?? 30;
  const words = fold(query).split(/\s+/).filter(Boolean);
  const scored: { score: number; index: number; option: EvidenceOption }[] = [];
  for (const ev of model.evidences) {
    if (words.length === 0) {
      scored.push({ score: 0, index: ev.index, option: optionOf(ev, []) });
      continue;
    }
    const code = fold(ev.code);
    const question = fold(`${ev.label.en} ${ev.label.zh}`);
    const matches = (text: string) => words.every((w) => text.includes(w));
    if (words.length === 1 && code === words[0]) scored.push({ score: 3, index: ev.index, option: optionOf(ev, []) });
    else if (matches(question)) scored.push({ score: 2, index: ev.index, option: optionOf(ev, []) });
    else {
      const matchedValues = ev.values.filter((v, i) => {
        const label = ev.valueLabels[i];
        return label && v !== String(ev.defaultValue) && matches(fold(`${label.en} ${label.zh}`));
      });
      if (matchedValues.length > 0) scored.push({ score: 1, index: ev.index, option: optionOf(ev, matchedValues) });
    }
  }
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.option);
}

/**
 * Checks the findings against the model and reads them into evidence atoms (`E_55_@_V_29`) and
 * denied codes. A B finding needs yes/no, a C finding one value, an M finding one or more values;
 * the default value ("nowhere", 0) means denied. A code entered twice is refused.
 */
export function findingsToCase(model: DdxModel, findings: readonly ClinicianFinding[]): { evidence: string[]; denied: string[] } {
  const evidence: string[] = [];
  const denied: string[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const ev = model.byCode.get(finding.code);
    if (!ev) throw new FindingError(finding.code, `Unknown DDXPlus finding '${finding.code}'; pick one from the finding list`);
    if (seen.has(ev.code)) throw new FindingError(ev.code, `Finding ${ev.code} is entered twice`);
    seen.add(ev.code);
    if ('present' in finding) {
      if (ev.type !== 'B')
        throw new FindingError(ev.code, `Finding ${ev.code} needs a value (${ev.type === 'C' ? 'one' : 'one or more'}), not yes/no`);
      if (finding.present) evidence.push(ev.code);
      else denied.push(ev.code);
      continue;
    }
    if (ev.type === 'B') throw new FindingError(ev.code, `Finding ${ev.code} is yes/no, not a value`);
    const values = [...new Set(finding.values)];
    if (values.length === 0) throw new FindingError(ev.code, `Finding ${ev.code} needs a value`);
    if (ev.type === 'C' && values.length > 1) throw new FindingError(ev.code, `Finding ${ev.code} takes one value, not ${values.length}`);
    const unknown = values.find((v) => !ev.valueIndex.has(v));
    if (unknown) throw new FindingError(ev.code, `Finding ${ev.code} has no value '${unknown}'`);
    // The model file stores some defaults as numbers (pain intensity 0); values are strings.
    const meaningful = values.filter((v) => v !== String(ev.defaultValue));
    if (meaningful.length === 0) denied.push(ev.code);
    else for (const v of meaningful) evidence.push(`${ev.code}_@_${v}`);
  }
  return { evidence, denied };
}

/** A finding's answer in words ("Yes", "lower chest"), for citing it as a source. */
export function findingAnswerLabel(model: DdxModel, finding: ClinicianFinding): BilingualText {
  const ev = model.byCode.get(finding.code);
  if ('present' in finding) return finding.present ? { en: 'Yes', zh: '是' } : { en: 'No', zh: '否' };
  const labels = finding.values.map((v) => ev?.valueLabels[ev.valueIndex.get(v) ?? -1] ?? { en: v, zh: v });
  return { en: labels.map((l) => l.en).join(', '), zh: labels.map((l) => l.zh).join('、') };
}
