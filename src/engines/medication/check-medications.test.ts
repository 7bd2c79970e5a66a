import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../knowledge/index.js';
import { checkMedications, type MedicationCheckInput, type MedicationFinding } from './check-medications.js';
import { MedicationIndex } from './medication-index.js';

let index: MedicationIndex;
beforeAll(() => {
  index = new MedicationIndex(getKnowledgeBase());
});

const check = (input: MedicationCheckInput) => checkMedications(index, input);
const kinds = (findings: MedicationFinding[]) => findings.map((finding) => finding.kind);
const meds = (...names: string[]) => names.map((name) => ({ name }));

describe('checkMedications — the issue example', () => {
  it('reports the bleeding interactions and the renal problem of warfarin + aspirin + ibuprofen at eGFR 25, each with a source', () => {
    const result = check({
      age: 78,
      sex: 'F',
      weightKg: 60,
      egfr: 25,
      pregnant: false,
      allergies: ['penicillin'],
      medications: [
        { name: 'warfarin', dose: '5 mg', frequency: 'daily', route: 'po' },
        { name: 'aspirin', dose: '100 mg', frequency: 'daily', route: 'po' },
        { name: 'ibuprofen', dose: '400 mg', frequency: 'tid', route: 'po' },
      ],
    });
    const interactions = result.findings.filter((finding) => finding.kind === 'interaction');
    const pairs = new Set(interactions.map((finding) => finding.medications.join('+')));
    expect(pairs).toContain('0+1'); // warfarin + aspirin
    expect(pairs).toContain('0+2'); // warfarin + ibuprofen
    expect(interactions.some((finding) => /h(a)?emorrh|bleed/i.test(finding.detail.en))).toBe(true);
    const renal = result.findings.filter((finding) => finding.kind === 'renal' && finding.medications[0] === 2);
    expect(renal.length).toBeGreaterThan(0);
    expect(['major', 'contraindicated']).toContain(renal[0]?.severity);
    for (const finding of result.findings) expect(finding.source.title.length).toBeGreaterThan(3);
    expect(['contraindicated', 'major']).toContain(result.findings[0]?.severity);
  });

  it("grades ANSM's aspirin rule by dose: contraindicated at anti-inflammatory doses, moderate at antiplatelet doses, stated as conditional without a dose", () => {
    const severity = (aspirin: { dose?: string; frequency?: string }) =>
      check({ medications: [{ name: 'warfarin' }, { name: 'aspirin', ...aspirin }] }).findings.find(
        (finding) => finding.ref.id === 'ansm-1456',
      );
    expect(severity({ dose: '1 g', frequency: 'tid' })?.severity).toBe('contraindicated');
    const low = severity({ dose: '100 mg', frequency: 'daily' });
    expect(low?.severity).toBe('moderate');
    expect(low?.detail.en).toMatch(/anti-inflammatory aspirin doses/);
    const unknown = severity({});
    expect(unknown?.severity).toBe('contraindicated');
    expect(unknown?.detail.zh).toMatch(/未提供阿司匹林剂量/);
  });
});

describe('checkMedications — names', () => {
  it.each([
    ['华法林', 'warfarin'],
    ['Coumadin', 'warfarin'],
    ['阿司匹林肠溶片 100mg', 'aspirin'],
    ['acetylsalicylic acid', 'aspirin'],
    ['Simvastatin 20 MG Oral Tablet', 'simvastatin'],
    ['24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet', 'metformin'],
    ['acetaminophen', 'paracetamol'],
    ['对乙酰氨基酚', 'paracetamol'],
    ['warfarine', 'warfarin'],
  ])('recognises "%s" as %s', (name, id) => {
    expect(check({ medications: meds(name) }).medications[0]?.drugId).toBe(id);
  });

  it('reports an unknown name as not checked, with suggestions, instead of failing', () => {
    const result = check({ medications: meds('zzqx-unknownol', 'warfarin') });
    expect(result.medications[0]?.drugId).toBeUndefined();
    expect(result.findings.find((finding) => finding.kind === 'unrecognised-drug')?.medications).toEqual([0]);
  });
});

