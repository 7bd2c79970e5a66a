/**
 * Discharge summary (出院小结) for one inpatient stay. Every section but the hospital course is
 * computed from the record (sentences with status `computed`, citing record facts R#); the model,
 * when one is connected and the patient consents to AI assistance, writes only the hospital course,
 * citing the same facts. Without a model that section is a marked placeholder for the clinician.
 * Stored as a draft artifact (kind `discharge-summary`) for review.
 */
import type { ArtifactService } from '../../audit/artifacts.js';
import type { Actor } from '../../auth/actor.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import {
  type ClinicalDocument,
  DISCHARGE_SECTIONS,
  documentToText,
  type NoteLanguage,
  type NoteSection,
  type NoteSentence,
} from '../../engines/notes/index.js';
import type { ModelGateway } from '../../model/index.js';
import { hasAiConsent } from '../../record/consent.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { SuwenError } from '../../shared/errors.js';
import type { Store } from '../../store/database.js';
import { buildDischargeFacts, type RecordFact } from './discharge-facts.js';
import { type HospitalCourse, writeHospitalCourse } from './hospital-course.js';
import { loadStay } from './load-stay.js';
import { RENEWAL_WINDOW_DAYS } from './medication-reconciliation.js';

export type DischargeSectionKey = (typeof DISCHARGE_SECTIONS)[number];

/** Section headings: 出院小结 headings as used in Chinese hospitals, and their English equivalents. */
export const DISCHARGE_HEADINGS: Record<DischargeSectionKey, Record<NoteLanguage, string>> = {
  admission_diagnoses: { zh: '入院情况及入院诊断', en: 'Admission and admission diagnoses' },
  past_history: { zh: '既往史', en: 'Past history' },
  discharge_diagnoses: { zh: '出院诊断', en: 'Discharge diagnoses' },
  procedures: { zh: '手术及操作', en: 'Procedures' },
  hospital_course: { zh: '诊疗经过', en: 'Hospital course' },
  key_results: { zh: '主要检查结果', en: 'Key results' },
  medication_reconciliation: { zh: '出院带药 / 用药核对', en: 'Discharge medications / reconciliation' },
  condition_at_discharge: { zh: '出院情况', en: 'Condition at discharge' },
  follow_up: { zh: '出院医嘱 / 随访', en: 'Discharge orders / follow-up' },
  patient_instructions: { zh: '患者须知', en: 'Patient instructions' },
};

const EMPTY: Partial<Record<DischargeSectionKey, Record<NoteLanguage, string>>> = {
  admission_diagnoses: { zh: '病历中未记录入院时的活动性诊断。', en: 'No active diagnoses are recorded at admission.' },
  past_history: { zh: '病历中未记录既往已缓解或已结束的疾病。', en: 'No resolved or past conditions are recorded.' },
  discharge_diagnoses: { zh: '病历中未记录出院时的诊断。', en: 'No diagnoses are recorded for discharge.' },
  procedures: { zh: '本次住院未记录手术或操作。', en: 'No procedures are recorded for this stay.' },
  key_results: { zh: '本次住院未记录数值型检查结果。', en: 'No numeric results are recorded during this stay.' },
  medication_reconciliation: {
    zh: '病历中入院时和出院时均无在用的院外用药记录。',
    en: 'The record holds no home medications in effect at admission or at discharge.',
  },
};

const PLACEHOLDERS: Record<
  'hospital_course' | 'condition_at_discharge' | 'follow_up' | 'patient_instructions',
  Record<NoteLanguage, string>
> = {
  hospital_course: {
    zh: '【待填写】诊疗经过需由临床医生书写（或连接语言模型，根据病历事实起草）。',
    en: '[To be completed] The hospital course must be written by the clinician (or connect a language model to draft it from the record facts).',
  },
  condition_at_discharge: {
    zh: '【待填写】病历中没有出院情况的记录，请临床医生填写出院时的一般情况、症状和体征。',
    en: '[To be completed] The record does not state the condition at discharge; the clinician should describe the patient’s state, symptoms and signs.',
  },
  follow_up: {
    zh: '【待填写】病历中没有已安排的随访，请临床医生填写出院医嘱和复诊时间。',
    en: '[To be completed] No follow-up is scheduled in the record; the clinician should add discharge orders and when to return.',
  },
  patient_instructions: {
    zh: '【待填写】请临床医生补充针对本次住院的患者须知（用药、饮食、活动、伤口护理等）。',
    en: '[To be completed] The clinician should add instructions for this stay (medications, diet, activity, wound care …).',
  },
};

/** Safety wording for the patient: when to seek care (always present, not a clinical claim about the patient). */
const SEEK_CARE: Record<NoteLanguage, string> = {
  zh: '如症状复发或加重，出现胸痛、呼吸困难、高热、出血或意识改变等情况，请立即就医或拨打急救电话（120）。',
  en: 'If symptoms come back or get worse, or you have chest pain, difficulty breathing, high fever, bleeding or confusion, seek medical care at once or call emergency services.',
};

const NO_MODEL_NOTE: Record<NoteLanguage, string> = {
  zh: '未连接语言模型，诊疗经过留空待医生书写；其余各节由病历计算生成。',
  en: 'No language model is connected: the hospital course is left for the clinician; the other sections are computed from the record.',
};
const NO_CONSENT_NOTE: Record<NoteLanguage, string> = {
  zh: '患者未同意 AI 辅助，诊疗经过未由模型起草，留空待医生书写。',
  en: 'The patient has not consented to AI assistance, so no model drafted the hospital course; it is left for the clinician.',
};

export interface DischargeSummaryDeps {
  store: Store;
  /** The record's access door: checks the actor may read this record, audits the read and the new draft. */
  access: PatientAccess;
  models: ModelGateway;
  artifacts: ArtifactService;
  knowledge: KnowledgeEngines;
}

