import { choice, num, numWithUnit, optionalNum } from './score-inputs.js';
import { defineScore, roundTo } from './score-types.js';

/** Calcium: 1 mmol/L = 4.008 mg/dL (molar mass 40.08 g/mol). */
const CALCIUM_MG_DL_PER_MMOL_L = 4.008;

export const correctedCalcium = defineScore({
  id: 'corrected-calcium',
  names: { en: 'Albumin-corrected calcium', zh: '白蛋白校正血钙' },
  aliases: ['Corrected Ca', 'Adjusted calcium', 'Payne formula', '校正钙', '校正血钙', '白蛋白校正钙'],
  summary: {
    en: 'Total calcium adjusted for serum albumin; prefer ionised calcium when it is available.',
    zh: '按血清白蛋白校正的总钙；如可测离子钙应优先参考。',
  },
  inputs: {
    units: choice({
      label: { en: 'Units', zh: '单位制' },
      options: [
        { value: 'si', label: { en: 'SI: calcium mmol/L, albumin g/L', zh: '国际单位：钙 mmol/L，白蛋白 g/L' } },
        { value: 'conventional', label: { en: 'Conventional: calcium mg/dL, albumin g/dL', zh: '传统单位：钙 mg/dL，白蛋白 g/dL' } },
      ],
    }),
    calcium: numWithUnit({
      label: { en: 'Total calcium', zh: '总钙' },
      unitField: 'units',
      byUnit: { si: { min: 0.5, max: 5, unit: 'mmol/L' }, conventional: { min: 2, max: 20, unit: 'mg/dL' } },
    }),
    albumin: numWithUnit({
      label: { en: 'Serum albumin', zh: '血清白蛋白' },
      unitField: 'units',
      byUnit: { si: { min: 5, max: 70, unit: 'g/L' }, conventional: { min: 0.5, max: 7, unit: 'g/dL' } },
    }),
  },
  // MSD Manual Professional (Hypocalcemia; Hypercalcemia): total calcium <8.8 mg/dL (<2.20 mmol/L) low, >10.4 mg/dL (>2.60 mmol/L) high.
  bands: [
    {
      id: 'low',
      min: 0,
      label: { en: 'Low', zh: '偏低' },
      meaning: { en: 'Below 2.20 mmol/L (8.8 mg/dL): hypocalcaemia range.', zh: '低于2.20 mmol/L（8.8 mg/dL）：低钙血症范围。' },
    },
    {
      id: 'normal',
      min: 2.2,
      label: { en: 'Within reference range', zh: '正常范围' },
      meaning: { en: '2.20–2.60 mmol/L (8.8–10.4 mg/dL).', zh: '2.20–2.60 mmol/L（8.8–10.4 mg/dL）。' },
    },
    {
      id: 'high',
      min: 2.605,
      label: { en: 'High', zh: '偏高' },
      meaning: { en: 'Above 2.60 mmol/L (10.4 mg/dL): hypercalcaemia range.', zh: '高于2.60 mmol/L（10.4 mg/dL）：高钙血症范围。' },
    },
  ],
  source: { title: 'Payne RB et al. Interpretation of serum calcium in patients with abnormal serum proteins. BMJ 1973;4:643-6' },
  references: [
    {
      title: 'MSD Manual Professional Version: Hypocalcemia; Hypercalcemia (Electrolyte disorders)',
      section: 'Definitions (total serum calcium)',
    },
  ],
  compute(input, bands) {
    // Payne 1973 as commonly applied: Ca + 0.02 × (40 − albumin g/L) mmol/L, i.e. Ca + 0.8 × (4 − albumin g/dL) mg/dL.
    const si = input.units === 'si';
    const corrected = si ? input.calcium + 0.02 * (40 - input.albumin) : input.calcium + 0.8 * (4 - input.albumin);
    const value = roundTo(corrected, si ? 2 : 1);
    const mmol = roundTo(si ? corrected : corrected / CALCIUM_MG_DL_PER_MMOL_L, 2);
    return { value, unit: si ? 'mmol/L' : 'mg/dL', band: bands.byValue(mmol), details: { correctedMmolL: mmol } };
  },
});

