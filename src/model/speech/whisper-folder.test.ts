import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SuwenError } from '../../shared/errors.js';
import { synthesizeWav } from './testing/synthetic-wav.js';
import { checkWhisperFolder, createWhisperFolderEngine } from './whisper-folder.js';

/**
 * No Whisper weights exist on the test machine (Suwen ships none). What can be checked: a missing
 * or incomplete folder is named file by file, and nothing — not even a folder that looks complete
 * but holds broken weights — makes the library reach for the network.
 */
const CONFIGS = ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'];

function folder(files: string[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'suwen-whisper-')), 'whisper-base');
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  for (const file of files)
    writeFileSync(
      join(dir, file),
      file === 'config.json'
        ? JSON.stringify({ model_type: 'whisper', architectures: ['WhisperForConditionalGeneration'] })
        : file.endsWith('.json')
          ? '{}'
          : 'not an onnx model',
    );
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<SuwenError> {
  try {
    await promise;
  } catch (error) {
    return error as SuwenError;
  }
  throw new Error('expected a failure');
}

describe('Whisper model folder', () => {
  const network = vi.fn(() => Promise.reject(new Error('network used')));
  let realFetch: typeof fetch;
  beforeEach(() => {
    realFetch = globalThis.fetch;
    globalThis.fetch = network;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('names each missing file, and the weights variant it found', () => {
    expect(checkWhisperFolder('/nonexistent/whisper')).toMatchObject({ ok: false, missing: ['/nonexistent/whisper'] });
    const configsOnly = checkWhisperFolder(folder(CONFIGS.filter((f) => f !== 'tokenizer.json')));
    expect(configsOnly.missing).toEqual(['tokenizer.json', 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx']);
    const mixed = checkWhisperFolder(folder([...CONFIGS, 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged_quantized.onnx']));
    expect(mixed.ok).toBe(false);
    expect(mixed.missing.join()).toMatch(/same variant/);
    expect(
      checkWhisperFolder(folder([...CONFIGS, 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'])),
    ).toEqual({
      ok: true,
      missing: [],
      dtype: 'q8',
    });
  });

  it('fails with the missing file named, before loading anything', async () => {
    const dir = folder(CONFIGS);
    const error = await failure(createWhisperFolderEngine(dir).transcribe({ audio: synthesizeWav([{ tone: 1 }]), format: 'wav' }));
    expect(error.code).toBe('ASR_UNAVAILABLE');
    expect(error.message).toContain('onnx/encoder_model.onnx');
    expect(error.message).toContain(dir);
    expect(network).not.toHaveBeenCalled();
  });

  it('loads a complete-looking folder offline only: broken weights fail clearly, the network is never tried', async () => {
    const dir = folder([...CONFIGS, 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx']);
    const engine = createWhisperFolderEngine(dir);
    const error = await failure(engine.transcribe({ audio: synthesizeWav([{ tone: 1 }]), format: 'wav' }));
    expect(error.code).toBe('ASR_UNAVAILABLE');
    // The library got as far as reading the encoder from the folder itself, not from a hub.
    expect(error.message).toMatch(/could not be loaded/);
    expect(error.message).toContain(join(dir, 'onnx/encoder_model.onnx'));
    expect(network).not.toHaveBeenCalled();
    const { env } = await import('@huggingface/transformers');
    expect(env.allowRemoteModels).toBe(false);
  }, 30_000);

  it('reads WAV only (no MP3/WebM decoder is shipped)', async () => {
    const webm = new Uint8Array(64);
    webm.set([0x1a, 0x45, 0xdf, 0xa3]);
    expect((await failure(createWhisperFolderEngine(folder(CONFIGS)).transcribe({ audio: webm, format: 'webm' }))).code).toBe(
      'AUDIO_UNSUPPORTED',
    );
  });
});
