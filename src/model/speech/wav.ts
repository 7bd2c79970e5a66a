/**
 * RIFF/WAVE read and write, just enough to cut long recordings into pieces a recognizer accepts:
 * integer PCM (8, 16, 24, 32 bit) and 32-bit float, any sample rate and channel count,
 * WAVE_FORMAT_EXTENSIBLE included. Streaming recorders often leave the data size at 0 or
 * 0xFFFFFFFF; the data then runs to the end of the file.
 */
import { SuwenError } from '../../shared/errors.js';

export interface WavAudio {
  /** 1 = integer PCM, 3 = IEEE float (WAVE_FORMAT_EXTENSIBLE resolved to its sub-format). */
  encoding: 1 | 3;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Bytes per frame (all channels of one sample). */
  blockAlign: number;
  /** The PCM data (a view into the file, not a copy). */
  data: Uint8Array;
  frames: number;
  durationS: number;
}

function malformed(reason: string): SuwenError {
  return new SuwenError('AUDIO_MALFORMED', `Malformed WAV: ${reason}`, { params: { reason } });
}

export function parseWav(bytes: Uint8Array): WavAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) =>
    String.fromCharCode(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0, bytes[offset + 3] ?? 0);
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw malformed('no RIFF/WAVE header');
  let offset = 12;
  let fmt: Omit<WavAudio, 'data' | 'frames' | 'durationS'> | null = null;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (declared < 16 || body + 16 > bytes.length) throw malformed('fmt chunk too short');
      let encoding = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const blockAlign = view.getUint16(body + 12, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      if (encoding === 0xfffe && declared >= 40 && body + 26 <= bytes.length) encoding = view.getUint16(body + 24, true); // sub-format GUID's first two bytes
      if (encoding !== 1 && encoding !== 3) throw malformed(`compressed WAV (format ${encoding}) is not supported`);
      if (channels < 1 || channels > 32) throw malformed(`${channels} channels`);
      if (sampleRate < 1000 || sampleRate > 384_000) throw malformed(`sample rate ${sampleRate}`);
      const validBits = encoding === 3 ? [32] : [8, 16, 24, 32];
      if (!validBits.includes(bitsPerSample)) throw malformed(`${bitsPerSample}-bit samples`);
      if (blockAlign !== (channels * bitsPerSample) / 8) throw malformed('block alignment does not match the sample size');
      fmt = { encoding, sampleRate, channels, bitsPerSample, blockAlign };
    } else if (id === 'data') {
      if (!fmt) throw malformed('data before fmt');
      const available = bytes.length - body;
      const size = declared === 0 || declared > available ? available : declared;
      const usable = size - (size % fmt.blockAlign);
      const frames = usable / fmt.blockAlign;
      return { ...fmt, data: bytes.subarray(body, body + usable), frames, durationS: frames / fmt.sampleRate };
    }
    offset = body + declared + (declared % 2); // chunks are padded to even sizes
  }
  throw malformed(fmt ? 'no data chunk' : 'no fmt chunk');
}

/** A WAV file holding `data` (whole frames) in the given format. */
export function encodeWav(format: Pick<WavAudio, 'encoding' | 'sampleRate' | 'channels' | 'bitsPerSample'>, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(44 + data.length);
  const view = new DataView(out.buffer);
  const write = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  };
  const blockAlign = (format.channels * format.bitsPerSample) / 8;
  write(0, 'RIFF');
  view.setUint32(4, 36 + data.length, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, format.encoding, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, format.bitsPerSample, true);
  write(36, 'data');
  view.setUint32(40, data.length, true);
  out.set(data, 44);
  return out;
}

/** The frames [from, to) as a WAV file of their own. */
export function sliceWav(audio: WavAudio, fromFrame: number, toFrame: number): Uint8Array {
  const from = Math.max(0, Math.min(audio.frames, fromFrame));
  const to = Math.max(from, Math.min(audio.frames, toFrame));
  return encodeWav(audio, audio.data.subarray(from * audio.blockAlign, to * audio.blockAlign));
}

/** One sample as a float in [-1, 1]. */
function sampleAt(audio: WavAudio, view: DataView, byteOffset: number): number {
  switch (audio.bitsPerSample) {
    case 8:
      return ((audio.data[byteOffset] ?? 128) - 128) / 128; // 8-bit WAV is unsigned
    case 16:
      return view.getInt16(byteOffset, true) / 32768;
    case 24: // little-endian, the top byte carries the sign
      return (view.getUint8(byteOffset) | (view.getUint8(byteOffset + 1) << 8) | (view.getInt8(byteOffset + 2) << 16)) / 8_388_608;
    default:
      return audio.encoding === 3 ? view.getFloat32(byteOffset, true) : view.getInt32(byteOffset, true) / 2_147_483_648;
  }
}

/** Mono float samples of frames [from, to), channels averaged. */
export function monoSamples(audio: WavAudio, fromFrame = 0, toFrame = audio.frames): Float32Array {
  const view = new DataView(audio.data.buffer, audio.data.byteOffset, audio.data.byteLength);
  const from = Math.max(0, fromFrame);
  const to = Math.min(audio.frames, toFrame);
  const out = new Float32Array(Math.max(0, to - from));
  const bytesPerSample = audio.bitsPerSample / 8;
  for (let frame = from; frame < to; frame++) {
    let sum = 0;
    const base = frame * audio.blockAlign;
    for (let channel = 0; channel < audio.channels; channel++) sum += sampleAt(audio, view, base + channel * bytesPerSample);
    out[frame - from] = sum / audio.channels;
  }
  return out;
}

/** Linear-interpolation resampling (what a Whisper feature extractor needs: 16 kHz mono). */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return samples;
  const length = Math.max(0, Math.floor((samples.length * toRate) / fromRate));
  const out = new Float32Array(length);
  const step = fromRate / toRate;
  for (let i = 0; i < length; i++) {
    const position = i * step;
    const left = Math.floor(position);
    const fraction = position - left;
    const a = samples[left] ?? 0;
    const b = samples[left + 1] ?? a;
    out[i] = a + (b - a) * fraction;
  }
  return out;
}
