import { describe, expect, it } from 'vitest';
import { evaluateImaging } from './imaging-registry.js';

/** Inputs that tick nothing, so each case states only what the source case states. */
const BASE: Record<string, Record<string, unknown>> = {
  breast: { indication: 'palpable-mass', age: 45, risk: 'average' },
  headache: {
    thunderclap: false,
    papilloedema: false,
    neurologicDeficit: false,
    subacuteHeadTrauma: false,
    activityRelated: false,
    cancer: false,
    immunocompromised: false,
    pregnancy: false,
    age50OrOlder: false,
  },
  'low-back-pain': {
    durationWeeks: 2,
    caudaEquina: false,
    progressiveDeficit: false,
    cancerHistory: false,
    infectionRisk: false,
    fractureRisk: false,
    persistentRadiculopathy: false,
  },
  'suspected-pe': { wellsScore: 0, perc: 'not-assessed', dDimer: 'not-done', pregnant: false, contrastContraindicated: false },
  'minor-head-injury': {
    age: 30,
    gcs: 15,
    locAmnesiaOrDisorientation: true,
    gcsBelow15At2h: false,
    suspectedOpenOrDepressedFracture: false,
    basalSkullFractureSigns: false,
    vomitingTwiceOrMore: false,
    amnesiaBeforeImpact30min: false,
    dangerousMechanism: false,
    anticoagulationOrBleedingDisorder: false,
    seizure: false,
  },
  'ankle-injury': {
    age: 30,
    malleolarZonePain: true,
    midfootZonePain: false,
    lateralMalleolusTenderness: false,
    medialMalleolusTenderness: false,
    fifthMetatarsalTenderness: false,
    navicularTenderness: false,
    unableToBearWeight: false,
    unreliableExam: false,
  },
  'knee-injury': {
    age: 30,
    isolatedPatellarTenderness: false,
    fibularHeadTenderness: false,
    cannotFlex90: false,
    unableToBearWeight: false,
    unreliableExam: false,
  },
  'suspected-appendicitis': { age: 35, pregnant: false, priorUltrasound: 'none' },
  'renal-colic': { age: 45, pregnant: false },
};

type Rating = 'usually-appropriate' | 'may-be-appropriate' | 'usually-not-appropriate';

interface Case {
  scenario: string;
  name: string;
  input: Record<string, unknown>;
  /** Procedure id → expected rating. */
  expect: Record<string, Rating>;
  /** Expected decision-rule outcome (English, substring). */
  rule?: string;
}

