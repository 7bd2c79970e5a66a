import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../engines/notes/index.js';
import type { SuwenError } from '../../shared/errors.js';
import { sniffAudioFormat, validateAudio } from './audio-format.js';
import { joinText, mergeChunkSegments, overlapLength, planChunks } from './chunk-audio.js';
import { segmentsToTranscript, transcriptToText } from './speaker-turns.js';
import { synthesizeWav } from './testing/synthetic-wav.js';
import { encodeWav, monoSamples, parseWav, resample, sliceWav } from './wav.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as SuwenError).code;
  }
  return null;
};

describe('audio formats', () => {
  it('tells formats by their magic bytes, not their names', () => {
    const pad = (head: number[] | string) => {
      const bytes = new Uint8Array(32);
      bytes.set(typeof head === 'string' ? [...head].map((ch) => ch.charCodeAt(0)) : head);
      return bytes;
    };
    expect(sniffAudioFormat(synthesizeWav([{ tone: 0.1 }]))).toBe('wav');
    expect(sniffAudioFormat(pad([0x1a, 0x45, 0xdf, 0xa3]))).toBe('webm');
    expect(sniffAudioFormat(pad('OggS'))).toBe('ogg');
    expect(sniffAudioFormat(pad('ID3\u0004'))).toBe('mp3');
    expect(sniffAudioFormat(pad([0xff, 0xfb, 0x90, 0x64]))).toBe('mp3');
    expect(sniffAudioFormat(pad('\u0000\u0000\u0000\u0020ftypM4A '))).toBe('m4a');
    expect(sniffAudioFormat(pad('%PDF-1.7'))).toBeNull();
    expect(sniffAudioFormat(pad([0xff, 0xff, 0xff, 0xff]))).toBeNull(); // bad MPEG layer/bitrate bits
    expect(codeOf(() => validateAudio(new Uint8Array(0)))).toBe('AUDIO_EMPTY');
    expect(codeOf(() => validateAudio(pad('%PDF-1.7')))).toBe('AUDIO_UNSUPPORTED');
    expect(codeOf(() => validateAudio(pad('OggS'), 16))).toBe('AUDIO_TOO_LARGE');
  });
});

describe('WAV', () => {
  it('reads 8- and 16-bit PCM at any rate and channel count, and writes what it reads', () => {
    for (const [rate, channels, bits] of [
      [16_000, 1, 16],
      [44_100, 2, 16],
      [8_000, 1, 8],
      [22_050, 2, 8],
    ] as const) {
      const wav = parseWav(synthesizeWav([{ tone: 0.5 }, { silence: 0.25 }], { sampleRate: rate, channels, bits }));
      expect(wav).toMatchObject({
        sampleRate: rate,
        channels,
        bitsPerSample: bits,
        frames: Math.round(0.5 * rate) + Math.round(0.25 * rate),
      });
      expect(wav.durationS).toBeCloseTo(0.75, 3);
      const mono = monoSamples(wav);
      expect(Math.max(...mono.subarray(0, rate / 2))).toBeGreaterThan(0.45);
      expect(Math.max(...mono.subarray(Math.round(0.55 * rate)).map(Math.abs))).toBeLessThan(0.01);
      const again = parseWav(sliceWav(wav, 0, wav.frames));
      expect(Buffer.from(again.data).equals(Buffer.from(wav.data))).toBe(true);
    }
  });

  it('accepts a streaming recorder’s open-ended data size and skips unknown chunks', () => {
    const wav = synthesizeWav([{ tone: 0.2 }]);
    const withList = new Uint8Array(wav.length + 10);
    withList.set(wav.subarray(0, 36));
    withList.set(
      [...'LIST'].map((c) => c.charCodeAt(0)),
      36,
    );
    new DataView(withList.buffer).setUint32(40, 1, true); // odd size: one pad byte follows
    withList.set(wav.subarray(36), 46);
    new DataView(withList.buffer).setUint32(50, 0xffffffff, true);
    expect(parseWav(withList).frames).toBe(3200);
  });

  it('names what is wrong with a broken WAV', () => {
    const wav = synthesizeWav([{ tone: 0.1 }]);
    const adpcm = wav.slice();
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(() => parseWav(adpcm)).toThrow(/compressed WAV/);
    expect(codeOf(() => parseWav(wav.subarray(0, 30)))).toBe('AUDIO_MALFORMED');
    expect(() => parseWav(encodeWav({ encoding: 1, sampleRate: 16_000, channels: 1, bitsPerSample: 12 }, new Uint8Array(0)))).toThrow(
      /12-bit/,
    );
  });

  it('resamples to 16 kHz keeping the length in seconds', () => {
    const wav = parseWav(synthesizeWav([{ tone: 1 }], { sampleRate: 44_100 }));
    expect(resample(monoSamples(wav), 44_100, 16_000).length).toBe(16_000);
  });
});

