import type { Bilingual } from '../../knowledge/index.js';
import { choice, num, numWithUnit } from './score-inputs.js';

/** Inputs shared by several scores, so labels, units and bounds read the same everywhere. */

export const adultAge = (help?: Bilingual) =>
  num({ label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 18, max: 120, ...(help ? { help } : {}) });

export const sex = () =>
  choice({
    label: { en: 'Sex', zh: '性别' },
    options: [
      { value: 'female', label: { en: 'Female', zh: '女' } },
      { value: 'male', label: { en: 'Male', zh: '男' } },
    ],
  });

export const heartRate = () => num({ label: { en: 'Heart rate', zh: '心率' }, unit: '/min', min: 20, max: 300 });
export const respiratoryRate = () => num({ label: { en: 'Respiratory rate', zh: '呼吸频率' }, unit: '/min', min: 0, max: 80 });
export const systolicBp = () => num({ label: { en: 'Systolic blood pressure', zh: '收缩压' }, unit: 'mmHg', min: 40, max: 300 });
export const diastolicBp = () => num({ label: { en: 'Diastolic blood pressure', zh: '舒张压' }, unit: 'mmHg', min: 20, max: 200 });
export const temperature = () => num({ label: { en: 'Body temperature', zh: '体温' }, unit: '°C', min: 25, max: 45 });
export const weightKg = () => num({ label: { en: 'Weight', zh: '体重' }, unit: 'kg', min: 1, max: 400 });
export const heightCm = () => num({ label: { en: 'Height', zh: '身高' }, unit: 'cm', min: 40, max: 250 });

/** KDIGO 2012 CKD guideline, Chapter 1 (SI conversion): creatinine 1 mg/dL = 88.4 µmol/L. */
export const CREATININE_UMOL_PER_MG_DL = 88.4;

export const creatinine = () =>
  numWithUnit({
    label: { en: 'Serum creatinine', zh: '血清肌酐' },
    unitField: 'creatinineUnit',
    byUnit: { 'mg/dL': { min: 0.1, max: 30 }, 'umol/L': { min: 8, max: 2650 } },
  });

export const creatinineUnit = () =>
  choice({
    label: { en: 'Creatinine unit', zh: '肌酐单位' },
    options: [
      { value: 'umol/L', label: { en: 'µmol/L', zh: 'µmol/L' } },
      { value: 'mg/dL', label: { en: 'mg/dL', zh: 'mg/dL' } },
    ],
  });

export function creatinineMgDl(value: number, unit: 'mg/dL' | 'umol/L'): number {
  return unit === 'mg/dL' ? value : value / CREATININE_UMOL_PER_MG_DL;
}
