import { describe, expect, it } from 'vitest';
import { SuwenError } from '../../shared/errors.js';
import { parseTranscript, TRANSCRIPT_LIMITS } from './parse-transcript.js';

describe('parseTranscript', () => {
  it('reads ACI-Bench "[doctor]" / "[patient]" lines, including a guest speaker', () => {
    const transcript = parseTranscript('[doctor] hi , brian .\n[patient] hi .\n[patient_guest] he fell .\n[doctor] okay .');
    expect(transcript.language).toBe('en');
    expect(transcript.turns.map((t) => [t.id, t.speaker, t.text])).toEqual([
      ['T1', 'doctor', 'hi , brian .'],
      ['T2', 'patient', 'hi .'],
      ['T3', 'other', 'he fell .'],
      ['T4', 'doctor', 'okay .'],
    ]);
  });

  it('reads MTS-Dialog "Doctor: … \\r\\n Patient: …" with CRLF and leading spaces, and family speakers', () => {
    const transcript = parseTranscript(
      'Doctor: When did it begin? \r\n Patient: Eight years ago.\r\nGuest_family: She fell.\r\nD: Any injury?\nP: No.',
    );
    expect(transcript.turns.map((t) => [t.speaker, t.speakerLabel, t.text])).toEqual([
      ['doctor', 'Doctor', 'When did it begin?'],
      ['patient', 'Patient', 'Eight years ago.'],
      ['other', 'Guest_family', 'She fell.'],
      ['doctor', 'D', 'Any injury?'],
      ['patient', 'P', 'No.'],
    ]);
  });

  it('reads Chinese labels with full- and half-width colons and detects Chinese', () => {
    const transcript = parseTranscript('医生：哪里不舒服？\n患者：头痛三天了。\n病人:还有点恶心。\n家属：他昨晚发烧了。\n大夫：好的。');
    expect(transcript.language).toBe('zh');
    expect(transcript.turns.map((t) => t.speaker)).toEqual(['doctor', 'patient', 'patient', 'other', 'doctor']);
    expect(transcript.turns[1]?.text).toBe('头痛三天了。');
  });

  it('continues the previous turn with an unlabelled line, and alternates when nothing is labelled', () => {
    const labelled = parseTranscript('Doctor: How are you?\nPatient: Not great.\nMy knee hurts.');
    expect(labelled.turns).toHaveLength(2);
    expect(labelled.turns[1]?.text).toBe('Not great.\nMy knee hurts.');
    const bare = parseTranscript('哪里不舒服？\n咳嗽一周。\n有痰吗？');
    expect(bare.turns.map((t) => t.speaker)).toEqual(['doctor', 'patient', 'doctor']);
  });

  it('does not take a colon in ordinary text for a speaker label', () => {
    const transcript = parseTranscript('Doctor: Plan: start metformin.\nPatient: Note: I am allergic to sulfa.');
    expect(transcript.turns.map((t) => t.text)).toEqual(['Plan: start metformin.', 'Note: I am allergic to sulfa.']);
  });

  it('honours an explicit language', () => {
    expect(parseTranscript('Doctor: hi', { language: 'zh' }).language).toBe('zh');
  });

  it('rejects empty and oversized transcripts with VALIDATION_FAILED', () => {
    for (const text of [
      '',
      '   \n\t ',
      'x'.repeat(TRANSCRIPT_LIMITS.maxChars + 1),
      Array.from({ length: 2001 }, () => 'Doctor: a').join('\n'),
    ]) {
      let error: unknown;
      try {
        parseTranscript(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SuwenError);
      expect((error as SuwenError).code).toBe('VALIDATION_FAILED');
      expect((error as SuwenError).params.summary).toMatch(/empty|longer|turns/);
    }
  });

  it('cuts one very long unpunctuated turn into turns within the per-turn limit', () => {
    const transcript = parseTranscript(`Patient: ${'word '.repeat(9000)}`);
    expect(transcript.turns.length).toBeGreaterThan(1);
    expect(transcript.turns.every((t) => t.text.length <= TRANSCRIPT_LIMITS.maxTurnChars && t.speaker === 'patient')).toBe(true);
  });
});
