import { heartRate, respiratoryRate, systolicBp, temperature } from './common-inputs.js';
import { bool, num, optionalNum } from './score-inputs.js';
import { defineScoreTable } from './score-table.js';

export const qsofa = defineScoreTable({
  id: 'qsofa',
  names: { en: 'qSOFA (quick Sequential Organ Failure Assessment)', zh: 'qSOFA（快速序贯器官衰竭评分）' },
  aliases: ['quick SOFA', 'qSOFA score', '快速SOFA', '快速序贯器官衰竭评分', '脓毒症快速评分'],
  summary: {
    en: 'Bedside prompt for adults with suspected infection who are likely to have poor outcomes.',
    zh: '用于疑似感染成人的床旁提示，识别预后不良风险较高者。',
  },
  inputs: {
    respiratoryRate: respiratoryRate(),
    systolicBp: systolicBp(),
    alteredMentation: bool({ en: 'Altered mentation (GCS <15)', zh: '意识改变（GCS<15）' }),
  },
  bands: [
    {
      id: 'not-high-risk',
      min: 0,
      label: { en: 'qSOFA <2', zh: 'qSOFA<2分' },
      meaning: {
        en: 'Does not flag high risk; does not exclude sepsis — keep reassessing.',
        zh: '未提示高风险，但不能排除脓毒症，需持续评估。',
      },
    },
    {
      id: 'high-risk',
      min: 2,
      label: { en: 'qSOFA ≥2', zh: 'qSOFA≥2分' },
      meaning: {
        en: 'Seymour 2016: higher risk of in-hospital death; assess for organ dysfunction (full SOFA) and escalate care.',
        zh: 'Seymour 2016：院内死亡风险升高；应评估器官功能障碍（完整SOFA）并升级诊疗。',
      },
    },
  ],
  source: {
    title: 'Seymour CW et al. Assessment of clinical criteria for sepsis (Sepsis-3). JAMA 2016;315:762-74',
    section: 'qSOFA definition',
  },
  unit: 'points',
  // Seymour 2016: respiratory rate ≥22/min, altered mentation, systolic BP ≤100 mmHg — one point each.
  criteria: [
    { id: 'respiratoryRate', points: 1, when: { field: 'respiratoryRate', gte: 22 } },
    { id: 'systolicBp', points: 1, when: { field: 'systolicBp', lte: 100 } },
    { id: 'alteredMentation', points: 1, when: { field: 'alteredMentation', is: true } },
  ],
});

export const sirs = defineScoreTable({
  id: 'sirs',
  names: { en: 'SIRS criteria', zh: '全身炎症反应综合征（SIRS）标准' },
  aliases: ['SIRS', 'systemic inflammatory response syndrome', '全身炎症反应综合征', '全身炎症反应'],
  summary: { en: 'Counts the four SIRS criteria of the 1991 ACCP/SCCM consensus.', zh: '统计1991年ACCP/SCCM共识中的4项SIRS标准。' },
  inputs: {
    temperature: temperature(),
    heartRate: heartRate(),
    respiratoryRate: respiratoryRate(),
    paco2: optionalNum({
      label: { en: 'PaCO₂ (optional)', zh: 'PaCO₂（可选）' },
      unit: 'mmHg',
      min: 5,
      max: 200,
      help: { en: 'Leave empty when no blood gas is available.', zh: '无血气结果时可留空。' },
    }),
    wbc: num({ label: { en: 'White cell count', zh: '白细胞计数' }, unit: '×10⁹/L', min: 0, max: 500 }),
    immatureBandsOver10: bool({ en: 'Immature (band) forms >10%', zh: '未成熟（杆状核）粒细胞>10%' }),
  },
  bands: [
    {
      id: 'not-met',
      min: 0,
      label: { en: 'SIRS not met (0–1)', zh: '不符合SIRS（0–1项）' },
      meaning: { en: 'Fewer than two criteria.', zh: '符合项少于2项。' },
    },
    {
      id: 'met',
      min: 2,
      label: { en: 'SIRS met (≥2)', zh: '符合SIRS（≥2项）' },
      meaning: {
        en: 'Two or more criteria: systemic inflammatory response; consider infection and other causes.',
        zh: '≥2项：存在全身炎症反应，需考虑感染及其他病因。',
      },
    },
  ],
  source: {
    title:
      'Bone RC et al. (ACCP/SCCM Consensus Conference). Definitions for sepsis and organ failure and guidelines for the use of innovative therapies in sepsis. Chest 1992;101:1644-55',
  },
  unit: 'criteria',
  // Bone 1992: T >38 or <36 °C; HR >90; RR >20 or PaCO2 <32 mmHg; WBC >12 or <4 ×10⁹/L or >10% bands.
  criteria: [
    {
      id: 'temperature',
      points: 1,
      when: {
        anyOf: [
          { field: 'temperature', gt: 38 },
          { field: 'temperature', lt: 36 },
        ],
      },
    },
    { id: 'heartRate', points: 1, when: { field: 'heartRate', gt: 90 } },
    {
      id: 'respiration',
      points: 1,
      when: {
        anyOf: [
          { field: 'respiratoryRate', gt: 20 },
          { field: 'paco2', lt: 32 },
        ],
      },
    },
    {
      id: 'whiteCells',
      points: 1,
      when: {
        anyOf: [
          { field: 'wbc', gt: 12 },
          { field: 'wbc', lt: 4 },
          { field: 'immatureBandsOver10', is: true },
        ],
      },
    },
  ],
});
