/**
 * Speech → transcript, the way every entry point must run it: validate the audio, refuse an
 * external recognizer for patient audio unless the operator allowed it (audio cannot be
 * de-identified), cut long WAV recordings into ~30 s chunks, transcribe them in order (or a few
 * at a time) with progress, join the texts without the words heard twice in overlaps, and turn
 * the segments into speaker turns. One `model.call` audit entry per transcription — who, which
 * recognizer, how much audio, how it ended — never the audio or the text.
 */
import type { AuditLog } from '../../audit/audit-log.js';
import type { AsrConfig } from '../../config/load-config.js';
import type { NoteLanguage, Transcript } from '../../engines/notes/index.js';
import { SuwenError } from '../../shared/errors.js';
import type { ModelCallContext } from '../call-context.js';
import type { AsrEngine, AsrResult } from './asr-engine.js';
import { type AudioFormat, MAX_AUDIO_BYTES, validateAudio } from './audio-format.js';
import { type AudioChunk, type ChunkPlanOptions, joinText, mergeChunkSegments, planChunks, type TimedSegment } from './chunk-audio.js';
import { createOpenAiTranscriptionEngine } from './openai-transcription.js';
import { detectLanguage, segmentsToTranscript } from './speaker-turns.js';
import { parseWav, sliceWav, type WavAudio } from './wav.js';
import { checkWhisperFolder, createWhisperFolderEngine } from './whisper-folder.js';

export interface TranscriptionProgress {
  /** Chunks finished so far (0 before the first). */
  chunk: number;
  chunks: number;
  /** Seconds of audio transcribed so far (null when the length is unknown: compressed audio). */
  seconds: number | null;
  totalSeconds: number | null;
}

export interface TranscribeOptions {
  context: ModelCallContext;
  language?: NoteLanguage;
  signal?: AbortSignal;
  onProgress?: (progress: TranscriptionProgress) => void;
}

export interface TranscriptionResult {
  transcript: Transcript;
  text: string;
  segments: TimedSegment[];
  format: AudioFormat;
  durationS: number | null;
  chunks: number;
}

export interface SpeechDescription {
  configured: boolean;
  kind: 'openai-compatible' | 'whisper-folder' | null;
  baseUrl: string | null;
  model: string | null;
  whisperDir: string | null;
  dataBoundary: 'local' | 'external';
  allowExternal: boolean;
  hasApiKey: boolean;
}

/** An endpoint on this machine is local; anything else is external unless configured otherwise. */
export function asrBoundaryOf(config: AsrConfig): 'local' | 'external' {
  if (config.dataBoundary) return config.dataBoundary;
  if (!config.baseUrl) return 'local';
  try {
    const host = new URL(config.baseUrl).hostname;
    return host === 'localhost' || host === '[::1]' || host.startsWith('127.') ? 'local' : 'external';
  } catch {
    return 'external';
  }
}

export interface SpeechTranscriberOptions {
  audit: AuditLog | null;
  fetch?: typeof fetch;
  /** Replaces the engine built from the configuration (benchmarks, tests). */
  engine?: AsrEngine;
  chunking?: ChunkPlanOptions;
}

export class SpeechTranscriber {
  private readonly engine: AsrEngine | null;
  readonly dataBoundary: 'local' | 'external';

  constructor(
    private readonly config: AsrConfig,
    private readonly options: SpeechTranscriberOptions,
  ) {
    this.dataBoundary = asrBoundaryOf(config);
    this.engine =
      options.engine ??
      (config.baseUrl && config.model
        ? createOpenAiTranscriptionEngine({
            baseUrl: config.baseUrl,
            model: config.model,
            timeoutMs: config.timeoutMs,
            ...(config.apiKey ? { apiKey: config.apiKey } : {}),
            ...(options.fetch ? { fetch: options.fetch } : {}),
          })
        : config.whisperDir
          ? createWhisperFolderEngine(config.whisperDir)
          : null);
  }

  get configured(): boolean {
    return this.engine !== null;
  }

