import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { secureHeaders } from 'hono/secure-headers';
import { SuwenError } from '../shared/errors.js';
import { pickLocale } from '../shared/locale.js';
import { SUWEN_VERSION } from '../shared/version.js';
import { toErrorResponse } from './errors.js';
import { authenticate } from './middleware/authenticate.js';
import { requestId } from './middleware/request-id.js';
import { buildOpenApi, mountRoutes, type RouteSpec } from './route.js';
import { adminRoutes } from './routes/admin-routes.js';
import { alertRoutes } from './routes/alert-routes.js';
import { artifactRoutes } from './routes/artifact-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { careGapRoutes } from './routes/care-gap-routes.js';
import { mountCdsHooks } from './routes/cds-hooks-routes.js';
import { decisionRoutes } from './routes/decision-routes.js';
import { deidRoutes } from './routes/deid-routes.js';
import { dischargeRoutes } from './routes/discharge-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { intakeRoutes } from './routes/intake-routes.js';
import { knowledgeRoutes } from './routes/knowledge-routes.js';
import { modelRoutes } from './routes/model-routes.js';
import { noteRoutes } from './routes/note-routes.js';
import { patientRoutes } from './routes/patient-routes.js';
import { REPORT_IMAGE_MAX_BODY, REPORT_IMAGE_PATH, reportRoutes } from './routes/report-routes.js';
import { TRANSCRIBE_MAX_BODY, TRANSCRIBE_PATH, transcribeRoutes } from './routes/transcribe-routes.js';
import { mountWebApp } from './static-web.js';
import type { AppEnv, Services } from './types.js';

export const API_ROUTES: RouteSpec[] = [
  ...healthRoutes,
  ...authRoutes,
  ...patientRoutes,
  ...artifactRoutes,
  ...alertRoutes,
  ...modelRoutes,
  ...deidRoutes,
  ...knowledgeRoutes,
  ...intakeRoutes,
  ...decisionRoutes,
  ...careGapRoutes,
  ...dischargeRoutes,
  ...exportRoutes,
  ...reportRoutes,
  ...noteRoutes,
  ...transcribeRoutes,
  ...adminRoutes,
];

export interface AppOptions {
  /** Where the built web app lives; omit to serve the API only. */
  webDir?: string;
  /** Extra routes (workflows add theirs; tests add probes). */
  extraRoutes?: RouteSpec[];
}

export function createApp(services: Services, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { logger, config } = services;

  app.use('*', requestId());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', async (c, next) => {
    c.set('locale', pickLocale(c.req.header('accept-language')));
    let ip: string | null = null;
    if (config.trustProxy) ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? null;
    // @hono/node-server passes the Node request as env.incoming; app.request() in tests has none.
    ip ??= (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? null;
    c.set('clientIp', ip);
    const started = performance.now();
    await next();
    // Method, route pattern, status and time only: paths' query strings may hold patient names.
    if (logger.isLevelEnabled('debug') || c.res.status >= 500) {
      logger[c.res.status >= 500 ? 'warn' : 'debug'](
        {
          requestId: c.get('requestId'),
          method: c.req.method,
          route: c.req.routePath,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });
  const tooLarge = (): never => {
    throw new SuwenError('PAYLOAD_TOO_LARGE', 'Body too large');
  };
  const jsonLimit = bodyLimit({ maxSize: 2 * 1024 * 1024, onError: tooLarge });
  // A report photo is bigger than any JSON body; it gets its own limit.
  const imageLimit = bodyLimit({ maxSize: REPORT_IMAGE_MAX_BODY, onError: tooLarge });
  // Consultation audio: up to 100 MB.
  const audioLimit = bodyLimit({ maxSize: TRANSCRIBE_MAX_BODY, onError: tooLarge });
  app.use(REPORT_IMAGE_PATH, imageLimit);
  app.use(TRANSCRIBE_PATH, audioLimit);
  app.use('/api/*', except([REPORT_IMAGE_PATH, TRANSCRIBE_PATH], jsonLimit));
  app.use('/api/*', authenticate(services.auth));

  const routes = [...API_ROUTES, ...(options.extraRoutes ?? [])];
  const api = new Hono<AppEnv>();
  mountRoutes(api, routes, services);
  const openApi = buildOpenApi(routes, SUWEN_VERSION);
  api.get('/openapi.json', (c) => c.json(openApi));
  api.all('*', () => {
    throw new SuwenError('NOT_FOUND', 'No such endpoint', { params: { resource: 'route' } });
  });
  app.route('/api/v1', api);
  mountCdsHooks(app, services); // HL7 CDS Hooks at the spec's root path /cds-services

  if (options.webDir) mountWebApp(app, options.webDir);
  app.onError((error, c) => toErrorResponse(error, c, logger));
  app.notFound((c) => toErrorResponse(new SuwenError('NOT_FOUND', 'Not found', { params: { resource: 'route' } }), c, logger));
  return app;
}
