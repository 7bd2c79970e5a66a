import { bool, num } from './score-inputs.js';
import { defineScoreTable } from './score-table.js';

export const centorMcIsaac = defineScoreTable({
  id: 'centor-mcisaac',
  names: { en: 'Centor score (McIsaac modification) for streptococcal pharyngitis', zh: 'Centor评分（McIsaac改良版，链球菌性咽炎）' },
  aliases: ['Centor', 'McIsaac', 'Modified Centor', 'Centor评分', '改良Centor评分', '咽炎评分', '链球菌咽炎评分'],
  summary: {
    en: 'Likelihood of group A streptococcal pharyngitis, to guide testing and antibiotics.',
    zh: '评估A组链球菌咽炎可能性，指导检测和抗生素使用。',
  },
  inputs: {
    age: num({ label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 3, max: 120 }),
    temperatureOver38: bool({ en: 'Temperature >38 °C', zh: '体温>38 °C' }),
    coughAbsent: bool({ en: 'Cough absent', zh: '无咳嗽' }),
    tenderAnteriorNodes: bool({ en: 'Swollen, tender anterior cervical nodes', zh: '颈前淋巴结肿大伴压痛' }),
    tonsillarSwellingOrExudate: bool({ en: 'Tonsillar swelling or exudate', zh: '扁桃体肿大或有渗出物' }),
  },
  // McIsaac 1998, Table 3 / Fig. 1: culture-confirmed GAS and suggested management by score.
  bands: [
    {
      id: 'very-low',
      min: -1,
      label: { en: '≤0 points', zh: '≤0分' },
      meaning: { en: 'McIsaac 1998: GAS risk 1–2.5%; no culture or antibiotic.', zh: 'McIsaac 1998：GAS风险1–2.5%；无需培养或抗生素。' },
    },
    {
      id: 'low',
      min: 1,
      label: { en: '1 point', zh: '1分' },
      meaning: { en: 'McIsaac 1998: GAS risk 5–10%; no culture or antibiotic.', zh: 'McIsaac 1998：GAS风险5–10%；无需培养或抗生素。' },
    },
    {
      id: 'moderate',
      min: 2,
      label: { en: '2–3 points', zh: '2–3分' },
      meaning: {
        en: 'McIsaac 1998: GAS risk 11–35%; test (culture or rapid antigen) and treat if positive.',
        zh: 'McIsaac 1998：GAS风险11–35%；检测（培养或快速抗原）阳性则治疗。',
      },
    },
    {
      id: 'high',
      min: 4,
      label: { en: '4–5 points', zh: '4–5分' },
      meaning: {
        en: 'McIsaac 1998: GAS risk 51–53%; test, and consider empirical antibiotics.',
        zh: 'McIsaac 1998：GAS风险51–53%；检测并考虑经验性抗生素治疗。',
      },
    },
  ],
  source: {
    title: 'McIsaac WJ et al. A clinical score to reduce unnecessary antibiotic use in patients with sore throat. CMAJ 1998;158:75-83',
  },
  references: [{ title: 'Centor RM et al. The diagnosis of strep throat in adults in the emergency room. Med Decis Making 1981;1:239-46' }],
  unit: 'points',
  // McIsaac 1998: one point per Centor criterion; age 3–14 +1, 15–44 0, ≥45 −1.
  criteria: [
    { id: 'temperatureOver38', points: 1, when: { field: 'temperatureOver38', is: true } },
    { id: 'coughAbsent', points: 1, when: { field: 'coughAbsent', is: true } },
    { id: 'tenderAnteriorNodes', points: 1, when: { field: 'tenderAnteriorNodes', is: true } },
    { id: 'tonsillarSwellingOrExudate', points: 1, when: { field: 'tonsillarSwellingOrExudate', is: true } },
    {
      id: 'age',
      levels: [
        { points: 1, when: { field: 'age', lt: 15 } },
        { points: 0, when: { field: 'age', gte: 15, lt: 45 } },
        { points: -1, when: { field: 'age', gte: 45 } },
      ],
    },
  ],
});