describe('checkMedications — doses', () => {
  const doseCases: [string, string, string, string | undefined][] = [
    // drug, dose, frequency, expected dose finding (undefined = none)
    ['paracetamol', '1 g', 'qid', undefined],
    ['paracetamol', '1000 mg', 'q4h', 'dose-above-daily'],
    ['paracetamol', '2 g', 'bid', 'dose-above-single'],
    ['metformin', '500 mg', 'bid', undefined],
    ['metformin', '1500 mg', 'tid', 'dose-above-daily'],
    ['atorvastatin', '20 mg', 'daily', undefined],
    ['atorvastatin', '120 mg', 'daily', 'dose-above-single'],
    ['amoxicillin', '500 mg', 'tid', undefined],
    ['ibuprofen', '400 mg', 'tid', undefined],
    ['ibuprofen', '800 mg', 'q4h', 'dose-above-daily'],
    ['warfarin', '5 mg', 'daily', undefined],
    ['omeprazole', '20 mg', 'daily', undefined],
    ['amlodipine', '20 mg', 'daily', 'dose-above-single'],
  ];
  it.each(doseCases)('%s %s %s → %s', (name, dose, frequency, expected) => {
    const result = check({ medications: [{ name, dose, frequency }] });
    const doseKinds = kinds(result.findings).filter((kind) => kind.startsWith('dose-above'));
    if (expected) expect(doseKinds).toContain(expected);
    else expect(doseKinds).toEqual([]);
  });

  it('applies the renal maximum: metformin 1000 mg bid at eGFR 40 exceeds it, 500 mg bid does not, eGFR 25 says avoid', () => {
    const over = check({ egfr: 40, medications: [{ name: 'metformin', dose: '1000 mg', frequency: 'bid' }] });
    expect(over.findings.find((finding) => finding.kind === 'renal')?.severity).toBe('major');
    const within = check({ egfr: 40, medications: [{ name: 'metformin', dose: '500 mg', frequency: 'bid' }] });
    const renal = within.findings.filter((finding) => finding.kind === 'renal');
    expect(renal.every((finding) => finding.severity === 'info' || finding.severity === 'minor')).toBe(true);
    const avoid = check({ egfr: 25, medications: [{ name: 'metformin', dose: '500 mg', frequency: 'bid' }] });
    expect(avoid.findings.find((finding) => finding.kind === 'renal')?.title.en).toMatch(/avoid/);
  });

  it('says nothing about kidneys when kidney function is normal', () => {
    const result = check({ egfr: 95, medications: meds('metformin', 'ibuprofen', 'gabapentin') });
    expect(kinds(result.findings)).not.toContain('renal');
  });

  it('flags a dose it cannot read rather than guessing', () => {
    const result = check({ medications: [{ name: 'warfarin', dose: 'a few' }] });
    expect(kinds(result.findings)).toContain('dose-not-checked');
  });
});

describe('checkMedications — duplicates and allergies', () => {
  it('flags two proton-pump inhibitors as duplicate therapy', () => {
    const result = check({ medications: meds('omeprazole', '泮托拉唑') });
    expect(result.findings.find((finding) => finding.kind === 'duplicate-therapy')?.medications).toEqual([0, 1]);
  });

  it('flags amoxicillin with a penicillin allergy, and a cephalosporin as a lower cross-reactivity risk', () => {
    const result = check({ allergies: ['青霉素'], medications: meds('amoxicillin', 'ceftriaxone') });
    const allergy = result.findings.filter((finding) => finding.kind === 'allergy');
    const amoxicillin = allergy.find((finding) => finding.medications[0] === 0);
    const ceftriaxone = allergy.find((finding) => finding.medications[0] === 1);
    expect(amoxicillin?.severity).toBe('contraindicated');
    expect(ceftriaxone).toBeDefined();
    expect(['moderate', 'minor']).toContain(ceftriaxone?.severity);
  });

  it('flags the very drug on the allergy list', () => {
    const result = check({ allergies: ['Ibuprofen'], medications: meds('布洛芬') });
    expect(result.findings.find((finding) => finding.kind === 'allergy')?.severity).toBe('contraindicated');
  });

  it('adds pregnancy notes only when the patient is pregnant', () => {
    expect(kinds(check({ pregnant: true, medications: meds('warfarin') }).findings)).toContain('pregnancy');
    expect(kinds(check({ pregnant: false, medications: meds('warfarin') }).findings)).not.toContain('pregnancy');
  });
});

