import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import { type InterpretedLabResult, interpretLabs } from '../../engines/labs/index.js';
import { checkMedications, type MedicationFinding } from '../../engines/medication/index.js';
import { type Bilingual, type Citation, getClinicalNames } from '../../knowledge/index.js';
import type { PatientChart } from '../../record/patient-chart.js';
import type { Store } from '../../store/database.js';
import { labInputFromChart } from '../lab-review/chart-lab-input.js';
import { medicationInputFromChart } from '../medication-review/chart-medication-input.js';

/** A numbered fact the model may cite: R = the record, K = a knowledge-base finding. */
export interface CaseSource {
  id: string;
  type: 'record' | 'knowledge';
  /** In the language the question was asked in (the model sees these). */
  label: string;
  detail?: string;
}

/** A deterministic finding shown whatever the model says. */
export interface CaseAlert {
  kind: string;
  severity: MedicationFinding['severity'] | 'critical';
  title: Bilingual;
  detail: Bilingual;
  source: Citation;
}

const RECORD_LIMITS = { conditions: 15, medications: 20, allergies: 10, labs: 20 };
const GENDER_ZH: Record<string, string> = { male: '男', female: '女', other: '其他', unknown: '性别未知' };
const SEVERITY_ZH: Record<string, string> = { contraindicated: '禁忌', major: '严重', moderate: '中度', minor: '轻度', info: '提示' };
const ALERT_SEVERITIES = new Set(['contraindicated', 'major', 'moderate']);

/**
 * Assembles what the model may see about a patient — structured record facts only (problems,
 * medications, allergies, latest labs; no names, addresses or note text) — and the deterministic
 * findings of the medication and lab engines, which become both citable sources and alerts.
 */
export async function assembleCaseSources(
  store: Store,
  chart: PatientChart,
  knowledge: KnowledgeEngines,
  language: 'zh' | 'en' = 'en',
): Promise<{ sources: CaseSource[]; alerts: CaseAlert[] }> {
  const zh = language === 'zh';
  const names = getClinicalNames();
  const sources: CaseSource[] = [];
  const record = (label: string, detail?: string) =>
    sources.push({ id: `R${sources.filter((s) => s.type === 'record').length + 1}`, type: 'record', label, ...(detail ? { detail } : {}) });
  const { patient } = chart;
  record(
    zh
      ? `患者：${patient.age ?? '?'}岁，${GENDER_ZH[patient.gender ?? ''] ?? '性别未记录'}${patient.deceased ? '，已故' : ''}`
      : `Patient: ${patient.age ?? '?'} years, ${patient.gender ?? 'sex not recorded'}${patient.deceased ? ', deceased' : ''}`,
  );
  for (const condition of chart.conditions.filter((c) => !c.abatedAt).slice(0, RECORD_LIMITS.conditions)) {
    const since = condition.onsetAt?.slice(0, 10);
    if (zh) {
      const name = (condition.names ?? names.condition({ code: condition.code, display: condition.display }))?.zh ?? condition.display;
      record(`问题：${name}`, since ? `起病 ${since}` : undefined);
    } else record(`Problem: ${condition.display}`, since ? `since ${since}` : undefined);
  }
  for (const medication of chart.medications.filter((m) => m.status === 'active').slice(0, RECORD_LIMITS.medications)) {
    const name = zh ? ((medication.names ?? names.medication(medication.display))?.zh ?? medication.display) : medication.display;
    record(zh ? `在用药物：${name}` : `Active medication: ${name}`, medication.dosageText ?? undefined);
  }
  for (const allergy of chart.allergies.slice(0, RECORD_LIMITS.allergies)) {
    record(zh ? `过敏：${allergy.display}` : `Allergy: ${allergy.display}`, allergy.reaction ?? undefined);
  }
  for (const lab of chart.labs.filter((l) => l.latestValue !== null).slice(0, RECORD_LIMITS.labs)) {
    const at = lab.latestAt?.slice(0, 10);
    const name = zh ? ((lab.names ?? names.observation(lab.code, lab.display))?.zh ?? lab.display) : lab.display;
    record(
      zh ? `最近${name}：${lab.latestValue} ${lab.unit ?? ''}`.trim() : `Latest ${name}: ${lab.latestValue} ${lab.unit ?? ''}`.trim(),
      at ? (zh ? `于 ${at}` : `on ${at}`) : undefined,
    );
  }

  const alerts: CaseAlert[] = [];
  const knowledgeSource = (label: string, detail: string) =>
    sources.push({ id: `K${sources.filter((s) => s.type === 'knowledge').length + 1}`, type: 'knowledge', label, detail });
  const { input } = medicationInputFromChart(chart);
  if (input.medications.length > 0) {
    for (const finding of checkMedications(knowledge.medications, input).findings) {
      if (!ALERT_SEVERITIES.has(finding.severity)) continue;
      alerts.push({ kind: finding.kind, severity: finding.severity, title: finding.title, detail: finding.detail, source: finding.source });
      knowledgeSource(
        zh ? `${SEVERITY_ZH[finding.severity] ?? finding.severity}：${finding.title.zh}` : `${finding.severity}: ${finding.title.en}`,
        `${zh ? finding.detail.zh : finding.detail.en} [${finding.source.title}]`,
      );
    }
  }
  const labs = await labInputFromChart(store, patient);
  if (labs.input.results.length > 0) {
    const interpreted = interpretLabs(knowledge.labs, labs.input);
    for (const result of interpreted.results) {
      if (result.flag !== 'critical-low' && result.flag !== 'critical-high') continue;
      const name = result.name ?? { en: result.test, zh: result.test };
      const value = labValueText(result);
      const source = result.criticalCitation ?? result.citation ?? { title: 'Suwen laboratory knowledge base' };
      alerts.push({
        kind: 'critical-lab',
        severity: 'critical',
        title: { en: `Critical value: ${name.en} ${value}`, zh: `危急值：${name.zh} ${value}` },
        detail: result.message,
        source,
      });
      knowledgeSource(zh ? `危急值：${name.zh} ${value}` : `Critical value: ${name.en} ${value}`, source.title);
    }
    for (const pattern of interpreted.patterns) {
      alerts.push({
        kind: `lab-pattern:${pattern.id}`,
        severity: 'moderate',
        title: { en: pattern.message.en, zh: pattern.message.zh },
        detail: pattern.message,
        source: pattern.source,
      });
      knowledgeSource(zh ? `检验模式：${pattern.message.zh}` : `Lab pattern: ${pattern.message.en}`, pattern.source.title);
    }
  }
  return { sources, alerts };
}

/** A result as the clinician reads it: the SI value at its display precision (186 µmol/L, not 185.64). */
export function labValueText(result: InterpretedLabResult): string {
  const shown =
    result.siValue !== undefined
      ? result.decimals !== undefined
        ? result.siValue.toFixed(result.decimals)
        : String(result.siValue)
      : String(result.value);
  return `${shown} ${result.siUnit ?? result.unit ?? ''}`.trim();
}
