import type { Citation } from '../../knowledge/index.js';
import { adultAge, creatinine, creatinineMgDl, creatinineUnit, sex, weightKg } from './common-inputs.js';
import { defineScore, roundTo, type ScoreBand } from './score-types.js';

const KDIGO_2012: Citation = {
  title:
    'KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease. Kidney Int Suppl 2013;3:1-150',
  section: 'Recommendation 1.2.4, Table 5 (GFR categories G1–G5)',
};

/** KDIGO 2012, Table 5: GFR categories in mL/min/1.73 m². */
const GFR_BANDS: ScoreBand[] = [
  {
    id: 'G5',
    min: 0,
    label: { en: 'G5: kidney failure (<15)', zh: 'G5期：肾衰竭（<15）' },
    meaning: { en: 'GFR below 15: kidney failure range.', zh: 'GFR <15，处于肾衰竭范围。' },
  },
  {
    id: 'G4',
    min: 15,
    label: { en: 'G4: severely decreased (15–29)', zh: 'G4期：重度下降（15–29）' },
    meaning: { en: 'Severely decreased GFR; review renally cleared drugs.', zh: 'GFR重度下降；需复核经肾清除药物。' },
  },
  {
    id: 'G3b',
    min: 30,
    label: { en: 'G3b: moderately to severely decreased (30–44)', zh: 'G3b期：中至重度下降（30–44）' },
    meaning: { en: 'Moderately to severely decreased GFR.', zh: 'GFR中至重度下降。' },
  },
  {
    id: 'G3a',
    min: 45,
    label: { en: 'G3a: mildly to moderately decreased (45–59)', zh: 'G3a期：轻至中度下降（45–59）' },
    meaning: { en: 'Mildly to moderately decreased GFR.', zh: 'GFR轻至中度下降。' },
  },
  {
    id: 'G2',
    min: 60,
    label: { en: 'G2: mildly decreased (60–89)', zh: 'G2期：轻度下降（60–89）' },
    meaning: { en: 'Mildly decreased GFR; CKD only with markers of kidney damage.', zh: 'GFR轻度下降；仅在有肾损伤标志时才诊断CKD。' },
  },
  {
    id: 'G1',
    min: 90,
    label: { en: 'G1: normal or high (≥90)', zh: 'G1期：正常或升高（≥90）' },
    meaning: { en: 'Normal or high GFR.', zh: 'GFR正常或升高。' },
  },
];

export const egfrCkdEpi2021 = defineScore({
  id: 'egfr-ckd-epi-2021',
  names: { en: 'Estimated GFR (CKD-EPI 2021, creatinine, race-free)', zh: '估算肾小球滤过率（CKD-EPI 2021，肌酐，无种族系数）' },
  aliases: ['eGFR', 'CKD-EPI', 'CKD-EPI 2021', 'GFR', '肾小球滤过率', '估算肾小球滤过率', 'eGFR计算'],
  summary: {
    en: 'Estimates GFR in adults from serum creatinine, age and sex (2021 equation without race).',
    zh: '根据血清肌酐、年龄和性别估算成人肾小球滤过率（2021版，不含种族系数）。',
  },
  inputs: { age: adultAge(), sex: sex(), creatinine: creatinine(), creatinineUnit: creatinineUnit() },
  bands: GFR_BANDS,
  source: {
    title: 'Inker LA et al. New creatinine- and cystatin C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-49',
    section: 'Table 2 (eGFRcr 2021 equation)',
  },
  references: [
    KDIGO_2012,
    {
      title: 'National Kidney Foundation: CKD-EPI Creatinine Equation (2021)',
      section: 'the single-equation form and its coefficients (κ, α, 0.9938^age, 1.012 female), as implemented below',
      url: 'https://kidney.org/ckd-epi-creatinine-equation-2021',
    },
  ],
  compute(input, bands) {
    const scr = creatinineMgDl(input.creatinine, input.creatinineUnit);
    const female = input.sex === 'female';
    // Inker 2021, Table 2: 142 × min(Scr/κ,1)^α × max(Scr/κ,1)^-1.200 × 0.9938^age × 1.012 [female];
    // κ = 0.7 (female) / 0.9 (male); α = -0.241 (female) / -0.302 (male).
    const kappa = female ? 0.7 : 0.9;
    const alpha = female ? -0.241 : -0.302;
    const ratio = scr / kappa;
    const egfr = 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** input.age * (female ? 1.012 : 1);
    const value = Math.round(egfr);
    return {
      value,
      unit: 'mL/min/1.73m²',
      band: bands.byValue(value),
      details: { creatinineMgDl: roundTo(scr, 2), unrounded: roundTo(egfr, 2) },
    };
  },
});

