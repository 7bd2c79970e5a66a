import { describe, expect, it } from 'vitest';
import type { ClinicalDocument, NoteSentence } from './clinical-document.js';
import { parseTranscript } from './parse-transcript.js';
import { alignSentence, resolveSupport, SUPPORT_THRESHOLD, SupportIndex, scoreSupport, unsupportedSentences } from './provenance.js';

const transcript = parseTranscript(
  [
    'Doctor: What brings you in today?',
    'Patient: I have had chest pain for two weeks, worse when I climb stairs.',
    'Doctor: Are you taking any medications?',
    'Patient: Metformin 500 mg twice a day for my diabetes.',
    'Doctor: Your blood pressure is 150/90. I will start lisinopril 10 mg daily and see you in 2 weeks.',
  ].join('\n'),
);

const sentence = (
  id: string,
  text: string,
  sourceIds: string[],
  status: NoteSentence['support']['status'] = 'supported',
): NoteSentence => ({
  id,
  text,
  support: { sourceIds, status, score: 0 },
});

function doc(sentences: NoteSentence[]): ClinicalDocument {
  return {
    format: 'soap',
    language: 'en',
    title: 't',
    method: 'model',
    sections: [{ key: 'subjective', title: 'Subjective', sentences }],
    omissions: [],
  };
}

describe('provenance', () => {
  it('scores the share of a sentence the sources back, with number words and stems matched', () => {
    expect(
      scoreSupport('Chest pain for 2 weeks, worsening on stairs.', ['I have had chest pain for two weeks, worse when I climb stairs.']),
    ).toBe(
      // chest, pain, 2, week, stair backed; "worsen" is not "worse"
      5 / 6,
    );
    expect(scoreSupport('Patient reports a rash on the arm.', ['I have had chest pain for two weeks.'])).toBe(0);
    // 头痛 3天 恶心 backed (三天 read as 3天, number and counter one unit); 伴恶 (across two words) is not
    expect(scoreSupport('头痛三天，伴恶心。', ['我头痛三天了，还有点恶心。'])).toBe(0.75);
    expect(scoreSupport('咳嗽3天。', ['患者咳嗽三天。'])).toBe(1);
    expect(scoreSupport('None.', [])).toBe(1);
  });

  it('aligns a sentence to the turns that together back it, in transcript order', () => {
    const aligned = alignSentence('Chest pain for two weeks; on metformin 500 mg.', transcript.turns);
    expect(aligned.sourceIds).toEqual(['T2', 'T4']);
    expect(aligned.score).toBe(1);
    expect(alignSentence('Completely unrelated words here.', transcript.turns)).toEqual({ sourceIds: [], score: 0 });
  });

  it('keeps supported citations, flags an invented sentence and an unknown turn id, and leaves computed and clinician sentences alone', () => {
    const resolved = resolveSupport(
      doc([
        sentence('S1', 'Chest pain for two weeks, worse on stairs.', ['T2']),
        sentence('S2', 'The patient smokes two packs a day and drinks heavily.', ['T2']),
        sentence('S3', 'Takes metformin 500 mg twice daily.', ['T99']),
        sentence('S4', 'Lisinopril started.', [], 'computed'),
        sentence('S5', 'Discussed smoking cessation at length.', [], 'clinician'),
      ]),
      transcript.turns,
    );
    const [s1, s2, s3, s4, s5] = resolved.sections[0]?.sentences ?? [];
    expect(s1?.support).toMatchObject({ sourceIds: ['T2'], status: 'supported' });
    expect(s1?.support.score).toBeGreaterThanOrEqual(SUPPORT_THRESHOLD);
    expect(s2?.support.status).toBe('unsupported');
    expect(s2?.support.score).toBeLessThan(SUPPORT_THRESHOLD);
    expect(s3?.support).toMatchObject({ sourceIds: [], status: 'unsupported', score: 0 });
    expect(s4?.support).toEqual({ sourceIds: [], status: 'computed', score: 0 });
    // The reviewing clinician's own sentence is theirs to vouch for, not a possible hallucination.
    expect(s5?.support).toEqual({ sourceIds: [], status: 'clinician', score: 0 });
    expect(unsupportedSentences(resolved).map((s) => s.id)).toEqual(['S2', 'S3']);
  });

  it('finds the backing turns for an uncited or mis-cited sentence unless told not to', () => {
    const uncited = doc([
      sentence('S1', 'Metformin 500 mg twice a day for diabetes.', []),
      sentence('S2', 'Blood pressure 150/90.', ['T1']),
    ]);
    const [a, b] = resolveSupport(uncited, new SupportIndex(transcript.turns)).sections[0]?.sentences ?? [];
    expect(a?.support).toMatchObject({ sourceIds: ['T4'], status: 'supported', score: 1 });
    expect(b?.support).toMatchObject({ sourceIds: ['T5'], status: 'supported' });
    const strict = resolveSupport(uncited, transcript.turns, { realign: false }).sections[0]?.sentences ?? [];
    expect(strict.map((s) => s.support.status)).toEqual(['unsupported', 'unsupported']);
  });
});
