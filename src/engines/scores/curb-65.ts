import { adultAge, diastolicBp, respiratoryRate, systolicBp } from './common-inputs.js';
import { bool, choice, numWithUnit } from './score-inputs.js';
import { defineScoreTable } from './score-table.js';

/** Urea: 1 mg/dL of blood urea nitrogen = 0.357 mmol/L of urea (molar mass of N₂ in urea, 28 g/mol). */
const UREA_MMOL_PER_BUN_MG_DL = 0.357;

export const curb65 = defineScoreTable({
  id: 'curb-65',
  names: { en: 'CURB-65 pneumonia severity', zh: 'CURB-65评分（社区获得性肺炎严重程度）' },
  aliases: ['CURB65', 'CURB 65', '肺炎严重程度评分', 'CURB-65评分', '社区获得性肺炎评分'],
  summary: {
    en: 'Severity of community-acquired pneumonia in adults, to support the choice of care setting.',
    zh: '评估成人社区获得性肺炎严重程度，辅助选择治疗场所。',
  },
  inputs: {
    confusion: bool({ en: 'New confusion', zh: '新发意识障碍' }),
    urea: numWithUnit({
      label: { en: 'Urea (or BUN)', zh: '尿素（或尿素氮）' },
      unitField: 'ureaUnit',
      byUnit: { 'mmol/L': { min: 0.5, max: 100 }, 'mg/dL': { min: 1, max: 280 } },
    }),
    ureaUnit: choice({
      label: { en: 'Urea unit', zh: '尿素单位' },
      options: [
        { value: 'mmol/L', label: { en: 'Urea, mmol/L', zh: '尿素，mmol/L' } },
        { value: 'mg/dL', label: { en: 'BUN, mg/dL', zh: '尿素氮（BUN），mg/dL' } },
      ],
    }),
    respiratoryRate: respiratoryRate(),
    systolicBp: systolicBp(),
    diastolicBp: diastolicBp(),
    age: adultAge(),
  },
  // Lim 2003: 30-day mortality by group — 0–1: 1.5%, 2: 9.2%, 3–5: 22%.
  bands: [
    {
      id: 'low',
      min: 0,
      label: { en: 'Low severity (0–1)', zh: '低危（0–1分）' },
      meaning: {
        en: 'Lim 2003: low 30-day mortality (1.5%); may suit home treatment.',
        zh: 'Lim 2003：30天死亡率低（1.5%）；可考虑门诊治疗。',
      },
    },
    {
      id: 'moderate',
      min: 2,
      label: { en: 'Moderate severity (2)', zh: '中危（2分）' },
      meaning: {
        en: 'Lim 2003: intermediate mortality (9.2%); consider short inpatient stay or supervised outpatient care.',
        zh: 'Lim 2003：中等死亡率（9.2%）；考虑短期住院或严密随访的门诊治疗。',
      },
    },
    {
      id: 'high',
      min: 3,
      label: { en: 'High severity (3–5)', zh: '高危（3–5分）' },
      meaning: {
        en: 'Lim 2003: high mortality (22%); manage as severe pneumonia, consider ICU at 4–5.',
        zh: 'Lim 2003：死亡率高（22%）；按重症肺炎处理，4–5分考虑ICU。',
      },
    },
  ],
  source: {
    title:
      'Lim WS et al. Defining community acquired pneumonia severity on presentation to hospital: an international derivation and validation study. Thorax 2003;58:377-82',
  },
  unit: 'points',
  conversions: {
    ureaMmolL: { field: 'urea', unitField: 'ureaUnit', factor: { 'mmol/L': 1, 'mg/dL': UREA_MMOL_PER_BUN_MG_DL }, reportDecimals: 1 },
  },
  // Lim 2003: confusion; urea >7 mmol/L; RR ≥30/min; SBP <90 or DBP ≤60 mmHg; age ≥65 — one point each.
  criteria: [
    { id: 'confusion', points: 1, when: { field: 'confusion', is: true } },
    { id: 'urea', points: 1, when: { field: 'ureaMmolL', gt: 7 } },
    { id: 'respiratoryRate', points: 1, when: { field: 'respiratoryRate', gte: 30 } },
    {
      id: 'bloodPressure',
      points: 1,
      when: {
        anyOf: [
          { field: 'systolicBp', lt: 90 },
          { field: 'diastolicBp', lte: 60 },
        ],
      },
    },
    { id: 'age', points: 1, when: { field: 'age', gte: 65 } },
  ],
});
