import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noContent } from '../api/common.js';
import { SuwenError } from '../shared/errors.js';
import { defineRoute } from './route.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/** PRODUCT.md: no patient text in log lines — not on success, not on failure. */
describe('log lines', () => {
  let server: TestServer;
  let lines = '';
  const failing = defineRoute({
    method: 'get',
    path: '/test/fails-with-patient-text',
    summary: 'test probe',
    tag: 'test',
    permission: null,
    response: noContent('test probe'),
    handler: () => {
      throw new Error('lower layer quoted the note: patient Zhang San 张三 has chest pain');
    },
  });
  const refusing = defineRoute({
    method: 'get',
    path: '/test/refuses',
    summary: 'test probe',
    tag: 'test',
    permission: null,
    response: noContent('test probe'),
    handler: () => {
      throw new SuwenError('CONFLICT', 'conflict about 张三', { params: { reason: 'x' } });
    },
  });

  beforeAll(async () => {
    const capture = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines += chunk.toString();
        done();
      },
    });
    server = await startTestServer('sqlite', { logger: pino({ level: 'debug' }, capture), extraRoutes: [failing, refusing] });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('carry ids, routes and codes but no names, searches or error text', async () => {
    const cookie = await server.login('clinician');
    const list = (await (await server.request('/api/v1/patients?limit=3', { cookie })).json()) as { items: { id: string; name: string }[] };
    const names = list.items.map((p) => p.name);
    for (const name of names) await server.request(`/api/v1/patients?q=${encodeURIComponent(name)}`, { cookie });
    await server.request(`/api/v1/patients/${list.items[0]?.id}/chart`, { cookie });
    const failed = await server.request('/api/v1/test/fails-with-patient-text', { headers: { 'accept-language': 'zh-CN' } });
    expect(failed.status).toBe(500);
    const body = (await failed.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).not.toContain('张三');
    await server.request('/api/v1/test/refuses');

    expect(lines).toContain('"route":"/api/v1/patients/:id/chart"');
    expect(lines).toContain('"code":"INTERNAL"');
    for (const text of [...names, 'Zhang San', '张三', 'chest pain', 'q=']) expect(lines).not.toContain(text);
  });
});
