import { describe, expect, it } from 'vitest';
import type { FieldDescriptor } from '../knowledge-api';
import { boundsOf, initialValues, issuesByField, toScoreInputs } from './score-form-state';

const fields: FieldDescriptor[] = [
  { name: 'age', type: 'number', label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 18, max: 120 },
  {
    name: 'sex',
    type: 'choice',
    label: { en: 'Sex', zh: '性别' },
    options: [
      { value: 'female', label: { en: 'F', zh: '女' } },
      { value: 'male', label: { en: 'M', zh: '男' } },
    ],
  },
  {
    name: 'eyes',
    type: 'choice',
    label: { en: 'Eyes', zh: '睁眼' },
    options: [
      { value: 1, label: { en: 'None', zh: '无' } },
      { value: 4, label: { en: 'Spontaneous', zh: '自发' } },
    ],
  },
  { name: 'diabetes', type: 'boolean', label: { en: 'Diabetes', zh: '糖尿病' } },
  {
    name: 'creatinine',
    type: 'number',
    label: { en: 'Creatinine', zh: '肌酐' },
    unitBounds: { unitField: 'unit', byUnit: { 'umol/L': { min: 10, max: 2000 } } },
  },
  {
    name: 'unit',
    type: 'choice',
    label: { en: 'Unit', zh: '单位' },
    optional: true,
    default: 'umol/L',
    options: [{ value: 'umol/L', label: { en: 'µmol/L', zh: 'µmol/L' } }],
  },
];

describe('score form state', () => {
  it('starts booleans unticked and choices at their default', () => {
    expect(initialValues(fields)).toEqual({ age: '', sex: '', eyes: '', diabetes: false, creatinine: '', unit: 'umol/L' });
  });

  it('sends numbers as numbers, point choices as numbers and leaves out what is empty', () => {
    const body = toScoreInputs(fields, { age: '72', sex: 'female', eyes: '4', diabetes: true, creatinine: '', unit: 'umol/L' });
    expect(body).toEqual({ age: 72, sex: 'female', eyes: 4, diabetes: true, unit: 'umol/L' });
  });

  it('takes the bounds of the unit picked', () => {
    expect(boundsOf(fields[4] as FieldDescriptor, { unit: 'umol/L' })).toEqual({ min: 10, max: 2000, unit: 'umol/L' });
    expect(boundsOf(fields[0] as FieldDescriptor, {})).toEqual({ min: 18, max: 120, unit: 'years' });
  });

  it('files server messages under their field, and the rest under the form', () => {
    const map = issuesByField(
      [
        { path: 'body.age', message: 'Age must be at least 18' },
        { field: 'sex', message: 'Pick one' },
        { path: 'body.extra', message: 'Unknown field' },
      ],
      fields,
    );
    expect(map.get('age')).toEqual(['Age must be at least 18']);
    expect(map.get('sex')).toEqual(['Pick one']);
    expect(map.get('')).toEqual(['Unknown field']);
  });
});
