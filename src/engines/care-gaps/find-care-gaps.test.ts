import { describe, expect, it } from 'vitest';
import { conditionInGroup, windowStart } from './care-gap-matching.js';
import { loadCareGapRules, parseCareGapRules } from './care-gap-rules.js';
import { type CareGapPatient, findCareGaps } from './find-care-gaps.js';

const AS_OF = '2026-06-15';

function patient(overrides: Partial<CareGapPatient>): CareGapPatient {
  // Up to date on the screening nobody is testing here, so only the rule under test fires.
  return {
    asOf: AS_OF,
    age: 30,
    sex: 'M',
    conditions: [],
    medications: [],
    observations: [],
    procedures: [],
    ...overrides,
  };
}
const cond = (text: string, codes: string[] = []) => ({ ref: `Condition/${text}`, codes, text, onset: '2015-03-01' });
const obs = (code: string, text: string, at: string, value?: number) => ({
  ref: `Observation/${code}-${at}`,
  codes: [code],
  text,
  at,
  ...(value !== undefined ? { value } : {}),
});
const ids = (p: CareGapPatient) => findCareGaps(p).gaps.map((gap) => gap.ruleId);

const diabetic = { conditions: [cond('Diabetes mellitus type 2 (disorder)', ['44054006'])] };
const recentDiabetesLabs = [
  obs('4548-4', 'Hemoglobin A1c', '2026-03-01', 7.1),
  obs('9318-7', 'Albumin/Creatinine [Mass Ratio] in Urine', '2026-01-10', 12),
];

/** Each rule: a patient it fires on, and the same patient with the closing fact or outside the rule's range. */
const TABLE: { rule: string; fires: Partial<CareGapPatient>; closed: Partial<CareGapPatient>[] }[] = [
  {
    rule: 'diabetes-hba1c',
    fires: { ...diabetic, observations: [obs('4548-4', 'Hemoglobin A1c', '2025-11-20', 7.4)] },
    closed: [
      { ...diabetic, observations: [obs('4548-4', 'Hemoglobin A1c', '2026-01-02', 7.4)] },
      { conditions: [cond('Prediabetes', ['15777000'])] },
    ],
  },
  {
    rule: 'diabetes-urine-acr',
    fires: { conditions: [cond('2型糖尿病', ['E11.9'])], observations: [obs('4548-4', 'HbA1c', '2026-05-01', 6.8)] },
    closed: [
      {
        conditions: [cond('2型糖尿病', ['E11.9'])],
        observations: [obs('LOCAL-1', '尿微量白蛋白/肌酐比值', '2026-02-01', 20), obs('4548-4', 'HbA1c', '2026-05-01', 6.8)],
      },
    ],
  },
  {
    rule: 'diabetes-statin',
    fires: { ...diabetic, age: 52, observations: recentDiabetesLabs },
    closed: [
      { ...diabetic, age: 52, observations: recentDiabetesLabs, medications: [{ name: 'Atorvastatin 20 MG Oral Tablet' }] },
      { ...diabetic, age: 52, observations: recentDiabetesLabs, medications: [{ name: '阿托伐他汀钙片' }] },
      { ...diabetic, age: 39, observations: recentDiabetesLabs },
      { ...diabetic, age: 76, observations: recentDiabetesLabs },
    ],
  },
  {
    rule: 'ascvd-statin',
    fires: { age: 64, conditions: [cond('Ischemic heart disease (disorder)', ['414545008'])] },
    closed: [
      { age: 64, conditions: [cond('冠心病')], medications: [{ name: 'Crestor', atc: ['C10AA07'] }] },
      { age: 80, conditions: [cond('Ischemic heart disease (disorder)', ['414545008'])] },
      { age: 64, conditions: [cond('Haemorrhagic stroke')] },
    ],
  },
  {
    rule: 'ckd-urine-acr',
    fires: { observations: [obs('33914-3', 'eGFR', '2026-04-01', 48)] },
    closed: [
      { observations: [obs('33914-3', 'eGFR', '2026-04-01', 48), obs('9318-7', 'Albumin/Creatinine', '2025-09-01', 40)] },
      { observations: [obs('33914-3', 'eGFR', '2026-04-01', 75)] },
    ],
  },
  {
    rule: 'af-anticoagulation',
    // Men: 65–74 (1) + hypertension (1) = 2.
    fires: {
      age: 70,
      conditions: [cond('Atrial fibrillation', ['49436004']), cond('Essential hypertension', ['59621000'])],
      observations: [obs('8480-6', 'Systolic BP', '2026-05-01', 132)],
    },
    closed: [
      {
        age: 70,
        conditions: [cond('Atrial fibrillation', ['49436004']), cond('Essential hypertension', ['59621000'])],
        observations: [obs('8480-6', 'Systolic BP', '2026-05-01', 132)],
        medications: [{ name: 'Eliquis 5 mg' }],
      },
      // Women need 3: 65–74 (1) + female (1) = 2.
      { age: 70, sex: 'F', conditions: [cond('房颤', ['I48.0'])] },
    ],
  },
  {
    rule: 'hypertension-bp',
    fires: {
      conditions: [cond('Essential hypertension (disorder)', ['59621000'])],
      observations: [obs('8480-6', 'Systolic blood pressure', '2025-01-10', 144)],
    },
    closed: [
      { conditions: [cond('高血压病', ['I10'])], observations: [obs('LOCAL-BP', '血压（收缩压）', '2026-02-01', 138)] },
      { conditions: [cond('Pulmonary hypertension')] },
    ],
  },
  {
    rule: 'colorectal-cancer-screening',
    fires: { age: 50, procedures: [{ ref: 'Procedure/1', codes: ['73761001'], text: 'Colonoscopy', at: '2015-07-15' }] },
    closed: [
      { age: 50, procedures: [{ ref: 'Procedure/2', codes: ['73761001'], text: 'Colonoscopy', at: '2018-07-15T15:15:11-04:00' }] },
      { age: 50, observations: [obs('29771-3', 'FIT', '2025-09-01')] },
      { age: 50, procedures: [{ codes: [], text: '电子结肠镜检查', at: '2020-01-01' }] },
      { age: 44 },
      { age: 76 },
      { age: 60, conditions: [cond('Malignant neoplasm of colon', ['C18.7'])] },
    ],
  },
  {
    rule: 'warfarin-inr',
    fires: {
      medications: [{ name: 'Warfarin sodium 5 MG Oral Tablet', kbId: 'warfarin', atc: ['B01AA03'] }],
      observations: [obs('6301-6', 'INR', '2026-02-01', 2.4)],
    },
    closed: [{ medications: [{ name: '华法林钠片 3mg' }], observations: [obs('6301-6', 'INR', '2026-04-01', 2.4)] }],
  },
  {
    rule: 'metformin-egfr',
    fires: { medications: [{ name: '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet' }] },
    closed: [
      {
        medications: [{ name: '二甲双胍缓释片' }],
        observations: [obs('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', '2025-12-01', 0.9)],
      },
      { medications: [{ name: 'metformin' }], observations: [obs('98979-8', 'eGFR CKD-EPI 2021', '2026-06-01', 80)] },
    ],
  },
];

