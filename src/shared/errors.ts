/**
 * One error family for all of Suwen. Each error carries a stable code; the HTTP status and the
 * user-facing message (zh-CN and en) are looked up from the code, never from the thrown text.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  IMPORT_MALFORMED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  ENCOUNTER_NOT_INPATIENT: 409,
  ENCOUNTER_NOT_ENDED: 409,
  EXPORT_NOT_REVIEWED: 409,
  NOT_A_CLINICAL_DOCUMENT: 409,
  PDF_FONT_MISSING: 503,
  INTAKE_CLOSED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  MODEL_NOT_CONFIGURED: 503,
  MODEL_UNAVAILABLE: 502,
  MODEL_TIMEOUT: 504,
  OUTPUT_VALIDATION_FAILED: 502,
  PHI_POLICY_VIOLATION: 403,
  CONSENT_REQUIRED: 403,
  CANCELLED: 499,
  SERVICE_UNAVAILABLE: 503,
  AUDIO_EMPTY: 400,
  AUDIO_UNSUPPORTED: 400,
  AUDIO_MALFORMED: 400,
  AUDIO_TOO_LARGE: 413,
  ASR_NOT_CONFIGURED: 503,
  ASR_UNAVAILABLE: 502,
  ASR_EXTERNAL_REFUSED: 403,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path?: string;
  message: string;
}

export class SuwenError extends Error {
  readonly code: ErrorCode;
  /** Values interpolated into the localized message, e.g. `{ resource: 'patient' }`. */
  readonly params: Record<string, string | number>;
  readonly details: ErrorDetail[] | undefined;

  /** Whether trying the same call again may succeed (upstream 429/5xx, resets, timeouts). */
  readonly retryable: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options: { params?: Record<string, string | number>; details?: ErrorDetail[]; cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'SuwenError';
    this.code = code;
    this.params = options.params ?? {};
    this.details = options.details;
    this.retryable = options.retryable ?? false;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isSuwenError(value: unknown): value is SuwenError {
  return value instanceof SuwenError;
}

export function notFound(resource: string): SuwenError {
  return new SuwenError('NOT_FOUND', `${resource} not found`, { params: { resource } });
}

export function forbidden(reason = 'role'): SuwenError {
  return new SuwenError('FORBIDDEN', `Forbidden (${reason})`, { params: { reason } });
}
