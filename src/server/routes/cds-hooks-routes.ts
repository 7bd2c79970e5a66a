import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import {
  cdsDiscoverySchema,
  cdsFeedbackResponse,
  cdsFeedbackSchema,
  cdsHookRequestSchema,
  cdsHookResponseSchema,
  cdsServiceParamsSchema,
} from '../../api/cds-hooks.js';
import { auditEvent } from '../../audit/audit-actions.js';
import { actorOfPrincipal } from '../../auth/actor.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import { CDS_SERVICES, findCdsService, runCdsService } from '../cds-hooks/cds-services.js';
import { defineRoute, mountRoutes } from '../route.js';
import type { AppEnv, Services } from '../types.js';

/**
 * HL7 CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/) at the server root, as the spec places it:
 * `GET /cds-services` (discovery) and `POST /cds-services/{id}` (a hook call).
 *
 * Authentication: hook calls carry `Authorization: Bearer <Suwen API token>` of a clinician.
 * The spec's signed JWT from the CDS client (SMART backend services, JWKS) is not supported yet;
 * until it is, the EHR is configured with a Suwen API token. Discovery lists only service
 * metadata and is open, so an EHR administrator can register the services.
 */

/** Resolves the bearer API token; only clinicians may ask for cards. */
function requireClinicianToken(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const principal = bearer ? await services.auth.resolve(bearer) : null;
    if (principal?.via !== 'token') throw new SuwenError('UNAUTHENTICATED', 'CDS Hooks calls need a Suwen API token');
    if (principal.role !== 'clinician') {
      const actor = actorOfPrincipal(principal, { requestId: c.get('requestId'), sourceIp: c.get('clientIp'), source: 'cds-hooks' });
      await services.audit.append(
        auditEvent(actor, 'access.denied', {
          entityType: 'route',
          entityId: `${c.req.method} /cds-services`,
          outcome: 'denied',
          details: { reason: 'cds hooks are for clinicians' },
        }),
      );
      throw new SuwenError('FORBIDDEN', 'CDS Hooks calls need a clinician token', { params: { reason: 'clinician' } });
    }
    c.set('principal', principal);
    await next();
  };
}

export const cdsHooksRoutes = [
  defineRoute({
    method: 'get',
    path: '/',
    summary: 'CDS Hooks discovery: the services Suwen offers, with their prefetch templates',
    tag: 'cds-hooks',
    permission: null,
    response: cdsDiscoverySchema,
    handler: (c) => c.json({ services: CDS_SERVICES }),
  }),
  defineRoute({
    method: 'post',
    path: '/:id',
    summary: 'Call one CDS service with a CDS Hooks request; answers with cards',
    tag: 'cds-hooks',
    permission: null,
    params: cdsServiceParamsSchema,
    body: cdsHookRequestSchema,
    response: cdsHookResponseSchema,
    handler: async (c, { params, body, actor }, services) => {
      const service = findCdsService(params.id);
      if (!service) throw notFound('CDS service');
      const mismatch =
        body.hook !== service.hook
          ? `hook: this service answers "${service.hook}", not "${body.hook}"`
          : service.hook !== 'patient-view' && !body.context.draftOrders
            ? 'context.draftOrders: required for order-select and order-sign'
            : null;
      if (mismatch) throw new SuwenError('VALIDATION_FAILED', 'Invalid body', { params: { summary: mismatch } });
      const locale = c.get('locale');
      const result = await runCdsService(service, body, locale, services, { ...actor, source: 'cds-hooks' });
      await services.audit.append(
        auditEvent({ ...actor, source: 'cds-hooks' }, 'cds.hook', {
          entityType: 'cds-service',
          entityId: service.id,
          // The record's patient only when Suwen's record was read; an EHR's own id is not ours to log.
          patientId: result.usedRecord ? body.context.patientId : null,
          details: {
            hook: service.hook,
            hookInstance: body.hookInstance,
            cards: result.cards.length,
            critical: result.cards.filter((card) => card.indicator === 'critical').length,
            draftOrders: result.draftOrders,
            sources: result.sources,
          },
        }),
      );
      return c.json({ cards: result.cards });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/:id/feedback',
    summary: 'CDS Hooks 2.0 feedback: whether the clinician accepted or overrode each card (and why); kept in the audit log',
    tag: 'cds-hooks',
    permission: null,
    params: cdsServiceParamsSchema,
    body: cdsFeedbackSchema,
    response: cdsFeedbackResponse,
    handler: async (c, { params, body, actor }, services) => {
      const service = findCdsService(params.id);
      if (!service) throw notFound('CDS service');
      // One entry per card outcome. The clinician's free-text comment may name the patient: only its presence is kept.
      for (const item of body.feedback) {
        await services.audit.append(
          auditEvent({ ...actor, source: 'cds-hooks' }, 'cds.feedback', {
            entityType: 'cds-card',
            entityId: item.card,
            details: {
              service: service.id,
              outcome: item.outcome,
              acceptedSuggestions: (item.acceptedSuggestions ?? []).map((s) => s.id),
              ...(item.overrideReason?.reason
                ? { overrideReason: { code: item.overrideReason.reason.code, system: item.overrideReason.reason.system ?? null } }
                : {}),
              userComment: item.overrideReason?.userComment ? 'provided' : 'none',
              outcomeTimestamp: item.outcomeTimestamp,
            },
          }),
        );
      }
      return c.body(null, 200);
    },
  }),
];

/** Mounts `/cds-services` on the root app, with CORS for browser-based CDS clients (spec §Security: CORS). */
export function mountCdsHooks(app: Hono<AppEnv>, services: Services): void {
  const cds = new Hono<AppEnv>();
  cds.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Accept', 'Accept-Language'],
      maxAge: 600,
    }),
  );
  cds.use(
    '*',
    bodyLimit({
      maxSize: 2 * 1024 * 1024,
      onError: () => {
        throw new SuwenError('PAYLOAD_TOO_LARGE', 'Body too large');
      },
    }),
  );
  cds.post('/:id', requireClinicianToken(services));
  cds.post('/:id/feedback', requireClinicianToken(services));
  mountRoutes(cds, cdsHooksRoutes, services);
  app.route('/cds-services', cds);
}
