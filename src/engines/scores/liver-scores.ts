import { creatinine, creatinineMgDl, creatinineUnit } from './common-inputs.js';
import { bool, choice, num, numWithUnit } from './score-inputs.js';
import { defineScoreTable } from './score-table.js';
import { defineScore, roundTo } from './score-types.js';

/** Bilirubin: 1 mg/dL = 17.1 µmol/L (molar mass 584.7 g/mol). */
const BILIRUBIN_UMOL_PER_MG_DL = 17.1;

const bilirubin = () =>
  numWithUnit({
    label: { en: 'Total bilirubin', zh: '总胆红素' },
    unitField: 'bilirubinUnit',
    byUnit: { 'mg/dL': { min: 0.1, max: 80 }, 'umol/L': { min: 1, max: 1400 } },
  });
const bilirubinUnit = () =>
  choice({
    label: { en: 'Bilirubin unit', zh: '胆红素单位' },
    options: [
      { value: 'umol/L', label: { en: 'µmol/L', zh: 'µmol/L' } },
      { value: 'mg/dL', label: { en: 'mg/dL', zh: 'mg/dL' } },
    ],
  });
const BILIRUBIN_MG_DL = { field: 'bilirubinUnit', oneOf: ['mg/dL'] } as const;
const BILIRUBIN_UMOL_L = { field: 'bilirubinUnit', oneOf: ['umol/L'] } as const;

const inr = () => num({ label: { en: 'INR', zh: '国际标准化比值（INR）' }, min: 0.5, max: 20 });

