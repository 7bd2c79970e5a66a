/**
 * A scripted OpenAI-compatible model server for tests: a real HTTP server on loopback that answers
 * `/v1/chat/completions` (streaming and not), `/v1/models` and `/v1/audio/transcriptions` from a
 * queue of scripted replies. Workflow tests talk to it over a socket instead of mocking the model
 * inside the process, so the real client, retries, timeouts and cancellation all run.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptStep =
  /** Plain text; streamed in `chunks` pieces when the request streams. */
  | { kind: 'text'; text: string; chunks?: number; usage?: { prompt: number; completion: number } }
  /** A JSON value returned as the message content (json_object / json_schema replies). */
  | { kind: 'json'; value: unknown }
  /** Content returned exactly as given — e.g. malformed JSON. */
  | { kind: 'raw'; content: string }
  | { kind: 'tool-call'; name: string; arguments: unknown }
  | { kind: 'error'; status: number; message?: string; retryAfterSeconds?: number }
  /** Sends `chunksBeforeStall` chunks of text, then holds the connection open without sending. */
  | { kind: 'stall'; text?: string; chunksBeforeStall?: number }
  /** Waits before answering (and between streamed chunks, with `perChunkMs`). */
  | { kind: 'slow'; delayMs: number; perChunkMs?: number; reply: Exclude<ScriptStep, { kind: 'slow' }> }
  /** Closes the socket without an HTTP response (a connection reset). */
  | { kind: 'reset' };

/** A scripted answer of `/v1/audio/transcriptions` (as verbose_json; `text` alone as json). */
export type TranscriptionStep =
  | {
      kind: 'transcription';
      text: string;
      segments?: { start: number; end: number; text: string; speaker?: string }[];
      language?: string;
      duration?: number;
      /** Answer as `text/plain` instead of JSON. */
      plain?: boolean;
    }
  | { kind: 'error'; status: number; message?: string; retryAfterSeconds?: number }
  | { kind: 'slow'; delayMs: number; reply: Exclude<TranscriptionStep, { kind: 'slow' }> };

/** One part of a multipart upload as received. */
export interface RecordedUpload {
  filename: string | null;
  contentType: string | null;
  bytes: number;
  /** The first bytes (magic numbers), for assertions on what was sent. */
  head: Buffer;
}

export interface RecordedRequest {
  path: string;
  /** Path with the query string. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  /** Multipart uploads: the text fields (also copied into `body`) and the files. */
  form?: { fields: Record<string, string>; files: Record<string, RecordedUpload> };
  /** Whether the client went away before the reply finished. */
  aborted: boolean;
}

export interface ScriptedModelServer {
  /** Base URL ending in /v1, as a client's baseURL. */
  baseUrl: string;
  /** Queue replies; each request takes the next one. With an empty queue the last user message is echoed. */
  enqueue(...steps: ScriptStep[]): void;
  /** Queue answers of `/v1/audio/transcriptions` (a queue of its own). */
  enqueueTranscription(...steps: TranscriptionStep[]): void;
  requests: RecordedRequest[];
  /** Number of requests still open (streams in progress). */
  openRequests(): number;
  close(): Promise<void>;
}

const MODEL = 'scripted-model';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lastUserText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { role?: string; content?: unknown }[]) : [];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (typeof last?.content === 'string') return last.content;
  if (Array.isArray(last?.content)) {
    return (last.content as { type?: string; text?: string }[])
      .filter((p) => p.type === 'text')
      .map((p) => p.text ?? '')
      .join('');
  }
  return '';
}

function splitText(text: string, pieces: number): string[] {
  const chars = [...text];
  const size = Math.max(1, Math.ceil(chars.length / Math.max(1, pieces)));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out.length ? out : [''];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ScriptedServerOptions {
  /** The reply when the queue is empty; by default the last user message is echoed at once. */
  defaultReply?: (lastUserText: string) => ScriptStep;
  /**
   * The transcription when its queue is empty, from what was uploaded; by default
   * `{text: "transcription <call> of <n> bytes"}` with one segment.
   */
  transcribe?: (upload: RecordedUpload, fields: Record<string, string>) => TranscriptionStep;
}

/** Splits a multipart/form-data body into text fields and files (enough for tests, not a general parser). */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { fields: Record<string, string>; files: Record<string, RecordedUpload & { data: Buffer }> } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const fields: Record<string, string> = {};
  const files: Record<string, RecordedUpload & { data: Buffer }> = {};
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? null;
      files[name] = { filename, contentType: type, bytes: data.length, head: Buffer.from(data.subarray(0, 16)), data };
    } else fields[name] = data.toString('utf8');
    position = next;
  }
  return { fields, files };
}

