import { describe, expect, it } from 'vitest';
import { API_ROUTES } from './app.js';
import { buildOpenApi } from './route.js';
import { cdsHooksRoutes } from './routes/cds-hooks-routes.js';

interface MediaType {
  schema?: Record<string, unknown>;
}
interface Operation {
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** Every operation of a generated document, as `METHOD /path` with its success response. */
function successResponses(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const statuses = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      return { name: `${method.toUpperCase()} ${path}`, statuses, response: operation.responses[statuses[0] ?? ''] };
    }),
  );
}

/** Routes that answer with no body at all (declared with `noContent`). */
const BODILESS = ['POST /api/v1/auth/logout', 'POST /cds-services/{id}/feedback'];

describe('the OpenAPI document', () => {
  const api = buildOpenApi(API_ROUTES, 'test') as unknown as Document;
  // CDS Hooks sits at the server root; the same check covers its routes.
  const cds = buildOpenApi(cdsHooksRoutes, 'test') as unknown as Document;
  const cdsPaths = Object.fromEntries(Object.entries(cds.paths).map(([path, ops]) => [path.replace('/api/v1', '/cds-services'), ops]));
  const operations = successResponses({ paths: { ...api.paths, ...cdsPaths } });

  it('has one operation per route', () => {
    expect(operations).toHaveLength(API_ROUTES.length + cdsHooksRoutes.length);
  });

  it('declares one success response per operation, with a description', () => {
    for (const { name, statuses, response } of operations) {
      expect(statuses, name).toHaveLength(1);
      expect(response?.description, name).toBeTruthy();
    }
  });

  it('gives every success response a schema for each media type it sends, except the bodiless ones', () => {
    const bodiless: string[] = [];
    for (const { name, response } of operations) {
      const content = Object.entries(response?.content ?? {});
      if (content.length === 0) bodiless.push(name);
      for (const [type, media] of content) expect(media.schema, `${name} ${type}`).toBeDefined();
    }
    expect(bodiless.sort()).toEqual(BODILESS);
  });

  it('describes JSON bodies as objects with their properties, not as anything', () => {
    for (const { name, response } of operations) {
      for (const [type, media] of Object.entries(response?.content ?? {})) {
        if (!type.endsWith('json')) continue;
        expect(media.schema?.type, `${name} ${type}`).toBe('object');
        expect(Object.keys((media.schema?.properties as object | undefined) ?? {}).length, `${name} ${type}`).toBeGreaterThan(0);
      }
    }
  });

  it('documents streams as their events, and binary downloads by media type', () => {
    const byName = new Map(operations.map((operation) => [operation.name, operation.response?.content ?? {}]));
    expect(Object.keys(byName.get('POST /api/v1/chat') ?? {})).toEqual(['text/event-stream']);
    expect(Object.keys(byName.get('POST /api/v1/notes/generate') ?? {})).toEqual(['application/json', 'text/event-stream']);
    const events = byName.get('POST /api/v1/notes/generate')?.['text/event-stream']?.schema as { anyOf?: unknown[] } | undefined;
    expect(JSON.stringify(events)).toContain('"const":"section"');
    expect(byName.get('GET /api/v1/artifacts/{id}/pdf')?.['application/pdf']?.schema).toEqual({
      type: 'string',
      contentMediaType: 'application/pdf',
    });
    expect(Object.keys(byName.get('GET /api/v1/patients/{id}/fhir') ?? {})).toEqual(['application/fhir+json']);
  });
});
