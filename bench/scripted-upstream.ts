/**
 * The scripted OpenAI-compatible server in its own process, for bench/model-gateway.ts.
 * With a pace argument (ms per chunk) every reply streams 8 chunks at that pace, like a model.
 */
import { startScriptedModelServer } from '../src/model/testing/index.js';

const pace = Number(process.argv[2] ?? 0);
const server = await startScriptedModelServer(
  pace > 0
    ? {
        defaultReply: (text) => ({
          kind: 'slow',
          delayMs: pace,
          perChunkMs: pace,
          reply: { kind: 'text', text: `echo: ${text}`, chunks: 8 },
        }),
      }
    : {},
);
process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
