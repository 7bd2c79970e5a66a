/**
 * Local transcription from a Whisper model folder the operator supplies, in the transformers.js
 * layout (e.g. a download of `onnx-community/whisper-base`): config and tokenizer JSON at the top,
 * ONNX encoder and merged decoder under `onnx/`. Suwen ships no weights and never downloads any:
 * remote models are switched off before the library loads anything, and the folder is checked
 * first so a missing file is named instead of fetched. The library is imported on first use.
 * Only WAV can be read (Suwen ships no MP3/WebM decoder); audio is resampled to 16 kHz mono.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SuwenError } from '../../shared/errors.js';
import type { AsrEngine, AsrResult } from './asr-engine.js';
import type { TimedSegment } from './chunk-audio.js';
import { monoSamples, parseWav, resample } from './wav.js';

const REQUIRED_FILES = ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'];

/** transformers.js dtype → file suffix, in the order Suwen prefers them. */
const DTYPES = [
  ['fp32', ''],
  ['q8', '_quantized'],
  ['fp16', '_fp16'],
  ['int8', '_int8'],
  ['uint8', '_uint8'],
  ['q4', '_q4'],
  ['q4f16', '_q4f16'],
  ['bnb4', '_bnb4'],
] as const;

export interface WhisperFolderCheck {
  ok: boolean;
  /** Files the folder lacks, relative to it. */
  missing: string[];
  /** The weights variant found (fp32, q8, …). */
  dtype: (typeof DTYPES)[number][0] | null;
}

export function checkWhisperFolder(dir: string): WhisperFolderCheck {
  if (!existsSync(dir)) return { ok: false, missing: [dir], dtype: null };
  const missing = REQUIRED_FILES.filter((file) => !existsSync(join(dir, file)));
  const onnx = existsSync(join(dir, 'onnx')) ? new Set(readdirSync(join(dir, 'onnx'))) : new Set<string>();
  const found = DTYPES.find(([, suffix]) => onnx.has(`encoder_model${suffix}.onnx`) && onnx.has(`decoder_model_merged${suffix}.onnx`));
  if (!found) {
    if (![...onnx].some((f) => f.startsWith('encoder_model'))) missing.push('onnx/encoder_model.onnx');
    if (![...onnx].some((f) => f.startsWith('decoder_model_merged'))) missing.push('onnx/decoder_model_merged.onnx');
    if (onnx.size > 0 && missing.every((m) => !m.startsWith('onnx/')))
      missing.push('onnx/encoder_model.onnx and onnx/decoder_model_merged.onnx of the same variant (e.g. both _quantized)');
  }
  return { ok: missing.length === 0, missing, dtype: found?.[0] ?? null };
}

function folderError(dir: string, reason: string): SuwenError {
  return new SuwenError('ASR_UNAVAILABLE', `Whisper folder ${dir}: ${reason}`, { params: { reason: `Whisper folder ${dir}: ${reason}` } });
}

type AsrPipeline = (
  audio: Float32Array,
  options: Record<string, unknown>,
) => Promise<{ text: string; chunks?: { timestamp: [number, number | null]; text: string }[] }>;

const LANGUAGE_NAMES = { zh: 'chinese', en: 'english' } as const;

export function createWhisperFolderEngine(folder: string): AsrEngine {
  const dir = resolve(folder);
  let loading: Promise<AsrPipeline> | null = null;

  async function load(): Promise<AsrPipeline> {
    const check = checkWhisperFolder(dir);
    if (!check.ok) throw folderError(dir, `missing ${check.missing.join(', ')}`);
    const transformers = await import('@huggingface/transformers');
    // Offline only: never reach the Hugging Face hub, read the folder as a local model id.
    transformers.env.allowRemoteModels = false;
    transformers.env.allowLocalModels = true;
    transformers.env.localModelPath = `${dirname(dir)}/`;
    try {
      const pipe = await transformers.pipeline('automatic-speech-recognition', basename(dir), {
        dtype: check.dtype ?? 'fp32',
        local_files_only: true,
      });
      return pipe;
    } catch (error) {
      throw folderError(dir, `could not be loaded (${(error as Error).message.slice(0, 200)})`);
    }
  }

  return {
    kind: 'whisper-folder',
    modelName: basename(dir),
    acceptsCompressed: false,
    async transcribe(input): Promise<AsrResult> {
      if (input.format !== 'wav')
        throw new SuwenError('AUDIO_UNSUPPORTED', 'The local Whisper folder reads WAV only; convert the recording first');
      if (input.signal?.aborted) throw new SuwenError('CANCELLED', 'Transcription cancelled');
      loading ??= load();
      let pipe: AsrPipeline;
      try {
        pipe = await loading;
      } catch (error) {
        loading = null; // the operator may fix the folder without a restart
        throw error;
      }
      const wav = parseWav(input.audio);
      const samples = resample(monoSamples(wav), wav.sampleRate, 16_000);
      const output = await pipe(samples, {
        task: 'transcribe',
        return_timestamps: true,
        chunk_length_s: 30,
        ...(input.language ? { language: LANGUAGE_NAMES[input.language] } : {}),
      });
      const segments: TimedSegment[] = (output.chunks ?? []).map((c) => ({
        start: c.timestamp[0] ?? 0,
        end: c.timestamp[1] ?? wav.durationS,
        text: c.text.trim(),
      }));
      return { text: output.text.trim(), segments, durationS: wav.durationS };
    },
  };
}
