import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createdTokenSchema, createTokenBodySchema, loginBodySchema, sessionUserSchema } from '../../api/auth.js';
import { noContent } from '../../api/common.js';
import { auditEvent } from '../../audit/audit-actions.js';
import { LoginThrottle } from '../../auth/login-throttle.js';
import { SuwenError } from '../../shared/errors.js';
import { defineRoute } from '../route.js';

export const SESSION_COOKIE = 'suwen_session';

const throttle = new LoginThrottle();

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with a username and password; sets an HttpOnly session cookie',
    tag: 'auth',
    permission: null,
    body: loginBodySchema,
    response: sessionUserSchema,
    handler: async (c, { body, actor }, { auth, audit, config }) => {
      const ip = c.get('clientIp') ?? 'unknown';
      const key = `${ip}|${body.username.toLowerCase()}`;
      const wait = throttle.retryAfterSeconds(key);
      if (wait > 0) throw new SuwenError('RATE_LIMITED', 'Too many login attempts', { params: { seconds: wait } });
      const user = await auth.authenticate(body.username, body.password);
      await audit.append(
        auditEvent(user ? { ...actor, userId: user.id, role: user.role } : actor, 'auth.login', {
          outcome: user ? 'success' : 'denied',
          // The attempted username is not patient data, and it is what an investigator needs.
          details: user ? {} : { username: body.username.slice(0, 64) },
        }),
      );
      if (!user) {
        throttle.recordFailure(key);
        throw new SuwenError('INVALID_CREDENTIALS', 'Invalid credentials');
      }
      throttle.reset(key);
      const session = await auth.createSession(user.id);
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: c.req.url.startsWith('https:'),
        maxAge: Math.floor(config.sessionTtlHours * 3600),
      });
      return c.json({ user });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: ends the session',
    tag: 'auth',
    permission: null,
    status: 204,
    response: noContent('Signed out; the session cookie is cleared'),
    handler: async (c, { actor }, { auth, audit }) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await auth.endSession(token);
      if (actor.role !== 'anonymous') await audit.append(auditEvent(actor, 'auth.logout'));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    permission: 'settings.read',
    response: sessionUserSchema,
    handler: (c, { principal }) =>
      c.json({
        user: {
          id: principal.userId,
          username: principal.username,
          displayName: principal.displayName,
          role: principal.role,
          patientId: principal.patientId,
        },
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/tokens',
    summary: 'Create a bearer API token for a program (shown once)',
    tag: 'auth',
    permission: 'token.create',
    status: 201,
    body: createTokenBodySchema,
    response: createdTokenSchema,
    handler: async (c, { body, principal, actor }, { auth, audit }) => {
      const token = await auth.createApiToken(principal.userId, body.name, body.ttlDays);
      await audit.append(auditEvent(actor, 'token.create', { entityType: 'api_token', entityId: token.id }));
      return c.json(token, 201);
    },
  }),
];
