import { heartRate, respiratoryRate, systolicBp, temperature } from './common-inputs.js';
import { bool, choice, num } from './score-inputs.js';
import { defineScoreTable } from './score-table.js';

/**
 * NEWS2 parameter scoring, Royal College of Physicians. National Early Warning Score (NEWS) 2, 2017,
 * Chart 1 (the NEWS2 scoring system): each parameter scores 0–3 by the range its value falls in.
 */
/** SpO2 scale 1 (default). */
const SCALE_1 = { field: 'spo2Scale', oneOf: ['scale-1'] } as const;
/** SpO2 scale 2, only for hypercapnic respiratory failure with a prescribed target of 88–92%. */
const SCALE_2 = { field: 'spo2Scale', oneOf: ['scale-2'] } as const;
const ON_OXYGEN = { field: 'onOxygen', is: true } as const;

export const news2 = defineScoreTable({
  id: 'news2',
  names: { en: 'National Early Warning Score 2 (NEWS2)', zh: '国家早期预警评分2（NEWS2）' },
  aliases: ['NEWS', 'NEWS 2', 'early warning score', '早期预警评分', '国家早期预警评分', 'EWS'],
  summary: {
    en: 'Aggregate physiological score to detect acute deterioration in adults (not for pregnancy or under 16).',
    zh: '基于生命体征的综合评分，用于发现成人病情急性恶化（不适用于孕妇及16岁以下）。',
  },
  inputs: {
    respiratoryRate: respiratoryRate(),
    spo2: num({ label: { en: 'SpO₂', zh: '血氧饱和度（SpO₂）' }, unit: '%', min: 50, max: 100 }),
    spo2Scale: choice({
      label: { en: 'SpO₂ scale', zh: 'SpO₂评分标尺' },
      help: {
        en: 'Scale 2 only for confirmed hypercapnic respiratory failure with a prescribed 88–92% target.',
        zh: '仅在确诊高碳酸血症性呼吸衰竭且目标SpO₂为88–92%时使用标尺2。',
      },
      options: [
        { value: 'scale-1', label: { en: 'Scale 1 (default)', zh: '标尺1（默认）' } },
        { value: 'scale-2', label: { en: 'Scale 2 (hypercapnic respiratory failure)', zh: '标尺2（高碳酸血症性呼吸衰竭）' } },
      ],
    }),
    onOxygen: bool({ en: 'On supplemental oxygen', zh: '正在吸氧' }),
    systolicBp: systolicBp(),
    heartRate: heartRate(),
    consciousness: choice({
      label: { en: 'Consciousness (ACVPU)', zh: '意识水平（ACVPU）' },
      options: [
        { value: 'alert', label: { en: 'Alert', zh: '清醒' } },
        { value: 'new-confusion', label: { en: 'New confusion', zh: '新发意识混乱' } },
        { value: 'voice', label: { en: 'Responds to voice', zh: '对声音有反应' } },
        { value: 'pain', label: { en: 'Responds to pain', zh: '对疼痛有反应' } },
        { value: 'unresponsive', label: { en: 'Unresponsive', zh: '无反应' } },
      ],
    }),
    temperature: temperature(),
  },
  // RCP NEWS2 2017, Chart 2 (clinical risk) and Chart 4 (clinical response).
  bands: [
    {
      id: 'low',
      min: 0,
      label: { en: 'Low (0–4)', zh: '低风险（0–4分）' },
      meaning: { en: 'Ward-based response; minimum 4–12-hourly monitoring.', zh: '病房内处理；至少每4–12小时监测一次。' },
    },
    {
      id: 'low-medium',
      label: { en: 'Low–medium (a single parameter scoring 3)', zh: '低-中风险（单项参数3分）' },
      meaning: {
        en: 'Urgent ward-based review by a clinician; at least hourly monitoring.',
        zh: '需由临床医生在病房内紧急评估；至少每小时监测。',
      },
      criteria: { en: 'Total 0–4 with any single parameter scoring 3', zh: '总分0–4分但任一单项为3分' },
    },
    {
      id: 'medium',
      min: 5,
      label: { en: 'Medium (5–6)', zh: '中风险（5–6分）' },
      meaning: {
        en: 'Key threshold for urgent response: urgent review by a clinician competent in acute illness.',
        zh: '紧急响应阈值：由具备急症处理能力的医生紧急评估。',
      },
    },
    {
      id: 'high',
      min: 7,
      label: { en: 'High (≥7)', zh: '高风险（≥7分）' },
      meaning: {
        en: 'Emergency response: critical-care team assessment, continuous monitoring.',
        zh: '紧急响应：重症团队评估，持续监测。',
      },
    },
  ],
  source: {
    title:
      'Royal College of Physicians. National Early Warning Score (NEWS) 2: standardising the assessment of acute-illness severity in the NHS. London: RCP, 2017',
    section: 'Charts 1, 2 and 4',
  },
  unit: 'points',
  criteria: [
    {
      id: 'respiratoryRate',
      levels: [
        { points: 3, when: { field: 'respiratoryRate', lte: 8 } },
        { points: 1, when: { field: 'respiratoryRate', gt: 8, lte: 11 } },
        { points: 0, when: { field: 'respiratoryRate', gt: 11, lte: 20 } },
        { points: 2, when: { field: 'respiratoryRate', gt: 20, lte: 24 } },
        { points: 3, when: { field: 'respiratoryRate', gt: 24 } },
      ],
    },
    {
      id: 'spo2',
      levels: [
        { points: 3, when: { allOf: [SCALE_1, { field: 'spo2', lte: 91 }] } },
        { points: 2, when: { allOf: [SCALE_1, { field: 'spo2', gt: 91, lte: 93 }] } },
        { points: 1, when: { allOf: [SCALE_1, { field: 'spo2', gt: 93, lte: 95 }] } },
        { points: 3, when: { allOf: [SCALE_2, { field: 'spo2', lte: 83 }] } },
        { points: 2, when: { allOf: [SCALE_2, { field: 'spo2', gt: 83, lte: 85 }] } },
        { points: 1, when: { allOf: [SCALE_2, { field: 'spo2', gt: 85, lte: 87 }] } },
        // Scale 2: 88–92% scores 0, and so does any higher value on air; above 92% on oxygen scores again.
        { points: 1, when: { allOf: [SCALE_2, ON_OXYGEN, { field: 'spo2', gt: 92, lte: 94 }] } },
        { points: 2, when: { allOf: [SCALE_2, ON_OXYGEN, { field: 'spo2', gt: 94, lte: 96 }] } },
        { points: 3, when: { allOf: [SCALE_2, ON_OXYGEN, { field: 'spo2', gt: 96 }] } },
      ],
    },
    // Chart 1: any supplemental oxygen scores 2.
    { id: 'airOrOxygen', points: 2, when: ON_OXYGEN },
    {
      id: 'systolicBp',
      levels: [
        { points: 3, when: { field: 'systolicBp', lte: 90 } },
        { points: 2, when: { field: 'systolicBp', gt: 90, lte: 100 } },
        { points: 1, when: { field: 'systolicBp', gt: 100, lte: 110 } },
        { points: 0, when: { field: 'systolicBp', gt: 110, lte: 219 } },
        { points: 3, when: { field: 'systolicBp', gt: 219 } },
      ],
    },
    {
      id: 'pulse',
      levels: [
        { points: 3, when: { field: 'heartRate', lte: 40 } },
        { points: 1, when: { field: 'heartRate', gt: 40, lte: 50 } },
        { points: 0, when: { field: 'heartRate', gt: 50, lte: 90 } },
        { points: 1, when: { field: 'heartRate', gt: 90, lte: 110 } },
        { points: 2, when: { field: 'heartRate', gt: 110, lte: 130 } },
        { points: 3, when: { field: 'heartRate', gt: 130 } },
      ],
    },
    // Chart 1: new confusion, voice, pain or unresponsive (CVPU) score 3.
    { id: 'consciousness', points: 3, when: { field: 'consciousness', oneOf: ['new-confusion', 'voice', 'pain', 'unresponsive'] } },
    {
      id: 'temperature',
      levels: [
        { points: 3, when: { field: 'temperature', lte: 35.0 } },
        { points: 1, when: { field: 'temperature', gt: 35.0, lte: 36.0 } },
        { points: 0, when: { field: 'temperature', gt: 36.0, lte: 38.0 } },
        { points: 1, when: { field: 'temperature', gt: 38.0, lte: 39.0 } },
        { points: 2, when: { field: 'temperature', gt: 39.0 } },
      ],
    },
  ],
  flags: { singleParameterScoring3: { anyCriterionScores: 3 } },
  // Chart 2: a total of 0–4 with any single parameter scoring 3 is low–medium risk.
  bandRules: [{ band: 'low-medium', total: { lte: 4 }, flag: 'singleParameterScoring3' }],
});
