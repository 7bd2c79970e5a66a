import type { Bilingual, Citation } from '../../knowledge/index.js';

/**
 * Imaging procedures the scenarios rate, each with the ACR relative radiation level (RRL) of an
 * adult examination. Levels follow the ACR Appropriateness Criteria "Radiation Dose Assessment
 * Introduction" bands; per-procedure levels are those printed in the ACR AC tables cited by each scenario.
 */

export type RadiationLevel = 'none' | 'minimal' | 'low' | 'medium' | 'high';

export const RRL_SOURCE: Citation = {
  title: 'ACR Appropriateness Criteria® Radiation Dose Assessment Introduction (relative radiation levels, adult effective dose ranges)',
  url: 'https://www.acr.org/Clinical-Resources/Clinical-Tools-and-Reference/Appropriateness-Criteria',
};

/** ACR RRL bands, adult effective dose estimate ranges (ACR AC Radiation Dose Assessment Introduction). */
export const RADIATION_LEVELS: Record<RadiationLevel, { symbol: string; range: Bilingual }> = {
  none: { symbol: 'O', range: { en: '0 mSv (no ionising radiation)', zh: '0 mSv（无电离辐射）' } },
  minimal: { symbol: '☢', range: { en: '<0.1 mSv', zh: '<0.1 mSv' } },
  low: { symbol: '☢☢', range: { en: '0.1–1 mSv', zh: '0.1–1 mSv' } },
  medium: { symbol: '☢☢☢', range: { en: '1–10 mSv', zh: '1–10 mSv' } },
  high: { symbol: '☢☢☢☢', range: { en: '10–30 mSv', zh: '10–30 mSv' } },
};

export interface ImagingProcedure {
  id: string;
  name: Bilingual;
  radiation: RadiationLevel;
}

const PROCEDURE_LIST = [
  // Ultrasound and MRI carry no ionising radiation (RRL "O").
  { id: 'us-breast', name: { en: 'Ultrasound, breast', zh: '乳腺超声' }, radiation: 'none' },
  { id: 'mri-breast', name: { en: 'MRI breast without and with IV contrast', zh: '乳腺MRI平扫+增强' }, radiation: 'none' },
  { id: 'mri-head', name: { en: 'MRI head without and with IV contrast', zh: '头颅MRI平扫+增强' }, radiation: 'none' },
  { id: 'mri-head-noncontrast', name: { en: 'MRI head without IV contrast', zh: '头颅MRI平扫' }, radiation: 'none' },
  { id: 'mri-lumbar', name: { en: 'MRI lumbar spine without IV contrast', zh: '腰椎MRI平扫' }, radiation: 'none' },
  { id: 'mri-lumbar-contrast', name: { en: 'MRI lumbar spine without and with IV contrast', zh: '腰椎MRI平扫+增强' }, radiation: 'none' },
  { id: 'us-abdomen-rlq', name: { en: 'Ultrasound, abdomen (right lower quadrant)', zh: '腹部超声（右下腹）' }, radiation: 'none' },
  { id: 'mri-abdomen-pelvis', name: { en: 'MRI abdomen and pelvis without IV contrast', zh: '腹部盆腔MRI平扫' }, radiation: 'none' },
  { id: 'us-kidneys-bladder', name: { en: 'Ultrasound, kidneys and bladder', zh: '肾脏及膀胱超声' }, radiation: 'none' },
  { id: 'us-leg-veins', name: { en: 'Duplex Doppler ultrasound, lower-extremity veins', zh: '下肢静脉多普勒超声' }, radiation: 'none' },
  // ACR AC tables: chest and extremity radiographs ☢ (<0.1 mSv).
  { id: 'xr-chest', name: { en: 'Radiography, chest', zh: '胸部X线' }, radiation: 'minimal' },
  { id: 'xr-ankle', name: { en: 'Radiography, ankle', zh: '踝关节X线' }, radiation: 'minimal' },
  { id: 'xr-foot', name: { en: 'Radiography, foot', zh: '足部X线' }, radiation: 'minimal' },
  { id: 'xr-knee', name: { en: 'Radiography, knee', zh: '膝关节X线' }, radiation: 'minimal' },
  { id: 'xr-skull', name: { en: 'Radiography, skull', zh: '头颅X线' }, radiation: 'minimal' },
  // ACR AC Breast Cancer Screening / Palpable Breast Masses: mammography and DBT ☢☢.
  {
    id: 'mammography',
    name: { en: 'Mammography or digital breast tomosynthesis (DBT)', zh: '乳腺X线摄影或数字乳腺断层合成（DBT）' },
    radiation: 'low',
  },
  // ACR AC Acute Onset Flank Pain: radiography abdomen (KUB) ☢☢.
  { id: 'xr-kub', name: { en: 'Radiography, abdomen (KUB)', zh: '腹部平片（KUB）' }, radiation: 'low' },
  // ACR AC Low Back Pain 2021: radiography lumbar spine ☢☢☢.
  { id: 'xr-lumbar', name: { en: 'Radiography, lumbar spine', zh: '腰椎X线' }, radiation: 'medium' },
  // CT of head, spine, chest, abdomen and pelvis, and V/Q scintigraphy: ☢☢☢ in the cited ACR AC tables.
  { id: 'ct-head', name: { en: 'CT head without IV contrast', zh: '头颅CT平扫' }, radiation: 'medium' },
  { id: 'cta-head', name: { en: 'CT angiography head with IV contrast', zh: '头颅CT血管造影（CTA）' }, radiation: 'medium' },
  { id: 'ct-lumbar', name: { en: 'CT lumbar spine without IV contrast', zh: '腰椎CT平扫' }, radiation: 'medium' },
  { id: 'ctpa', name: { en: 'CT pulmonary angiography (CTA chest with IV contrast)', zh: 'CT肺动脉造影（CTPA）' }, radiation: 'medium' },
  { id: 'vq-scan', name: { en: 'Ventilation/perfusion (V/Q) lung scintigraphy', zh: '肺通气/灌注（V/Q）显像' }, radiation: 'medium' },
  { id: 'ct-abdomen-pelvis-contrast', name: { en: 'CT abdomen and pelvis with IV contrast', zh: '腹部盆腔CT增强' }, radiation: 'medium' },
  {
    id: 'ct-abdomen-pelvis-noncontrast',
    name: { en: 'CT abdomen and pelvis without IV contrast (low-dose stone protocol)', zh: '腹部盆腔CT平扫（低剂量泌尿系结石方案）' },
    radiation: 'medium',
  },
] as const satisfies readonly ImagingProcedure[];

export type ProcedureId = (typeof PROCEDURE_LIST)[number]['id'];

export const PROCEDURES: ReadonlyMap<ProcedureId, ImagingProcedure> = new Map(PROCEDURE_LIST.map((p) => [p.id, p]));

export function procedure(id: ProcedureId): ImagingProcedure {
  const p = PROCEDURES.get(id);
  if (!p) throw new Error(`Unknown imaging procedure ${id}`);
  return p;
}
