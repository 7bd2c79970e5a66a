/**
 * Server benchmark: patient-chart endpoint vs a bare "hello" route of the same server, at 50
 * concurrent connections over loopback, on SQLite and PostgreSQL; then audit appends per second.
 *
 *   npm run bench            (both databases; ~2 minutes)
 *   npx tsx bench/server-bench.ts --db sqlite --duration 10
 *
 * Goals (issue 8): chart p99 ≤ 25 ms at 50 connections on SQLite on a 2-core machine;
 * audit append ≥ 2,000/s. Results are printed and written to bench/results/server.json.
 */

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { AuditLog } from '../src/audit/audit-log.js';
import { createTestStore } from '../src/store/test-stores.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]?.replace(/^--/, '') ?? '', process.argv[i + 1] ?? '');
const DURATION = Number(args.get('duration') ?? 10);
const CONNECTIONS = Number(args.get('connections') ?? 50);
const DIALECTS = (args.get('db') ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];

interface LoadResult {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** Load one URL, or cycle through several paths on the same server (one per request). */
async function load(url: string, headers: Record<string, string>, duration: number, paths?: string[]): Promise<LoadResult> {
  let next = 0;
  const requests = paths
    ? [
        {
          setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }),
        },
      ]
    : undefined;
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers, pipelining: 1, ...(requests ? { requests } : {}) });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

async function startBenchServer(dialect: string, cache: boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'bench-server.ts'), dialect, cache ? 'cache' : 'nocache'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; token: string; patientId: string; encounters: number; patientIds: string[] };
  return {
    ...info,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function benchServer(dialect: 'sqlite' | 'postgres') {
  const server = await startBenchServer(dialect, true);
  const auth = { authorization: `Bearer ${server.token}` };
  const helloUrl = `${server.url}/api/v1/bench/hello`;
  const chartUrl = `${server.url}/api/v1/patients/${server.patientId}/chart`;
  const allCharts = server.patientIds.map((id) => `/api/v1/patients/${id}/chart`);
  const check = await fetch(chartUrl, { headers: auth });
  if (check.status !== 200) throw new Error(`chart answered ${check.status}`);
  const chartBytes = (await check.arrayBuffer()).byteLength;
  // Warm up both paths (JIT, caches, connection pools) before measuring.
  await load(helloUrl, {}, 2);
  await load(chartUrl, auth, 2);
  const hello = await load(helloUrl, {}, DURATION);
  const chart = await load(chartUrl, auth, DURATION);
  const chartsRotating = await load(server.url, auth, DURATION, allCharts);
  await server.stop();
  // The same endpoint with the chart cache off: every request runs the chart queries.
  const uncachedServer = await startBenchServer(dialect, false);
  const uncachedUrl = `${uncachedServer.url}/api/v1/patients/${uncachedServer.patientId}/chart`;
  const uncachedAuth = { authorization: `Bearer ${uncachedServer.token}` };
  await load(uncachedUrl, uncachedAuth, 2);
  const chartUncached = await load(uncachedUrl, uncachedAuth, DURATION);
  await uncachedServer.stop();
  return {
    dialect,
    chartBytes,
    chartEncounters: server.encounters,
    patients: server.patientIds.length,
    hello,
    chart,
    chartsRotating,
    chartUncached,
    rpsRatio: +(chart.rps / hello.rps).toFixed(3),
  };
}

async function benchAudit(dialect: 'sqlite' | 'postgres') {
  const store = await createTestStore(dialect);
  const audit = new AuditLog(store);
  const entry = {
    action: 'patient.read' as const,
    actorId: 'bench-user',
    actorRole: 'clinician',
    patientId: 'bench-patient',
    requestId: 'bench',
    sourceIp: '127.0.0.1',
  };
  // Concurrent: 50 callers appending in a loop, like 50 connections each auditing a read.
  const total = 20_000;
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (issued < total) {
        issued++;
        await audit.append(entry);
      }
    }),
  );
  const concurrentPerSec = Math.round(total / ((performance.now() - started) / 1000));
  // Sequential: one caller waiting for each commit — the worst case, no batching.
  const sequentialTotal = dialect === 'sqlite' ? 3000 : 1000;
  const seqStarted = performance.now();
  for (let i = 0; i < sequentialTotal; i++) await audit.append(entry);
  const sequentialPerSec = Math.round(sequentialTotal / ((performance.now() - seqStarted) / 1000));
  await store.dispose();
  return { dialect, concurrentPerSec, sequentialPerSec };
}

const servers = [];
for (const dialect of DIALECTS) servers.push(await benchServer(dialect));
const audits = [];
for (const dialect of DIALECTS) audits.push(await benchAudit(dialect));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
console.log(`\nSuwen server benchmark — ${machine}; ${CONNECTIONS} connections, ${DURATION} s per run, autocannon on loopback\n`);
console.log('| database | route | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const s of servers) {
  for (const [name, r] of [
    ['hello (baseline)', s.hello],
    [`patient chart, heaviest patient (${s.chartBytes} B)`, s.chart],
    [`patient chart, all ${s.patients} patients in turn`, s.chartsRotating],
    ['patient chart, heaviest, cache off', s.chartUncached],
  ] as const) {
    console.log(`| ${s.dialect} | ${name} | ${r.rps} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors} | ${r.non2xx} |`);
  }
}
console.log('\n| database | chart/hello req/s ratio | chart p99 goal ≤ 25 ms |');
console.log('| --- | ---: | --- |');
for (const s of servers) console.log(`| ${s.dialect} | ${s.rpsRatio} | ${s.chart.p99 <= 25 ? 'met' : 'NOT met'} (${s.chart.p99} ms) |`);
console.log('\n| database | audit appends/s, 50 concurrent callers | audit appends/s, one caller awaiting each | goal ≥ 2,000/s |');
console.log('| --- | ---: | ---: | --- |');
for (const a of audits)
  console.log(`| ${a.dialect} | ${a.concurrentPerSec} | ${a.sequentialPerSec} | ${a.concurrentPerSec >= 2000 ? 'met' : 'NOT met'} |`);

mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(
  join(HERE, 'results/server.json'),
  `${JSON.stringify({ at: new Date().toISOString(), machine, connections: CONNECTIONS, durationS: DURATION, servers, audits }, null, 2)}\n`,
);
