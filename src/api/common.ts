/**
 * API contract: common — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 *
 * Response schemas describe what a handler sends; they document the API (OpenAPI) and the contract
 * tests check real responses against them.
 */
import { z } from 'zod';

export type { Bilingual, Citation } from '../knowledge/index.js';

/** A text in both product languages (as a response carries it; the knowledge base's own schema is stricter). */
export const bilingualSchema = z.object({ en: z.string(), zh: z.string() });

/** Where a fact came from: every number Suwen shows points at one. */
export const citationSchema = z.object({
  title: z.string(),
  /** Section, table or page, when the title does not say it. */
  section: z.string().optional(),
  url: z.string().optional(),
  licence: z.string().optional(),
});

export const languageSchema = z.enum(['zh', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const sexSchema = z.enum(['M', 'F']);

/** `/:id` of a patient, artifact or other record entity. */
export const idParamsSchema = z.object({ id: z.string().min(1).max(100) });
export type IdParams = z.infer<typeof idParamsSchema>;

/** A page of a long list: `limit` (1–200, default 50) items from `offset`. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** One page of `item`, with the total across all pages. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().nonnegative() });
}

/** A FHIR R4 resource: the resource type is fixed, the rest follows the FHIR specification. */
export function fhirResourceSchema<T extends string>(resourceType: T) {
  return z.looseObject({ resourceType: z.literal(resourceType) });
}

/** A FHIR R4 Bundle (collection, document …) of resources. */
export const fhirBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  entry: z.array(z.looseObject({ fullUrl: z.string().optional(), resource: z.looseObject({ resourceType: z.string() }) })),
});

/** The FHIR JSON media type (RFC: application/fhir+json). */
export const FHIR_JSON = 'application/fhir+json';

/**
 * A response that is not plain JSON, or not only JSON: a file (PDF), FHIR JSON, server-sent
 * events, or no body at all (`content: {}`). Keys are media types; a schema describes the body
 * where it has a structure (FHIR, the events of a stream) and is omitted for binary bodies.
 */
export interface ContentResponse {
  description: string;
  content: Record<string, { schema?: z.ZodType }>;
}

/** What a route answers on success: a zod schema of its JSON body, or a described non-JSON body. */
export type ResponseContract = z.ZodType | ContentResponse;

export function isContentResponse(response: ResponseContract): response is ContentResponse {
  return !(response instanceof z.ZodType);
}

/** The JSON body schema of a response contract, when its body is JSON. */
export function jsonBodySchema(response: ResponseContract): z.ZodType | undefined {
  return isContentResponse(response) ? response.content['application/json']?.schema : response;
}

/** No body (204, or a 200 that only acknowledges). */
export function noContent(description: string): ContentResponse {
  return { description, content: {} };
}

/** The error envelope every failure uses, also sent as a stream's `error` event. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('In the caller’s language (Accept-Language: zh-CN or en)'),
    details: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional(),
  }),
});

/**
 * The events of a server-sent event stream (`src/server/sse.ts`): each is `event: <name>` with a
 * JSON `data:` line. Every stream may end with an `error` event (the error envelope) and always
 * ends with `done`.
 */
export function sseEventsSchema(events: Record<string, z.ZodType>) {
  const all: Record<string, z.ZodType> = { ...events, error: errorBodySchema, done: z.object({}) };
  const variants = Object.entries(all).map(([event, data]) => z.object({ event: z.literal(event), data }));
  return z.union(variants).describe('One server-sent event: `event:` is the name, `data:` the JSON below; the stream ends with `done`');
}

/** A JSON body, or the same result as server-sent events when the request says `Accept: text/event-stream`. */
export function jsonOrEvents(description: string, json: z.ZodType, events: Record<string, z.ZodType>): ContentResponse {
  return {
    description,
    content: { 'application/json': { schema: json }, 'text/event-stream': { schema: sseEventsSchema(events) } },
  };
}

/** `true` when a server type and its contract agree: every value of each is a value of the other. */
export type Agrees<Server, Contract> = [Server] extends [Contract] ? ([Contract] extends [Server] ? true : false) : false;
/** `true` when every value the contract allows is a value of the server type (the contract may be more precise). */
export type Refines<Contract, Server> = [Contract] extends [Server] ? true : false;
/** Fails typechecking unless `T` is `true`: `type _ = Expect<Agrees<A, B>>`. */
export type Expect<T extends true> = T;
