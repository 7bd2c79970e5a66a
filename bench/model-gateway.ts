/**
 * Model gateway overhead: the same streaming chat call, made with the same client library (the AI
 * SDK over @ai-sdk/openai-compatible) against the same scripted upstream, once directly and once
 * through Suwen's gateway (audit to SQLite + privacy check + limits/retries), at 1 and 100
 * concurrent streams. Reports p50/p99 of total latency and time to first token, and the difference.
 *
 *   npx tsx bench/model-gateway.ts [--requests 2000]
 *
 * Goal (issue 2): p99 added ≤ 5 ms with audit on (LiteLLM publishes 43 ms p99 proxy overhead).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { AuditLog } from '../src/audit/audit-log.js';
import { ModelGateway, streamModelText } from '../src/model/index.js';
import { createTestStore } from '../src/store/test-stores.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const argRequests = process.argv.indexOf('--requests');
const REQUESTS = argRequests > 0 ? Number(process.argv[argRequests + 1]) : 2000;

interface Sample {
  total: number;
  ttft: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function oneCall(model: LanguageModelV3, i: number): Promise<Sample> {
  const started = performance.now();
  let ttft = Number.NaN;
  const result = streamModelText({ model, prompt: `bench request ${i}: summarise the visit` });
  for await (const _delta of result.textStream) if (Number.isNaN(ttft)) ttft = performance.now() - started;
  return { total: performance.now() - started, ttft };
}

async function run(makeModel: () => LanguageModelV3, concurrency: number, total: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        samples.push(await oneCall(makeModel(), i));
      }
    }),
  );
  return samples;
}

async function startUpstream(paceMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'scripted-upstream.ts'), String(paceMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return { baseUrl: (JSON.parse(line) as { baseUrl: string }).baseUrl, stop: () => child.kill('SIGTERM') };
}

const store = await createTestStore('sqlite');
const audit = new AuditLog(store);
const context = { workflow: 'bench', actorId: 'bench', actorRole: 'clinician', containsPhi: false };

const rows: {
  upstream: string;
  concurrency: number;
  path: string;
  p50: number;
  p99: number;
  ttft50: number;
  ttft99: number;
  perSec: number;
}[] = [];
const added: { upstream: string; concurrency: number; p50: number; p99: number; ttft50: number; ttft99: number; cpuMsPerStream: number }[] =
  [];
// An instant upstream shows the gateway's CPU cost (100 streams saturate this 2-core machine);
// paced ones (8 chunks 25 or 100 ms apart, like a model streaming) show what a user would notice.
const ONLY = process.argv.includes('--only-unsaturated');
const UPSTREAMS = ONLY
  ? ([['paced 100 ms/chunk', 100]] as const)
  : ([
      ['instant', 0],
      ['paced 25 ms/chunk', 25],
      ['paced 100 ms/chunk', 100],
    ] as const);
for (const [label, paceMs] of UPSTREAMS) {
  const upstream = await startUpstream(paceMs);
  const config = {
    id: 'bench',
    baseUrl: upstream.baseUrl,
    name: 'scripted-model',
    concurrency: 256,
    timeoutMs: 60_000,
    idleTimeoutMs: 30_000,
    maxRetries: 2,
  };
  const gateway = new ModelGateway([config], { audit });
  // The same AI SDK provider the gateway wraps, built here: the gateway's providers are private to src/model.
  const direct = createOpenAICompatible({ name: 'bench', baseURL: upstream.baseUrl, includeUsage: true }).chatModel(config.name);
  for (const concurrency of [1, 100]) {
    const count =
      concurrency === 1 ? Math.min(REQUESTS, paceMs >= 100 ? 40 : paceMs ? 100 : 500) : paceMs ? Math.min(REQUESTS, 1000) : REQUESTS;
    // Warm both paths, then alternate rounds so drift on the machine hits both alike.
    await run(() => direct, concurrency, Math.min(200, count));
    await run(() => gateway.model(context), concurrency, Math.min(200, count));
    const results: Record<'direct' | 'gateway', Sample[]> = { direct: [], gateway: [] };
    const seconds: Record<'direct' | 'gateway', number> = { direct: 0, gateway: 0 };
    for (let round = 0; round < 4; round++) {
      for (const path of ['direct', 'gateway'] as const) {
        const started = performance.now();
        results[path].push(...(await run(path === 'direct' ? () => direct : () => gateway.model(context), concurrency, count / 4)));
        seconds[path] += (performance.now() - started) / 1000;
      }
    }
    for (const path of ['direct', 'gateway'] as const) {
      const s = results[path];
      rows.push({
        upstream: label,
        concurrency,
        path,
        p50: percentile(
          s.map((x) => x.total),
          50,
        ),
        p99: percentile(
          s.map((x) => x.total),
          99,
        ),
        ttft50: percentile(
          s.map((x) => x.ttft),
          50,
        ),
        ttft99: percentile(
          s.map((x) => x.ttft),
          99,
        ),
        perSec: s.length / seconds[path],
      });
    }
    const [d, g] = rows.slice(-2) as [(typeof rows)[number], (typeof rows)[number]];
    added.push({
      upstream: label,
      concurrency,
      p50: g.p50 - d.p50,
      p99: g.p99 - d.p99,
      ttft50: g.ttft50 - d.ttft50,
      ttft99: g.ttft99 - d.ttft99,
      // Throughput lost at saturation, as CPU time per stream: what the gateway costs when busy.
      cpuMsPerStream: 1000 / g.perSec - 1000 / d.perSec,
    });
  }
  await gateway.dispose();
  upstream.stop();
}
await audit.flush();
const { n } = await store.db
  .selectFrom('audit_log')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();

const f = (x: number) => x.toFixed(2);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
console.log(`\nModel gateway overhead — ${machine}; scripted upstream in its own process; ${REQUESTS} streams at concurrency 100\n`);
console.log('| upstream | concurrency | path | streams/s | total p50 ms | total p99 ms | TTFT p50 ms | TTFT p99 ms |');
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(
    `| ${r.upstream} | ${r.concurrency} | ${r.path} | ${r.perSec.toFixed(0)} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.ttft50)} | ${f(r.ttft99)} |`,
  );
console.log(
  '\n| upstream | concurrency | added p50 ms | added p99 ms | added TTFT p50 ms | added TTFT p99 ms | gateway CPU ms/stream | goal p99 added ≤ 5 ms |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const a of added) {
  // At 100 streams this 2-core machine is saturated by the client itself; percentile differences
  // between two saturated runs measure queueing, not the gateway, so they get no verdict.
  // Even at 100 ms/chunk the direct path runs below its ideal rate at 100 streams here: the
  // machine is saturated, so no verdict is claimed for concurrency above 1.
  const verdict = a.concurrency === 1 ? (a.p99 <= 5 ? 'met' : 'NOT met') : 'n/a: machine saturated, see CPU ms/stream';
  console.log(
    `| ${a.upstream} | ${a.concurrency} | ${f(a.p50)} | ${f(a.p99)} | ${f(a.ttft50)} | ${f(a.ttft99)} | ${f(a.cpuMsPerStream)} | ${verdict} |`,
  );
}
console.log(`\naudit entries written by the gateway: ${Number(n)}`);

mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(
  join(HERE, 'results/model-gateway.json'),
  `${JSON.stringify({ at: new Date().toISOString(), machine, requests: REQUESTS, rows, added, auditEntries: Number(n) }, null, 2)}\n`,
);
await store.dispose();