describe('findCareGaps — one row per rule', () => {
  it('covers every shipped rule', () => {
    expect(TABLE.map((row) => row.rule).sort()).toEqual(
      loadCareGapRules()
        .rules.map((rule) => rule.id)
        .sort(),
    );
  });
  for (const row of TABLE) {
    it(`${row.rule}: fires on the fixture`, () => {
      expect(ids(patient(row.fires))).toContain(row.rule);
    });
    row.closed.forEach((closed, index) => {
      it(`${row.rule}: stays quiet when closed or out of range (#${index + 1})`, () => {
        expect(ids(patient(closed))).not.toContain(row.rule);
      });
    });
  }
});

describe('findCareGaps — what a gap says', () => {
  it('states the facts it used with dates and references, the last result, and the source', () => {
    const result = findCareGaps(patient({ ...diabetic, observations: [obs('4548-4', 'Hemoglobin A1c', '2025-11-20', 7.4)] }));
    const gap = result.gaps.find((g) => g.ruleId === 'diabetes-hba1c');
    expect(gap?.reason.en).toBe('No HbA1c since 2025-12-15 (last 2025-11-20).');
    expect(gap?.reason.zh).toBe('2025-12-15以来无糖化血红蛋白（最近一次2025-11-20）。');
    expect(gap?.facts).toEqual([
      {
        kind: 'condition',
        label: { en: 'Problem', zh: '诊断' },
        value: 'Diabetes mellitus type 2 (disorder)',
        date: '2015-03-01',
        ref: 'Condition/Diabetes mellitus type 2 (disorder)',
      },
      expect.objectContaining({
        kind: 'observation',
        value: 'Hemoglobin A1c: 7.4',
        date: '2025-11-20',
        ref: 'Observation/4548-4-2025-11-20',
      }),
    ]);
    expect(gap?.closedBy[0]?.en).toBe('HbA1c within 6 months');
    expect(gap?.source.publication).toMatch(/American Diabetes Association/);
    expect(gap?.source.section).toMatch(/6\.1/);
    for (const g of result.gaps) expect(`${g.title.en} ${g.detail.en} ${g.action.en}`).not.toMatch(/\bmust\b/i);
  });

  it('computes CHA2DS2-VASc with the score engine and shows it', () => {
    const gap = findCareGaps(patient({ age: 78, sex: 'F', conditions: [cond('Paroxysmal atrial fibrillation', ['282825002'])] })).gaps.find(
      (g) => g.ruleId === 'af-anticoagulation',
    );
    expect(gap?.facts.find((f) => f.kind === 'score')?.value).toMatch(/^3 /);
  });

  it('shows one statin card for diabetes with ASCVD and one albuminuria card for diabetes with CKD', () => {
    const gaps = ids(
      patient({
        age: 60,
        conditions: [
          cond('Diabetes mellitus type 2', ['44054006']),
          cond('Ischemic heart disease', ['414545008']),
          cond('Chronic kidney disease stage 3', ['433144002']),
        ],
      }),
    );
    expect(gaps).toContain('ascvd-statin');
    expect(gaps).not.toContain('diabetes-statin');
    expect(gaps).toContain('diabetes-urine-acr');
    expect(gaps).not.toContain('ckd-urine-acr');
  });

  it('ignores record lines dated after the as-of day, and finds nothing for a patient who died before it', () => {
    const later = patient({ ...diabetic, asOf: '2020-01-01', observations: [obs('4548-4', 'HbA1c', '2026-01-01', 7)] });
    expect(ids(later)).toContain('diabetes-hba1c');
    const dead = findCareGaps(patient({ ...diabetic, deceasedAt: '2024-05-01T10:00:00Z' }));
    expect(dead).toMatchObject({ deceased: true, gaps: [] });
  });

  it('does not judge rules whose data could not be read, nor age-bound rules without an age', () => {
    const result = findCareGaps(patient({ ...diabetic, unavailable: ['labs'] }));
    expect(result.gaps.map((g) => g.ruleId)).not.toContain('diabetes-hba1c');
    expect(result.notJudged).toContainEqual({ ruleId: 'diabetes-hba1c', reason: 'data-unavailable' });
    const { age: _age, ...noAge } = patient({});
    expect(findCareGaps(noAge).notJudged).toContainEqual({ ruleId: 'colorectal-cancer-screening', reason: 'age-unknown' });
  });
});