export async function startScriptedModelServer(options: ScriptedServerOptions = {}): Promise<ScriptedModelServer> {
  const queue: ScriptStep[] = [];
  const transcriptionQueue: TranscriptionStep[] = [];
  let transcriptions = 0;
  const requests: RecordedRequest[] = [];
  let open = 0;
  let counter = 0;

  const completion = (content: string | null, toolCalls?: unknown[], usage = { prompt: 10, completion: 5 }) => ({
    id: `chatcmpl-${++counter}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: MODEL,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: toolCalls ? 'tool_calls' : 'stop',
      },
    ],
    usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion },
  });

  async function reply(step: ScriptStep, stream: boolean, res: ServerResponse, record: RecordedRequest, perChunkMs = 0): Promise<void> {
    switch (step.kind) {
      case 'slow':
        await sleep(step.delayMs);
        return reply(step.reply, stream, res, record, step.perChunkMs ?? 0);
      case 'reset':
        res.socket?.destroy();
        return;
      case 'error':
        res.writeHead(step.status, {
          'content-type': 'application/json',
          ...(step.retryAfterSeconds !== undefined ? { 'retry-after': String(step.retryAfterSeconds) } : {}),
        });
        res.end(
          JSON.stringify({ error: { message: step.message ?? `scripted ${step.status}`, type: 'scripted_error', code: step.status } }),
        );
        return;
      case 'text':
      case 'json':
      case 'raw':
      case 'stall':
      case 'tool-call':
        break;
    }
    const content =
      step.kind === 'text'
        ? step.text
        : step.kind === 'json'
          ? JSON.stringify(step.value)
          : step.kind === 'raw'
            ? step.content
            : step.kind === 'stall'
              ? (step.text ?? 'partial answer')
              : null;
    const toolCalls =
      step.kind === 'tool-call'
        ? [{ id: `call_${counter + 1}`, type: 'function', function: { name: step.name, arguments: JSON.stringify(step.arguments) } }]
        : undefined;
    const usage = step.kind === 'text' && step.usage ? step.usage : { prompt: 10, completion: 5 };
    if (!stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(completion(content, toolCalls, usage)));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const id = `chatcmpl-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const send = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`,
      );
    send({ role: 'assistant', content: '' });
    if (toolCalls) {
      send({ tool_calls: toolCalls.map((t, index) => ({ index, ...(t as object) })) });
    } else {
      const pieces = splitText(
        content ?? '',
        step.kind === 'text' ? (step.chunks ?? 4) : step.kind === 'stall' ? (step.chunksBeforeStall ?? 2) : 3,
      );
      for (const piece of pieces) {
        if (record.aborted) return;
        if (perChunkMs) await sleep(perChunkMs);
        send({ content: piece });
      }
    }
    if (step.kind === 'stall') return; // hold the connection open; the client must time out or abort
    send({}, toolCalls ? 'tool_calls' : 'stop');
    res.write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL, choices: [], usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion } })}\n\n`,
    );
    res.end('data: [DONE]\n\n');
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      open++;
      const raw = await readBody(req);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      let body: Record<string, unknown> = {};
      if ((req.headers['content-type'] ?? '').includes('application/json') && raw.length) {
        try {
          body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        } catch {
          body = {};
        }
      }
      const record: RecordedRequest = { path, url: req.url ?? path, headers: req.headers, body, aborted: false };
      requests.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.aborted = true;
        open--;
      });
      if (req.method === 'GET' && path.endsWith('/models')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: MODEL, object: 'model', owned_by: 'suwen-tests' }] }));
        return;
      }
      if (req.method === 'POST' && path.endsWith('/audio/transcriptions')) {
        const { fields, files } = parseMultipart(raw, req.headers['content-type'] ?? '');
        const { data: _data, ...upload } = files.file ?? { filename: null, contentType: null, bytes: 0, head: Buffer.alloc(0), data: null };
        record.form = { fields, files: Object.fromEntries(Object.entries(files).map(([k, { data: _d, ...f }]) => [k, f])) };
        record.body = { ...fields };
        const heard = `transcription ${++transcriptions} of ${upload.bytes} bytes`;
        let step: TranscriptionStep = transcriptionQueue.shift() ??
          options.transcribe?.(upload, fields) ?? { kind: 'transcription', text: heard, segments: [{ start: 0, end: 1, text: heard }] };
        if (step.kind === 'slow') {
          await sleep(step.delayMs);
          step = step.reply;
        }
        if (step.kind === 'error') return reply(step, false, res, record);
        if (step.plain) {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(step.text);
          return;
        }
        const verbose = fields.response_format === 'verbose_json';
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            verbose
              ? {
                  task: 'transcribe',
                  language: step.language ?? 'english',
                  duration: step.duration ?? step.segments?.at(-1)?.end ?? 0,
                  text: step.text,
                  segments: (step.segments ?? []).map((segment, id) => ({ id, ...segment })),
                }
              : { text: step.text },
          ),
        );
        return;
      }
      if (req.method === 'POST' && path.endsWith('/chat/completions')) {
        const step = queue.shift() ?? options.defaultReply?.(lastUserText(body)) ?? { kind: 'text', text: `echo: ${lastUserText(body)}` };
        await reply(step, body.stream === true, res, record);
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found' } }));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    enqueue: (...steps) => queue.push(...steps),
    enqueueTranscription: (...steps) => transcriptionQueue.push(...steps),
    requests,
    openRequests: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
