/**
 * Test and benchmark support: WAV files built from a score of tones ("speech") and silences, so
 * chunking can be checked against known pause positions without recorded audio.
 */
import { encodeWav } from '../wav.js';

export type Piece = { tone: number; hz?: number } | { silence: number };

/** 16-bit PCM (or 8-bit) WAV of the pieces in order; tones at amplitude 0.5. */
export function synthesizeWav(pieces: Piece[], options: { sampleRate?: number; channels?: number; bits?: 8 | 16 } = {}): Uint8Array {
  const rate = options.sampleRate ?? 16_000;
  const channels = options.channels ?? 1;
  const bits = options.bits ?? 16;
  const frames = pieces.reduce((sum, p) => sum + Math.round(('tone' in p ? p.tone : p.silence) * rate), 0);
  const bytesPerSample = bits / 8;
  const data = new Uint8Array(frames * channels * bytesPerSample);
  const view = new DataView(data.buffer);
  let frame = 0;
  for (const piece of pieces) {
    const count = Math.round(('tone' in piece ? piece.tone : piece.silence) * rate);
    for (let i = 0; i < count; i++, frame++) {
      const value = 'tone' in piece ? 0.5 * Math.sin((2 * Math.PI * (piece.hz ?? 220) * i) / rate) : 0;
      for (let channel = 0; channel < channels; channel++) {
        const offset = (frame * channels + channel) * bytesPerSample;
        if (bits === 16) view.setInt16(offset, Math.round(value * 32767), true);
        else data[offset] = Math.round(value * 127) + 128;
      }
    }
  }
  return encodeWav({ encoding: 1, sampleRate: rate, channels, bitsPerSample: bits }, data);
}
