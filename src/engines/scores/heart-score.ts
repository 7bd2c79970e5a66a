import { adultAge } from './common-inputs.js';
import { points } from './score-inputs.js';
import { defineScoreTable } from './score-table.js';

const opt = (value: 0 | 1 | 2, en: string, zh: string) => ({ value, label: { en: `${value} — ${en}`, zh: `${value} — ${zh}` } });

export const heart = defineScoreTable({
  id: 'heart',
  names: { en: 'HEART score for chest pain', zh: 'HEART评分（胸痛）' },
  aliases: ['HEART score', 'HEART评分', '胸痛评分', '胸痛风险评分'],
  summary: {
    en: 'Short-term major adverse cardiac event risk in emergency patients with chest pain.',
    zh: '评估急诊胸痛患者短期主要不良心脏事件风险。',
  },
  // Six AJ et al. Neth Heart J 2008;16:191-6, Table 1: five elements scored 0–2 (age scored from the age input).
  inputs: {
    history: points({
      label: { en: 'History', zh: '病史' },
      options: [
        opt(0, 'Slightly suspicious', '轻度可疑'),
        opt(1, 'Moderately suspicious', '中度可疑'),
        opt(2, 'Highly suspicious', '高度可疑'),
      ],
    }),
    ecg: points({
      label: { en: 'ECG', zh: '心电图' },
      options: [
        opt(0, 'Normal', '正常'),
        opt(1, 'Non-specific repolarisation disturbance', '非特异性复极异常'),
        opt(2, 'Significant ST deviation', '明显ST段偏移'),
      ],
    }),
    age: adultAge(),
    riskFactors: points({
      label: { en: 'Risk factors', zh: '危险因素' },
      help: {
        en: 'Hypercholesterolaemia, hypertension, diabetes, smoking, family history, obesity.',
        zh: '高胆固醇血症、高血压、糖尿病、吸烟、家族史、肥胖。',
      },
      options: [
        opt(0, 'No known risk factors', '无已知危险因素'),
        opt(1, '1–2 risk factors', '1–2个危险因素'),
        opt(2, '≥3 risk factors or known atherosclerotic disease', '≥3个危险因素或已知动脉粥样硬化性疾病'),
      ],
    }),
    troponin: points({
      label: { en: 'Initial troponin', zh: '首次肌钙蛋白' },
      options: [
        opt(0, '≤ normal limit', '≤正常上限'),
        opt(1, '1–3 × normal limit', '正常上限的1–3倍'),
        opt(2, '>3 × normal limit', '>正常上限的3倍'),
      ],
    }),
  },
  // Six 2008: MACE 0.99% (0–3), 11.6% (4–6), 65.2% (7–10).
  bands: [
    {
      id: 'low',
      min: 0,
      label: { en: 'Low (0–3)', zh: '低危（0–3分）' },
      meaning: { en: 'Six 2008: MACE 0.99%; supports early discharge consideration.', zh: 'Six 2008：MACE 0.99%；可考虑早期出院。' },
    },
    {
      id: 'moderate',
      min: 4,
      label: { en: 'Moderate (4–6)', zh: '中危（4–6分）' },
      meaning: { en: 'Six 2008: MACE 11.6%; observation and further testing.', zh: 'Six 2008：MACE 11.6%；留观并进一步检查。' },
    },
    {
      id: 'high',
      min: 7,
      label: { en: 'High (7–10)', zh: '高危（7–10分）' },
      meaning: { en: 'Six 2008: MACE 65.2%; early invasive strategy to be considered.', zh: 'Six 2008：MACE 65.2%；考虑早期介入策略。' },
    },
  ],
  source: { title: 'Six AJ, Backus BE, Kelder JC. Chest pain in the emergency room: value of the HEART score. Neth Heart J 2008;16:191-6' },
  unit: 'points',
  criteria: [
    { id: 'history', field: 'history', pointsFromValue: true },
    { id: 'ecg', field: 'ecg', pointsFromValue: true },
    // Six 2008: age <45 scores 0, 45–64 scores 1, ≥65 scores 2.
    {
      id: 'age',
      levels: [
        { points: 1, when: { field: 'age', gte: 45, lt: 65 } },
        { points: 2, when: { field: 'age', gte: 65 } },
      ],
    },
    { id: 'riskFactors', field: 'riskFactors', pointsFromValue: true },
    { id: 'troponin', field: 'troponin', pointsFromValue: true },
  ],
});
