import { adultAge } from './common-inputs.js';
import { checklist } from './score-inputs.js';
import { defineScoreTable, tickedItems } from './score-table.js';

/**
 * Caprini JA. Thrombosis risk assessment as a guide to quality patient care. Dis Mon 2005;51:70-78,
 * risk assessment form: 1, 2, 3 and 5-point factors (age is scored from the age input).
 */
const CAPRINI_ITEMS = [
  { key: 'minorSurgery', points: 1, label: { en: 'Minor surgery planned', zh: '计划小手术' } },
  { key: 'majorSurgeryPastMonth', points: 1, label: { en: 'Major surgery within the past month', zh: '1个月内大手术史' } },
  { key: 'varicoseVeins', points: 1, label: { en: 'Varicose veins', zh: '下肢静脉曲张' } },
  { key: 'inflammatoryBowelDisease', points: 1, label: { en: 'History of inflammatory bowel disease', zh: '炎症性肠病史' } },
  { key: 'swollenLegs', points: 1, label: { en: 'Swollen legs (current)', zh: '目前下肢肿胀' } },
  { key: 'bmiOver25', points: 1, label: { en: 'Obesity (BMI >25)', zh: '肥胖（BMI>25）' } },
  { key: 'acuteMi', points: 1, label: { en: 'Acute myocardial infarction', zh: '急性心肌梗死' } },
  { key: 'heartFailurePastMonth', points: 1, label: { en: 'Congestive heart failure (<1 month)', zh: '充血性心力衰竭（<1个月）' } },
  { key: 'sepsisPastMonth', points: 1, label: { en: 'Sepsis (<1 month)', zh: '脓毒症（<1个月）' } },
  {
    key: 'lungDiseasePastMonth',
    points: 1,
    label: { en: 'Serious lung disease incl. pneumonia (<1 month)', zh: '严重肺部疾病含肺炎（<1个月）' },
  },
  { key: 'abnormalLungFunction', points: 1, label: { en: 'Abnormal pulmonary function (COPD)', zh: '肺功能异常（COPD）' } },
  { key: 'medicalBedRest', points: 1, label: { en: 'Medical patient currently at bed rest', zh: '目前卧床的内科患者' } },
  { key: 'hormones', points: 1, label: { en: 'Oral contraceptives or hormone replacement therapy', zh: '口服避孕药或激素替代治疗' } },
  { key: 'pregnancyOrPostpartum', points: 1, label: { en: 'Pregnancy or postpartum (<1 month)', zh: '妊娠期或产后（<1个月）' } },
  {
    key: 'adverseObstetricHistory',
    points: 1,
    label: {
      en: 'History of unexplained stillbirth, recurrent miscarriage (≥3), or preterm birth with toxaemia or growth restriction',
      zh: '不明原因死产、复发性流产（≥3次）、或因毒血症/胎儿生长受限早产史',
    },
  },
  { key: 'arthroscopicSurgery', points: 2, label: { en: 'Arthroscopic surgery', zh: '关节镜手术' } },
  { key: 'malignancy', points: 2, label: { en: 'Malignancy (present or previous)', zh: '恶性肿瘤（现患或既往）' } },
  { key: 'majorSurgery', points: 2, label: { en: 'Major surgery (>45 minutes)', zh: '大手术（>45分钟）' } },
  { key: 'laparoscopicSurgery', points: 2, label: { en: 'Laparoscopic surgery (>45 minutes)', zh: '腹腔镜手术（>45分钟）' } },
  { key: 'confinedToBed', points: 2, label: { en: 'Confined to bed (>72 hours)', zh: '卧床（>72小时）' } },
  { key: 'plasterCast', points: 2, label: { en: 'Immobilising plaster cast (<1 month)', zh: '石膏固定（<1个月）' } },
  { key: 'centralVenousAccess', points: 2, label: { en: 'Central venous access', zh: '中心静脉置管' } },
  { key: 'historyOfVte', points: 3, label: { en: 'History of DVT/PE', zh: 'DVT/PE病史' } },
  { key: 'familyHistoryOfVte', points: 3, label: { en: 'Family history of thrombosis', zh: '血栓家族史' } },
  { key: 'factorVLeiden', points: 3, label: { en: 'Factor V Leiden', zh: '凝血因子V Leiden突变' } },
  { key: 'prothrombin20210A', points: 3, label: { en: 'Prothrombin 20210A', zh: '凝血酶原20210A突变' } },
  { key: 'lupusAnticoagulant', points: 3, label: { en: 'Lupus anticoagulant', zh: '狼疮抗凝物阳性' } },
  { key: 'anticardiolipin', points: 3, label: { en: 'Elevated anticardiolipin antibodies', zh: '抗心磷脂抗体升高' } },
  { key: 'homocysteine', points: 3, label: { en: 'Elevated serum homocysteine', zh: '血清同型半胱氨酸升高' } },
  { key: 'heparinInducedThrombocytopenia', points: 3, label: { en: 'Heparin-induced thrombocytopenia', zh: '肝素诱导的血小板减少症' } },
  {
    key: 'otherThrombophilia',
    points: 3,
    label: { en: 'Other congenital or acquired thrombophilia', zh: '其他先天性或获得性血栓形成倾向' },
  },
  { key: 'electiveArthroplasty', points: 5, label: { en: 'Elective major lower-extremity arthroplasty', zh: '择期下肢大关节置换术' } },
  { key: 'hipPelvisLegFracture', points: 5, label: { en: 'Hip, pelvis or leg fracture (<1 month)', zh: '髋部、骨盆或下肢骨折（<1个月）' } },
  { key: 'strokePastMonth', points: 5, label: { en: 'Stroke (<1 month)', zh: '卒中（<1个月）' } },
  { key: 'multipleTrauma', points: 5, label: { en: 'Multiple trauma (<1 month)', zh: '多发伤（<1个月）' } },
  {
    key: 'spinalCordInjury',
    points: 5,
    label: { en: 'Acute spinal cord injury with paralysis (<1 month)', zh: '急性脊髓损伤伴瘫痪（<1个月）' },
  },
] as const;

