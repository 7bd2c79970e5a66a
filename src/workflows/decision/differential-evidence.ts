import {
  type ChartEvidence,
  type ChartFact,
  type ClinicianFinding,
  chartEvidence,
  type DdxModel,
  FindingError,
  findingAnswerLabel,
  findingsToCase,
} from '../../engines/ddx/index.js';
import { factsOf, type InterviewState, type RecordedAnswer } from '../../engines/intake/index.js';
import { findLatestAnsweredIntakeSession } from '../../record/intake-session-store.js';
import type { PatientChart } from '../../record/patient-chart.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import type { Store } from '../../store/database.js';

/**
 * A numbered fact the differential cites: R = the chart, I = an answer in the patient's intake,
 * C = a finding the clinician entered.
 */
export interface DifferentialSource {
  id: string;
  type: 'record' | 'intake' | 'clinician';
  label: string;
}

export interface FinishedIntake {
  id: string;
  finishedAt: string | null;
  /** `emergency`: the interview stopped early on a red flag, so its answers are partial. */
  status: 'finished' | 'emergency';
  state: InterviewState;
}

export interface DifferentialEvidence {
  age: number;
  sex: 'M' | 'F';
  evidence: string[];
  denied: string[];
  /** Base evidence code → the sources that established it (answered, denied or read off the chart). */
  sourcesByCode: Map<string, string[]>;
  sources: DifferentialSource[];
  chart: ChartEvidence[];
  /** Present evidence the intake or the clinician established (0: no presenting problem to rank from). */
  intakeEvidenceCount: number;
}

const LIMITS = { problems: 20, medications: 20 };

/**
 * The patient's latest intake with usable answers — finished, or stopped early by a red flag — or
 * the one asked for (which must be this patient's and in one of those states).
 */
export async function findFinishedIntake(store: Store, patientId: string, intakeId?: string): Promise<FinishedIntake | null> {
  const row = await findLatestAnsweredIntakeSession(store, patientId, intakeId);
  if (!row) {
    if (intakeId) throw notFound('intake');
    return null;
  }
  return {
    id: row.id,
    finishedAt: row.finished_at,
    status: row.status === 'emergency' ? 'emergency' : 'finished',
    state: JSON.parse(row.state) as InterviewState,
  };
}

function chartSex(chart: PatientChart): 'M' | 'F' | null {
  return chart.patient.gender === 'male' ? 'M' : chart.patient.gender === 'female' ? 'F' : null;
}

function answerLabel(answer: RecordedAnswer, language: 'zh' | 'en', partial: boolean): string {
  const text = `${answer.question[language]} — ${answer.display[language]}`;
  if (!partial) return text;
  return language === 'zh'
    ? `${text}（问诊因危急情况提前终止，回答不完整）`
    : `${text} (intake stopped early on a red flag: partial answers)`;
}

const addSource = (map: Map<string, string[]>, code: string, id: string) => {
  const ids = map.get(code) ?? [];
  if (!ids.includes(id)) ids.push(id);
  map.set(code, ids);
};

/**
 * Gathers the differential's evidence with a source for each piece: the intake's DDXPlus answers
 * (present and denied), and the antecedents the chart establishes (problems, active medications;
 * data/decision/chart-evidence-map.json). A recorded diagnosis outranks a "no" in the
 * questionnaire: the chart is the clinician's record.
 */
