import { type NoteLanguage, sectionTitle, type VisitNoteFormat, visitNoteSectionKeys } from '../../engines/notes/index.js';

/** What belongs in each section, as told to the model (headings come from the engine's note-sections). */
type SectionContent = Record<NoteLanguage, string>;

/**
 * Section headings and contents of the outpatient record follow 《病历书写基本规范》 (卫医政发
 * 〔2010〕11号, 第三章 门（急）诊病历书写内容及要求); SOAP follows Weed's problem-oriented record
 * (Weed LL, N Engl J Med 1968;278:593–600).
 */
const CONTENTS: Record<VisitNoteFormat, Record<string, SectionContent>> = {
  'zh-outpatient': {
    chief_complaint: {
      zh: '主要症状（部位、性质）及持续时间，用医学术语和阿拉伯数字，不超过20字，不照抄患者原话（如“咳嗽、发热3天”）',
      en: 'main symptom(s) (site, character) and duration in clinical terms with Arabic numerals, at most 20 characters, not the patient’s own sentence (e.g. “咳嗽、发热3天”)',
    },
    present_illness: {
      zh: '起病、症状特点与演变、伴随症状、诊治经过及目前用药',
      en: 'onset, character and course of the symptoms, associated symptoms, care so far and current medications',
    },
    past_history: {
      zh: '既往疾病、手术、长期用药；女性患者的月经与妊娠情况（末次月经、是否妊娠）',
      en: 'previous illnesses, operations, long-term medications; for women, menstrual and pregnancy status (last period, pregnant or not)',
    },
    allergy_history: {
      zh: '药物及其他过敏（过敏物与反应），或明确否认过敏',
      en: 'drug and other allergies (substance and reaction), or allergies denied',
    },
    physical_exam: { zh: '生命体征与查体所见', en: 'vital signs and examination findings' },
    investigations: {
      zh: '本次已有的检验、检查结果（含尿试纸、妊娠试验、指尖血糖等床旁检测）；尚未做、刚开具的检查写在处理意见',
      en: 'test and imaging results already available (point-of-care tests included: urine dipstick, pregnancy test, fingerstick glucose); tests just ordered go in the plan',
    },
    preliminary_diagnosis: { zh: '医生在对话中提出的初步考虑', en: 'what the doctor said they are considering' },
    plan: {
      zh: '开具的检查、用药（名称、剂量、用法）、建议、随访时间与需及时就诊的情况（复诊与返院建议写在这里，不写在现病史）',
      en: 'tests ordered, medications (name, dose, frequency), advice, follow-up timing and when to come back sooner (return advice goes here, not in the history)',
    },
  },
  soap: {
    subjective: {
      zh: '主诉、现病史、既往史、用药、过敏史（过敏物与反应）、妊娠状态与末次月经、社会史（患者所述）',
      en: 'chief complaint, history of present illness, past history, medications, allergies (substance and reaction), pregnancy status and last period, social history (as the patient tells it)',
    },
    objective: {
      zh: '生命体征、查体所见、已有的检验检查结果（含尿试纸、妊娠试验、指尖血糖等床旁检测）',
      en: 'vital signs, examination findings, results already obtained (point-of-care tests included: urine dipstick, pregnancy test, fingerstick glucose)',
    },
    assessment: { zh: '医生在对话中提出的考虑', en: 'what the doctor said they are considering' },
    plan: {
      zh: '开具的检查、用药（名称、剂量、用法）、建议、随访与需及时就诊的情况',
      en: 'tests ordered, medications (name, dose, frequency), advice, follow-up and when to come back sooner',
    },
  },
};

/** "key: heading — content" lines for the prompt, in the format's order. */
export function sectionListing(format: VisitNoteFormat, language: NoteLanguage): string {
  return visitNoteSectionKeys(format)
    .map((key) => `- ${key}: ${sectionTitle(format, key, language)} — ${CONTENTS[format][key]?.[language] ?? ''}`)
    .join('\n');
}

/**
 * The title of a model-written note (the extractive builder titles its own). No "draft" in it: the
 * title stays when the note is accepted; the review status is shown beside it (artifact status,
 * PDF watermark).
 */
export function modelNoteTitle(format: VisitNoteFormat, language: NoteLanguage): string {
  if (format === 'soap') return language === 'zh' ? 'SOAP 病历' : 'SOAP note';
  return language === 'zh' ? '门诊病历' : 'Outpatient record';
}
