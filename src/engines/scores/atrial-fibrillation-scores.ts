import { adultAge, sex } from './common-inputs.js';
import { checklist } from './score-inputs.js';
import { defineScoreTable, tickedItems } from './score-table.js';

/** Lip GYH et al. Chest 2010;137:263-72, Table 1: points of CHA2DS2-VASc (age is scored from the age input). */
const CHA2DS2_VASC_ITEMS = [
  {
    key: 'congestiveHeartFailure',
    points: 1,
    label: { en: 'Congestive heart failure / LV dysfunction', zh: '充血性心力衰竭/左心室功能不全' },
  },
  { key: 'hypertension', points: 1, label: { en: 'Hypertension', zh: '高血压' } },
  { key: 'diabetes', points: 1, label: { en: 'Diabetes mellitus', zh: '糖尿病' } },
  { key: 'strokeTiaThromboembolism', points: 2, label: { en: 'Prior stroke, TIA or thromboembolism', zh: '既往卒中、TIA或血栓栓塞' } },
  {
    key: 'vascularDisease',
    points: 1,
    label: {
      en: 'Vascular disease (prior MI, peripheral artery disease, aortic plaque)',
      zh: '血管疾病（既往心肌梗死、外周动脉疾病、主动脉斑块）',
    },
  },
] as const;

export const cha2ds2Vasc = defineScoreTable({
  id: 'cha2ds2-vasc',
  names: { en: 'CHA₂DS₂-VASc stroke risk in atrial fibrillation', zh: 'CHA₂DS₂-VASc评分（房颤卒中风险）' },
  aliases: ['CHA2DS2-VASc', 'CHADS-VASc', 'CHA2DS2VASc', 'CHADS2-VASc', '房颤卒中风险评分', '房颤血栓风险评分'],
  summary: {
    en: 'Stroke and thromboembolism risk in non-valvular atrial fibrillation, to support anticoagulation decisions.',
    zh: '评估非瓣膜性房颤患者的卒中和血栓栓塞风险，辅助抗凝决策。',
  },
  inputs: { age: adultAge(), sex: sex(), ...checklist(CHA2DS2_VASC_ITEMS) },
  // ESC 2020 AF guideline (Hindricks G et al. Eur Heart J 2021;42:373-498), Fig. 14 and recommendations on stroke prevention.
  bands: [
    {
      id: 'low',
      label: { en: 'Low risk', zh: '低危' },
      meaning: {
        en: 'ESC 2020: antithrombotic therapy for stroke prevention is not recommended.',
        zh: 'ESC 2020：不推荐以预防卒中为目的的抗栓治疗。',
      },
      criteria: { en: '0 in men, 1 in women', zh: '男性0分，女性1分' },
    },
    {
      id: 'intermediate',
      label: { en: 'Intermediate risk', zh: '中危' },
      meaning: {
        en: 'ESC 2020: oral anticoagulation should be considered, weighing bleeding risk.',
        zh: 'ESC 2020：应考虑口服抗凝，并权衡出血风险。',
      },
      criteria: { en: '1 in men, 2 in women', zh: '男性1分，女性2分' },
    },
    {
      id: 'high',
      label: { en: 'High risk', zh: '高危' },
      meaning: { en: 'ESC 2020: oral anticoagulation is recommended unless contraindicated.', zh: 'ESC 2020：除非有禁忌，推荐口服抗凝。' },
      criteria: { en: '≥2 in men, ≥3 in women', zh: '男性≥2分，女性≥3分' },
    },
  ],
  source: {
    title:
      'Lip GYH et al. Refining clinical risk stratification for predicting stroke and thromboembolism in atrial fibrillation using a novel risk factor-based approach. Chest 2010;137:263-72',
  },
  references: [
    {
      title: 'Hindricks G et al. 2020 ESC Guidelines for the diagnosis and management of atrial fibrillation. Eur Heart J 2021;42:373-498',
      section: '§10.1',
    },
  ],
  unit: 'points',
  criteria: [
    ...tickedItems(CHA2DS2_VASC_ITEMS),
    // Lip 2010: age ≥75 scores 2, 65–74 scores 1; female sex scores 1.
    {
      id: 'age',
      levels: [
        { points: 1, when: { field: 'age', gte: 65, lt: 75 } },
        { points: 2, when: { field: 'age', gte: 75 } },
      ],
    },
    { id: 'sex', points: 1, when: { field: 'sex', oneOf: ['female'] } },
  ],
  // ESC 2020 thresholds are the score without the sex point.
  bandRules: [
    { band: 'low', total: { excluding: ['sex'], lte: 0 } },
    { band: 'intermediate', total: { excluding: ['sex'], gt: 0, lte: 1 } },
    { band: 'high', total: { excluding: ['sex'], gt: 1 } },
  ],
});

