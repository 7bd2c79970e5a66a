import { heartRate, respiratoryRate, systolicBp, temperature } from './common-inputs.js';
import { bool, choice, num } from './score-inputs.js';
import { defineScore } from './score-types.js';

/**
 * NEWS2 parameter scoring, Royal College of Physicians. National Early Warning Score (NEWS) 2, 2017,
 * Chart 1 (the NEWS2 scoring system). Each function returns 0–3 points for one parameter.
 */
function respirationPoints(rr: number): number {
  if (rr <= 8) return 3;
  if (rr <= 11) return 1;
  if (rr <= 20) return 0;
  if (rr <= 24) return 2;
  return 3;
}

/** SpO2 scale 1 (default). */
function spo2Scale1Points(spo2: number): number {
  if (spo2 <= 91) return 3;
  if (spo2 <= 93) return 2;
  if (spo2 <= 95) return 1;
  return 0;
}

/** SpO2 scale 2, only for hypercapnic respiratory failure with a prescribed target of 88–92%. */
function spo2Scale2Points(spo2: number, onOxygen: boolean): number {
  if (spo2 <= 83) return 3;
  if (spo2 <= 85) return 2;
  if (spo2 <= 87) return 1;
  if (spo2 <= 92 || !onOxygen) return 0;
  if (spo2 <= 94) return 1;
  if (spo2 <= 96) return 2;
  return 3;
}

function systolicPoints(sbp: number): number {
  if (sbp <= 90) return 3;
  if (sbp <= 100) return 2;
  if (sbp <= 110) return 1;
  if (sbp <= 219) return 0;
  return 3;
}

function pulsePoints(hr: number): number {
  if (hr <= 40) return 3;
  if (hr <= 50) return 1;
  if (hr <= 90) return 0;
  if (hr <= 110) return 1;
  if (hr <= 130) return 2;
  return 3;
}

function temperaturePoints(t: number): number {
  if (t <= 35.0) return 3;
  if (t <= 36.0) return 1;
  if (t <= 38.0) return 0;
  if (t <= 39.0) return 1;
  return 2;
}

export const news2 = defineScore({
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
  compute(input, bands) {
    const details = {
      respiratoryRate: respirationPoints(input.respiratoryRate),
      spo2: input.spo2Scale === 'scale-2' ? spo2Scale2Points(input.spo2, input.onOxygen) : spo2Scale1Points(input.spo2),
      // Chart 1: any supplemental oxygen scores 2.
      airOrOxygen: input.onOxygen ? 2 : 0,
      systolicBp: systolicPoints(input.systolicBp),
      pulse: pulsePoints(input.heartRate),
      // Chart 1: new confusion, voice, pain or unresponsive (CVPU) score 3.
      consciousness: input.consciousness === 'alert' ? 0 : 3,
      temperature: temperaturePoints(input.temperature),
    };
    const value = Object.values(details).reduce((a, b) => a + b, 0);
    const redScore = Object.values(details).some((p) => p === 3);
    const band = value <= 4 && redScore ? bands.byId('low-medium') : bands.byValue(value);
    return { value, unit: 'points', band, details: { ...details, singleParameterScoring3: redScore } };
  },
});