describe('chunking', () => {
  it('cuts at pauses near each 30 s mark, without overlap', () => {
    // Speech with a 0.5 s pause every 10 s.
    const score = Array.from({ length: 10 }, () => [{ tone: 9.5 }, { silence: 0.5 }]).flat();
    const wav = parseWav(synthesizeWav(score, { sampleRate: 8000 }));
    const chunks = planChunks(wav);
    expect(chunks.length).toBe(4);
    for (const chunk of chunks.slice(1)) {
      expect(chunk.overlapS).toBe(0);
      expect(chunk.startS % 10).toBeGreaterThan(9.5); // inside a pause
    }
    expect(chunks.at(-1)?.endFrame).toBe(wav.frames);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]?.startFrame).toBe(chunks[i - 1]?.endFrame);
  });

  it('overlaps by a second where nobody pauses, and folds a short tail into the last chunk', () => {
    const wav = parseWav(synthesizeWav([{ tone: 63 }], { sampleRate: 8000 }));
    const chunks = planChunks(wav);
    expect(chunks.map((c) => [c.startS, c.endS, c.overlapS])).toEqual([
      [0, 30, 0],
      [29, 63, 1],
    ]);
  });

  it('removes the words heard twice in an overlap, Chinese and English', () => {
    expect(overlapLength('one two three four', 'three four five six')).toEqual({ dropNext: 2, dropPrevious: 0 });
    expect(overlapLength('six seven eigh', 'six seven eight nine')).toEqual({ dropNext: 2, dropPrevious: 1 });
    expect(overlapLength('five six seven eight', 'ven seven eight nine')).toEqual({ dropNext: 3, dropPrevious: 0 });
    expect(overlapLength('胸口疼了两天', '两天了，还有点咳嗽')).toEqual({ dropNext: 2, dropPrevious: 0 });
    expect(overlapLength('alpha beta', 'gamma delta')).toEqual({ dropNext: 0, dropPrevious: 0 });
    const merged = mergeChunkSegments([
      {
        chunk: { index: 0, startFrame: 0, endFrame: 0, startS: 0, endS: 30, overlapS: 0 },
        segments: [{ start: 25, end: 30, text: 'I have had chest pain' }],
      },
      {
        chunk: { index: 1, startFrame: 0, endFrame: 0, startS: 29, endS: 40, overlapS: 1 },
        segments: [
          { start: 0, end: 3, text: 'chest pain, for two days.' },
          { start: 3, end: 5, text: 'Any fever?' },
        ],
      },
    ]);
    expect(merged).toEqual([
      { start: 25, end: 30, text: 'I have had chest pain' },
      { start: 29, end: 32, text: 'for two days.' },
      { start: 32, end: 34, text: 'Any fever?' },
    ]);
    expect(joinText(['胸口疼。', '两天了', 'BP 150/90'])).toBe('胸口疼。两天了 BP 150/90');
  });
});

describe('speaker turns', () => {
  it('maps named and anonymous speakers, merging a speaker’s consecutive segments', () => {
    const transcript = segmentsToTranscript([
      { start: 0, end: 2, text: 'What brings you in?', speaker: 'SPEAKER_00' },
      { start: 2, end: 5, text: 'Chest pain.', speaker: 'SPEAKER_01' },
      { start: 5, end: 6, text: 'Two days now.', speaker: 'SPEAKER_01' },
      { start: 6, end: 7, text: 'Any fever?', speaker: 'SPEAKER_00' },
      { start: 7, end: 8, text: 'He had a cough.', speaker: 'SPEAKER_02' },
    ]);
    expect(transcript.language).toBe('en');
    expect(transcript.turns.map((t) => [t.id, t.speaker, t.speakerLabel, t.text, t.startS, t.endS])).toEqual([
      ['T1', 'doctor', 'SPEAKER_00', 'What brings you in?', 0, 2],
      ['T2', 'patient', 'SPEAKER_01', 'Chest pain. Two days now.', 2, 6],
      ['T3', 'doctor', 'SPEAKER_00', 'Any fever?', 6, 7],
      ['T4', 'other', 'SPEAKER_02', 'He had a cough.', 7, 8],
    ]);
    const zh = segmentsToTranscript([
      { start: 0, end: 1, text: '哪里不舒服？', speaker: '医生' },
      { start: 1, end: 2, text: '胸口疼两天了。', speaker: '患者' },
    ]);
    expect(zh.language).toBe('zh');
    expect(zh.turns.map((t) => t.speaker)).toEqual(['doctor', 'patient']);
    expect(transcriptToText(zh)).toBe('医生：哪里不舒服？\n患者：胸口疼两天了。');
    // What `suwen note` reads back: the same speakers, turn for turn.
    const text = transcriptToText(transcript);
    expect(text.split('\n').at(-1)).toBe('Speaker: He had a cough.');
    expect(parseTranscript(text).turns.map((t) => t.speaker)).toEqual(transcript.turns.map((t) => t.speaker));
  });

  it('makes one unlabelled turn per segment when the recognizer gives no speakers', () => {
    const transcript = segmentsToTranscript([
      { start: 0, end: 2, text: 'What brings you in?' },
      { start: 2, end: 4, text: '  ' },
      { start: 4, end: 5, text: 'Chest pain.' },
    ]);
    expect(transcript.turns.map((t) => [t.id, t.speaker, t.speakerLabel])).toEqual([
      ['T1', 'other', ''],
      ['T2', 'other', ''],
    ]);
    expect(transcriptToText(transcript)).toBe('What brings you in?\nChest pain.');
  });
});
