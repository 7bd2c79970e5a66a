import { createHash, randomBytes } from 'node:crypto';

/**
 * Intake links carry a 192-bit random secret; only its SHA-256 is stored, so a database copy
 * cannot be used to answer someone's interview.
 */
export function newIntakeToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashIntakeToken(token) };
}

export function hashIntakeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The path the patient opens (the web app's hash route); the server's origin is added by the caller. */
export function intakePath(token: string): string {
  return `/#/intake/${token}`;
}
