import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { localizeError } from '../shared/error-messages.js';
import { SuwenError } from '../shared/errors.js';
import type { AppEnv } from './types.js';

/**
 * Server-sent events for model workflows: `send(event, data)` writes one JSON event; a thrown
 * error becomes a final `error` event in the standard envelope (in the caller's language), and the
 * stream always ends with `done` so clients know the answer is complete, not cut off.
 */
export type SseSend = (event: string, data: unknown) => Promise<void>;

export function sseResponse(
  c: Context<AppEnv>,
  produce: (send: SseSend, signal: AbortSignal) => Promise<void>,
  options: { heartbeatMs?: number } = {},
): Response {
  return streamSSE(c, async (stream) => {
    const abort = new AbortController();
    stream.onAbort(() => abort.abort());
    let id = 0;
    const send: SseSend = async (event, data) => {
      if (abort.signal.aborted) return;
      await stream.writeSSE({ event, data: JSON.stringify(data), id: String(++id) });
    };
    const heartbeat = setInterval(() => {
      void stream.write(': keep-alive\n\n');
    }, options.heartbeatMs ?? 15_000);
    try {
      await produce(send, abort.signal);
    } catch (error) {
      const suwen = error instanceof SuwenError ? error : new SuwenError('INTERNAL', 'Stream failed', { cause: error });
      await send('error', { error: { code: suwen.code, message: localizeError(suwen.code, suwen.params, c.get('locale')) } });
    } finally {
      clearInterval(heartbeat);
      await send('done', {});
    }
  });
}
