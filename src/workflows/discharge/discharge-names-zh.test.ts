import { describe, expect, it } from 'vitest';
import { loadLabIndex } from '../../engines/labs/index.js';
import { buildDischargeFacts } from './discharge-facts.js';
import type { StayRecord } from './load-stay.js';

/** A stay as `loadStay` reads it, with the record's English SNOMED/LOINC/RxNorm displays. */
const stay: StayRecord = {
  patient: { id: 'p1', sex: 'F', ageAtAdmission: 58, deceasedAt: null },
  encounter: {
    id: 'e1',
    classCode: 'IMP',
    type: 'Hospital admission',
    reason: 'Essential hypertension (disorder)',
    start: '2021-03-01T08:00:00Z',
    end: '2021-03-05T08:00:00Z',
    provider: null,
    dischargeDisposition: null,
  },
  conditions: [
    {
      id: 'c1',
      display: 'Essential hypertension (disorder)',
      onsetAt: '2015-01-01T00:00:00Z',
      abatedAt: null,
      status: 'active',
      encounterId: null,
    },
    {
      id: 'c2',
      display: 'Diabetes mellitus type 2 (disorder)',
      onsetAt: '2021-03-02T00:00:00Z',
      abatedAt: null,
      status: 'active',
      encounterId: 'e1',
    },
  ],
  orders: [],
  inpatientEncounterEnds: new Map([['e1', '2021-03-05T08:00:00Z']]),
  procedures: [],
  observations: [
    {
      id: 'o1',
      code: '4548-4',
      display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
      category: 'laboratory',
      value: 8.1,
      valueText: null,
      unit: '%',
      low: 4,
      high: 5.6,
      interpretation: 'H',
      at: '2021-03-02T08:00:00Z',
    },
  ],
  documents: [],
  followUps: [],
};

describe('discharge summary in Chinese names the record in Chinese (issue 23 item 2)', () => {
  it('writes diagnoses, the admission reason and lab names in Chinese, and keeps English in the English summary', () => {
    const labs = loadLabIndex();
    const zh = buildDischargeFacts(stay, labs, 'zh')
      .facts.map((f) => f.text)
      .join('\n');
    // The diagnosis in Chinese, the record's English term (without its SNOMED tag) after it.
    expect(zh).toContain('原发性高血压（Essential hypertension）');
    expect(zh).toContain('2型糖尿病（Diabetes mellitus type 2）');
    expect(zh).toContain('糖化血红蛋白');
    expect(zh).not.toMatch(/\(disorder\)|Hemoglobin A1c/);
    const en = buildDischargeFacts(stay, labs, 'en')
      .facts.map((f) => f.text)
      .join('\n');
    expect(en).toContain('Essential hypertension (disorder)');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
