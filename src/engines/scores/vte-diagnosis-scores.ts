import { adultAge, heartRate } from './common-inputs.js';
import { checklist, num } from './score-inputs.js';
import { defineScoreTable, tickedItems } from './score-table.js';

/** Wells PS et al. N Engl J Med 2003;349:1227-35, Table 1 (modified Wells DVT score, with previous DVT). */
const WELLS_DVT_ITEMS = [
  {
    key: 'activeCancer',
    points: 1,
    label: { en: 'Active cancer (treatment within 6 months or palliative)', zh: '活动性肿瘤（6个月内治疗或姑息治疗）' },
  },
  {
    key: 'paralysisOrRecentCast',
    points: 1,
    label: { en: 'Paralysis, paresis or recent plaster immobilisation of the legs', zh: '下肢瘫痪、轻瘫或近期石膏固定' },
  },
  {
    key: 'bedriddenOrRecentSurgery',
    points: 1,
    label: { en: 'Recently bedridden ≥3 days or major surgery within 12 weeks', zh: '近期卧床≥3天或12周内大手术' },
  },
  {
    key: 'localisedTenderness',
    points: 1,
    label: { en: 'Localised tenderness along the deep venous system', zh: '沿深静脉走行的局部压痛' },
  },
  { key: 'entireLegSwollen', points: 1, label: { en: 'Entire leg swollen', zh: '整个下肢肿胀' } },
  { key: 'calfSwelling3cm', points: 1, label: { en: 'Calf swelling ≥3 cm compared with the other leg', zh: '小腿周径较对侧增粗≥3 cm' } },
  { key: 'pittingOedema', points: 1, label: { en: 'Pitting oedema confined to the symptomatic leg', zh: '仅限于患肢的凹陷性水肿' } },
  { key: 'collateralVeins', points: 1, label: { en: 'Collateral superficial veins (non-varicose)', zh: '浅静脉侧支循环（非静脉曲张）' } },
  { key: 'previousDvt', points: 1, label: { en: 'Previously documented DVT', zh: '既往有记录的DVT' } },
  {
    key: 'alternativeDiagnosisLikely',
    points: -2,
    label: { en: 'Alternative diagnosis at least as likely as DVT', zh: '其他诊断的可能性不低于DVT' },
  },
] as const;

export const wellsDvt = defineScoreTable({
  id: 'wells-dvt',
  names: { en: 'Wells score for deep vein thrombosis', zh: 'Wells评分（深静脉血栓）' },
  aliases: ['Wells DVT', 'Wells criteria DVT', 'DVT Wells', '深静脉血栓Wells评分', 'DVT评分', '下肢深静脉血栓评分'],
  summary: {
    en: 'Pre-test probability of lower-limb DVT, used with D-dimer and ultrasound.',
    zh: '下肢深静脉血栓的验前概率，与D-二聚体和超声联合使用。',
  },
  inputs: checklist(WELLS_DVT_ITEMS),
  // Wells 2003: DVT "likely" at ≥2 points, "unlikely" below 2.
  bands: [
    {
      id: 'unlikely',
      min: -2,
      label: { en: 'DVT unlikely (<2)', zh: 'DVT可能性小（<2分）' },
      meaning: {
        en: 'A negative D-dimer makes DVT unlikely enough to forgo ultrasound (Wells 2003).',
        zh: 'D-二聚体阴性可不做超声（Wells 2003）。',
      },
    },
    {
      id: 'likely',
      min: 2,
      label: { en: 'DVT likely (≥2)', zh: 'DVT可能性大（≥2分）' },
      meaning: { en: 'Proceed to compression ultrasound.', zh: '建议行加压超声检查。' },
    },
  ],
  source: {
    title: 'Wells PS et al. Evaluation of D-dimer in the diagnosis of suspected deep-vein thrombosis. N Engl J Med 2003;349:1227-35',
    section: 'Table 1',
  },
  unit: 'points',
  criteria: tickedItems(WELLS_DVT_ITEMS),
});

/** Wells PS et al. Thromb Haemost 2000;83:416-20: points of the PE score (heart rate is scored from its input). */
const WELLS_PE_ITEMS = [
  { key: 'clinicalSignsDvt', points: 3, label: { en: 'Clinical signs and symptoms of DVT', zh: '有DVT的临床症状和体征' } },
  { key: 'peMostLikely', points: 3, label: { en: 'PE is the most likely diagnosis', zh: 'PE是最可能的诊断' } },
  {
    key: 'immobilisationOrSurgery',
    points: 1.5,
    label: { en: 'Immobilisation ≥3 days or surgery in the previous 4 weeks', zh: '制动≥3天或4周内手术' },
  },
  { key: 'previousVte', points: 1.5, label: { en: 'Previous DVT or PE', zh: '既往DVT或PE' } },
  { key: 'haemoptysis', points: 1, label: { en: 'Haemoptysis', zh: '咯血' } },
  {
    key: 'malignancy',
    points: 1,
    label: { en: 'Malignancy (treatment within 6 months or palliative)', zh: '恶性肿瘤（6个月内治疗或姑息治疗）' },
  },
] as const;

