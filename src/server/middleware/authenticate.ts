import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AuthService } from '../../auth/auth-service.js';
import type { AppEnv } from '../types.js';

export const SESSION_COOKIE_NAME = 'suwen_session';

/**
 * Resolves who is calling — a bearer token (programs) or the session cookie (the web app) — and
 * leaves the decision to each route's permission. Unknown credentials simply mean "nobody".
 */
export function authenticate(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const secret = bearer ?? getCookie(c, SESSION_COOKIE_NAME);
    c.set('principal', secret ? await auth.resolve(secret) : null);
    await next();
  };
}