/** Pisters R et al. Chest 2010;138:1093-100, Table 2: one point each (age is scored from the age input). */
const HAS_BLED_ITEMS = [
  {
    key: 'uncontrolledHypertension',
    points: 1,
    label: { en: 'Hypertension (uncontrolled, systolic >160 mmHg)', zh: '高血压（未控制，收缩压>160 mmHg）' },
  },
  {
    key: 'abnormalRenalFunction',
    points: 1,
    label: {
      en: 'Abnormal renal function (dialysis, transplant, creatinine ≥200 µmol/L)',
      zh: '肾功能异常（透析、肾移植或肌酐≥200 µmol/L）',
    },
  },
  {
    key: 'abnormalLiverFunction',
    points: 1,
    label: {
      en: 'Abnormal liver function (cirrhosis, or bilirubin >2× ULN with AST/ALT/ALP >3× ULN)',
      zh: '肝功能异常（肝硬化，或胆红素>2倍正常上限伴AST/ALT/ALP>3倍正常上限）',
    },
  },
  { key: 'stroke', points: 1, label: { en: 'Prior stroke', zh: '既往卒中' } },
  { key: 'bleeding', points: 1, label: { en: 'Bleeding history or predisposition (e.g. anaemia)', zh: '出血史或出血倾向（如贫血）' } },
  { key: 'labileInr', points: 1, label: { en: 'Labile INR (time in therapeutic range <60%)', zh: 'INR不稳定（治疗窗内时间<60%）' } },
  { key: 'antiplateletOrNsaid', points: 1, label: { en: 'Drugs: antiplatelet agents or NSAIDs', zh: '药物：抗血小板药或NSAIDs' } },
  { key: 'alcohol', points: 1, label: { en: 'Alcohol use ≥8 drinks a week', zh: '饮酒≥8个标准饮酒单位/周' } },
] as const;

export const hasBled = defineScoreTable({
  id: 'has-bled',
  names: { en: 'HAS-BLED bleeding risk', zh: 'HAS-BLED出血风险评分' },
  aliases: ['HASBLED', 'HAS BLED', '出血风险评分', '抗凝出血风险'],
  summary: {
    en: 'One-year major bleeding risk in anticoagulated patients with atrial fibrillation; flags modifiable risk factors.',
    zh: '评估房颤抗凝患者1年大出血风险，提示可纠正的危险因素。',
  },
  inputs: { age: adultAge(), ...checklist(HAS_BLED_ITEMS) },
  bands: [
    {
      id: 'low',
      min: 0,
      label: { en: 'Low (0–1)', zh: '低危（0–1分）' },
      meaning: { en: 'Pisters 2010: about 1 major bleed per 100 patient-years.', zh: 'Pisters 2010：约每100患者年1次大出血。' },
    },
    {
      id: 'moderate',
      min: 2,
      label: { en: 'Moderate (2)', zh: '中危（2分）' },
      meaning: { en: 'Pisters 2010: about 1.9 major bleeds per 100 patient-years.', zh: 'Pisters 2010：约每100患者年1.9次大出血。' },
    },
    {
      id: 'high',
      min: 3,
      label: { en: 'High (≥3)', zh: '高危（≥3分）' },
      meaning: {
        en: 'High bleeding risk: address modifiable factors and review more often; not by itself a reason to withhold anticoagulation.',
        zh: '出血高危：纠正可控因素并加强随访；其本身不是停用抗凝的理由。',
      },
    },
  ],
  source: {
    title:
      'Pisters R et al. A novel user-friendly score (HAS-BLED) to assess 1-year risk of major bleeding in patients with atrial fibrillation: the Euro Heart Survey. Chest 2010;138:1093-100',
    section: 'Tables 2 and 4',
  },
  unit: 'points',
  criteria: [
    ...tickedItems(HAS_BLED_ITEMS),
    // Pisters 2010: "Elderly" is age >65 years.
    { id: 'elderly', points: 1, when: { field: 'age', gt: 65 } },
  ],
});
