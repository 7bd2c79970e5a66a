import { adultAge, diastolicBp, systolicBp } from './common-inputs.js';
import { bool, choice, num } from './score-inputs.js';
import { defineScoreTable } from './score-table.js';

export const abcd2 = defineScoreTable({
  id: 'abcd2',
  names: { en: 'ABCD² score for TIA', zh: 'ABCD²评分（短暂性脑缺血发作）' },
  aliases: ['ABCD2', 'ABCD 2', 'ABCD²', 'TIA评分', '短暂性脑缺血发作评分', 'ABCD2评分'],
  summary: { en: 'Early stroke risk after a transient ischaemic attack.', zh: '评估短暂性脑缺血发作后的早期卒中风险。' },
  inputs: {
    age: adultAge(),
    systolicBp: systolicBp(),
    diastolicBp: diastolicBp(),
    clinicalFeatures: choice({
      label: { en: 'Clinical features', zh: '临床表现' },
      options: [
        { value: 'unilateral-weakness', label: { en: 'Unilateral weakness', zh: '单侧肢体无力' } },
        { value: 'speech-only', label: { en: 'Speech disturbance without weakness', zh: '言语障碍不伴肢体无力' } },
        { value: 'other', label: { en: 'Other symptoms', zh: '其他症状' } },
      ],
    }),
    durationMinutes: num({ label: { en: 'Duration of symptoms', zh: '症状持续时间' }, unit: 'min', min: 0, max: 1440 }),
    diabetes: bool({ en: 'Diabetes', zh: '糖尿病' }),
  },
  // Johnston 2007: 2-day stroke risk 1.0% (0–3), 4.1% (4–5), 8.1% (6–7).
  bands: [
    {
      id: 'low',
      min: 0,
      label: { en: 'Low (0–3)', zh: '低危（0–3分）' },
      meaning: { en: 'Johnston 2007: 2-day stroke risk 1.0%.', zh: 'Johnston 2007：2天卒中风险1.0%。' },
    },
    {
      id: 'moderate',
      min: 4,
      label: { en: 'Moderate (4–5)', zh: '中危（4–5分）' },
      meaning: { en: 'Johnston 2007: 2-day stroke risk 4.1%.', zh: 'Johnston 2007：2天卒中风险4.1%。' },
    },
    {
      id: 'high',
      min: 6,
      label: { en: 'High (6–7)', zh: '高危（6–7分）' },
      meaning: { en: 'Johnston 2007: 2-day stroke risk 8.1%.', zh: 'Johnston 2007：2天卒中风险8.1%。' },
    },
  ],
  source: {
    title:
      'Johnston SC et al. Validation and refinement of scores to predict very early stroke risk after transient ischaemic attack. Lancet 2007;369:283-92',
  },
  unit: 'points',
  // Johnston 2007: age ≥60 → 1; BP ≥140/90 → 1; unilateral weakness 2, speech alone 1;
  // duration ≥60 min 2, 10–59 min 1; diabetes 1.
  criteria: [
    { id: 'age', points: 1, when: { field: 'age', gte: 60 } },
    {
      id: 'bloodPressure',
      points: 1,
      when: {
        anyOf: [
          { field: 'systolicBp', gte: 140 },
          { field: 'diastolicBp', gte: 90 },
        ],
      },
    },
    { id: 'clinicalFeatures', field: 'clinicalFeatures', pointsByOption: { 'unilateral-weakness': 2, 'speech-only': 1, other: 0 } },
    {
      id: 'duration',
      levels: [
        { points: 2, when: { field: 'durationMinutes', gte: 60 } },
        { points: 1, when: { field: 'durationMinutes', gte: 10, lt: 60 } },
      ],
    },
    { id: 'diabetes', points: 1, when: { field: 'diabetes', is: true } },
  ],
});
