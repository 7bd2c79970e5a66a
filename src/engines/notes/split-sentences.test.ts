import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

describe('splitSentences', () => {
  it('splits Chinese at full-width terminators and keeps closing quotes with the sentence', () => {
    expect(splitSentences('头痛三天。伴恶心！有没有发热？无；“还好。”然后')).toEqual([
      '头痛三天。',
      '伴恶心！',
      '有没有发热？',
      '无；',
      '“还好。”',
      '然后',
    ]);
  });

  it('does not split English at titles, decimals or a unit followed by lower-case text', () => {
    expect(splitSentences('Dr. Smith saw Mrs. Lee today. Take 1.5 mg. twice daily with food. Return in 2 weeks!')).toEqual([
      'Dr. Smith saw Mrs. Lee today.',
      'Take 1.5 mg. twice daily with food.',
      'Return in 2 weeks!',
    ]);
  });

  it('ends a sentence after a unit when a capital follows, and at line breaks', () => {
    expect(splitSentences('Metformin 500 mg. Lisinopril 10 mg.\nfollow up')).toEqual([
      'Metformin 500 mg.',
      'Lisinopril 10 mg.',
      'follow up',
    ]);
  });

  it('splits ACI-Bench tokenised text at its spaced full stops', () => {
    expect(splitSentences("hi , brian . how are you ? i'm ok , e.g. tired")).toEqual([
      'hi , brian .',
      'how are you ?',
      "i'm ok , e.g. tired",
    ]);
  });
});
