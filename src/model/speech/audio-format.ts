/**
 * What kind of audio a file is, read from its first bytes rather than its name or the browser's
 * content type (a MediaRecorder blob may say `audio/webm;codecs=opus` or nothing at all). WAV is
 * the one format Suwen decodes itself (to chunk long recordings); the compressed formats are
 * passed to the recognizer whole.
 */
import { SuwenError } from '../../shared/errors.js';

export const AUDIO_FORMATS = ['wav', 'mp3', 'webm', 'ogg', 'm4a'] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];

/** The largest upload accepted at all (the API's body limit is a little above it). */
export const MAX_AUDIO_BYTES = 100 * 1024 * 1024;

export const AUDIO_MIME: Record<AudioFormat, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  webm: 'audio/webm',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
};

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

/** The format from the magic bytes, or null when it is none of the supported ones. */
export function sniffAudioFormat(bytes: Uint8Array): AudioFormat | null {
  if (bytes.length < 12) return null;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm'; // EBML (WebM/Matroska)
  if (ascii(bytes, 0, 4) === 'OggS') return 'ogg';
  if (ascii(bytes, 4, 4) === 'ftyp') return 'm4a'; // ISO base media (M4A/MP4/3GP)
  if (ascii(bytes, 0, 3) === 'ID3') return 'mp3';
  // MPEG audio frame sync: 11 set bits, a valid layer (not 00) and bitrate index (not 1111).
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0 && ((bytes[1] ?? 0) & 0x06) !== 0 && ((bytes[2] ?? 0) & 0xf0) !== 0xf0)
    return 'mp3';
  return null;
}

/** Rejects what no recognizer could use: nothing, too much, or not audio Suwen knows. */
export function validateAudio(bytes: Uint8Array, maxBytes = MAX_AUDIO_BYTES): AudioFormat {
  if (bytes.length === 0) throw new SuwenError('AUDIO_EMPTY', 'The audio file is empty');
  if (bytes.length > maxBytes)
    throw new SuwenError('AUDIO_TOO_LARGE', 'The audio file is too large', { params: { limitMb: Math.round(maxBytes / 1024 / 1024) } });
  const format = sniffAudioFormat(bytes);
  if (!format) throw new SuwenError('AUDIO_UNSUPPORTED', 'Not a WAV, MP3, WebM, OGG or M4A file');
  return format;
}
