/**
 * The note engine over the shipped development corpora (ACI-Bench valid, MTS-Dialog validation):
 * every dialogue parses into labelled turns, every ACI-Bench visit gets a complete extractive note,
 * and reference sentences align to their own dialogue far more often than to another one.
 */
import { describe, expect, it } from 'vitest';
import {
  buildExtractiveNote,
  clinicalDocumentSchema,
  contentUnitSet,
  EXTRACTIVE_TITLES,
  parseTranscript,
  SOAP_SECTIONS,
  SUPPORT_THRESHOLD,
  SupportIndex,
  splitSentences,
} from '../../src/engines/notes/index.js';
import { loadNoteEvalSet } from './eval-notes-data.js';

describe('parseTranscript over the development corpora', () => {
  it('parses every shipped development dialogue into labelled speaker turns', () => {
    for (const testCase of [...loadNoteEvalSet('aci-bench'), ...loadNoteEvalSet('mts-dialog')]) {
      const transcript = parseTranscript(testCase.dialogue);
      expect(transcript.language, testCase.id).toBe('en');
      expect(
        transcript.turns.some((t) => t.speaker === 'doctor'),
        testCase.id,
      ).toBe(true);
      // Every line of these sets is labelled, so no turn is an unlabelled fallback.
      expect(
        transcript.turns.every((t) => t.speakerLabel !== ''),
        testCase.id,
      ).toBe(true);
    }
    // MTS-Dialog #20 is a conversation between two clinicians about a patient.
    const twoClinicians = loadNoteEvalSet('mts-dialog').find((c) => c.id === 'MTS-20');
    expect(parseTranscript(twoClinicians?.dialogue ?? '').turns.every((t) => t.speaker === 'doctor')).toBe(true);
  });
});

describe('buildExtractiveNote over ACI-Bench', () => {
  it('produces a complete, labelled SOAP note for every ACI-Bench development dialogue', () => {
    const cases = loadNoteEvalSet('aci-bench');
    expect(cases).toHaveLength(20);
    let withAssessment = 0;
    for (const testCase of cases) {
      const transcript = parseTranscript(testCase.dialogue);
      const doc = clinicalDocumentSchema.parse(buildExtractiveNote(transcript));
      expect(doc.title, testCase.id).toBe(EXTRACTIVE_TITLES.en);
      expect(doc.sections.map((s) => s.key)).toEqual([...SOAP_SECTIONS]);
      // Every visit takes a history, examines and concludes. In the unpunctuated speech-recognition
      // style dialogues one long stretch holds both assessment and plan, so the rules file it once.
      const count = (key: string) => doc.sections.find((s) => s.key === key)?.sentences.length ?? 0;
      expect(count('subjective'), testCase.id).toBeGreaterThan(0);
      expect(count('objective'), testCase.id).toBeGreaterThan(0);
      expect(count('assessment') + count('plan'), testCase.id).toBeGreaterThan(0);
      if (count('assessment') > 0 && count('plan') > 0) withAssessment++;
      const turnIds = new Set(transcript.turns.map((t) => t.id));
      for (const sentence of doc.sections.flatMap((s) => s.sentences)) {
        expect(sentence.support.sourceIds.every((id) => turnIds.has(id))).toBe(true);
      }
    }
    expect(withAssessment).toBeGreaterThanOrEqual(17);
  });
});

describe('provenance alignment over ACI-Bench', () => {
  it('separates ACI-Bench reference sentences aligned to their own dialogue from another dialogue at the threshold', () => {
    const cases = loadNoteEvalSet('aci-bench');
    const indexes = cases.map((c) => new SupportIndex(parseTranscript(c.dialogue).turns));
    let own = 0;
    let other = 0;
    let n = 0;
    cases.forEach((testCase, i) => {
      for (const text of splitSentences(testCase.reference)) {
        const units = contentUnitSet(text);
        if (units.size < 4) continue;
        n++;
        if ((indexes[i]?.align(units).score ?? 0) >= SUPPORT_THRESHOLD) own++;
        if ((indexes[(i + 7) % cases.length]?.align(units).score ?? 0) >= SUPPORT_THRESHOLD) other++;
      }
    });
    expect(n).toBeGreaterThan(500);
    // Measured: 79% of own-dialogue sentences supported vs 13% against another dialogue.
    expect(own / n).toBeGreaterThan(0.75);
    expect(other / n).toBeLessThan(0.16);
  });
});
