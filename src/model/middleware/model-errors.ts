import { APICallError } from '@ai-sdk/provider';
import { SuwenError } from '../../shared/errors.js';

/** Why a call's signal fired: the caller went away, or a Suwen time limit ran out. */
export type AbortCause = 'client' | 'timeout' | 'idle';

const RETRYABLE_NETWORK = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR_SOCKET|other side closed|fetch failed|socket hang up/i;

function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns whatever a provider threw into a SuwenError with a stable code and a retry verdict.
 * Provider messages can echo the prompt, so only status codes and error codes are kept.
 */
export function toModelError(error: unknown, abortCause: AbortCause | null): SuwenError {
  if (error instanceof SuwenError) return error;
  if (abortCause === 'timeout' || abortCause === 'idle') {
    return new SuwenError('MODEL_TIMEOUT', `Model call exceeded its ${abortCause === 'idle' ? 'idle' : 'total'} time limit`, {
      retryable: false,
    });
  }
  if (abortCause === 'client') return new SuwenError('CANCELLED', 'Caller went away');
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const retryable = status === undefined ? error.isRetryable : status === 408 || status === 409 || status === 429 || status >= 500;
    return new SuwenError('MODEL_UNAVAILABLE', `Upstream answered ${status ?? 'without status'}`, {
      params: { reason: status ? `HTTP ${status}` : 'no response' },
      retryable,
      cause: error,
    });
  }
  const code = networkCodeOf(error);
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (code || RETRYABLE_NETWORK.test(text)) {
    return new SuwenError('MODEL_UNAVAILABLE', `Connection failed (${code ?? 'network'})`, {
      params: { reason: code === 'ECONNREFUSED' ? 'connection refused' : `connection error ${code ?? ''}`.trim() },
      retryable: true,
      cause: error,
    });
  }
  return new SuwenError('MODEL_UNAVAILABLE', `Model call failed (${error instanceof Error ? error.name : 'unknown'})`, {
    params: { reason: error instanceof Error ? error.name : 'error' },
    cause: error,
  });
}

/** The `Retry-After` header of an upstream 429/503, in milliseconds, capped. */
export function retryAfterMs(error: SuwenError, capMs: number): number | null {
  const cause = error.cause;
  if (!APICallError.isInstance(cause)) return null;
  const header = cause.responseHeaders?.['retry-after'];
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(0, seconds * 1000), capMs);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.min(Math.max(0, date - Date.now()), capMs);
}