  describe(): SpeechDescription {
    return {
      configured: this.configured,
      kind: this.engine?.kind ?? null,
      baseUrl: this.engine?.kind === 'openai-compatible' ? (this.config.baseUrl ?? null) : null,
      model: this.engine?.modelName ?? null,
      whisperDir: this.engine?.kind === 'whisper-folder' ? (this.config.whisperDir ?? null) : null,
      dataBoundary: this.dataBoundary,
      allowExternal: this.config.allowExternal,
      hasApiKey: Boolean(this.config.apiKey),
    };
  }

  /** For `suwen doctor`: is the recognizer there? (`GET /models` of an endpoint; the folder's files.) */
  async reachability(): Promise<{ reachable: boolean; detail: string }> {
    if (!this.engine) return { reachable: false, detail: 'no speech recognition configured' };
    if (this.engine.kind === 'whisper-folder') {
      const check = checkWhisperFolder(this.config.whisperDir ?? '');
      return check.ok
        ? { reachable: true, detail: `Whisper folder complete (${check.dtype})` }
        : { reachable: false, detail: `Whisper folder missing ${check.missing.join(', ')}` };
    }
    try {
      const response = await (this.options.fetch ?? fetch)(`${(this.config.baseUrl ?? '').replace(/\/+$/, '')}/models`, {
        signal: AbortSignal.timeout(5000),
        headers: this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {},
      });
      // Some transcription servers have no /models; any HTTP answer means the server is up.
      return { reachable: response.status < 500, detail: `HTTP ${response.status}` };
    } catch (error) {
      return { reachable: false, detail: (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name };
    }
  }

  /**
   * Every check that needs no recognizer — configured, format, size, WAV structure, the external
   * boundary — so an API can answer 4xx before it starts streaming. A refusal is audited.
   */
  async validate(audio: Uint8Array, context: ModelCallContext): Promise<AudioFormat> {
    const started = performance.now();
    try {
      return this.inspect(audio, context).format;
    } catch (error) {
      if (error instanceof SuwenError && error.code === 'ASR_EXTERNAL_REFUSED')
        await this.record(context, 'denied', error.code, started, audio.length, { format: null, durationS: null, chunks: 0 });
      throw error;
    }
  }

  private inspect(audio: Uint8Array, context: ModelCallContext): { format: AudioFormat; wav: WavAudio | null; engine: AsrEngine } {
    const engine = this.engine;
    if (!engine) throw new SuwenError('ASR_NOT_CONFIGURED', 'No speech recognition configured');
    const format = validateAudio(audio, MAX_AUDIO_BYTES);
    const wav = format === 'wav' ? parseWav(audio) : null;
    if (wav && wav.frames === 0) throw new SuwenError('AUDIO_EMPTY', 'The WAV file holds no samples');
    if (!wav) {
      if (!engine.acceptsCompressed) throw new SuwenError('AUDIO_UNSUPPORTED', `${engine.kind} reads WAV only`);
      const limit = this.config.maxUploadMb * 1024 * 1024;
      if (audio.length > limit)
        throw new SuwenError('AUDIO_TOO_LARGE', 'Compressed audio over the upload limit', { params: { limitMb: this.config.maxUploadMb } });
    }
    if (context.containsPhi && this.dataBoundary === 'external' && !this.config.allowExternal)
      throw new SuwenError('ASR_EXTERNAL_REFUSED', 'Patient audio may not go to an external recognizer');
    return { format, wav, engine };
  }

  async transcribe(audio: Uint8Array, options: TranscribeOptions): Promise<TranscriptionResult> {
    const started = performance.now();
    const audit = { format: null as AudioFormat | null, durationS: null as number | null, chunks: 0 };
    try {
      const result = await this.run(audio, options, audit);
      await this.record(options.context, 'success', null, started, audio.length, audit);
      return result;
    } catch (error) {
      const code = error instanceof SuwenError ? error.code : 'ASR_UNAVAILABLE';
      const outcome = code === 'ASR_EXTERNAL_REFUSED' ? 'denied' : 'failure';
      // Bad input never reached a recognizer: nothing to audit as a model call.
      if (!code.startsWith('AUDIO_') && code !== 'ASR_NOT_CONFIGURED')
        await this.record(options.context, outcome, code, started, audio.length, audit);
      throw error;
    }
  }

  private async run(
    audio: Uint8Array,
    options: TranscribeOptions,
    audit: { format: AudioFormat | null; durationS: number | null; chunks: number },
  ): Promise<TranscriptionResult> {
    const { format, wav, engine } = this.inspect(audio, options.context);
    audit.format = format;
    audit.durationS = wav ? wav.durationS : null;

    const chunks: AudioChunk[] = wav
      ? planChunks(wav, this.options.chunking)
      : [{ index: 0, startFrame: 0, endFrame: 0, startS: 0, endS: 0, overlapS: 0 }];
    audit.chunks = chunks.length;
    const total = wav ? wav.durationS : null;
    options.onProgress?.({ chunk: 0, chunks: chunks.length, seconds: wav ? 0 : null, totalSeconds: total });

    const results: (AsrResult | undefined)[] = chunks.map(() => undefined);
    let next = 0;
    let done = 0;
    let secondsDone = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++] as AudioChunk;
        if (options.signal?.aborted) throw new SuwenError('CANCELLED', 'Transcription cancelled');
        const bytes = wav ? sliceWav(wav, chunk.startFrame, chunk.endFrame) : audio;
        const result = await engine.transcribe({
          audio: bytes,
          format,
          ...(options.language ? { language: options.language } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        results[chunk.index] = result;
        done++;
        secondsDone += wav ? chunk.endS - chunk.startS - chunk.overlapS : (result.durationS ?? 0);
        options.onProgress?.({
          chunk: done,
          chunks: chunks.length,
          seconds: wav ? Math.round(Math.min(secondsDone, total ?? secondsDone) * 100) / 100 : (result.durationS ?? null),
          totalSeconds: total ?? result.durationS ?? null,
        });
      }
    };
    const concurrency = Math.min(this.config.concurrency, chunks.length);
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (options.signal?.aborted) throw new SuwenError('CANCELLED', 'Transcription cancelled');

    const pieces = chunks.map((chunk, i) => {
      const result = results[i] as AsrResult;
      const end = wav ? chunk.endS - chunk.startS : (result.durationS ?? 0);
      const segments = result.segments.length > 0 ? result.segments : result.text ? [{ start: 0, end, text: result.text }] : [];
      return { chunk: wav ? chunk : { ...chunk, endS: Number.POSITIVE_INFINITY }, segments };
    });
    const segments = mergeChunkSegments(pieces);
    const text = joinText(segments.map((s) => s.text));
    const reported = results.find((r) => r?.language)?.language?.toLowerCase();
    const language: NoteLanguage =
      options.language ??
      (reported?.startsWith('zh') || reported === 'chinese'
        ? 'zh'
        : reported?.startsWith('en') || reported === 'english'
          ? 'en'
          : detectLanguage(text));
    if (!wav) audit.durationS = results[0]?.durationS ?? null;
    return {
      transcript: segmentsToTranscript(segments, language),
      text,
      segments,
      format,
      durationS: audit.durationS,
      chunks: chunks.length,
    };
  }

  private async record(
    context: ModelCallContext,
    outcome: 'success' | 'denied' | 'failure',
    code: string | null,
    started: number,
    bytes: number,
    audit: { format: AudioFormat | null; durationS: number | null; chunks: number },
  ): Promise<void> {
    if (!this.options.audit) return;
    await this.options.audit.append({
      actorId: context.actorId ?? null,
      actorRole: context.actorRole ?? null,
      action: 'model.call',
      entityType: 'model',
      entityId: 'asr',
      patientId: context.patientId ?? null,
      outcome,
      sourceIp: context.sourceIp ?? null,
      requestId: context.requestId ?? null,
      details: {
        workflow: context.workflow,
        model: this.engine?.modelName ?? null,
        kind: this.engine?.kind ?? null,
        boundary: this.dataBoundary,
        containsPhi: context.containsPhi,
        mode: 'transcribe',
        latencyMs: Math.round(performance.now() - started),
        bytes,
        format: audit.format,
        audioSeconds: audit.durationS === null ? null : Math.round(audit.durationS * 10) / 10,
        chunks: audit.chunks,
        code,
      },
    });
  }

  async dispose(): Promise<void> {
    await this.engine?.dispose?.();
  }
}
