import type { NoteLanguage } from '../../engines/notes/index.js';
import type { AudioFormat } from './audio-format.js';
import type { TimedSegment } from './chunk-audio.js';

/** What one recognizer call returns: the text, and timed segments when the engine gives them. */
export interface AsrResult {
  text: string;
  /** Seconds from the start of the audio sent; empty when the engine returns text only. */
  segments: TimedSegment[];
  /** The language the engine reports (`en`, `english`, `zh`, …), if any. */
  language?: string;
  durationS?: number;
}

/** One speech recognizer: an OpenAI-compatible endpoint or a local Whisper folder. */
export interface AsrEngine {
  readonly kind: 'openai-compatible' | 'whisper-folder';
  readonly modelName: string;
  /** Formats it can take whole; WAV is always accepted (Suwen cuts it into chunks). */
  readonly acceptsCompressed: boolean;
  transcribe(input: { audio: Uint8Array; format: AudioFormat; language?: NoteLanguage; signal?: AbortSignal }): Promise<AsrResult>;
  dispose?(): Promise<void>;
}