const CASES: Case[] = [
  // ACR AC Palpable Breast Masses: <30 US first; 30–39 US or mammography; ≥40 mammography first.
  {
    scenario: 'breast',
    name: 'a 25-year-old with a palpable mass has ultrasound first',
    input: { age: 25 },
    expect: { 'us-breast': 'usually-appropriate', mammography: 'may-be-appropriate', 'mri-breast': 'usually-not-appropriate' },
  },
  {
    scenario: 'breast',
    name: 'a 35-year-old with a palpable mass has ultrasound and mammography',
    input: { age: 35 },
    expect: { 'us-breast': 'usually-appropriate', mammography: 'usually-appropriate' },
  },
  {
    scenario: 'breast',
    name: 'a 50-year-old with a palpable mass has diagnostic mammography',
    input: { age: 50 },
    expect: { mammography: 'usually-appropriate', 'mri-breast': 'usually-not-appropriate' },
  },
  {
    scenario: 'breast',
    name: 'an average-risk 45-year-old is screened with mammography, not MRI',
    input: { indication: 'screening', age: 45 },
    expect: { mammography: 'usually-appropriate', 'mri-breast': 'usually-not-appropriate' },
  },
  {
    scenario: 'breast',
    name: 'an average-risk 32-year-old is not screened',
    input: { indication: 'screening', age: 32 },
    expect: { mammography: 'usually-not-appropriate' },
  },
  {
    scenario: 'breast',
    name: 'a high-risk (BRCA) 35-year-old is screened with MRI and mammography',
    input: { indication: 'screening', age: 35, risk: 'high' },
    expect: { 'mri-breast': 'usually-appropriate', mammography: 'usually-appropriate' },
  },
  {
    scenario: 'breast',
    name: 'a high-risk 27-year-old is screened with MRI; mammography waits until 30',
    input: { indication: 'screening', age: 27, risk: 'high' },
    expect: { 'mri-breast': 'usually-appropriate', mammography: 'may-be-appropriate' },
  },

  // ACR AC Headache 2019 variants 1–4.
  {
    scenario: 'headache',
    name: 'a thunderclap headache has non-contrast head CT',
    input: { thunderclap: true },
    expect: { 'ct-head': 'usually-appropriate', 'cta-head': 'may-be-appropriate', 'mri-head': 'usually-not-appropriate' },
  },
  {
    scenario: 'headache',
    name: 'a headache with a neurological deficit has MRI or CT',
    input: { neurologicDeficit: true },
    expect: { 'mri-head': 'usually-appropriate', 'ct-head': 'usually-appropriate' },
  },
  {
    scenario: 'headache',
    name: 'a new headache with optic disc oedema has MRI',
    input: { papilloedema: true },
    expect: { 'mri-head': 'usually-appropriate', 'mri-head-noncontrast': 'usually-appropriate' },
  },
  {
    scenario: 'headache',
    name: 'a pregnant patient with a red-flag headache has MRI without gadolinium',
    input: { pregnancy: true },
    expect: { 'mri-head-noncontrast': 'usually-appropriate', 'ct-head': 'usually-appropriate' },
  },
  {
    scenario: 'headache',
    name: 'an uncomplicated migraine is not imaged',
    input: {},
    expect: { 'mri-head': 'usually-not-appropriate', 'ct-head': 'usually-not-appropriate' },
  },

  // ACR AC Low Back Pain 2021; ACP (Chou 2011).
  {
    scenario: 'low-back-pain',
    name: 'two weeks of back pain without red flags is not imaged',
    input: {},
    expect: { 'xr-lumbar': 'usually-not-appropriate', 'mri-lumbar': 'usually-not-appropriate' },
  },
  {
    scenario: 'low-back-pain',
    name: 'suspected cauda equina has MRI',
    input: { caudaEquina: true },
    expect: { 'mri-lumbar': 'usually-appropriate' },
  },
  {
    scenario: 'low-back-pain',
    name: 'a cancer history has MRI with and without contrast',
    input: { cancerHistory: true },
    expect: { 'mri-lumbar-contrast': 'usually-appropriate', 'mri-lumbar': 'usually-appropriate' },
  },
  {
    scenario: 'low-back-pain',
    name: 'fever or immunosuppression has contrast MRI',
    input: { infectionRisk: true },
    expect: { 'mri-lumbar-contrast': 'usually-appropriate' },
  },
  {
    scenario: 'low-back-pain',
    name: 'osteoporosis with minor trauma has radiographs first',
    input: { fractureRisk: true },
    expect: { 'xr-lumbar': 'usually-appropriate' },
  },
  {
    scenario: 'low-back-pain',
    name: 'radiculopathy persisting beyond 6 weeks in a surgical candidate has MRI',
    input: { durationWeeks: 8, persistentRadiculopathy: true },
    expect: { 'mri-lumbar': 'usually-appropriate' },
  },
  {
    scenario: 'low-back-pain',
    name: 'radiculopathy at 3 weeks is not yet imaged',
    input: { durationWeeks: 3, persistentRadiculopathy: true },
    expect: { 'mri-lumbar': 'usually-not-appropriate' },
  },

  // Wells 2000 (≤4 unlikely), Kline 2004 (PERC), ESC 2019.
  {
    scenario: 'suspected-pe',
    name: 'Wells 1.5 and PERC negative needs no testing',
    input: { wellsScore: 1.5, perc: 'negative' },
    expect: { ctpa: 'usually-not-appropriate', 'vq-scan': 'usually-not-appropriate' },
    rule: 'No testing',
  },
  {
    scenario: 'suspected-pe',
    name: 'Wells 3 with a negative D-dimer needs no imaging',
    input: { wellsScore: 3, perc: 'positive', dDimer: 'negative' },
    expect: { ctpa: 'usually-not-appropriate' },
    rule: 'PE excluded',
  },
  {
    scenario: 'suspected-pe',
    name: 'Wells 3 without a D-dimer yet measures D-dimer first',
    input: { wellsScore: 3, perc: 'positive' },
    expect: { ctpa: 'may-be-appropriate' },
    rule: 'D-dimer first',
  },
  {
    scenario: 'suspected-pe',
    name: 'Wells 3 with a positive D-dimer has CTPA',
    input: { wellsScore: 3, perc: 'positive', dDimer: 'positive' },
    expect: { ctpa: 'usually-appropriate' },
    rule: 'Imaging indicated',
  },
  {
    scenario: 'suspected-pe',
    name: 'Wells 6 (PE likely) has CTPA whatever the D-dimer',
    input: { wellsScore: 6, dDimer: 'negative' },
    expect: { ctpa: 'usually-appropriate' },
    rule: 'Imaging indicated',
  },
  {
    scenario: 'suspected-pe',
    name: 'PE likely with contrast allergy has a V/Q scan',
    input: { wellsScore: 6, contrastContraindicated: true },
    expect: { 'vq-scan': 'usually-appropriate', ctpa: 'usually-not-appropriate' },
  },
  {
    scenario: 'suspected-pe',
    name: 'PERC is not applied in pregnancy',
    input: { wellsScore: 1.5, perc: 'negative', pregnant: true, dDimer: 'positive' },
    expect: { 'vq-scan': 'usually-appropriate', 'xr-chest': 'usually-appropriate' },
    rule: 'Imaging indicated',
  },

  // Stiell, Lancet 2001 (Canadian CT Head Rule).
  {
    scenario: 'minor-head-injury',
    name: 'a 70-year-old is high risk and has CT',
    input: { age: 70 },
    expect: { 'ct-head': 'usually-appropriate', 'xr-skull': 'usually-not-appropriate' },
    rule: 'High risk',
  },
  {
    scenario: 'minor-head-injury',
    name: 'a 30-year-old with GCS 15 and no risk factor does not need CT',
    input: {},
    expect: { 'ct-head': 'usually-not-appropriate' },
    rule: 'Low risk',
  },
  {
    scenario: 'minor-head-injury',
    name: 'two episodes of vomiting are high risk',
    input: { vomitingTwiceOrMore: true },
    expect: { 'ct-head': 'usually-appropriate' },
    rule: 'High risk',
  },
  {
    scenario: 'minor-head-injury',
    name: 'GCS 14 at 2 hours is high risk',
    input: { gcs: 14, gcsBelow15At2h: true },
    expect: { 'ct-head': 'usually-appropriate' },
    rule: 'High risk',
  },
  {
    scenario: 'minor-head-injury',
    name: 'a pedestrian struck by a car is medium risk and has CT',
    input: { dangerousMechanism: true },
    expect: { 'ct-head': 'usually-appropriate' },
    rule: 'Medium risk',
  },
  {
    scenario: 'minor-head-injury',
    name: 'retrograde amnesia of 30 minutes or more is medium risk',
    input: { amnesiaBeforeImpact30min: true },
    expect: { 'ct-head': 'usually-appropriate' },
    rule: 'Medium risk',
  },
  {
    scenario: 'minor-head-injury',
    name: 'an anticoagulated patient is outside the rule',
    input: { anticoagulationOrBleedingDisorder: true },
    expect: { 'ct-head': 'may-be-appropriate' },
    rule: 'not applicable',
  },
  {
    scenario: 'minor-head-injury',
    name: 'a 12-year-old is outside the rule',
    input: { age: 12 },
    expect: { 'ct-head': 'may-be-appropriate' },
    rule: 'not applicable',
  },
  {
    scenario: 'minor-head-injury',
    name: 'GCS 10 is not a minor head injury and has CT',
    input: { gcs: 10 },
    expect: { 'ct-head': 'usually-appropriate' },
    rule: 'GCS <13',
  },

  // Stiell 1992/1993 (Ottawa Ankle Rules).
  {
    scenario: 'ankle-injury',
    name: 'tenderness at the posterior edge of the lateral malleolus needs an ankle X-ray',
    input: { lateralMalleolusTenderness: true },
    expect: { 'xr-ankle': 'usually-appropriate', 'xr-foot': 'usually-not-appropriate' },
    rule: 'indicated (ankle)',
  },
  {
    scenario: 'ankle-injury',
    name: 'bearing weight for 4 steps with no bone tenderness needs no X-ray',
    input: {},
    expect: { 'xr-ankle': 'usually-not-appropriate', 'xr-foot': 'usually-not-appropriate' },
    rule: 'not indicated',
  },
  {
    scenario: 'ankle-injury',
    name: 'midfoot pain with tenderness at the base of the 5th metatarsal needs a foot X-ray',
    input: { malleolarZonePain: false, midfootZonePain: true, fifthMetatarsalTenderness: true },
    expect: { 'xr-foot': 'usually-appropriate', 'xr-ankle': 'usually-not-appropriate' },
    rule: 'indicated (foot)',
  },
  {
    scenario: 'ankle-injury',
    name: 'inability to bear weight with malleolar pain needs an ankle X-ray',
    input: { unableToBearWeight: true },
    expect: { 'xr-ankle': 'usually-appropriate' },
  },
  {
    scenario: 'ankle-injury',
    name: 'an intoxicated patient is outside the rule',
    input: { unreliableExam: true },
    expect: { 'xr-ankle': 'may-be-appropriate' },
    rule: 'not applicable',
  },

  // Stiell 1995/1996 (Ottawa Knee Rule).
  {
    scenario: 'knee-injury',
    name: 'a 60-year-old (≥55) needs a knee X-ray',
    input: { age: 60 },
    expect: { 'xr-knee': 'usually-appropriate' },
    rule: 'indicated',
  },
  {
    scenario: 'knee-injury',
    name: 'fibular head tenderness needs a knee X-ray',
    input: { fibularHeadTenderness: true },
    expect: { 'xr-knee': 'usually-appropriate' },
  },
  {
    scenario: 'knee-injury',
    name: 'inability to flex to 90° needs a knee X-ray',
    input: { cannotFlex90: true },
    expect: { 'xr-knee': 'usually-appropriate' },
  },
  {
    scenario: 'knee-injury',
    name: 'a 30-year-old with no criterion needs no knee X-ray',
    input: {},
    expect: { 'xr-knee': 'usually-not-appropriate' },
    rule: 'not indicated',
  },
  {
    scenario: 'knee-injury',
    name: 'a 15-year-old is outside the derivation population',
    input: { age: 15 },
    expect: { 'xr-knee': 'may-be-appropriate' },
    rule: 'not applicable',
  },

  // ACR AC Right Lower Quadrant Pain; Suspected Appendicitis–Child.
  {
    scenario: 'suspected-appendicitis',
    name: 'an adult has CT with IV contrast',
    input: {},
    expect: { 'ct-abdomen-pelvis-contrast': 'usually-appropriate', 'us-abdomen-rlq': 'may-be-appropriate' },
  },
  {
    scenario: 'suspected-appendicitis',
    name: 'a child has ultrasound first',
    input: { age: 8 },
    expect: { 'us-abdomen-rlq': 'usually-appropriate', 'ct-abdomen-pelvis-contrast': 'usually-not-appropriate' },
  },
  {
    scenario: 'suspected-appendicitis',
    name: 'a pregnant woman has ultrasound first',
    input: { age: 28, pregnant: true },
    expect: { 'us-abdomen-rlq': 'usually-appropriate' },
  },
  {
    scenario: 'suspected-appendicitis',
    name: 'a pregnant woman with an equivocal ultrasound has MRI',
    input: { age: 28, pregnant: true, priorUltrasound: 'equivocal' },
    expect: { 'mri-abdomen-pelvis': 'usually-appropriate', 'ct-abdomen-pelvis-contrast': 'may-be-appropriate' },
  },

  // ACR AC Acute Onset Flank Pain; AUA 2013.
  {
    scenario: 'renal-colic',
    name: 'an adult has low-dose non-contrast CT',
    input: {},
    expect: { 'ct-abdomen-pelvis-noncontrast': 'usually-appropriate', 'ct-abdomen-pelvis-contrast': 'usually-not-appropriate' },
  },
  {
    scenario: 'renal-colic',
    name: 'a pregnant woman has ultrasound first',
    input: { age: 30, pregnant: true },
    expect: { 'us-kidneys-bladder': 'usually-appropriate', 'ct-abdomen-pelvis-noncontrast': 'may-be-appropriate' },
  },
  {
    scenario: 'renal-colic',
    name: 'a child has ultrasound first',
    input: { age: 10 },
    expect: { 'us-kidneys-bladder': 'usually-appropriate', 'ct-abdomen-pelvis-noncontrast': 'may-be-appropriate' },
  },
];

