import { chatBodySchema, chatResponse, modelsQuerySchema, modelsSchema } from '../../api/models.js';
import { describeModels } from '../../model/index.js';
import { openChat } from '../../workflows/chat/chat.js';
import { defineRoute } from '../route.js';
import { sseResponse } from '../sse.js';

export const modelRoutes = [
  defineRoute({
    method: 'get',
    path: '/models',
    summary:
      'Configured language models, their data boundary and (with probe=1) reachability; the speech recognizer (SUWEN_ASR_*) likewise, never its key',
    tag: 'models',
    permission: 'settings.read',
    query: modelsQuerySchema,
    response: modelsSchema,
    handler: async (c, { query }, { config, models, speech }) => {
      const described = describeModels(config.models);
      const withStatus = await Promise.all(
        described.models.map(async (m) => ({ ...m, ...(query.probe === '1' ? await models.reachability(m.id) : {}) })),
      );
      const recognizer = { ...speech.describe(), ...(query.probe === '1' && speech.configured ? await speech.reachability() : {}) };
      return c.json({ configured: described.configured, models: withStatus, speech: recognizer });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/chat',
    summary: 'Ask the model; the answer streams as server-sent events and is stored as a draft artifact',
    tag: 'models',
    permission: 'model.chat',
    body: chatBodySchema,
    response: chatResponse,
    handler: async (c, { body, actor }, services) => {
      const abort = new AbortController();
      const chat = await openChat(services, { ...body, locale: c.get('locale'), actor, abortSignal: abort.signal });
      return sseResponse(c, async (send, signal) => {
        signal.addEventListener('abort', () => abort.abort(), { once: true });
        await send('meta', chat.meta);
        for await (const event of chat.events) {
          if (event.type === 'text-delta') await send('text-delta', { text: event.text });
          else
            await send('finish', {
              artifactId: event.artifactId,
              tokensIn: event.tokensIn,
              tokensOut: event.tokensOut,
              latencyMs: event.latencyMs,
            });
        }
      });
    },
  }),
];