export const caprini = defineScoreTable({
  id: 'caprini',
  names: { en: 'Caprini VTE risk score (surgical patients)', zh: 'Caprini血栓风险评分（手术患者）' },
  aliases: ['Caprini score', 'Caprini RAM', 'Caprini评分', '手术患者VTE风险评分', '静脉血栓栓塞风险评分'],
  summary: {
    en: 'Venous thromboembolism risk in surgical patients, to support prophylaxis decisions.',
    zh: '评估手术患者静脉血栓栓塞风险，辅助预防决策。',
  },
  inputs: { age: adultAge(), ...checklist(CAPRINI_ITEMS) },
  // Gould MK et al. Chest 2012;141(2 Suppl):e227S-77S (ACCP AT9), Table 6: baseline VTE risk without prophylaxis.
  bands: [
    {
      id: 'very-low',
      min: 0,
      label: { en: 'Very low (0)', zh: '极低危（0分）' },
      meaning: {
        en: 'ACCP 2012: VTE risk <0.5%; early ambulation, no specific prophylaxis.',
        zh: 'ACCP 2012：VTE风险<0.5%；早期活动，无需特殊预防。',
      },
    },
    {
      id: 'low',
      min: 1,
      label: { en: 'Low (1–2)', zh: '低危（1–2分）' },
      meaning: { en: 'ACCP 2012: VTE risk about 1.5%; mechanical prophylaxis suggested.', zh: 'ACCP 2012：VTE风险约1.5%；建议机械预防。' },
    },
    {
      id: 'moderate',
      min: 3,
      label: { en: 'Moderate (3–4)', zh: '中危（3–4分）' },
      meaning: {
        en: 'ACCP 2012: VTE risk about 3.0%; pharmacological or mechanical prophylaxis suggested if bleeding risk allows.',
        zh: 'ACCP 2012：VTE风险约3.0%；出血风险允许时建议药物或机械预防。',
      },
    },
    {
      id: 'high',
      min: 5,
      label: { en: 'High (≥5)', zh: '高危（≥5分）' },
      meaning: {
        en: 'ACCP 2012: VTE risk about 6.0%; pharmacological plus mechanical prophylaxis suggested if bleeding risk allows.',
        zh: 'ACCP 2012：VTE风险约6.0%；出血风险允许时建议药物联合机械预防。',
      },
    },
  ],
  source: { title: 'Caprini JA. Thrombosis risk assessment as a guide to quality patient care. Dis Mon 2005;51:70-78' },
  references: [
    {
      title:
        'Gould MK et al. Prevention of VTE in nonorthopedic surgical patients: ACCP Evidence-Based Clinical Practice Guidelines (9th ed). Chest 2012;141(2 Suppl):e227S-77S',
      section: 'Table 6',
    },
  ],
  unit: 'points',
  criteria: [
    ...tickedItems(CAPRINI_ITEMS),
    // Caprini 2005: age 41–60 scores 1, 61–74 scores 2, ≥75 scores 3.
    {
      id: 'age',
      levels: [
        { points: 1, when: { field: 'age', gte: 41, lt: 61 } },
        { points: 2, when: { field: 'age', gte: 61, lt: 75 } },
        { points: 3, when: { field: 'age', gte: 75 } },
      ],
    },
  ],
});