describe('imaging scenarios, cases from each source publication', () => {
  it.each(CASES.map((c) => [`${c.scenario}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const out = evaluateImaging(c.scenario, { ...BASE[c.scenario], ...c.input });
    if (!out.ok) throw new Error(JSON.stringify(out.error));
    const ratings = Object.fromEntries(out.result.recommendations.map((r) => [r.procedure.id, r.rating]));
    expect(ratings).toMatchObject(c.expect);
    if (c.rule) expect(out.result.decisionRule?.outcome.en).toContain(c.rule);
  });

  it('has at least 3 cases for every scenario', () => {
    for (const id of Object.keys(BASE)) expect(CASES.filter((c) => c.scenario === id).length).toBeGreaterThanOrEqual(3);
  });

  it('lists the Canadian CT Head criteria that were met', () => {
    const out = evaluateImaging('minor-head-injury', { ...BASE['minor-head-injury'], age: 70, dangerousMechanism: true });
    if (!out.ok) throw new Error('expected ok');
    expect(out.result.decisionRule?.criteriaMet.map((c) => c.en)).toEqual([
      'Age ≥65 years',
      expect.stringContaining('Dangerous mechanism'),
    ]);
  });

  it('gives the radiation level of each option (CT medium, ultrasound none, extremity radiograph minimal)', () => {
    const colic = evaluateImaging('renal-colic', BASE['renal-colic']);
    const ankle = evaluateImaging('ankle-injury', { ...BASE['ankle-injury'], lateralMalleolusTenderness: true });
    if (!colic.ok || !ankle.ok) throw new Error('expected ok');
    const level = (recs: typeof colic.result.recommendations, id: string) => recs.find((r) => r.procedure.id === id)?.radiation.level;
    expect(level(colic.result.recommendations, 'ct-abdomen-pelvis-noncontrast')).toBe('medium');
    expect(level(colic.result.recommendations, 'us-kidneys-bladder')).toBe('none');
    expect(level(ankle.result.recommendations, 'xr-ankle')).toBe('minimal');
    expect(ankle.result.recommendations[0]?.radiation.range.en).toBe('<0.1 mSv');
  });
});