export const childPugh = defineScoreTable({
  id: 'child-pugh',
  names: { en: 'Child–Pugh score', zh: 'Child-Pugh评分（肝功能分级）' },
  aliases: ['Child-Pugh', 'Child Pugh', 'Child-Turcotte-Pugh', 'CTP', '肝功能Child-Pugh分级', '肝功能分级', 'Child分级'],
  summary: {
    en: 'Severity of chronic liver disease (class A/B/C), used for prognosis and drug dosing.',
    zh: '评估慢性肝病严重程度（A/B/C级），用于预后判断和药物剂量调整。',
  },
  inputs: {
    bilirubin: bilirubin(),
    bilirubinUnit: bilirubinUnit(),
    albumin: numWithUnit({
      label: { en: 'Serum albumin', zh: '血清白蛋白' },
      unitField: 'albuminUnit',
      byUnit: { 'g/dL': { min: 0.5, max: 7 }, 'g/L': { min: 5, max: 70 } },
    }),
    albuminUnit: choice({
      label: { en: 'Albumin unit', zh: '白蛋白单位' },
      options: [
        { value: 'g/L', label: { en: 'g/L', zh: 'g/L' } },
        { value: 'g/dL', label: { en: 'g/dL', zh: 'g/dL' } },
      ],
    }),
    inr: inr(),
    ascites: choice({
      label: { en: 'Ascites', zh: '腹水' },
      options: [
        { value: 'none', label: { en: 'None', zh: '无' } },
        { value: 'mild', label: { en: 'Mild (slight)', zh: '轻度' } },
        { value: 'moderate-severe', label: { en: 'Moderate to severe', zh: '中至重度' } },
      ],
    }),
    encephalopathy: choice({
      label: { en: 'Hepatic encephalopathy', zh: '肝性脑病' },
      options: [
        { value: 'none', label: { en: 'None', zh: '无' } },
        { value: 'grade-1-2', label: { en: 'Grade 1–2 (or controlled with treatment)', zh: '1–2级（或经治疗可控制）' } },
        { value: 'grade-3-4', label: { en: 'Grade 3–4 (or refractory)', zh: '3–4级（或难治性）' } },
      ],
    }),
  },
  // Pugh 1973: class A 5–6, B 7–9, C 10–15.
  bands: [
    {
      id: 'A',
      min: 5,
      label: { en: 'Class A (5–6)', zh: 'A级（5–6分）' },
      meaning: { en: 'Well-compensated liver disease.', zh: '肝功能代偿良好。' },
    },
    {
      id: 'B',
      min: 7,
      label: { en: 'Class B (7–9)', zh: 'B级（7–9分）' },
      meaning: { en: 'Significant functional compromise.', zh: '肝功能明显受损。' },
    },
    {
      id: 'C',
      min: 10,
      label: { en: 'Class C (10–15)', zh: 'C级（10–15分）' },
      meaning: { en: 'Decompensated liver disease.', zh: '肝功能失代偿。' },
    },
  ],
  source: {
    title: 'Pugh RNH et al. Transection of the oesophagus for bleeding oesophageal varices. Br J Surg 1973;60:646-9',
    section: 'Table 1 (grading of severity of liver disease)',
  },
  references: [
    {
      title: 'EASL Clinical Practice Guidelines for the management of patients with decompensated cirrhosis. J Hepatol 2018;69:406-60',
      section: 'Child-Pugh table (INR used in place of prothrombin time)',
    },
  ],
  unit: 'points',
  conversions: { albuminGL: { field: 'albumin', unitField: 'albuminUnit', factor: { 'g/L': 1, 'g/dL': 10 } } },
  // Pugh 1973 thresholds; SI equivalents as commonly tabulated (bilirubin 34/50 µmol/L, albumin 35/28 g/L).
  criteria: [
    {
      id: 'bilirubin',
      levels: [
        {
          points: 1,
          when: {
            anyOf: [
              { allOf: [BILIRUBIN_MG_DL, { field: 'bilirubin', lt: 2 }] },
              { allOf: [BILIRUBIN_UMOL_L, { field: 'bilirubin', lt: 34 }] },
            ],
          },
        },
        {
          points: 2,
          when: {
            anyOf: [
              { allOf: [BILIRUBIN_MG_DL, { field: 'bilirubin', gte: 2, lte: 3 }] },
              { allOf: [BILIRUBIN_UMOL_L, { field: 'bilirubin', gte: 34, lte: 50 }] },
            ],
          },
        },
        {
          points: 3,
          when: {
            anyOf: [
              { allOf: [BILIRUBIN_MG_DL, { field: 'bilirubin', gt: 3 }] },
              { allOf: [BILIRUBIN_UMOL_L, { field: 'bilirubin', gt: 50 }] },
            ],
          },
        },
      ],
    },
    {
      id: 'albumin',
      levels: [
        { points: 1, when: { field: 'albuminGL', gt: 35 } },
        { points: 2, when: { field: 'albuminGL', gte: 28, lte: 35 } },
        { points: 3, when: { field: 'albuminGL', lt: 28 } },
      ],
    },
    // INR in place of Pugh's prothrombin-time prolongation: <1.7, 1.7–2.3, >2.3.
    {
      id: 'inr',
      levels: [
        { points: 1, when: { field: 'inr', lt: 1.7 } },
        { points: 2, when: { field: 'inr', gte: 1.7, lte: 2.3 } },
        { points: 3, when: { field: 'inr', gt: 2.3 } },
      ],
    },
    { id: 'ascites', field: 'ascites', pointsByOption: { none: 1, mild: 2, 'moderate-severe': 3 } },
    { id: 'encephalopathy', field: 'encephalopathy', pointsByOption: { none: 1, 'grade-1-2': 2, 'grade-3-4': 3 } },
  ],
});