export function gatherDifferentialEvidence(
  chart: PatientChart,
  intake: FinishedIntake | null,
  language: 'zh' | 'en',
  clinician: { model: DdxModel; findings: readonly ClinicianFinding[] } | null = null,
): DifferentialEvidence {
  const sources: DifferentialSource[] = [];
  const push = (type: DifferentialSource['type'], label: string) => {
    const prefix = type === 'record' ? 'R' : type === 'intake' ? 'I' : 'C';
    const id = `${prefix}${sources.filter((s) => s.type === type).length + 1}`;
    sources.push({ id, type, label });
    return id;
  };
  const zh = language === 'zh';
  const age = intake?.state.age ?? chart.patient.age ?? 40;
  const sex = intake?.state.sex ?? chartSex(chart) ?? 'F';
  push(
    'record',
    zh
      ? `患者：${chart.patient.age ?? '?'}岁，${sex === 'M' ? '男' : '女'}`
      : `Patient: ${chart.patient.age ?? '?'} years, ${sex === 'M' ? 'male' : 'female'}`,
  );

  const facts: ChartFact[] = [];
  const problems = [...chart.conditions]
    .sort((a, b) => Number(Boolean(a.abatedAt)) - Number(Boolean(b.abatedAt)))
    .slice(0, LIMITS.problems);
  for (const condition of problems) {
    const resolved = Boolean(condition.abatedAt);
    const label = zh
      ? `${resolved ? '既往问题' : '问题'}：${condition.display}`
      : `${resolved ? 'Past problem' : 'Problem'}: ${condition.display}`;
    facts.push({ id: push('record', label), kind: 'condition', display: condition.display, active: !resolved });
  }
  for (const medication of chart.medications.filter((m) => m.status === 'active').slice(0, LIMITS.medications)) {
    const id = push('record', zh ? `在用药物：${medication.display}` : `Active medication: ${medication.display}`);
    facts.push({ id, kind: 'medication', display: medication.display, active: true });
  }

  const sourcesByCode = new Map<string, string[]>();
  const evidence = new Set<string>();
  const denied = new Set<string>();
  let intakeEvidenceCount = 0;
  if (intake) {
    for (const answer of intake.state.answers) {
      if (answer.skipped || (answer.evidence.length === 0 && answer.denied.length === 0)) continue;
      const id = push('intake', answerLabel(answer, language, intake.status === 'emergency'));
      for (const atom of answer.evidence) addSource(sourcesByCode, atom.split('_@_')[0] ?? atom, id);
      for (const code of answer.denied) addSource(sourcesByCode, code, id);
    }
    const answered = factsOf(intake.state);
    for (const atom of answered.evidence) evidence.add(atom);
    for (const code of answered.denied) denied.add(code);
    intakeEvidenceCount = answered.evidence.length;
  }
  // Only sources that established something stay citable as chart evidence; every record fact stays listed.
  const chartFound = chartEvidence(facts);
  for (const found of chartFound) {
    evidence.add(found.code);
    denied.delete(found.code);
    for (const id of found.factIds) addSource(sourcesByCode, found.code, id);
  }
  if (clinician && clinician.findings.length > 0) {
    intakeEvidenceCount += applyClinicianFindings(clinician.model, clinician.findings, { evidence, denied, sourcesByCode, push, language });
  }
  return { age, sex, evidence: [...evidence], denied: [...denied], sourcesByCode, sources, chart: chartFound, intakeEvidenceCount };
}

/**
 * The clinician's findings go last and overrule what the intake or the chart said about the same
 * evidence (the clinician examined the patient). Returns how many present findings they added.
 */
function applyClinicianFindings(
  model: DdxModel,
  findings: readonly ClinicianFinding[],
  into: {
    evidence: Set<string>;
    denied: Set<string>;
    sourcesByCode: Map<string, string[]>;
    push: (type: DifferentialSource['type'], label: string) => string;
    language: 'zh' | 'en';
  },
): number {
  let read: { evidence: string[]; denied: string[] };
  try {
    read = findingsToCase(model, findings);
  } catch (error) {
    if (!(error instanceof FindingError)) throw error;
    throw new SuwenError('VALIDATION_FAILED', error.message, {
      params: { summary: error.message },
      details: [{ path: 'findings', message: error.message }],
    });
  }
  const zh = into.language === 'zh';
  for (const finding of findings) {
    const code = finding.code;
    for (const atom of [...into.evidence]) if (atom === code || atom.startsWith(`${code}_@_`)) into.evidence.delete(atom);
    into.denied.delete(code);
    const question = model.byCode.get(code)?.label ?? { en: code, zh: code };
    const answer = findingAnswerLabel(model, finding);
    const id = into.push('clinician', zh ? `医生录入：${question.zh} — ${answer.zh}` : `Clinician: ${question.en} — ${answer.en}`);
    into.sourcesByCode.set(code, [id]);
  }
  for (const atom of read.evidence) into.evidence.add(atom);
  for (const code of read.denied) into.denied.add(code);
  return read.evidence.length;
}
