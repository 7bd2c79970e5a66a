/**
 * Long recordings in pieces a recognizer takes (Whisper reads 30 s windows; hosted APIs cap the
 * upload size). A cut goes in the middle of the pause nearest each 30 s mark (looking back a few
 * seconds), where the pieces just meet; with no pause there (someone is talking), the pieces
 * overlap by a second so no word is cut in half, and the words heard twice are removed when the
 * texts are joined.
 */
import type { WavAudio } from './wav.js';
import { monoSamples } from './wav.js';

export interface AudioChunk {
  index: number;
  startFrame: number;
  endFrame: number;
  startS: number;
  endS: number;
  /** Seconds shared with the previous chunk (0 when the cut fell in silence). */
  overlapS: number;
}

export interface ChunkPlanOptions {
  /** Target length of a chunk. */
  chunkS?: number;
  /** Overlap when the cut cannot fall in silence. */
  overlapS?: number;
  /** How far before each mark to look for a pause. */
  searchS?: number;
  /** RMS below which a 20 ms window counts as silence (0.01 ≈ −40 dBFS). */
  silenceRms?: number;
}

const WINDOW_S = 0.02;

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}

/**
 * Where to cut in [from, to): the middle of the pause nearest the mark (`to`), or null when no
 * 20 ms window there is quiet enough to count as a pause.
 */
function pauseBefore(audio: WavAudio, from: number, to: number, silence: number): number | null {
  const window = Math.max(1, Math.round(audio.sampleRate * WINDOW_S));
  const samples = monoSamples(audio, from, to);
  let runEnd: number | null = null;
  // Walk back from the mark: the first quiet window found ends the nearest pause; follow it to its start.
  for (let end = samples.length; end - window >= 0; end -= window) {
    const quiet = rms(samples.subarray(end - window, end)) < silence;
    if (quiet && runEnd === null) runEnd = end;
    if (!quiet && runEnd !== null) return from + Math.round((end + runEnd) / 2);
  }
  return runEnd === null ? null : from + Math.round(runEnd / 2);
}

export function planChunks(audio: WavAudio, options: ChunkPlanOptions = {}): AudioChunk[] {
  const rate = audio.sampleRate;
  const chunkFrames = Math.round((options.chunkS ?? 30) * rate);
  const overlapFrames = Math.round((options.overlapS ?? 1) * rate);
  const searchFrames = Math.min(Math.round((options.searchS ?? 3) * rate), Math.floor(chunkFrames / 2));
  const silence = options.silenceRms ?? 0.01;
  // A last piece shorter than this is folded into the one before (tiny pieces make recognizers invent words).
  const minTail = Math.round(Math.min(5 * rate, chunkFrames / 4));
  const chunks: AudioChunk[] = [];
  let start = 0;
  let overlap = 0;
  while (start < audio.frames) {
    const mark = start + chunkFrames;
    let end: number;
    let nextStart: number;
    if (mark + minTail >= audio.frames) {
      end = audio.frames;
      nextStart = audio.frames;
    } else {
      const pause = pauseBefore(audio, mark - searchFrames, mark, silence);
      if (pause !== null) {
        end = pause;
        nextStart = pause;
      } else {
        end = mark;
        nextStart = mark - overlapFrames;
      }
    }
    chunks.push({
      index: chunks.length,
      startFrame: start,
      endFrame: end,
      startS: start / rate,
      endS: end / rate,
      overlapS: overlap / rate,
    });
    overlap = end - nextStart;
    start = nextStart;
  }
  return chunks;
}

export interface TimedSegment {
  start: number;
  end: number;
  text: string;
  speaker?: string;
}

interface Token {
  norm: string;
  end: number;
}

/** Han characters one by one, other scripts by word; lower-cased for comparison. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/\p{Script=Han}|[\p{L}\p{N}']+/gu)].map((m) => ({
    norm: m[0].toLowerCase(),
    end: (m.index ?? 0) + m[0].length,
  }));
}

/**
 * How many leading tokens of `next` repeat the end of `previous` (the words both chunks heard in
 * their shared second). The longest exact match of up to `maxTokens` wins; a garbled token where
 * the audio was cut (the last of `previous`, the first of `next`) may be skipped when at least
 * two tokens match.
 */
export function overlapLength(previous: string, next: string, maxTokens = 12): { dropNext: number; dropPrevious: number } {
  const a = tokens(previous).map((t) => t.norm);
  const b = tokens(next).map((t) => t.norm);
  for (const [skipA, skipB] of [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ] as const) {
    const tail = a.slice(0, a.length - skipA);
    const head = b.slice(skipB);
    for (let k = Math.min(maxTokens, tail.length, head.length); k >= (skipA || skipB ? 2 : 1); k--) {
      let same = true;
      for (let i = 0; i < k && same; i++) same = tail[tail.length - k + i] === head[i];
      if (same) return { dropNext: skipB + k, dropPrevious: skipA };
    }
  }
  return { dropNext: 0, dropPrevious: 0 };
}

/** `text` without its first `count` tokens (and the spaces and punctuation after them). */
function dropLeadingTokens(text: string, count: number): string {
  if (count <= 0) return text;
  const list = tokens(text);
  const cut = list[Math.min(count, list.length) - 1]?.end ?? 0;
  return text.slice(cut).replace(/^[\s\p{P}]+/u, '');
}

/** `text` without its last `count` tokens. */
function dropTrailingTokens(text: string, count: number): string {
  if (count <= 0) return text;
  const list = tokens(text);
  const keep = list.length - count;
  if (keep <= 0) return '';
  return text.slice(0, list[keep - 1]?.end ?? 0);
}

const CJK_EDGE = /[\p{Script=Han}，。；：！？、]/u;

/** Joins pieces of recognized text: a space between words, none between Chinese characters. */
export function joinText(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (out && !(CJK_EDGE.test(out.at(-1) ?? '') && CJK_EDGE.test(part[0] ?? ''))) out += ' ';
    out += part;
  }
  return out;
}

/**
 * Each chunk's segments moved onto the recording's clock, the repeated words of every overlap
 * removed from the later chunk, empty segments dropped.
 */
export function mergeChunkSegments(pieces: { chunk: AudioChunk; segments: TimedSegment[] }[]): TimedSegment[] {
  const merged: TimedSegment[] = [];
  for (const { chunk, segments } of pieces) {
    const shifted = segments
      .map((s) => ({ ...s, start: s.start + chunk.startS, end: Math.min(s.end + chunk.startS, chunk.endS) }))
      .filter((s) => s.text.trim() !== '');
    if (chunk.overlapS > 0 && merged.length > 0 && shifted.length > 0) {
      const tailSegments = merged.slice(-3);
      const { dropNext, dropPrevious } = overlapLength(joinText(tailSegments.map((s) => s.text)), joinText(shifted.map((s) => s.text)));
      let remaining = dropNext;
      while (remaining > 0 && shifted.length > 0) {
        const first = shifted[0] as TimedSegment;
        const count = tokens(first.text).length;
        if (count <= remaining) {
          shifted.shift();
          remaining -= count;
        } else {
          first.text = dropLeadingTokens(first.text, remaining);
          remaining = 0;
        }
      }
      if (dropPrevious > 0) {
        const last = merged.at(-1) as TimedSegment;
        last.text = dropTrailingTokens(last.text, dropPrevious);
        if (!last.text.trim()) merged.pop();
      }
    }
    merged.push(...shifted.map((s) => ({ ...s, text: s.text.trim() })));
  }
  return merged;
}