export const meldNa = defineScore({
  id: 'meld-na',
  names: { en: 'MELD-Na (Model for End-Stage Liver Disease with sodium)', zh: 'MELD-Na评分（终末期肝病模型-钠）' },
  aliases: ['MELD', 'MELDNa', 'MELD Na', 'MELD-Na score', '终末期肝病模型', 'MELD评分', '终末期肝病评分'],
  summary: {
    en: 'Short-term mortality in chronic liver disease (adults ≥12 years), as used for liver allocation.',
    zh: '评估慢性肝病短期死亡风险（≥12岁），用于肝移植分配。',
  },
  inputs: {
    creatinine: creatinine(),
    creatinineUnit: creatinineUnit(),
    bilirubin: bilirubin(),
    bilirubinUnit: bilirubinUnit(),
    inr: inr(),
    sodium: num({ label: { en: 'Serum sodium', zh: '血清钠' }, unit: 'mmol/L', min: 100, max: 180 }),
    dialysis: bool({ en: 'Dialysis ≥2 times in the past week (or 24 h CVVHD)', zh: '过去1周透析≥2次（或24小时CVVHD）' }),
  },
  // Wiesner R et al. Gastroenterology 2003;124:91-6: 3-month mortality rises steeply across these MELD strata.
  bands: [
    {
      id: 'under-10',
      min: 6,
      label: { en: 'MELD <10', zh: 'MELD<10分' },
      meaning: { en: 'Lowest mortality stratum.', zh: '死亡风险最低层。' },
    },
    {
      id: '10-19',
      min: 10,
      label: { en: 'MELD 10–19', zh: 'MELD 10–19分' },
      meaning: { en: 'Low-to-moderate 3-month mortality.', zh: '3个月死亡风险低至中等。' },
    },
    {
      id: '20-29',
      min: 20,
      label: { en: 'MELD 20–29', zh: 'MELD 20–29分' },
      meaning: { en: 'Substantial 3-month mortality.', zh: '3个月死亡风险较高。' },
    },
    {
      id: '30-39',
      min: 30,
      label: { en: 'MELD 30–39', zh: 'MELD 30–39分' },
      meaning: { en: 'High 3-month mortality.', zh: '3个月死亡风险高。' },
    },
    {
      id: '40-plus',
      min: 40,
      label: { en: 'MELD ≥40', zh: 'MELD≥40分' },
      meaning: { en: 'Highest mortality stratum.', zh: '死亡风险最高层。' },
    },
  ],
  source: {
    title: 'Kim WR et al. Hyponatremia and mortality among patients on the liver-transplant waiting list. N Engl J Med 2008;359:1018-26',
  },
  references: [
    { title: 'Kamath PS et al. A model to predict survival in patients with end-stage liver disease. Hepatology 2001;33:464-70' },
    {
      title: 'OPTN/UNOS. MELD calculation (policy 9.1, effective January 2016)',
      url: 'https://optn.transplant.hrsa.gov/data/allocation-calculators/meld-calculator/',
    },
    { title: 'Wiesner R et al. Model for end-stage liver disease (MELD) and allocation of donor livers. Gastroenterology 2003;124:91-6' },
  ],
  compute(input, bands) {
    // OPTN/UNOS rules: values below 1.0 are set to 1.0; creatinine capped at 4.0 mg/dL, and set to 4.0 on dialysis;
    // sodium bounded to 125–137 mmol/L.
    const cr = input.dialysis ? 4 : Math.min(Math.max(creatinineMgDl(input.creatinine, input.creatinineUnit), 1), 4);
    const bili = Math.max(input.bilirubinUnit === 'mg/dL' ? input.bilirubin : input.bilirubin / BILIRUBIN_UMOL_PER_MG_DL, 1);
    const inrValue = Math.max(input.inr, 1);
    const na = Math.min(Math.max(input.sodium, 125), 137);
    // Kamath 2001 (UNOS form): MELD(i) = 0.957 ln(Cr) + 0.378 ln(bili) + 1.120 ln(INR) + 0.643, ×10, rounded to a tenth.
    const meld = roundTo(10 * (0.957 * Math.log(cr) + 0.378 * Math.log(bili) + 1.12 * Math.log(inrValue) + 0.643), 1);
    // Kim 2008: MELD-Na = MELD + 1.32 × (137 − Na) − 0.033 × MELD × (137 − Na); UNOS applies it only when MELD > 11.
    const meldNaRaw = meld > 11 ? meld + 1.32 * (137 - na) - 0.033 * meld * (137 - na) : meld;
    // UNOS caps the score at 40.
    const value = Math.min(Math.round(meldNaRaw), 40);
    return {
      value,
      unit: 'points',
      band: bands.byValue(value),
      details: { meld, creatinineUsed: roundTo(cr, 2), bilirubinUsed: roundTo(bili, 2), inrUsed: inrValue, sodiumUsed: na },
    };
  },
});