describe('care-gap data and matching', () => {
  it('rejects a rule naming a group that does not exist', () => {
    const file = structuredClone(loadCareGapRules()) as unknown as { rules: { applies: { anyOf: unknown[] } }[] };
    file.rules[0]?.applies.anyOf.push({ condition: 'nonexistent' });
    expect(() => parseCareGapRules(file)).toThrow(/unknown conditionGroups entry .*nonexistent/);
  });

  it('matches problems by SNOMED code, ICD-10 prefix and English or Chinese text, never prediabetes', () => {
    const diabetes = loadCareGapRules().conditionGroups.diabetes;
    if (!diabetes) throw new Error('no diabetes group');
    expect(conditionInGroup({ codes: ['44054006'], text: '' }, diabetes)).toBe(true);
    expect(conditionInGroup({ codes: ['E119'], text: '' }, diabetes)).toBe(true);
    expect(conditionInGroup({ codes: [], text: '２型糖尿病伴肾病' }, diabetes)).toBe(true);
    expect(conditionInGroup({ codes: ['15777000'], text: 'Prediabetes' }, diabetes)).toBe(false);
    expect(conditionInGroup({ codes: [], text: '糖尿病前期' }, diabetes)).toBe(false);
  });

  it('counts windows in calendar months and days', () => {
    expect(windowStart('2026-06-15', { months: 6 })).toBe('2025-12-15');
    expect(windowStart('2026-06-15', { months: 120 })).toBe('2016-06-15');
    expect(windowStart('2026-06-15', { days: 84 })).toBe('2026-03-23');
  });
});
