/**
 * Section keys and headings of the visit-note formats: 门诊病历 (eight sections, per
 * 《病历书写基本规范》, 卫医政发〔2010〕11号, 第二十二条 门诊病历记录) and SOAP. A format may be
 * written in either language; headings follow the document's language.
 */
import { type NoteLanguage, SOAP_SECTIONS, ZH_OUTPATIENT_SECTIONS } from './clinical-document.js';

export type VisitNoteFormat = 'zh-outpatient' | 'soap';

const TITLES: Record<string, { zh: string; en: string }> = {
  chief_complaint: { zh: '主诉', en: 'Chief complaint' },
  present_illness: { zh: '现病史', en: 'History of present illness' },
  past_history: { zh: '既往史', en: 'Past history' },
  allergy_history: { zh: '过敏史', en: 'Allergies' },
  physical_exam: { zh: '体格检查', en: 'Physical examination' },
  investigations: { zh: '辅助检查', en: 'Investigations' },
  preliminary_diagnosis: { zh: '初步诊断', en: 'Preliminary diagnosis' },
  plan: { zh: '处理意见', en: 'Plan' },
  subjective: { zh: '主观资料（S）', en: 'Subjective' },
  objective: { zh: '客观资料（O）', en: 'Objective' },
  assessment: { zh: '评估（A）', en: 'Assessment' },
};
const SOAP_PLAN_TITLE = { zh: '计划（P）', en: 'Plan' };

/** The section keys of a visit-note format, in document order. */
export function visitNoteSectionKeys(format: VisitNoteFormat): readonly string[] {
  return format === 'soap' ? SOAP_SECTIONS : ZH_OUTPATIENT_SECTIONS;
}

/** The heading of a section in a language. */
export function sectionTitle(format: VisitNoteFormat, key: string, language: NoteLanguage): string {
  if (format === 'soap' && key === 'plan') return SOAP_PLAN_TITLE[language];
  return TITLES[key]?.[language] ?? key;
}

/** The usual format for a language: 门诊病历 in Chinese, SOAP in English. */
export function defaultVisitNoteFormat(language: NoteLanguage): VisitNoteFormat {
  return language === 'zh' ? 'zh-outpatient' : 'soap';
}
