import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { errorBodySchema, isContentResponse, type ResponseContract } from '../api/common.js';
import { auditEvent } from '../audit/audit-actions.js';
import { type Actor, actorOfPrincipal, anonymousActor } from '../auth/actor.js';
import { hasPermission, type Permission, type Principal } from '../auth/roles.js';
import { SuwenError } from '../shared/errors.js';
import { validationError } from './errors.js';
import type { AppEnv, Services } from './types.js';

/**
 * A route is data: method, path, permission, zod schemas for what comes in (and, for the docs,
 * what goes out) and a handler. `mountRoutes` validates input and checks the permission before the
 * handler runs; `buildOpenApi` turns the same list into the OpenAPI 3.1 document.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** Present on every route that names a permission. */
  principal: Principal;
  /** The caller as the workflows and the record layer see it (request id and address attached); anonymous on public routes. */
  actor: Actor;
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: Method;
  /** Hono path under /api/v1, e.g. `/patients/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** `null`: public. Otherwise the caller must be signed in and hold this permission. */
  permission: Permission | null;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /**
   * What the route answers on success (`status`, 200 unless given): a zod schema of the JSON body, or
   * a described non-JSON body (PDF, FHIR JSON, server-sent events, none). Required: the OpenAPI
   * document and the contract tests read it, so a new route without one does not typecheck.
   */
  response: ResponseContract;
  status?: number;
  handler: (c: Context<AppEnv>, input: RouteInput<B, Q, P>, services: Services) => Promise<Response> | Response;
}

/** Keeps the generic types of each route while collecting routes of different shapes in one list. */
export function defineRoute<B = undefined, Q = undefined, P = undefined>(spec: RouteSpec<B, Q, P>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export function mountRoutes(app: Hono<AppEnv>, routes: RouteSpec[], services: Services): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      const principal = c.get('principal') ?? null;
      const request = { requestId: c.get('requestId'), sourceIp: c.get('clientIp') };
      const actor = principal ? actorOfPrincipal(principal, request) : anonymousActor(request);
      if (route.permission !== null) {
        if (!principal) throw new SuwenError('UNAUTHENTICATED', 'Not signed in');
        if (!hasPermission(principal.role, route.permission)) {
          await services.audit.append(
            auditEvent(actor, 'access.denied', {
              entityType: 'route',
              entityId: `${route.method.toUpperCase()} ${route.path}`,
              outcome: 'denied',
              details: { permission: route.permission },
            }),
          );
          throw new SuwenError('FORBIDDEN', `Missing permission ${route.permission}`, { params: { reason: route.permission } });
        }
      }
      const params = route.params ? parseOrThrow(route.params, c.req.param(), 'params') : c.req.param();
      const query = route.query ? parseOrThrow(route.query, c.req.query(), 'query') : undefined;
      let body: unknown;
      if (route.body) {
        const type = c.req.header('content-type') ?? '';
        if (!type.toLowerCase().startsWith('application/json')) throw new SuwenError('UNSUPPORTED_MEDIA_TYPE', 'Expected JSON');
        let raw: unknown;
        try {
          raw = await c.req.json();
        } catch {
          throw new SuwenError('VALIDATION_FAILED', 'Body is not valid JSON', { params: { summary: 'body: not valid JSON' } });
        }
        body = parseOrThrow(route.body, raw, 'body');
      }
      return route.handler(c, { body, query, params, principal: principal as Principal, actor }, services);
    });
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query' | 'params'): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

/** The OpenAPI response object of a route's success status. */
function successResponse(route: RouteSpec): Record<string, unknown> {
  const { response } = route;
  if (!isContentResponse(response)) {
    return { description: 'OK', content: { 'application/json': { schema: jsonSchema(response, 'output') } } };
  }
  const content = Object.fromEntries(
    Object.entries(response.content).map(([type, body]) => [
      type,
      // A body without a schema is binary (OpenAPI 3.1: the media type names the content).
      { schema: body.schema ? jsonSchema(body.schema, 'output') : { type: 'string', contentMediaType: type } },
    ]),
  );
  return Object.keys(content).length > 0 ? { description: response.description, content } : { description: response.description };
}

/** The OpenAPI 3.1 document, generated from the same route list the server mounts. */
export function buildOpenApi(routes: RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const openApiPath = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const parameters: unknown[] = [];
    for (const name of route.path.match(/:(\w+)/g) ?? []) {
      parameters.push({ name: name.slice(1), in: 'path', required: true, schema: { type: 'string' } });
    }
    if (route.query) {
      const schema = jsonSchema(route.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: prop });
      }
    }
    const status = String(route.status ?? 200);
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[/:](\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}`,
      parameters,
      security: route.permission === null ? [] : [{ session: [] }, { bearer: [] }],
      'x-permission': route.permission,
      responses: {
        [status]: successResponse(route),
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (route.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
    }
    paths[openApiPath] = { ...paths[openApiPath], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Suwen (素问) API',
      version,
      description: 'Clinical LLM platform API. AI output is a draft for a clinician; Suwen does not diagnose or treat.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'suwen_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
