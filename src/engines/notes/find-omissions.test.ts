import { describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../knowledge/index.js';
import { MedicationIndex } from '../medication/index.js';
import type { ClinicalDocument } from './clinical-document.js';
import { createFactExtractor } from './clinical-facts.js';
import { findOmissions } from './find-omissions.js';
import { parseTranscript } from './parse-transcript.js';

const engines = { medications: new MedicationIndex(getKnowledgeBase()) };

function note(lines: string[], language: 'en' | 'zh' = 'en'): ClinicalDocument {
  return {
    format: language === 'zh' ? 'zh-outpatient' : 'soap',
    language,
    title: 'draft',
    method: 'model',
    sections: [
      {
        key: 'plan',
        title: 'Plan',
        sentences: lines.map((text, i) => ({ id: `S${i + 1}`, text, support: { sourceIds: [], status: 'supported', score: 1 } })),
      },
    ],
    omissions: [],
  };
}

const EN = parseTranscript(
  [
    'Doctor: Any chest pain or shortness of breath?',
    "Patient: No chest pain. But I've had a cough and a fever since Monday.",
    'Doctor: Any allergies?',
    "Patient: I'm allergic to penicillin, it gives me hives.",
    'Doctor: What do you take?',
    'Patient: Metformin 500 mg twice a day and aspirin.',
    'Doctor: Your temperature is 38.5 °C, blood pressure one forty over ninety, oxygen saturation 95 percent.',
    "Doctor: I'll start azithromycin 500 mg today. Follow up in two weeks, and come back sooner if you get short of breath.",
  ].join('\n'),
);

describe('fact extraction', () => {
  it('reads medications with doses, allergies, symptoms, vitals and follow-up, and marks negation and questions', () => {
    const facts = createFactExtractor(engines.medications)(
      'No chest pain but a cough. Allergic to penicillin. Takes metformin 500 mg. BP 140/90, pulse 88. Follow up in 2 weeks. Any fever?',
    );
    const keys = facts.map((f) => `${f.kind}:${f.key}${f.negated ? ' (neg)' : ''}${f.question ? ' (q)' : ''}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'symptom:chest-pain (neg)',
        'symptom:cough',
        'allergy:penicillin',
        'medication:metformin',
        'dose:metformin:500mg',
        'vital:bp:140/90',
        'vital:hr:88',
        'follow_up:fu:2 week',
        'symptom:fever (q)',
      ]),
    );
  });

  it('reads Chinese: drug names, 过敏, negation with 无/否认, vitals and 复查 intervals', () => {
    const facts = createFactExtractor(engines.medications)(
      '否认胸痛，咳嗽三天。对青霉素过敏。口服二甲双胍0.5克。血压150/95mmHg，体温38.2℃。两周后复查，如有气促及时就诊。',
    );
    const keys = facts.map((f) => `${f.kind}:${f.key}${f.negated ? ' (neg)' : ''}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'symptom:chest-pain (neg)',
        'symptom:cough',
        'allergy:penicillin',
        'medication:metformin',
        'dose:metformin:0.5g',
        'vital:bp:150/95',
        'vital:temp:38.2',
        'follow_up:fu:2 week',
        'follow_up:fu:return-if',
      ]),
    );
  });
});

describe('findOmissions', () => {
  it('reports nothing when the note carries every fact, across wording (2 weeks / two weeks, 140/90 / one forty over ninety)', () => {
    const complete = note([
      'Cough and fever since Monday; no chest pain.',
      'Penicillin allergy (hives).',
      'Metformin 500 mg twice daily; aspirin.',
      'Temperature 38.5 °C, BP 140/90, SpO2 95%.',
      'Start azithromycin 500 mg. Follow-up in 2 weeks; return if short of breath.',
    ]);
    expect(findOmissions(EN, complete, engines)).toEqual([]);
  });

  it('reports a dropped medication (with its dose) and a dropped allergy, vital, symptom and follow-up, citing the turns', () => {
    const sparse = note(['Cough since Monday.', 'Start azithromycin 500 mg.']);
    const omissions = findOmissions(EN, sparse, engines);
    const byKind = (kind: string) => omissions.filter((o) => o.kind === kind);
    expect(byKind('medication').map((o) => [o.text, o.turnIds])).toEqual([
      ['metformin 500 mg', ['T6']],
      ['aspirin', ['T6']],
    ]);
    // The allergy comes with the reaction said with it.
    expect(byKind('allergy').map((o) => [o.text, o.turnIds])).toEqual([['penicillin (hives)', ['T4']]]);
    expect(byKind('symptom').map((o) => o.text)).toEqual(expect.arrayContaining(['fever']));
    expect(byKind('vital').map((o) => o.turnIds)).toEqual([['T7'], ['T7'], ['T7']]);
    expect(byKind('follow_up').length).toBe(2);
    // Denied and asked-about symptoms are not omissions of a positive finding.
    expect(omissions.some((o) => /chest pain/.test(o.text))).toBe(false);
    // The dose of a medication the note has is not reported again; a dose changed in the note is.
    expect(byKind('dose')).toEqual([]);
    const wrongDose = findOmissions(EN, note(['Metformin 1000 mg.', 'Aspirin.']), engines).filter((o) => o.kind === 'dose');
    expect(wrongDose.map((o) => o.text)).toEqual(['metformin 500 mg']);
  });

  it('matches a Chinese note against an English transcript by meaning', () => {
    const zhNote = note(['咳嗽、发热。', '青霉素过敏（荨麻疹）。', '二甲双胍500毫克，每日两次；阿司匹林。', '阿奇霉素500毫克。'], 'zh');
    const kinds = findOmissions(EN, zhNote, engines).map((o) => `${o.kind}:${o.text}`);
    expect(kinds.filter((k) => k.startsWith('medication') || k.startsWith('allergy') || k.startsWith('dose'))).toEqual([]);
  });

  it('keeps "no known allergies" simple: omitted only when the note says nothing about allergies', () => {
    const transcript = parseTranscript('Doctor: Any allergies?\nPatient: No known drug allergies.\nDoctor: 无过敏史，好的。');
    expect(findOmissions(transcript, note(['NKDA.']), engines)).toEqual([]);
    expect(findOmissions(transcript, note(['Well.']), engines).map((o) => [o.kind, o.turnIds])).toEqual([['allergy', ['T2', 'T3']]]);
  });
});
