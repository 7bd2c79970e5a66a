import i18next from 'i18next';
import { currentLocale } from './i18n';

/**
 * The generic client for `/api/v1` (see src/server): one `request` with the session cookie and the
 * interface language, one error type. Each workflow's calls live beside its pages in
 * `features/<workflow>/<workflow>-api.ts`.
 */

export interface Page<T> {
  items: T[];
  total: number;
}

/** An error answered by the server (already in the user's language) or a failed connection. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

let onUnauthenticated: () => void = () => {};

/** Called when a request answers 401 outside the login form (an expired session, say). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export const API_BASE = '/api/v1';

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Off for the login form and the session probe, which handle 401 themselves. */
  redirectOn401?: boolean;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** The server's `{error: {code, message, details}}` answer as an ApiError (a generic one when the body says nothing). */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.code, response.status, error.message, error.details);
  }
  return new ApiError('HTTP_ERROR', response.status, i18next.t('errors.http', { status: response.status }));
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError('NETWORK', 0, i18next.t('errors.network'));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.redirectOn401 !== false) onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
