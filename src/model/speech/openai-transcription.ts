/**
 * Client for `POST {base}/audio/transcriptions` as OpenAI defined it and vLLM, LocalAI,
 * whisper.cpp's server, faster-whisper-server/speaches and hosted APIs serve it: multipart upload
 * of the file with `model`, `language` and `response_format=verbose_json` (segments with start and
 * end). Servers that refuse verbose_json are asked again for `json`; plain-text answers are taken
 * as the text. Speaker labels are read where a server adds them (`speaker` on segments, as in
 * diarized_json and WhisperX-style output). Transient failures (429, 5xx, resets) are retried
 * with backoff; the caller's abort signal cancels the upload.
 */
import { z } from 'zod';
import { SuwenError } from '../../shared/errors.js';
import type { AsrEngine, AsrResult } from './asr-engine.js';
import { AUDIO_MIME, type AudioFormat } from './audio-format.js';
import type { TimedSegment } from './chunk-audio.js';

export interface OpenAiTranscriptionOptions {
  /** Ends in /v1, like the language model's base URL. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
  fetch?: typeof fetch;
}

const segmentSchema = z.looseObject({
  start: z.coerce.number().catch(0),
  end: z.coerce.number().catch(0),
  text: z.string().catch(''),
  speaker: z.union([z.string(), z.number()]).optional().catch(undefined),
});

const responseSchema = z.looseObject({
  text: z.string().optional(),
  language: z.string().optional().catch(undefined),
  duration: z.coerce.number().optional().catch(undefined),
  segments: z.array(segmentSchema).optional().catch(undefined),
});

/** Reads any of the answer shapes servers give (verbose_json, json, diarized_json, text). */
export function parseTranscriptionResponse(body: string, contentType: string): AsrResult {
  const trimmed = body.trim();
  const looksJson = contentType.includes('json') || trimmed.startsWith('{');
  if (!looksJson) return { text: trimmed, segments: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    throw new SuwenError('ASR_UNAVAILABLE', 'Transcription server sent malformed JSON', { params: { reason: 'malformed JSON' } });
  }
  const parsed = responseSchema.safeParse(raw);
  if (!parsed.success)
    throw new SuwenError('ASR_UNAVAILABLE', 'Unexpected transcription answer', { params: { reason: 'unexpected answer' } });
  const segments: TimedSegment[] = (parsed.data.segments ?? []).map((s) => ({
    start: Math.max(0, s.start),
    end: Math.max(s.start, s.end),
    text: s.text.trim(),
    ...(s.speaker !== undefined && String(s.speaker).trim() !== '' ? { speaker: String(s.speaker) } : {}),
  }));
  const text = parsed.data.text ?? segments.map((s) => s.text).join(' ');
  return {
    text: text.trim(),
    segments,
    ...(parsed.data.language ? { language: parsed.data.language } : {}),
    ...(parsed.data.duration !== undefined ? { durationS: parsed.data.duration } : {}),
  };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

const cancelled = () => new SuwenError('CANCELLED', 'Transcription cancelled');

export function createOpenAiTranscriptionEngine(options: OpenAiTranscriptionOptions): AsrEngine {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/audio/transcriptions`;
  const doFetch = options.fetch ?? fetch;
  const maxRetries = options.maxRetries ?? 2;
  let responseFormat: 'verbose_json' | 'json' = 'verbose_json';

  async function attempt(input: { audio: Uint8Array; format: AudioFormat; language?: string; signal?: AbortSignal }): Promise<Response> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(input.audio)], { type: AUDIO_MIME[input.format] }), `audio.${input.format}`);
    form.append('model', options.model);
    form.append('response_format', responseFormat);
    if (responseFormat === 'verbose_json') form.append('timestamp_granularities[]', 'segment');
    if (input.language) form.append('language', input.language);
    const signals = [AbortSignal.timeout(options.timeoutMs ?? 300_000), ...(input.signal ? [input.signal] : [])];
    return doFetch(url, {
      method: 'POST',
      body: form,
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
      signal: AbortSignal.any(signals),
    });
  }

  return {
    kind: 'openai-compatible',
    modelName: options.model,
    acceptsCompressed: true,
    async transcribe(input) {
      for (let attemptNo = 0; ; attemptNo++) {
        if (input.signal?.aborted) throw cancelled();
        let response: Response;
        try {
          response = await attempt(input);
        } catch (error) {
          if (input.signal?.aborted) throw cancelled();
          const name = (error as Error).name;
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          if (name === 'TimeoutError')
            throw new SuwenError('ASR_UNAVAILABLE', 'Transcription timed out', { params: { reason: 'timed out' }, retryable: true });
          if (attemptNo < maxRetries) {
            await sleep(250 * 2 ** attemptNo, input.signal);
            continue;
          }
          throw new SuwenError('ASR_UNAVAILABLE', 'Transcription server unreachable', {
            params: { reason: cause?.code ?? cause?.message ?? name },
            retryable: true,
            cause: error,
          });
        }
        const body = await response.text();
        if (response.ok) return parseTranscriptionResponse(body, response.headers.get('content-type') ?? '');
        // Some servers only speak `json`/`text`: ask once more without segments.
        if (response.status === 400 && responseFormat === 'verbose_json' && /response_format|verbose_json|timestamp/i.test(body)) {
          responseFormat = 'json';
          attemptNo--;
          continue;
        }
        if ((response.status === 429 || response.status >= 500) && attemptNo < maxRetries) {
          const retryAfter = Number(response.headers.get('retry-after'));
          await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 250 * 2 ** attemptNo, input.signal);
          continue;
        }
        throw new SuwenError('ASR_UNAVAILABLE', `Transcription server answered HTTP ${response.status}`, {
          params: { reason: `HTTP ${response.status}` },
          retryable: response.status === 429 || response.status >= 500,
        });
      }
    },
  };
}