export interface DischargeSummaryInput {
  patientId: string;
  encounterId: string;
  language: NoteLanguage;
  /** `auto`: the model writes the hospital course when one is connected and consent allows; `model`: required; `computed`: never. */
  mode?: 'auto' | 'model' | 'computed';
  actor: Actor;
}

export interface DischargeSummaryResult {
  artifactId: string;
  document: ClinicalDocument;
  /** Why no model wrote the hospital course, when none did. */
  modelMessage: string | null;
}

export async function generateDischargeSummary(deps: DischargeSummaryDeps, input: DischargeSummaryInput): Promise<DischargeSummaryResult> {
  const mode = input.mode ?? 'auto';
  const language = input.language;
  await deps.access.check(input.actor, input.patientId, 'discharge.summary', { type: 'encounter', id: input.encounterId });
  const stay = await loadStay(deps.store, input.patientId, input.encounterId);
  const { facts, reconciliation, results } = buildDischargeFacts(stay, deps.knowledge.labs, language);

  let course: HospitalCourse | null = null;
  let modelMessage: string | null = null;
  if (mode !== 'computed') {
    if (!deps.models.configured) {
      if (mode === 'model') throw new SuwenError('MODEL_NOT_CONFIGURED', 'No model configured');
      modelMessage = NO_MODEL_NOTE[language];
    } else if (mode === 'auto' && !(await hasAiConsent(deps.store, input.patientId))) {
      modelMessage = NO_CONSENT_NOTE[language];
    } else {
      if (mode === 'model' && !(await hasAiConsent(deps.store, input.patientId))) {
        throw new SuwenError('CONSENT_REQUIRED', 'No AI consent');
      }
      course = await writeHospitalCourse(deps.models, { ...input, facts });
    }
  }

  const document = assembleDocument(facts, course, language, stay.encounter.end);
  document.extras = {
    patientId: input.patientId,
    encounterId: input.encounterId,
    stay: { start: stay.encounter.start, end: stay.encounter.end, type: stay.encounter.type, reason: stay.encounter.reason },
    facts,
    reconciliation: { ...reconciliation, renewalWindowDays: RENEWAL_WINDOW_DAYS },
    results,
    ...(modelMessage ? { modelMessage } : {}),
  };
  const unsupported = course?.sentences.filter((sentence) => sentence.support.status === 'unsupported') ?? [];
  const artifact = await deps.artifacts.create(
    {
      kind: 'discharge-summary',
      workflow: 'discharge',
      patientId: input.patientId,
      encounterId: input.encounterId,
      model: course ? { id: deps.models.profile().id } : null,
      prompt: course ? { id: course.prompt.templateId, version: course.prompt.version, hash: course.prompt.hash } : null,
      input: { encounterId: input.encounterId, language, facts: facts.map((fact) => [fact.id, fact.text]) },
      content: { title: document.title, text: documentToText(document), document },
      sources: facts.slice(0, 500).map((fact) => ({ type: 'record' as const, ref: fact.id, label: fact.text.slice(0, 500) })),
      guardrails: unsupported.map((sentence) => ({
        code: 'unsupported-sentence',
        severity: 'warning' as const,
        message: sentence.text.slice(0, 1000),
      })),
      latencyMs: course?.latencyMs ?? null,
      tokensIn: course?.tokensIn ?? null,
      tokensOut: course?.tokensOut ?? null,
    },
    input.actor.userId,
  );
  await deps.access.recordChange(input.actor, 'artifact.create', {
    entityType: 'artifact',
    entityId: artifact.id,
    patientId: input.patientId,
    details: { kind: 'discharge-summary', workflow: 'discharge', method: document.method },
  });
  return { artifactId: artifact.id, document, modelMessage };
}

function assembleDocument(
  facts: readonly RecordFact[],
  course: HospitalCourse | null,
  language: NoteLanguage,
  dischargedAt: string,
): ClinicalDocument {
  let next = 1;
  const sentence = (text: string, support: NoteSentence['support']): NoteSentence => ({ id: `S${next++}`, text, support });
  const computed = (fact: RecordFact) => sentence(fact.text, { sourceIds: [fact.id], status: 'computed', score: 1 });
  const note = (text: string) => sentence(text, { sourceIds: [], status: 'computed', score: 0 });
  const sections: NoteSection[] = DISCHARGE_SECTIONS.map((key) => {
    const title = DISCHARGE_HEADINGS[key][language];
    if (key === 'hospital_course') {
      if (!course) return { key, title, sentences: [note(PLACEHOLDERS.hospital_course[language])], placeholder: true };
      return { key, title, sentences: course.sentences.map((s) => sentence(s.text, s.support)) };
    }
    if (key === 'patient_instructions') {
      return { key, title, sentences: [note(PLACEHOLDERS.patient_instructions[language]), note(SEEK_CARE[language])], placeholder: true };
    }
    const own = facts.filter((fact) => fact.section === key);
    if (own.length > 0) return { key, title, sentences: own.map(computed) };
    if (key === 'condition_at_discharge' || key === 'follow_up') {
      return { key, title, sentences: [note(PLACEHOLDERS[key][language])], placeholder: true };
    }
    return { key, title, sentences: [note((EMPTY[key] as Record<NoteLanguage, string>)[language])] };
  });
  return {
    format: 'discharge-summary',
    language,
    title:
      language === 'zh' ? `出院小结（${dischargedAt.slice(0, 10)} 出院）` : `Discharge summary (discharged ${dischargedAt.slice(0, 10)})`,
    method: course ? 'model' : 'computed',
    sections,
    omissions: [],
  };
}