export const anionGap = defineScore({
  id: 'anion-gap',
  names: { en: 'Serum anion gap', zh: '血清阴离子间隙' },
  aliases: ['AG', 'Anion gap', '阴离子间隙', 'Albumin-corrected anion gap', '校正阴离子间隙'],
  summary: {
    en: 'Na − (Cl + HCO₃), with optional albumin correction, for the analysis of metabolic acidosis.',
    zh: 'Na −（Cl + HCO₃），可选白蛋白校正，用于代谢性酸中毒分析。',
  },
  inputs: {
    sodium: num({ label: { en: 'Sodium', zh: '血钠' }, unit: 'mmol/L', min: 100, max: 180 }),
    chloride: num({ label: { en: 'Chloride', zh: '血氯' }, unit: 'mmol/L', min: 60, max: 150 }),
    bicarbonate: num({ label: { en: 'Bicarbonate', zh: '碳酸氢根' }, unit: 'mmol/L', min: 2, max: 60 }),
    albumin: optionalNum({ label: { en: 'Serum albumin (optional)', zh: '血清白蛋白（可选）' }, unit: 'g/L', min: 5, max: 70 }),
  },
  // Winter SD et al. Arch Intern Med 1990;150:311-3: with ion-selective electrodes the reference range fell to 3–11 mmol/L
  // (from the older 8–16). Each laboratory's own interval should prevail.
  bands: [
    {
      id: 'low',
      label: { en: 'Low (<3)', zh: '偏低（<3）' },
      meaning: {
        en: 'Consider laboratory error, hypoalbuminaemia, paraproteins, lithium or bromide.',
        zh: '考虑检验误差、低白蛋白血症、副蛋白、锂或溴中毒。',
      },
      criteria: { en: '<3 mmol/L', zh: '<3 mmol/L' },
    },
    {
      id: 'normal',
      label: { en: 'Within 3–11 mmol/L', zh: '3–11 mmol/L范围内' },
      meaning: {
        en: 'Within the ion-selective-electrode reference range; check the local interval.',
        zh: '处于离子选择电极法参考范围；请核对本实验室参考区间。',
      },
      criteria: { en: '3–11 mmol/L', zh: '3–11 mmol/L' },
    },
    {
      id: 'elevated',
      label: { en: 'Elevated (>11)', zh: '升高（>11）' },
      meaning: {
        en: 'Suggests unmeasured anions (e.g. lactate, ketones, renal failure, toxins).',
        zh: '提示存在未测定阴离子（如乳酸、酮体、肾衰竭、毒物）。',
      },
      criteria: { en: '>11 mmol/L', zh: '>11 mmol/L' },
    },
  ],
  source: {
    title: 'Kraut JA, Madias NE. Serum anion gap: its uses and limitations in clinical medicine. Clin J Am Soc Nephrol 2007;2:162-74',
  },
  references: [
    { title: 'Winter SD et al. The fall of the serum anion gap. Arch Intern Med 1990;150:311-3' },
    { title: 'Figge J et al. Anion gap and hypoalbuminemia. Crit Care Med 1998;26:1807-10' },
  ],
  compute(input, bands) {
    const gap = input.sodium - (input.chloride + input.bicarbonate);
    // Figge 1998: the gap falls about 0.25 mmol/L per g/L of albumin below a normal 44 g/L.
    const corrected = input.albumin === undefined ? gap : gap + 0.25 * (44 - input.albumin);
    const value = roundTo(corrected, 1);
    const id = value < 3 ? 'low' : value <= 11 ? 'normal' : 'elevated';
    return {
      value,
      unit: 'mmol/L',
      band: bands.byId(id),
      details: { uncorrected: roundTo(gap, 1), albuminCorrected: input.albumin !== undefined },
    };
  },
});
