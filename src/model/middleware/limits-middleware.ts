import type { LanguageModelV3CallOptions, LanguageModelV3Middleware, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { SuwenError } from '../../shared/errors.js';
import type { ModelProfile } from '../call-context.js';
import { type AbortCause, retryAfterMs, toModelError } from './model-errors.js';
import type { Semaphore } from './semaphore.js';

/**
 * The innermost middleware: per-model concurrency, a whole-call time limit, an idle limit inside
 * streams (a stalled upstream is cut off), retries with backoff on 429 / 5xx / connection resets,
 * and cancellation when the caller's signal fires. Every failure leaves here as a SuwenError.
 */

interface CallControl {
  controller: AbortController;
  cause: AbortCause | null;
}

const controls = new WeakMap<LanguageModelV3CallOptions, CallControl>();
const BACKOFF_BASE_MS = 200;
const BACKOFF_CAP_MS = 5_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortReason(signal));
      },
      { once: true },
    );
  });

export function limitsMiddleware(profile: ModelProfile, semaphore: Semaphore): LanguageModelV3Middleware {
  const backoff = (attempt: number, error: SuwenError) =>
    retryAfterMs(error, BACKOFF_CAP_MS) ?? Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);

  async function withRetries<T>(control: CallControl, call: () => PromiseLike<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const failure = toModelError(error, control.cause);
        if (!failure.retryable || attempt >= profile.maxRetries || control.controller.signal.aborted) throw failure;
        try {
          await sleep(backoff(attempt, failure), control.controller.signal);
        } catch {
          throw toModelError(error, control.cause);
        }
      }
    }
  }

  return {
    specificationVersion: 'v3',
    transformParams: async ({ params }) => {
      const controller = new AbortController();
      const control: CallControl = { controller, cause: null };
      const abort = (cause: AbortCause) => {
        if (controller.signal.aborted) return;
        control.cause = cause;
        controller.abort(new SuwenError(cause === 'client' ? 'CANCELLED' : 'MODEL_TIMEOUT', `aborted: ${cause}`));
      };
      const caller = params.abortSignal;
      if (caller?.aborted) abort('client');
      caller?.addEventListener('abort', () => abort('client'), { once: true });
      const timer = setTimeout(() => abort('timeout'), profile.timeoutMs);
      timer.unref?.();
      controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      const next = { ...params, abortSignal: controller.signal };
      controls.set(next, control);
      return next;
    },

    wrapGenerate: async ({ doGenerate, params }) => {
      const control = controls.get(params) as CallControl;
      let release: (() => void) | undefined;
      try {
        release = await semaphore.acquire(control.controller.signal);
      } catch (error) {
        throw toModelError(error, control.cause ?? 'client');
      }
      try {
        return await withRetries(control, doGenerate);
      } finally {
        release();
        control.controller.abort(); // clears the call's timer; nothing is in flight any more
      }
    },

    wrapStream: async ({ doStream, params }) => {
      const control = controls.get(params) as CallControl;
      let release: (() => void) | undefined;
      try {
        release = await semaphore.acquire(control.controller.signal);
      } catch (error) {
        throw toModelError(error, control.cause ?? 'client');
      }
      let result: Awaited<ReturnType<typeof doStream>>;
      try {
        // Only the opening of the stream is retried; a stream that fails midway is not replayed.
        result = await withRetries(control, doStream);
      } catch (error) {
        release();
        control.controller.abort();
        throw error;
      }
      const done = () => {
        release?.();
        release = undefined;
      };
      const reader = result.stream.getReader();
      let idleTimer: NodeJS.Timeout | undefined;
      const aborted = new Promise<'aborted'>((resolve) => {
        if (control.controller.signal.aborted) resolve('aborted');
        control.controller.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
      });
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        pull: async (out) => {
          const idle = new Promise<'idle'>((resolve) => {
            idleTimer = setTimeout(() => resolve('idle'), profile.idleTimeoutMs);
          });
          try {
            const next = await Promise.race([reader.read(), idle, aborted]);
            if (next === 'idle' || next === 'aborted') {
              if (next === 'idle') {
                control.cause ??= 'idle';
                control.controller.abort();
              }
              void reader.cancel().catch(() => undefined);
              out.enqueue({ type: 'error', error: toModelError(new Error('aborted'), control.cause ?? 'client') });
              out.close();
              done();
              return;
            }
            if (next.done) {
              out.close();
              done();
              control.controller.abort();
              return;
            }
            const part = next.value;
            out.enqueue(part.type === 'error' ? { type: 'error', error: toModelError(part.error, control.cause) } : part);
          } catch (error) {
            out.enqueue({ type: 'error', error: toModelError(error, control.cause) });
            out.close();
            done();
          } finally {
            clearTimeout(idleTimer);
          }
        },
        cancel: async () => {
          // The consumer went away (the HTTP client disconnected): stop the upstream call too.
          control.cause ??= 'client';
          control.controller.abort();
          clearTimeout(idleTimer);
          await reader.cancel().catch(() => undefined);
          done();
        },
      });
      return { ...result, stream };
    },
  };
}

/** The signal's reason as an Error (a caller may abort with any value). */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
