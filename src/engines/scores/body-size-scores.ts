import { heightCm, weightKg } from './common-inputs.js';
import { choice, withDefault } from './score-inputs.js';
import { defineScore, roundTo } from './score-types.js';

/**
 * Adult BMI cut-offs. WHO: WHO Technical Report Series 894 (2000), Table 2.1 — underweight <18.5,
 * normal 18.5–24.9, overweight (pre-obese) 25–29.9, obese ≥30. China: WS/T 428-2013
 * 《成人体重判定》 — underweight <18.5, normal 18.5–23.9, overweight 24.0–27.9, obese ≥28.
 */
const BMI_CUTS = {
  who: { normal: 18.5, overweight: 25, obese: 30 },
  china: { normal: 18.5, overweight: 24, obese: 28 },
} as const;

export const bmi = defineScore({
  id: 'bmi',
  names: { en: 'Body mass index', zh: '体重指数' },
  aliases: ['BMI', 'Quetelet index', '体质指数', '身体质量指数', '体重指数'],
  summary: {
    en: 'Weight divided by height squared, classified by WHO or Chinese adult cut-offs.',
    zh: '体重除以身高的平方，按WHO或中国成人标准分级。',
  },
  inputs: {
    weight: weightKg(),
    height: heightCm(),
    criteria: withDefault(
      choice({
        label: { en: 'Cut-offs', zh: '判定标准' },
        options: [
          { value: 'who', label: { en: 'WHO (overweight ≥25, obese ≥30)', zh: 'WHO（超重≥25，肥胖≥30）' } },
          {
            value: 'china',
            label: { en: 'China WS/T 428-2013 (overweight ≥24, obese ≥28)', zh: '中国 WS/T 428-2013（超重≥24，肥胖≥28）' },
          },
        ],
      }),
      'who',
    ),
  },
  bands: [
    {
      id: 'underweight',
      label: { en: 'Underweight', zh: '体重过低' },
      meaning: { en: 'BMI below 18.5.', zh: 'BMI低于18.5。' },
      criteria: { en: '<18.5 (WHO and China)', zh: '<18.5（WHO及中国标准）' },
    },
    {
      id: 'normal',
      label: { en: 'Normal weight', zh: '体重正常' },
      meaning: { en: 'BMI in the normal range.', zh: 'BMI处于正常范围。' },
      criteria: { en: 'WHO 18.5–24.9; China 18.5–23.9', zh: 'WHO 18.5–24.9；中国 18.5–23.9' },
    },
    {
      id: 'overweight',
      label: { en: 'Overweight', zh: '超重' },
      meaning: { en: 'BMI in the overweight range.', zh: 'BMI处于超重范围。' },
      criteria: { en: 'WHO 25–29.9; China 24–27.9', zh: 'WHO 25–29.9；中国 24–27.9' },
    },
    {
      id: 'obese',
      label: { en: 'Obesity', zh: '肥胖' },
      meaning: { en: 'BMI in the obesity range.', zh: 'BMI处于肥胖范围。' },
      criteria: { en: 'WHO ≥30; China ≥28', zh: 'WHO ≥30；中国 ≥28' },
    },
  ],
  source: {
    title: 'WHO. Obesity: preventing and managing the global epidemic. WHO Technical Report Series 894, 2000',
    section: 'Table 2.1 (classification of adults by BMI)',
  },
  references: [
    { title: 'WS/T 428-2013 成人体重判定 (National Health and Family Planning Commission of China)', section: '§4 (BMI cut-offs)' },
  ],
  compute(input, bands) {
    const m = input.height / 100;
    const value = roundTo(input.weight / (m * m), 1);
    const cuts = BMI_CUTS[input.criteria];
    const id = value < cuts.normal ? 'underweight' : value < cuts.overweight ? 'normal' : value < cuts.obese ? 'overweight' : 'obese';
    return { value, unit: 'kg/m²', band: bands.byId(id), details: { criteria: input.criteria } };
  },
});

export const bsaMosteller = defineScore({
  id: 'bsa-mosteller',
  names: { en: 'Body surface area (Mosteller)', zh: '体表面积（Mosteller公式）' },
  aliases: ['BSA', 'Mosteller', '体表面积', '体表面积计算'],
  summary: {
    en: 'Body surface area from height and weight, used for chemotherapy and indexed measurements.',
    zh: '根据身高和体重计算体表面积，用于化疗剂量及指标标化。',
  },
  inputs: { weight: weightKg(), height: heightCm() },
  bands: [
    {
      id: 'calculated',
      min: 0,
      label: { en: 'Calculated', zh: '已计算' },
      meaning: { en: 'BSA has no risk bands; use it for dosing or indexing.', zh: '体表面积无风险分级，用于剂量计算或指标标化。' },
    },
  ],
  source: { title: 'Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098' },
  compute(input, bands) {
    // Mosteller 1987: BSA (m²) = √(height cm × weight kg / 3600).
    const value = roundTo(Math.sqrt((input.height * input.weight) / 3600), 2);
    return { value, unit: 'm²', band: bands.byValue(value) };
  },
});
