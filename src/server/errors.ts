import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { localizeError } from '../shared/error-messages.js';
import { type ErrorCode, type ErrorDetail, SuwenError } from '../shared/errors.js';
import type { AppEnv } from './types.js';

/** The one error envelope every failing response uses. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

export function validationError(error: ZodError, where: 'body' | 'query' | 'params'): SuwenError {
  const details = zodDetails(error).map((d) => ({ ...d, path: `${where}.${d.path}` }));
  const summary = details
    .slice(0, 3)
    .map((d) => `${d.path}: ${d.message}`)
    .join('; ');
  return new SuwenError('VALIDATION_FAILED', `Invalid ${where}`, { params: { summary }, details });
}

/** Normalises anything thrown into the envelope, in the caller's language. */
export function toErrorResponse(error: unknown, c: Context<AppEnv>, logger: Logger): Response {
  let suwen: SuwenError;
  if (error instanceof SuwenError) suwen = error;
  else if (error instanceof ZodError) suwen = validationError(error, 'body');
  else if (error instanceof HTTPException && error.status === 413) suwen = new SuwenError('PAYLOAD_TOO_LARGE', 'Body too large');
  else if (error instanceof HTTPException && error.status < 500) suwen = new SuwenError('BAD_REQUEST', error.message);
  else suwen = new SuwenError('INTERNAL', 'Unhandled error', { cause: error });

  if (suwen.status >= 500) {
    // Log the error's type and stack position only: messages from lower layers may carry patient text.
    logger.error(
      { requestId: c.get('requestId'), code: suwen.code, errorType: (error as Error)?.name, stack: stackOnly(error) },
      'request failed',
    );
  }
  const locale = c.get('locale') ?? 'en';
  const body: ErrorEnvelope = {
    error: {
      code: suwen.code,
      message: localizeError(suwen.code, suwen.params, locale),
      ...(suwen.details ? { details: suwen.details } : {}),
    },
  };
  return c.json(body, suwen.status as 400);
}

function stackOnly(error: unknown): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  return error.stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
}
