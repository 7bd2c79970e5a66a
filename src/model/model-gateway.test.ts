import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tool } from 'ai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditLog } from '../audit/audit-log.js';
import type { ModelConfig } from '../config/load-config.js';
import { SuwenError } from '../shared/errors.js';
import { createTestStore, type TestStore } from '../store/test-stores.js';
import type { ModelCallContext } from './call-context.js';
import { generateModelText, streamModelText } from './generate.js';
import { ModelGateway } from './model-gateway.js';
import { generateStructured } from './structured-output.js';
import { type ScriptedModelServer, startScriptedModelServer } from './testing/scripted-model-server.js';
import { writeTinyGguf } from './testing/tiny-gguf.js';

const context: ModelCallContext = { workflow: 'test', actorId: 'u1', actorRole: 'clinician', requestId: 'req-1', containsPhi: false };

function modelConfig(baseUrl: string, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    id: 'scripted',
    baseUrl,
    name: 'scripted-model',
    concurrency: 4,
    timeoutMs: 10_000,
    idleTimeoutMs: 2_000,
    maxRetries: 2,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<SuwenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SuwenError) return error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof SuwenError) return cause;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('model gateway against a scripted OpenAI-compatible server', () => {
  let upstream: ScriptedModelServer;
  let store: TestStore;
  let audit: AuditLog;

  beforeAll(async () => {
    upstream = await startScriptedModelServer();
  });
  afterAll(async () => {
    await upstream?.close();
  });
  beforeEach(async () => {
    store = await createTestStore('sqlite');
    audit = new AuditLog(store);
  });
  afterEach(async () => {
    await audit.flush();
    await store.dispose();
  });

  const auditRows = async () => {
    await audit.flush();
    return store.db.selectFrom('audit_log').selectAll().where('action', '=', 'model.call').orderBy('seq').execute();
  };

  it('streams text deltas and audits the call with tokens and time to first token, without the text', async () => {
    upstream.enqueue({
      kind: 'text',
      text: '患者病情稳定。HbA1c 7.2% suggests fair control.',
      chunks: 5,
      usage: { prompt: 12, completion: 9 },
    });
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl)], { audit });
    const result = streamModelText({ model: gateway.model(context), prompt: 'summarise', maxRetries: 0 });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThanOrEqual(5);
    expect(deltas.join('')).toBe('患者病情稳定。HbA1c 7.2% suggests fair control.');
    const [row] = await auditRows();
    expect(row).toMatchObject({ actor_id: 'u1', outcome: 'success', entity_id: 'scripted', request_id: 'req-1' });
    const details = JSON.parse(row?.details ?? '{}') as Record<string, unknown>;
    expect(details).toMatchObject({ workflow: 'test', mode: 'stream', tokensIn: 12, tokensOut: 9, boundary: 'local' });
    expect(details.ttftMs).toEqual(expect.any(Number));
    expect(row?.details).not.toContain('HbA1c');
  });

  it('returns a schema-valid object from json_schema output', async () => {
    upstream.enqueue({ kind: 'json', value: { drug: 'Metformin', doseMg: 500, route: 'po' } });
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl)], { audit });
    const schema = z.object({ drug: z.string(), doseMg: z.number(), route: z.enum(['po', 'iv']) });
    const result = await generateStructured({
      model: gateway.model(context),
      schema,
      locale: 'en',
      messages: [{ role: 'user', content: 'metformin' }],
    });
    expect(result).toMatchObject({ object: { drug: 'Metformin', doseMg: 500, route: 'po' }, repaired: false });
    const sent = upstream.requests.at(-1)?.body as { response_format?: { type: string } };
    expect(sent.response_format?.type).toBe('json_schema');
  });

  it('repairs invalid JSON once, then fails with OUTPUT_VALIDATION_FAILED', async () => {
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl)], { audit });
    const schema = z.object({ drug: z.string(), doseMg: z.number() });
    upstream.enqueue(
      { kind: 'raw', content: '{"drug": "Metformin", "doseMg": ' },
      { kind: 'json', value: { drug: 'Metformin', doseMg: 500 } },
    );
    const repaired = await generateStructured({
      model: gateway.model(context),
      schema,
      locale: 'zh-CN',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(repaired).toMatchObject({ object: { drug: 'Metformin', doseMg: 500 }, repaired: true });
    const repairRequest = upstream.requests.at(-1)?.body as { messages: { role: string; content: unknown }[] };
    expect(JSON.stringify(repairRequest.messages.at(-1))).toContain('JSON');

    upstream.enqueue({ kind: 'json', value: { drug: 'Metformin', doseMg: 'five hundred' } }, { kind: 'raw', content: 'not json at all' });
    const failure = await rejection(
      generateStructured({ model: gateway.model(context), schema, locale: 'en', messages: [{ role: 'user', content: 'x' }] }),
    );
    expect(failure.code).toBe('OUTPUT_VALIDATION_FAILED');
    expect(failure.details?.[0]?.message).toBeTruthy();
  });

  it('retries a 429 with backoff and succeeds, auditing one call', async () => {
    upstream.enqueue(
      { kind: 'error', status: 429, retryAfterSeconds: 0 },
      { kind: 'error', status: 503 },
      { kind: 'text', text: 'ok after retries' },
    );
    const before = upstream.requests.length;
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl)], { audit });
    const result = await generateModelText({ model: gateway.model(context), prompt: 'hi', maxRetries: 0 });
    expect(result.text).toBe('ok after retries');
    expect(upstream.requests.length - before).toBe(3);
    const rows = await auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toBe('success');
  });

  it('retries after a connection reset', async () => {
    upstream.enqueue({ kind: 'reset' }, { kind: 'text', text: 'after reset' });
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl)], { audit });
    expect((await generateModelText({ model: gateway.model(context), prompt: 'hi' })).text).toBe('after reset');
  });

  it('passes tool calls through', async () => {
    upstream.enqueue({ kind: 'tool-call', name: 'lookupDrug', arguments: { name: 'metformin' } });
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl)], { audit });
    const result = await generateModelText({
      model: gateway.model(context),
      prompt: 'look up metformin',
      tools: { lookupDrug: tool({ description: 'Look up a drug', inputSchema: z.object({ name: z.string() }) }) },
    });
    expect(result.toolCalls).toEqual([expect.objectContaining({ toolName: 'lookupDrug', input: { name: 'metformin' } })]);
    const sent = upstream.requests.at(-1)?.body as { tools?: { function: { name: string } }[] };
    expect(sent.tools?.[0]?.function.name).toBe('lookupDrug');
  });

  it('gives up after the configured retries with MODEL_UNAVAILABLE, and does not retry a 400', async () => {
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl, { maxRetries: 1 })], { audit });
    upstream.enqueue({ kind: 'error', status: 500 }, { kind: 'error', status: 500 });
    const failure = await rejection(generateModelText({ model: gateway.model(context), prompt: 'hi', maxRetries: 0 }));
    expect(failure).toMatchObject({ code: 'MODEL_UNAVAILABLE', params: { reason: 'HTTP 500' } });
    const before = upstream.requests.length;
    upstream.enqueue({ kind: 'error', status: 400 });
    expect((await rejection(generateModelText({ model: gateway.model(context), prompt: 'hi', maxRetries: 0 }))).code).toBe(
      'MODEL_UNAVAILABLE',
    );
    expect(upstream.requests.length - before).toBe(1);
    const rows = await auditRows();
    expect(rows.map((r) => r.outcome)).toEqual(['failure', 'failure']);
  });

  it('cuts off a stalled stream after the idle limit with MODEL_TIMEOUT', async () => {
    upstream.enqueue({ kind: 'stall', text: 'the answer begins and then', chunksBeforeStall: 2 });
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl, { idleTimeoutMs: 300 })], { audit });
    const started = Date.now();
    const result = streamModelText({ model: gateway.model(context), prompt: 'hi', maxRetries: 0 });
    let text = '';
    let streamError: unknown;
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') streamError = part.error;
    }
    expect(text).toBe('the answer begins and then');
    expect(streamError).toBeInstanceOf(SuwenError);
    expect((streamError as SuwenError).code).toBe('MODEL_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(upstream.openRequests()).toBe(0); // the upstream connection was closed, not leaked
    const [row] = await auditRows();
    expect(row).toMatchObject({ outcome: 'failure' });
    expect(JSON.parse(row?.details ?? '{}')).toMatchObject({ code: 'MODEL_TIMEOUT' });
  });

  it('stops the upstream request when the caller aborts mid-stream', async () => {
    upstream.enqueue({
      kind: 'slow',
      delayMs: 0,
      perChunkMs: 150,
      reply: { kind: 'text', text: 'one two three four five six seven eight', chunks: 8 },
    });
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl)], { audit });
    const controller = new AbortController();
    const result = streamModelText({ model: gateway.model(context), prompt: 'hi', maxRetries: 0, abortSignal: controller.signal });
    let received = 0;
    try {
      for await (const _delta of result.textStream) {
        received++;
        if (received === 2) controller.abort();
      }
    } catch {
      // the AI SDK may surface the abort as an error; either way the call must stop
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toBeLessThan(8);
    expect(upstream.requests.at(-1)?.aborted).toBe(true);
    expect(upstream.openRequests()).toBe(0);
  });

  it('refuses patient data to an external model and audits the refusal', async () => {
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl, { dataBoundary: 'external' })], { audit });
    const before = upstream.requests.length;
    const failure = await rejection(
      generateModelText({ model: gateway.model({ ...context, containsPhi: true, patientId: 'p1' }), prompt: 'x', maxRetries: 0 }),
    );
    expect(failure.code).toBe('PHI_POLICY_VIOLATION');
    expect(upstream.requests.length).toBe(before);
    const [row] = await auditRows();
    expect(row).toMatchObject({ outcome: 'denied', patient_id: 'p1' });
    // The same call without patient data, or with the administrator's explicit permission, goes through.
    expect((await generateModelText({ model: gateway.model(context), prompt: 'x', maxRetries: 0 })).text).toBe('echo: x');
    const allowed = new ModelGateway([modelConfig(upstream.baseUrl, { dataBoundary: 'external' })], { audit, allowExternalPhi: true });
    expect((await generateModelText({ model: allowed.model({ ...context, containsPhi: true }), prompt: 'y', maxRetries: 0 })).text).toBe(
      'echo: y',
    );
  });

  it('answers MODEL_NOT_CONFIGURED when no model is configured', async () => {
    const gateway = new ModelGateway([], { audit });
    expect(gateway.configured).toBe(false);
    const failure = await rejection(generateModelText({ model: gateway.model(context), prompt: 'x', maxRetries: 0 }));
    expect(failure.code).toBe('MODEL_NOT_CONFIGURED');
  });

  it('holds calls beyond the concurrency limit in line', async () => {
    const gateway = new ModelGateway([modelConfig(upstream.baseUrl, { concurrency: 1 })], { audit });
    upstream.enqueue({ kind: 'slow', delayMs: 200, reply: { kind: 'text', text: 'first' } }, { kind: 'text', text: 'second' });
    const started = Date.now();
    const [a, b] = await Promise.all([
      generateModelText({ model: gateway.model(context), prompt: '1', maxRetries: 0 }),
      generateModelText({ model: gateway.model(context), prompt: '2', maxRetries: 0 }),
    ]);
    expect([a.text, b.text]).toEqual(['first', 'second']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('model gateway with an embedded GGUF model', () => {
  it('loads a test-generated GGUF, answers schema-valid JSON under the grammar, and audits the call as local', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'suwen-gguf-')), 'tiny.gguf');
    await writeTinyGguf(file);
    const store = await createTestStore('sqlite');
    const audit = new AuditLog(store);
    const gateway = new ModelGateway(
      [{ id: 'local', gguf: file, threads: 1, concurrency: 1, timeoutMs: 60_000, idleTimeoutMs: 30_000, maxRetries: 0 }],
      { audit },
    );
    try {
      expect(gateway.profile()).toMatchObject({ kind: 'llama-cpp', dataBoundary: 'local' });
      const schema = z.object({ drug: z.string(), doseMg: z.number(), route: z.enum(['po', 'iv']) });
      const result = await generateStructured({
        model: gateway.model({ ...context, containsPhi: true }),
        schema,
        locale: 'en',
        messages: [{ role: 'user', content: 'metformin' }],
        maxOutputTokens: 64,
      });
      expect(schema.safeParse(result.object).success).toBe(true);
      await audit.flush();
      const row = await store.db.selectFrom('audit_log').selectAll().where('action', '=', 'model.call').executeTakeFirstOrThrow();
      expect(row.outcome).toBe('success');
      expect(JSON.parse(row.details)).toMatchObject({ boundary: 'local', containsPhi: true });
    } finally {
      await gateway.dispose();
      await store.dispose();
    }
  });
});
