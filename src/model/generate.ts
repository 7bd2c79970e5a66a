import { generateText, streamText } from 'ai';

/**
 * Suwen's way to call the AI SDK: retries belong to the gateway's limits middleware (so each call
 * is audited once), and the SDK's default stream error logging is silenced — provider errors carry
 * the request body, which is patient text, and callers handle the error parts themselves.
 */
export function streamModelText(options: Parameters<typeof streamText>[0]): ReturnType<typeof streamText> {
  return streamText({ ...options, maxRetries: 0, onError: () => undefined });
}

export function generateModelText(options: Parameters<typeof generateText>[0]): ReturnType<typeof generateText> {
  return generateText({ ...options, maxRetries: 0 });
}