export const wellsPe = defineScoreTable({
  id: 'wells-pe',
  names: { en: 'Wells score for pulmonary embolism', zh: 'Wells评分（肺栓塞）' },
  aliases: ['Wells PE', 'Wells criteria PE', 'PE Wells', '肺栓塞Wells评分', '肺栓塞评分', 'PE评分'],
  summary: {
    en: 'Pre-test probability of pulmonary embolism, used with D-dimer and CT pulmonary angiography.',
    zh: '肺栓塞验前概率，与D-二聚体和CT肺动脉造影联合使用。',
  },
  inputs: { heartRate: heartRate(), ...checklist(WELLS_PE_ITEMS) },
  // Wells 2000: dichotomised — PE unlikely ≤4, PE likely >4.
  bands: [
    {
      id: 'unlikely',
      min: 0,
      label: { en: 'PE unlikely (≤4)', zh: 'PE可能性小（≤4分）' },
      meaning: { en: 'A negative D-dimer makes PE unlikely enough to forgo imaging.', zh: 'D-二聚体阴性可不做影像检查。' },
    },
    {
      id: 'likely',
      min: 4.5,
      label: { en: 'PE likely (>4)', zh: 'PE可能性大（>4分）' },
      meaning: { en: 'Proceed to CT pulmonary angiography (or alternative imaging).', zh: '建议行CT肺动脉造影（或其他影像检查）。' },
    },
  ],
  source: {
    title:
      'Wells PS et al. Derivation of a simple clinical model to categorize patients probability of pulmonary embolism: increasing the models utility with the SimpliRED D-dimer. Thromb Haemost 2000;83:416-20',
  },
  unit: 'points',
  criteria: [
    ...tickedItems(WELLS_PE_ITEMS),
    // Wells 2000: heart rate >100/min scores 1.5.
    { id: 'heartRateOver100', points: 1.5, when: { field: 'heartRate', gt: 100 } },
  ],
});

/** Kline JA et al. J Thromb Haemost 2004;2:1247-55: the eight PERC criteria (age, HR, SpO2 from inputs). */
const PERC_ITEMS = [
  { key: 'unilateralLegSwelling', points: 1, label: { en: 'Unilateral leg swelling', zh: '单侧下肢肿胀' } },
  { key: 'haemoptysis', points: 1, label: { en: 'Haemoptysis', zh: '咯血' } },
  {
    key: 'recentSurgeryOrTrauma',
    points: 1,
    label: { en: 'Surgery or trauma within 4 weeks (requiring general anaesthesia)', zh: '4周内手术或创伤（需全身麻醉）' },
  },
  { key: 'priorVte', points: 1, label: { en: 'Prior PE or DVT', zh: '既往PE或DVT' } },
  { key: 'hormoneUse', points: 1, label: { en: 'Oral contraceptive or oestrogen use', zh: '口服避孕药或雌激素使用' } },
] as const;

export const perc = defineScoreTable({
  id: 'perc',
  names: { en: 'PERC rule (Pulmonary Embolism Rule-out Criteria)', zh: 'PERC规则（肺栓塞排除标准）' },
  aliases: ['PERC rule', 'Pulmonary Embolism Rule-out Criteria', '肺栓塞排除标准', '肺栓塞排除规则'],
  summary: {
    en: 'In patients with low clinical pre-test probability of PE, meeting none of the 8 criteria supports no further testing.',
    zh: '对临床验前概率低的疑似肺栓塞患者，8项标准均不满足时可支持不再进一步检查。',
  },
  inputs: {
    age: adultAge(),
    heartRate: heartRate(),
    spo2: num({ label: { en: 'SpO₂ on room air', zh: '吸空气时SpO₂' }, unit: '%', min: 50, max: 100 }),
    ...checklist(PERC_ITEMS),
  },
  bands: [
    {
      id: 'negative',
      min: 0,
      label: { en: 'PERC negative (0 criteria)', zh: 'PERC阴性（0项）' },
      meaning: {
        en: 'Only when clinical pre-test probability is low (<15%): PE risk is low enough to forgo D-dimer (Kline 2004).',
        zh: '仅适用于临床验前概率低（<15%）者：PE风险足够低，可不查D-二聚体（Kline 2004）。',
      },
    },
    {
      id: 'positive',
      min: 1,
      label: { en: 'PERC positive (≥1 criterion)', zh: 'PERC阳性（≥1项）' },
      meaning: { en: 'PE cannot be ruled out by PERC; continue the diagnostic pathway.', zh: '不能用PERC排除PE，继续诊断流程。' },
    },
  ],
  source: {
    title:
      'Kline JA et al. Clinical criteria to prevent unnecessary diagnostic testing in emergency department patients with suspected pulmonary embolism. J Thromb Haemost 2004;2:1247-55',
  },
  unit: 'criteria',
  criteria: [
    ...tickedItems(PERC_ITEMS),
    // Kline 2004: age ≥50, heart rate ≥100/min, SaO2 <95%.
    { id: 'ageOver49', points: 1, when: { field: 'age', gte: 50 } },
    { id: 'heartRateOver99', points: 1, when: { field: 'heartRate', gte: 100 } },
    { id: 'spo2Under95', points: 1, when: { field: 'spo2', lt: 95 } },
  ],
});
