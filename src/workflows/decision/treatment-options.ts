import type { Actor } from '../../auth/actor.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import { checkMedications, type FindingSeverity, type MedicationFinding } from '../../engines/medication/index.js';
import { loadTreatmentCatalogue, matchDiagnosis, type TreatmentDiagnosis, type TreatmentOption } from '../../engines/treatment/index.js';
import type { Bilingual, Citation } from '../../knowledge/index.js';
import type { PatientAccess } from '../../record/patient-access.js';
import type { PatientChart } from '../../record/patient-chart.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import { type ChartMedicationContext, medicationInputFromChart } from '../medication-review/chart-medication-input.js';

/** A medication-check finding that involves one of the option's drugs, in this patient's context. */
export interface OptionFinding {
  kind: MedicationFinding['kind'];
  severity: FindingSeverity;
  title: Bilingual;
  detail: Bilingual;
  source: Citation;
  /** The patient's own medications involved (record display text), if any. */
  withRecord: string[];
}

export interface OptionView extends Omit<TreatmentOption, 'notInKb'> {
  drugs: { id: string; name: Bilingual }[];
  /** Drugs named by the option that the knowledge base lacks: not checked. */
  notChecked: string[];
  findings: OptionFinding[];
  /** The worst severity among the findings, or null when the check found nothing. */
  worst: FindingSeverity | null;
}

export interface TreatmentComparison {
  diagnosis: Pick<TreatmentDiagnosis, 'id' | 'names' | 'icd10' | 'evidenceSystem' | 'source' | 'note' | 'chineseGuidelines'>;
  /** True when the patient's active problem list names this diagnosis. */
  inRecord: boolean;
  options: OptionView[];
  context: ChartMedicationContext;
  framing: Bilingual;
}

export interface DiagnosisListing {
  id: string;
  names: Bilingual;
  icd10: string[];
  options: number;
  inRecord: boolean;
}

export const OPTIONS_FRAMING: Bilingual = {
  en: 'Options to discuss — drafts for the clinician, not a recommendation. Compare benefits, risks and the findings in this record with the patient, and check the label and local guidance.',
  zh: '可供讨论的治疗选项——供临床医生参考的草稿，不是推荐意见。请结合获益、风险及本病历中的发现与患者共同决策，并核对说明书与当地指南。',
};

/** Findings about other drugs only, or the checker's own bookkeeping, are not shown per option. */
const HIDDEN_KINDS = new Set<MedicationFinding['kind']>(['unrecognised-drug', 'dose-not-checked']);
const SEVERITY_ORDER: FindingSeverity[] = ['contraindicated', 'major', 'moderate', 'minor', 'info'];

/** The curated diagnoses, those on the patient's active problem list first. */
export function listTreatmentDiagnoses(chart: PatientChart | null): DiagnosisListing[] {
  const inRecord = chart ? recordDiagnoses(chart) : new Set<string>();
  return loadTreatmentCatalogue()
    .map((d) => ({ id: d.id, names: d.names, icd10: d.icd10, options: d.options.length, inRecord: inRecord.has(d.id) }))
    .sort((a, b) => Number(b.inRecord) - Number(a.inRecord));
}

function recordDiagnoses(chart: PatientChart): Set<string> {
  const ids = new Set<string>();
  for (const condition of chart.conditions.filter((c) => !c.abatedAt)) {
    const match = matchDiagnosis(condition.display);
    if (match) ids.add(match.id);
  }
  return ids;
}

/**
 * Resolves what the clinician asked for: a chart condition id (its display text), or free text —
 * a curated id, an ICD-10 code, or a name in Chinese or English.
 */
function resolveDiagnosis(chart: PatientChart, requested: string): TreatmentDiagnosis {
  const condition = chart.conditions.find((c) => c.id === requested);
  const match = matchDiagnosis(condition ? condition.display : requested);
  if (!match) throw notFound('diagnosis');
  return match;
}

/**
 * Treatment options for one diagnosis in one patient's context, side by side: each option's drugs
 * are run through the medication check together with the patient's active medications, allergies,
 * age and latest eGFR, and the findings that involve the option's drugs are shown on that option.
 * Never a single recommendation.
 */
export async function compareTreatmentOptions(
  deps: { access: PatientAccess; knowledge: KnowledgeEngines },
  input: { patientId: string; diagnosis: string; actor: Actor },
): Promise<TreatmentComparison> {
  const chart = await deps.access.chart(input.actor, input.patientId, 'decision.treatments');
  const requested = input.diagnosis.trim();
  if (!requested) throw new SuwenError('VALIDATION_FAILED', 'Empty diagnosis', { params: { summary: 'diagnosis is empty' } });
  const diagnosis = resolveDiagnosis(chart, requested);
  const { input: base, context } = medicationInputFromChart(chart);
  const options = diagnosis.options.map((option) => checkOption(deps.knowledge, option, base));
  return {
    diagnosis: {
      id: diagnosis.id,
      names: diagnosis.names,
      icd10: diagnosis.icd10,
      evidenceSystem: diagnosis.evidenceSystem,
      source: diagnosis.source,
      ...(diagnosis.note ? { note: diagnosis.note } : {}),
      ...(diagnosis.chineseGuidelines ? { chineseGuidelines: diagnosis.chineseGuidelines } : {}),
    },
    inRecord: recordDiagnoses(chart).has(diagnosis.id),
    options,
    context,
    framing: OPTIONS_FRAMING,
  };
}

function checkOption(
  knowledge: KnowledgeEngines,
  option: TreatmentOption,
  base: ReturnType<typeof medicationInputFromChart>['input'],
): OptionView {
  const { notInKb, ...rest } = option;
  const drugs = option.drugIds.map((id) => {
    const drug = knowledge.medications.resolve(id);
    return { id, name: drug?.drug?.names ?? { en: id, zh: id } };
  });
  const view: OptionView = { ...rest, drugs, notChecked: notInKb ?? [], findings: [], worst: null };
  if (drugs.length === 0) return view;
  // The option's drugs go last, so their indices are known; the record's come first, capped so the total fits.
  const record = (base.medications ?? []).slice(0, 100 - drugs.length);
  const firstOption = record.length;
  const result = checkMedications(knowledge.medications, { ...base, medications: [...record, ...drugs.map((d) => ({ name: d.id }))] });
  const seen = new Set<string>();
  for (const finding of result.findings) {
    if (HIDDEN_KINDS.has(finding.kind) || finding.severity === 'info') continue;
    if (!finding.medications.some((i) => i >= firstOption)) continue;
    const key = `${finding.kind}|${finding.title.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    view.findings.push({
      kind: finding.kind,
      severity: finding.severity,
      title: finding.title,
      detail: finding.detail,
      source: finding.source,
      withRecord: finding.medications.filter((i) => i < firstOption).map((i) => record[i]?.name ?? ''),
    });
  }
  view.findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  view.worst = view.findings[0]?.severity ?? null;
  return view;
}
