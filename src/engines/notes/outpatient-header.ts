/**
 * The header of a 门诊病历 (outpatient record): 姓名、性别、年龄、科别、就诊日期 and 医师签名, as
 * 《病历书写基本规范》(卫医政发〔2010〕11号) asks — 第十二条: the outpatient record holds a 首页
 * (患者姓名、性别、出生年月日…); 第十三条: each visit record holds 就诊时间、科别 … 医师签名. Filled
 * from the chart when the note is written for a chart patient, otherwise left as blanks for the
 * clinician. The signature is always left to the signing clinician. Pure: the caller reads the record.
 */
import type { NoteLanguage, NoteSection } from './clinical-document.js';

export interface OutpatientHeaderFields {
  name?: string | null;
  /** FHIR administrative gender. */
  sex?: string | null;
  /** Whole years at the visit. */
  age?: number | null;
  department?: string | null;
  /** YYYY-MM-DD. */
  visitDate?: string | null;
}

export const OUTPATIENT_HEADER_KEY = 'header';

const BLANK: Record<NoteLanguage, string> = { zh: '＿＿＿＿＿＿', en: '______' };
const TITLE: Record<NoteLanguage, string> = { zh: '门诊病历', en: 'Outpatient record' };
const LABELS: Record<NoteLanguage, Record<'name' | 'sex' | 'age' | 'department' | 'visitDate' | 'signature', string>> = {
  zh: { name: '姓名：', sex: '性别：', age: '年龄：', department: '科别：', visitDate: '就诊日期：', signature: '医师签名：' },
  en: {
    name: 'Name: ',
    sex: 'Sex: ',
    age: 'Age: ',
    department: 'Department: ',
    visitDate: 'Visit date: ',
    signature: 'Physician signature: ',
  },
};
const SEX: Record<NoteLanguage, Record<string, string>> = {
  zh: { male: '男', female: '女', other: '其他', unknown: '未知' },
  en: { male: 'male', female: 'female', other: 'other', unknown: 'unknown' },
};

/** The header as a note section (key `header`), every line `computed` (built by code, not from the transcript). */
export function buildOutpatientHeader(fields: OutpatientHeaderFields, language: NoteLanguage): NoteSection {
  const labels = LABELS[language];
  const blank = BLANK[language];
  const value = (text: string | null | undefined) => (text?.trim() ? text.trim() : blank);
  const age =
    typeof fields.age === 'number' && Number.isFinite(fields.age) && fields.age >= 0
      ? language === 'zh'
        ? `${fields.age}岁`
        : `${fields.age} years`
      : null;
  const lines = [
    labels.name + value(fields.name),
    labels.sex + value(fields.sex ? (SEX[language][fields.sex] ?? fields.sex) : null),
    labels.age + value(age),
    labels.department + value(fields.department),
    labels.visitDate + value(fields.visitDate?.slice(0, 10)),
    labels.signature + blank,
  ];
  return {
    key: OUTPATIENT_HEADER_KEY,
    title: TITLE[language],
    sentences: lines.map((text, i) => ({ id: `H${i + 1}`, text, support: { sourceIds: [], status: 'computed' as const, score: 1 } })),
  };
}
