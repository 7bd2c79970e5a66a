import type { DecoyKind } from './deid-doc.js';
import type { Rng } from './prng.js';

/**
 * Text that looks like PHI to a careless recognizer but is not: eponymous diseases, signs and
 * devices (a person's name that identifies nobody), doses, lab values, vitals, durations, ICD-10
 * codes, ordinary medical words that begin with or contain a common surname character, and ages under 90
 * (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C), only requires ages over 89 to be removed).
 */

export interface DecoyText {
  kind: DecoyKind;
  text: string;
}

// Eponymous diseases; signs and devices named after people are planted by the templates in context.
export const ZH_EPONYMS = [
  '帕金森病',
  '阿尔茨海默病',
  'Graves病',
  '桥本甲状腺炎',
  '克罗恩病',
  '库欣综合征',
  '霍奇金淋巴瘤',
  '唐氏综合征',
  '布加综合征',
  '川崎病',
  '吉兰-巴雷综合征',
  '法洛四联症',
  '贝尔麻痹',
  '艾迪生病',
] as const;

// Each begins with (or contains) a character that is also a common surname (高, 黄, 白, 方, 张, 周…).
export const ZH_SURNAME_CHAR_WORDS = [
  '高血压',
  '黄疸',
  '白细胞',
  '方案',
  '张力性气胸',
  '周围神经病变',
  '陈旧性心肌梗死',
  '金黄色葡萄球菌',
  '叶酸',
  '万古霉素',
  '石膏固定',
  '常规',
  '程序性死亡受体',
  '马尾综合征',
  '毛细血管',
  '杜冷丁',
  '梅毒',
  '严重',
  '孔源性视网膜脱离',
  '向心性肥胖',
  '胡桃夹综合征',
  '林可霉素',
] as const;

const ZH_DOSES = [
  '二甲双胍 0.5g bid',
  '阿托伐他汀钙片20mg qn',
  '硝苯地平控释片30mg qd',
  '阿司匹林肠溶片100mg qd',
  '门冬胰岛素8U tid',
  '氯吡格雷75mg qd',
  '呋塞米20mg iv',
  '头孢曲松2.0g ivgtt qd',
  '左甲状腺素钠片50μg qd',
  '甲钴胺0.5mg tid',
] as const;
export const ZH_LABS = [
  'HbA1c 7.2%',
  '白细胞11.2×10^9/L',
  '血红蛋白125g/L',
  '血小板 210×10⁹/L',
  '肌酐 88μmol/L',
  '空腹血糖7.8mmol/L',
  'ALT 45U/L',
  'TSH 0.01mIU/L',
  'LDL-C 3.4mmol/L',
  'CRP 15.6mg/L',
  'eGFR 62ml/min/1.73m²',
  '尿蛋白（++）',
] as const;
export const ZH_VITALS = [
  '血压130/80mmHg',
  '血压 152/94 mmHg',
  '心率78次/分',
  '体温36.5℃',
  '呼吸18次/分',
  'SpO₂ 97%',
  '脉搏 88次/分',
  '体重62kg',
] as const;
const ZH_DURATIONS = ['3天', '2周', '半年', '10余年', '1个月', '3小时', '5年', '2天'] as const;
const ZH_SCORES = ['格拉斯哥昏迷评分15分', 'GCS 14分', 'NIHSS 4分', 'Barthel指数65分', 'Child-Pugh A级', 'NYHA Ⅱ级', '肌力4级'] as const;

export const EN_EPONYMS = [
  "Parkinson's disease",
  "Alzheimer's disease",
  "Bell's palsy",
  "Crohn's disease",
  'Hodgkin lymphoma',
  'Cushing syndrome',
  "Graves' disease",
  "Hashimoto's thyroiditis",
  "Addison's disease",
  'Guillain-Barré syndrome',
  'Down syndrome',
  "Wilson's disease",
] as const;
const EN_DOSES = [
  'metformin 500 mg BID',
  'lisinopril 10 mg daily',
  'atorvastatin 40 mg qHS',
  'aspirin 81 mg daily',
  'insulin glargine 20 units qHS',
  'furosemide 40 mg IV',
  'ceftriaxone 1 g IV q24h',
  'levothyroxine 50 mcg daily',
  'apixaban 5 mg BID',
  'carbidopa-levodopa 25/100 TID',
] as const;
export const EN_LABS = [
  'HbA1c 7.2%',
  'WBC 11.2 x10^9/L',
  'hemoglobin 12.5 g/dL',
  'platelets 210 K/uL',
  'creatinine 1.1 mg/dL',
  'glucose 142 mg/dL',
  'TSH 0.01 mIU/L',
  'LDL 134 mg/dL',
  'troponin I <0.01 ng/mL',
  'INR 2.4',
  'sodium 138 mEq/L',
  'BNP 450 pg/mL',
] as const;
export const EN_VITALS = [
  'BP 130/80 mmHg',
  'BP 152/94',
  'HR 88',
  'T 36.8 °C',
  'RR 18',
  'SpO2 97% on RA',
  'weight 82 kg',
  'pulse 72 bpm',
] as const;
const EN_DURATIONS = ['3 days', '2 weeks', '6 months', '10 years', '48 hours', '1 month', 'two weeks'] as const;
const EN_SCORES = [
  'Glasgow Coma Scale 15',
  'Apgar 9',
  'GCS 15',
  'NIHSS 4',
  'CHA2DS2-VASc 3',
  'strength 4/5',
  'Wells score 2',
  'ECOG 1',
  'NYHA class II',
] as const;

const ICD10 = ['E11.9', 'I10', 'G20', 'G30.9', 'E05.00', 'K50.90', 'I48.91', 'N18.3', 'J44.1', 'I21.4', 'E78.5', 'G51.0'] as const;

const pools = {
  zh: {
    eponym: ZH_EPONYMS,
    'drug-dose': ZH_DOSES,
    'lab-value': ZH_LABS,
    'vital-sign': ZH_VITALS,
    duration: ZH_DURATIONS,
    icd10: ICD10,
    'surname-char-word': ZH_SURNAME_CHAR_WORDS,
    'clinical-score': ZH_SCORES,
  },
  en: {
    eponym: EN_EPONYMS,
    'drug-dose': EN_DOSES,
    'lab-value': EN_LABS,
    'vital-sign': EN_VITALS,
    duration: EN_DURATIONS,
    icd10: ICD10,
    'surname-char-word': [] as readonly string[],
    'clinical-score': EN_SCORES,
  },
} as const;

/** One decoy of a kind, for a language (ages are built by the note, which knows the patient). */
export function pickDecoy(rng: Rng, lang: 'zh' | 'en', kind: Exclude<DecoyKind, 'age-under-90'>): string {
  return rng.pick(pools[lang][kind]);
}
