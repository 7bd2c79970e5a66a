/**
 * An OpenAI-compatible transcription endpoint in front of CMU PocketSphinx — an open recognizer
 * with an open US English model that Debian packages (`apt install pocketsphinx pocketsphinx-en-us
 * sox`). Suwen's tests run it end to end; an operator can run it too:
 *
 *   npx tsx scripts/pocketsphinx-asr-server.ts --port 9300
 *   SUWEN_ASR_BASE_URL=http://127.0.0.1:9300/v1 SUWEN_ASR_MODEL=pocketsphinx-en-us suwen serve
 *
 * It answers `POST /v1/audio/transcriptions` (multipart `file`, `response_format` json |
 * verbose_json | text, `language` en) and `GET /v1/models`. Audio that is not already 16 kHz mono
 * 16-bit WAV is converted with sox (WAV of any rate, and what sox's installed formats read; not
 * WebM/M4A). Each utterance PocketSphinx finds becomes a timed segment. It listens on loopback
 * only unless --host says otherwise. English only, and far less accurate than Whisper-class
 * models: a working open baseline, not a clinical recognizer. Extra recognizer flags (a domain
 * language model or grammar: -lm, -dict, -jsgf) go in POCKETSPHINX_ARGS.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PocketsphinxServerOptions {
  port?: number;
  host?: string;
  /** Extra pocketsphinx_continuous flags, e.g. ['-lm', 'clinic.lm', '-dict', 'clinic.dic']. */
  extraArgs?: string[];
  /** Largest upload accepted, in bytes (default 100 MB). */
  maxBytes?: number;
}

export interface PocketsphinxServer {
  /** Base URL ending in /v1. */
  baseUrl: string;
  close(): Promise<void>;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
}

const MODEL_ID = 'pocketsphinx-en-us';

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${(stderr || error.message).trim().split('\n').at(-1) ?? ''}`));
      else resolve(stdout);
    });
  });
}

/** 16 kHz, mono, 16-bit PCM WAV — what the US English acoustic model was trained on. */
function isRecognizerReady(bytes: Buffer): boolean {
  if (bytes.length < 44 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') return false;
  if (bytes.toString('latin1', 12, 16) !== 'fmt ') return false;
  return bytes.readUInt16LE(20) === 1 && bytes.readUInt16LE(22) === 1 && bytes.readUInt32LE(24) === 16_000 && bytes.readUInt16LE(34) === 16;
}

/**
 * Reads `pocketsphinx_continuous -time yes` output: per utterance, `<s>`, one line per word
 * (`word start end confidence`), `</s>`. Fillers (`<sil>`, `[NOISE]`) are dropped and alternate
 * pronunciations (`the(2)`) folded.
 */
export function parsePocketsphinxTimes(output: string): Segment[] {
  const segments: Segment[] = [];
  let words: { word: string; start: number; end: number }[] = [];
  const flush = () => {
    if (words.length) {
      segments.push({
        start: words[0]?.start ?? 0,
        end: words.at(-1)?.end ?? 0,
        text: words.map((w) => w.word).join(' '),
      });
    }
    words = [];
  };
  for (const line of output.split('\n')) {
    const match = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(line.trim());
    if (!match) continue;
    const [, token = '', start = '0', end = '0'] = match;
    if (token === '<s>') flush();
    else if (token === '</s>') flush();
    else if (!/^[<[]/.test(token)) words.push({ word: token.replace(/\(\d+\)$/, ''), start: Number(start), end: Number(end) });
  }
  flush();
  return segments;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startPocketsphinxServer(options: PocketsphinxServerOptions = {}): Promise<PocketsphinxServer> {
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  const slots = Math.max(1, cpus().length);
  let busy = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (busy >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    busy++;
  };
  const release = () => {
    busy--;
    waiting.shift()?.();
  };

  async function transcribe(audio: Buffer): Promise<{ segments: Segment[]; duration: number }> {
    const dir = await mkdtemp(join(tmpdir(), 'pocketsphinx-'));
    try {
      const input = join(dir, 'input');
      const wav = join(dir, 'audio.wav');
      await writeFile(input, audio);
      if (isRecognizerReady(audio)) await writeFile(wav, audio);
      else await run('sox', [input, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', wav], 120_000);
      const size = (await readFile(wav)).length;
      await acquire();
      try {
        const output = await run(
          'pocketsphinx_continuous',
          ['-infile', wav, '-logfn', '/dev/null', '-time', 'yes', ...(options.extraArgs ?? [])],
          600_000,
        );
        return { segments: parsePocketsphinxTimes(output), duration: Math.max(0, size - 44) / 32_000 };
      } finally {
        release();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (req.method === 'GET' && path === '/v1/models') {
        sendJson(res, 200, { object: 'list', data: [{ id: MODEL_ID, object: 'model', owned_by: 'cmusphinx' }] });
        return;
      }
      if (req.method !== 'POST' || path !== '/v1/audio/transcriptions') {
        sendJson(res, 404, { error: { message: 'not found' } });
        return;
      }
      const body = await readBody(req, maxBytes);
      if (body === null) return sendJson(res, 413, { error: { message: 'file too large' } });
      let form: FormData;
      try {
        form = await new Request('http://adapter/', {
          method: 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? '' },
          body: new Uint8Array(body),
        }).formData();
      } catch {
        return sendJson(res, 400, { error: { message: 'expected multipart/form-data' } });
      }
      const file = form.get('file');
      if (!(file instanceof Blob)) return sendJson(res, 400, { error: { message: 'missing file' } });
      const field = (name: string, fallback: string) => {
        const value = form.get(name);
        return typeof value === 'string' && value !== '' ? value : fallback;
      };
      const language = field('language', 'en');
      if (!/^en/i.test(language))
        return sendJson(res, 400, { error: { message: `this recognizer has the US English model only (language ${language})` } });
      const format = field('response_format', 'json');
      let result: { segments: Segment[]; duration: number };
      try {
        result = await transcribe(Buffer.from(await file.arrayBuffer()));
      } catch (error) {
        const message = (error as Error).message;
        return sendJson(res, message.startsWith('sox') ? 400 : 500, { error: { message } });
      }
      const text = result.segments.map((s) => s.text).join(' ');
      if (format === 'text') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(text);
        return;
      }
      if (format === 'verbose_json')
        return sendJson(res, 200, {
          task: 'transcribe',
          language: 'english',
          duration: result.duration,
          text,
          segments: result.segments.map((s, id) => ({ id, ...s })),
        });
      return sendJson(res, 200, { text });
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: (error as Error).message } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    baseUrl: `http://${host}:${address.port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? undefined : process.argv[index + 1];
  };
  const extra = process.env.POCKETSPHINX_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const server = await startPocketsphinxServer({
    port: Number(arg('--port') ?? 9300),
    host: arg('--host') ?? '127.0.0.1',
    extraArgs: extra,
  });
  process.stdout.write(`pocketsphinx adapter: ${server.baseUrl} (model ${MODEL_ID})\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
