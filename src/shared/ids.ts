import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** A random secret for sessions and API tokens: 32 bytes, URL-safe. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Normalises any parseable date/time to UTC ISO-8601 so text columns sort chronologically. */
export function toUtcIso(value: string | undefined | null): string | null {
  if (!value) return null;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value; // plain dates keep their precision
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