/** Barbar S et al. J Thromb Haemost 2010;8:2450-7, Table 1 (age is scored from the age input). */
const PADUA_ITEMS = [
  {
    key: 'activeCancer',
    points: 3,
    label: { en: 'Active cancer (metastases, or chemo-/radiotherapy in the past 6 months)', zh: '活动性肿瘤（有转移或6个月内放化疗）' },
  },
  { key: 'previousVte', points: 3, label: { en: 'Previous VTE (excluding superficial thrombosis)', zh: '既往VTE（浅静脉血栓除外）' } },
  { key: 'reducedMobility', points: 3, label: { en: 'Reduced mobility (bed rest ≥3 days)', zh: '活动减少（卧床≥3天）' } },
  { key: 'knownThrombophilia', points: 3, label: { en: 'Known thrombophilic condition', zh: '已知血栓形成倾向' } },
  { key: 'recentTraumaOrSurgery', points: 2, label: { en: 'Recent (≤1 month) trauma and/or surgery', zh: '近期（≤1个月）创伤和/或手术' } },
  { key: 'heartOrRespiratoryFailure', points: 1, label: { en: 'Heart and/or respiratory failure', zh: '心力衰竭和/或呼吸衰竭' } },
  { key: 'acuteMiOrStroke', points: 1, label: { en: 'Acute myocardial infarction or ischaemic stroke', zh: '急性心肌梗死或缺血性卒中' } },
  {
    key: 'acuteInfectionOrRheumatic',
    points: 1,
    label: { en: 'Acute infection and/or rheumatological disorder', zh: '急性感染和/或风湿性疾病' },
  },
  { key: 'obesity', points: 1, label: { en: 'Obesity (BMI ≥30)', zh: '肥胖（BMI≥30）' } },
  { key: 'hormonalTreatment', points: 1, label: { en: 'Ongoing hormonal treatment', zh: '正在进行激素治疗' } },
] as const;

export const padua = defineScoreTable({
  id: 'padua',
  names: { en: 'Padua prediction score (medical inpatients VTE risk)', zh: 'Padua评分（内科住院患者VTE风险）' },
  aliases: ['Padua', 'Padua score', 'Padua评分', '内科VTE风险评分', 'PPS'],
  summary: {
    en: 'VTE risk in hospitalised medical patients, to support prophylaxis decisions.',
    zh: '评估内科住院患者静脉血栓栓塞风险，辅助预防决策。',
  },
  inputs: { age: adultAge(), ...checklist(PADUA_ITEMS) },
  // Barbar 2010: high risk ≥4 (VTE 11.0% without prophylaxis), low risk <4 (0.3%).
  bands: [
    {
      id: 'low',
      min: 0,
      label: { en: 'Low risk (<4)', zh: '低危（<4分）' },
      meaning: { en: 'Barbar 2010: VTE in 0.3% without prophylaxis.', zh: 'Barbar 2010：未预防时VTE发生率0.3%。' },
    },
    {
      id: 'high',
      min: 4,
      label: { en: 'High risk (≥4)', zh: '高危（≥4分）' },
      meaning: {
        en: 'Barbar 2010: VTE in 11% without prophylaxis; consider pharmacological prophylaxis if bleeding risk allows.',
        zh: 'Barbar 2010：未预防时VTE发生率11%；出血风险允许时考虑药物预防。',
      },
    },
  ],
  source: {
    title:
      'Barbar S et al. A risk assessment model for the identification of hospitalized medical patients at risk for venous thromboembolism: the Padua Prediction Score. J Thromb Haemost 2010;8:2450-7',
  },
  unit: 'points',
  criteria: [
    ...tickedItems(PADUA_ITEMS),
    // Barbar 2010: elderly age ≥70 years scores 1.
    { id: 'elderly', points: 1, when: { field: 'age', gte: 70 } },
  ],
});