describe('checkMedications — ONC high-priority recall', () => {
  it('detects every ONC high-priority pair in the source list', () => {
    const file = path.resolve(import.meta.dirname, '../../../data/knowledge/sources/ddi-ansm-onc/ONC_High_Priority_Mapped.csv');
    const pairs = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line.includes('$'))
      .map((line) => line.split('$'))
      .map(([a, , b]) => [a ?? '', b ?? ''] as const);
    const missed = pairs.filter(([a, b]) => !check({ medications: meds(a, b) }).findings.some((finding) => finding.kind === 'interaction'));
    const recall = (pairs.length - missed.length) / pairs.length;
    process.stdout.write(
      `ONC high-priority recall through the checker: ${pairs.length - missed.length}/${pairs.length} = ${recall.toFixed(4)}\n`,
    );
    expect(missed.slice(0, 10)).toEqual([]);
    expect(recall).toBe(1);
  });
});

describe('checkMedications — input', () => {
  it('rejects an empty list and impossible values', () => {
    expect(() => check({ medications: [] })).toThrow();
    expect(() => check({ egfr: -3, medications: meds('warfarin') })).toThrow();
  });
});

describe('checkMedications — salt forms (issue 23: naproxen sodium 220 mg was called a low dose)', () => {
  const doseFindings = (name: string, dose: string, frequency?: string) =>
    check({ medications: [{ name, dose, ...(frequency ? { frequency } : {}) }] }).findings.filter((finding) =>
      finding.kind.startsWith('dose-'),
    );

  it('reads naproxen sodium 220 mg (the OTC tablet, = naproxen 200 mg) as a usual dose, in English and Chinese', () => {
    expect(doseFindings('naproxen sodium', '220 mg', 'q12h')).toEqual([]);
    expect(doseFindings('Naproxen sodium 220 MG Oral Tablet', '220 mg')).toEqual([]);
    expect(doseFindings('萘普生钠片', '220 mg', 'bid')).toEqual([]);
    expect(doseFindings('Aleve', '220 mg', 'q8h')).toEqual([]);
  });

  it('says which base dose the salt dose was judged as', () => {
    const result = check({ medications: [{ name: 'naproxen sodium', dose: '550 mg', frequency: 'bid' }] });
    expect(result.medications[0]?.baseDose).toEqual({ amount: 500, unit: 'mg' });
    expect(result.findings.filter((finding) => finding.kind.startsWith('dose-'))).toEqual([]);
  });

  it('still flags a salt dose above the maximum, stated as the base it equals', () => {
    const high = doseFindings('naproxen sodium', '1100 mg', 'bid');
    expect(high.map((finding) => finding.kind)).toContain('dose-above-single');
    expect(high[0]?.detail.en).toMatch(/naproxen sodium 1100 mg ≈ 1000 mg naproxen/);
    expect(high[0]?.detail.zh).toMatch(/萘普生钠/);
  });

  it('converts ibuprofen sodium (256 mg per 200 mg ibuprofen tablet) before judging it', () => {
    const result = check({ medications: [{ name: 'ibuprofen sodium', dose: '1024 mg', frequency: 'tid' }] });
    expect(result.medications[0]?.baseDose).toEqual({ amount: 800, unit: 'mg' });
    expect(result.findings.filter((finding) => finding.kind.startsWith('dose-'))).toEqual([]);
  });

  it('keeps judging plain naproxen as the base', () => {
    expect(doseFindings('naproxen', '500 mg', 'bid')).toEqual([]);
    expect(doseFindings('naproxen', '100 mg', 'bid').map((finding) => finding.kind)).toEqual(['dose-below-usual']);
  });
});

