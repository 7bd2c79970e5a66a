import type { Citation } from '../../knowledge/index.js';
import { choice, num } from '../scores/index.js';
import { defineImagingScenario, type ImagingRecommendation, rate } from './imaging-types.js';

const PALPABLE: Citation = {
  title: 'ACR Appropriateness Criteria® Palpable Breast Masses (2022 revision)',
  section: 'Variants: women <30, 30–39 and ≥40 years, initial imaging',
  url: 'https://acsearch.acr.org/docs/69495/Narrative/',
};
const SCREENING: Citation = {
  title: 'ACR Appropriateness Criteria® Breast Cancer Screening (2023 revision)',
  section: 'Variants: average risk; high risk (lifetime risk ≥20%, genetic predisposition, chest irradiation before age 30)',
  url: 'https://acsearch.acr.org/docs/70910/Narrative/',
};
const ACR_SCREENING_STATEMENT: Citation = {
  title:
    'Monticciolo DL et al. Breast cancer screening for women at higher-than-average risk: updated recommendations from the ACR. J Am Coll Radiol 2023;20:902-914',
};

export const breastImaging = defineImagingScenario({
  id: 'breast',
  names: { en: 'Breast: palpable mass and screening', zh: '乳腺：可触及肿块及筛查' },
  aliases: ['breast mass', 'breast lump', 'breast screening', 'mammography', '乳腺肿块', '乳腺筛查', '乳房肿块', '乳腺癌筛查'],
  summary: {
    en: 'Initial imaging for a palpable breast mass by age, and breast cancer screening by age and risk.',
    zh: '按年龄选择可触及乳腺肿块的首选影像检查，以及按年龄和风险进行乳腺癌筛查。',
  },
  inputs: {
    indication: choice({
      label: { en: 'Indication', zh: '检查指征' },
      options: [
        { value: 'palpable-mass', label: { en: 'Palpable breast mass', zh: '可触及的乳腺肿块' } },
        { value: 'screening', label: { en: 'Screening (no symptoms)', zh: '筛查（无症状）' } },
      ],
    }),
    age: num({ label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 12, max: 110 }),
    risk: choice({
      label: { en: 'Breast cancer risk', zh: '乳腺癌风险' },
      help: {
        en: 'High: lifetime risk ≥20%, BRCA or other pathogenic variant (or untested first-degree relative of a carrier), or chest irradiation before age 30.',
        zh: '高风险：终生风险≥20%、BRCA等致病突变携带者（或未检测的携带者一级亲属），或30岁前接受过胸部放疗。',
      },
      options: [
        { value: 'average', label: { en: 'Average', zh: '一般风险' } },
        { value: 'high', label: { en: 'High', zh: '高风险' } },
      ],
    }),
  },
  source: PALPABLE,
  references: [SCREENING, ACR_SCREENING_STATEMENT],
  decide(input) {
    return { recommendations: input.indication === 'palpable-mass' ? palpableMass(input.age) : screening(input.age, input.risk) };
  },
});

function palpableMass(age: number): ImagingRecommendation[] {
  const mri = rate(
    'mri-breast',
    'usually-not-appropriate',
    { en: 'MRI is not an initial test for a palpable mass.', zh: 'MRI不作为可触及肿块的首选检查。' },
    PALPABLE,
  );
  if (age < 30) {
    return [
      rate(
        'us-breast',
        'usually-appropriate',
        {
          en: 'Under 30, ultrasound is the initial examination (dense tissue, low cancer prevalence).',
          zh: '30岁以下首选超声（腺体致密、癌症患病率低）。',
        },
        PALPABLE,
      ),
      rate(
        'mammography',
        'may-be-appropriate',
        {
          en: 'Under 30, add mammography only when ultrasound is suspicious or the clinical suspicion is high.',
          zh: '30岁以下仅在超声可疑或临床高度怀疑时加做乳腺X线摄影。',
        },
        PALPABLE,
      ),
      mri,
    ];
  }
  if (age < 40) {
    return [
      rate(
        'us-breast',
        'usually-appropriate',
        {
          en: 'Aged 30–39, ultrasound or diagnostic mammography/DBT may be the first test.',
          zh: '30–39岁可首选超声或诊断性乳腺X线摄影/DBT。',
        },
        PALPABLE,
      ),
      rate(
        'mammography',
        'usually-appropriate',
        {
          en: 'Aged 30–39, diagnostic mammography/DBT is usually appropriate with ultrasound.',
          zh: '30–39岁诊断性乳腺X线摄影/DBT通常与超声联合使用。',
        },
        PALPABLE,
      ),
      mri,
    ];
  }
  return [
    rate(
      'mammography',
      'usually-appropriate',
      { en: 'From 40, diagnostic mammography/DBT is the initial examination.', zh: '40岁及以上首选诊断性乳腺X线摄影/DBT。' },
      PALPABLE,
    ),
    rate(
      'us-breast',
      'usually-appropriate',
      { en: 'From 40, targeted ultrasound complements mammography.', zh: '40岁及以上以靶向超声补充乳腺X线摄影。' },
      PALPABLE,
    ),
    mri,
  ];
}

function screening(age: number, risk: 'average' | 'high'): ImagingRecommendation[] {
  if (risk === 'high') {
    // ACR 2023: annual MRI from 25–30; annual mammography from 30 (not before 25 after chest irradiation).
    if (age < 25)
      return [noScreening('Below 25, screening imaging is not recommended even at high risk.', '25岁以下即使高风险也不建议影像筛查。')];
    return [
      rate(
        'mri-breast',
        'usually-appropriate',
        { en: 'High risk: annual contrast-enhanced breast MRI from age 25–30.', zh: '高风险：25–30岁起每年行乳腺增强MRI。' },
        SCREENING,
      ),
      rate(
        'mammography',
        age >= 30 ? 'usually-appropriate' : 'may-be-appropriate',
        age >= 30
          ? { en: 'High risk: annual mammography/DBT from age 30.', zh: '高风险：30岁起每年行乳腺X线摄影/DBT。' }
          : {
              en: 'High risk under 30: mammography usually starts at 30; MRI is the main test.',
              zh: '高风险且<30岁：乳腺X线摄影通常从30岁开始，以MRI为主。',
            },
        ACR_SCREENING_STATEMENT,
      ),
    ];
  }
  if (age < 40) return [noScreening('Average risk under 40: screening imaging is not recommended.', '一般风险且<40岁：不建议影像筛查。')];
  return [
    rate(
      'mammography',
      'usually-appropriate',
      { en: 'Average risk from 40: annual screening mammography/DBT.', zh: '一般风险，40岁起每年筛查乳腺X线摄影/DBT。' },
      SCREENING,
    ),
    rate(
      'mri-breast',
      'usually-not-appropriate',
      { en: 'MRI is not used to screen women at average risk.', zh: '一般风险女性不用MRI筛查。' },
      SCREENING,
    ),
  ];
}

function noScreening(en: string, zh: string): ImagingRecommendation {
  return rate('mammography', 'usually-not-appropriate', { en, zh }, SCREENING);
}