/** FDA draft guidance (2020) renal-function categories by estimated CrCl, used for drug dosing. */
const CRCL_BANDS: ScoreBand[] = [
  {
    id: 'kidney-failure',
    min: 0,
    label: { en: 'Kidney failure (<15 mL/min)', zh: '肾衰竭（<15 mL/min）' },
    meaning: { en: 'Many renally cleared drugs are avoided or need specialist dosing.', zh: '许多经肾清除药物需避免或需专科调整剂量。' },
  },
  {
    id: 'severe',
    min: 15,
    label: { en: 'Severe impairment (15–29 mL/min)', zh: '重度肾功能损害（15–29 mL/min）' },
    meaning: { en: 'Check labelled dose adjustments for renally cleared drugs.', zh: '请核对经肾清除药物说明书中的剂量调整。' },
  },
  {
    id: 'moderate',
    min: 30,
    label: { en: 'Moderate impairment (30–59 mL/min)', zh: '中度肾功能损害（30–59 mL/min）' },
    meaning: { en: 'Check labelled dose adjustments for renally cleared drugs.', zh: '请核对经肾清除药物说明书中的剂量调整。' },
  },
  {
    id: 'mild',
    min: 60,
    label: { en: 'Mild impairment (60–89 mL/min)', zh: '轻度肾功能损害（60–89 mL/min）' },
    meaning: { en: 'Dose adjustment rarely needed.', zh: '通常无需调整剂量。' },
  },
  {
    id: 'normal',
    min: 90,
    label: { en: 'Normal (≥90 mL/min)', zh: '正常（≥90 mL/min）' },
    meaning: { en: 'Normal estimated creatinine clearance.', zh: '估算肌酐清除率正常。' },
  },
];

export const cockcroftGault = defineScore({
  id: 'cockcroft-gault',
  names: { en: 'Creatinine clearance (Cockcroft–Gault)', zh: '肌酐清除率（Cockcroft-Gault公式）' },
  aliases: ['CrCl', 'Cockcroft Gault', 'CG', '肌酐清除率', 'Ccr', 'C-G公式'],
  summary: {
    en: 'Estimates creatinine clearance from age, weight, sex and serum creatinine; used by many drug labels for dosing.',
    zh: '根据年龄、体重、性别和血清肌酐估算肌酐清除率；许多药品说明书以此调整剂量。',
  },
  inputs: { age: adultAge(), sex: sex(), weight: weightKg(), creatinine: creatinine(), creatinineUnit: creatinineUnit() },
  bands: CRCL_BANDS,
  source: {
    title: 'Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. Nephron 1976;16:31-41',
  },
  references: [
    {
      title: 'FDA Guidance for Industry (draft, 2020): Pharmacokinetics in Patients with Impaired Renal Function',
      section: 'Table 1 (categories of renal function)',
    },
  ],
  compute(input, bands) {
    const scr = creatinineMgDl(input.creatinine, input.creatinineUnit);
    // Cockcroft & Gault 1976: CrCl = (140 − age) × weight / (72 × Scr), × 0.85 for women.
    const crcl = (((140 - input.age) * input.weight) / (72 * scr)) * (input.sex === 'female' ? 0.85 : 1);
    const value = roundTo(crcl, 1);
    return { value, unit: 'mL/min', band: bands.byValue(value), details: { creatinineMgDl: roundTo(scr, 2) } };
  },
});
