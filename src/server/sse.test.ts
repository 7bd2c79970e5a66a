import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noContent, sseEventsSchema } from '../api/common.js';
import { SuwenError } from '../shared/errors.js';
import { defineRoute } from './route.js';
import { sseResponse } from './sse.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

/** Probe routes standing in for a model workflow that streams tokens. */
const streamingRoutes = [
  defineRoute({
    method: 'get',
    path: '/test/stream',
    summary: 'test probe',
    tag: 'test',
    permission: 'settings.read',
    response: { description: 'test events', content: { 'text/event-stream': { schema: sseEventsSchema({}) } } },
    handler: (c) =>
      sseResponse(c, async (send) => {
        for (const token of ['主诉', '：', 'cough']) await send('text-delta', { text: token });
        await send('finish', { tokens: 3 });
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/test/stream-fails',
    summary: 'test probe',
    tag: 'test',
    permission: 'settings.read',
    response: noContent('test probe'),
    handler: (c) =>
      sseResponse(c, async (send) => {
        await send('text-delta', { text: 'partial' });
        throw new SuwenError('MODEL_NOT_CONFIGURED', 'no model');
      }),
  }),
];

function parseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('event:'))
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { event, data: JSON.parse(data) as unknown };
    });
}

describe('server-sent events helper', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { extraRoutes: streamingRoutes, withPatients: false });
    cookie = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('streams events in order and always ends with done', async () => {
    const response = await server.request('/api/v1/test/stream', { cookie });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = parseEvents(await response.text());
    expect(events.map((e) => e.event)).toEqual(['text-delta', 'text-delta', 'text-delta', 'finish', 'done']);
    expect(events[0]?.data).toEqual({ text: '主诉' });
  });

  it('turns a failure into a localized error event in the standard envelope', async () => {
    const response = await server.request('/api/v1/test/stream-fails', { cookie, headers: { 'accept-language': 'zh-CN' } });
    const events = parseEvents(await response.text());
    expect(events.map((e) => e.event)).toEqual(['text-delta', 'error', 'done']);
    expect(events[1]?.data).toEqual({
      error: { code: 'MODEL_NOT_CONFIGURED', message: expect.stringContaining('SUWEN_MODEL_BASE_URL') },
    });
  });

  it('checks the permission before streaming', async () => {
    expect((await server.request('/api/v1/test/stream')).status).toBe(401);
  });
});