describe('checkMedications — the "triple whammy" (issue 23: ACE inhibitor + diuretic + NSAID gave 7 pairwise alerts)', () => {
  const interactionLike = (findings: MedicationFinding[]) =>
    findings.filter((finding) => finding.kind === 'interaction' || finding.kind === 'combination');

  it('gives one acute-kidney-injury alert naming the three drugs instead of seven pairwise ones', () => {
    const result = check({ medications: meds('lisinopril', 'hydrochlorothiazide', 'ibuprofen') });
    const alerts = interactionLike(result.findings);
    expect(alerts).toHaveLength(1);
    const [triple] = alerts;
    expect(triple?.kind).toBe('combination');
    expect(triple?.severity).toBe('major');
    expect(triple?.medications).toEqual([0, 1, 2]);
    expect(triple?.title.en).toMatch(/lisinopril/i);
    expect(triple?.title.en).toMatch(/hydrochlorothiazide/i);
    expect(triple?.title.en).toMatch(/ibuprofen/i);
    expect(triple?.title.en).toMatch(/acute kidney injury/i);
    expect(triple?.title.zh).toMatch(/急性肾损伤/);
    expect(triple?.management).toBeUndefined();
    expect(triple?.detail.en).toMatch(/creatinine/);
    expect(triple?.detail.zh).toMatch(/肌酐/);
    // The pairwise rules it replaces are named, so nothing is lost.
    expect(triple?.detail.en).toMatch(/ansm-440/);
    expect(triple?.source.url).toMatch(/^https:\/\//);
  });

  it('works with an ARB, a loop diuretic and naproxen sodium, in Chinese names', () => {
    const result = check({ medications: meds('氯沙坦', '呋塞米', '萘普生钠') });
    const alerts = interactionLike(result.findings);
    expect(alerts.map((finding) => finding.kind)).toEqual(['combination']);
  });

  it('names every member when two diuretics take part, and keeps the stronger or unrelated pairwise alerts', () => {
    const result = check({ medications: meds('ramipril', 'furosemide', 'spironolactone', 'diclofenac') });
    const triple = result.findings.filter((finding) => finding.kind === 'combination');
    expect(triple).toHaveLength(1);
    expect(triple[0]?.medications).toEqual([0, 1, 2, 3]);
    const pairwise = result.findings.filter((finding) => finding.kind === 'interaction');
    // Ramipril + spironolactone hyperkalaemia is rated major by ANSM: kept.
    expect(pairwise.some((finding) => finding.ref.id === 'ansm-435')).toBe(true);
    // The two diuretics with each other are not part of the triple: kept.
    expect(pairwise.some((finding) => finding.medications.join('+') === '1+2')).toBe(true);
    // The moderate renal pairs it explains are gone.
    expect(pairwise.some((finding) => finding.ref.id === 'ansm-839' || finding.ref.id === 'ansm-426')).toBe(false);
  });

  it('does not fire for two of the three, nor for low-dose aspirin as the NSAID', () => {
    const double = check({ medications: meds('lisinopril', 'ibuprofen') });
    expect(kinds(double.findings)).not.toContain('combination');
    expect(interactionLike(double.findings).length).toBeGreaterThan(0);
    const aspirin = check({
      medications: [{ name: 'lisinopril' }, { name: 'hydrochlorothiazide' }, { name: 'aspirin', dose: '100 mg', frequency: 'daily' }],
    });
    expect(kinds(aspirin.findings)).not.toContain('combination');
    const antiInflammatory = check({
      medications: [{ name: 'lisinopril' }, { name: 'hydrochlorothiazide' }, { name: 'aspirin', dose: '1 g', frequency: 'tid' }],
    });
    expect(kinds(antiInflammatory.findings)).toContain('combination');
  });
});
