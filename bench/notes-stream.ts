/**
 * Consultation → note latency (issue 5): on the longest ACI-Bench dialogue (a ~20-minute visit),
 *  1. time from request to the first streamed `section` event over HTTP (SSE), with the scripted
 *     model answering at once — the model path and the no-model extractive path;
 *  2. note assembly overhead excluding model time: everything Suwen does around the model call
 *     (transcript parsing, prompt, reading the streamed JSON, support resolution, omission and
 *     medication checks, artifact write), measured in-process as total minus time waiting on the
 *     model. Goal ≤ 50 ms.
 *
 *   npx tsx bench/notes-stream.ts [--runs 30]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNoteEvalSet } from '../evals/notes/index.js';
import { operatorActor } from '../src/auth/actor.js';
import { buildExtractiveNote, parseTranscript } from '../src/engines/notes/index.js';
import { startScriptedModelServer } from '../src/model/testing/index.js';
import { startTestServer, type TestServer } from '../src/server/testing/test-server.js';
import { generateNote } from '../src/workflows/notes/generate-note.js';
import { streamedNote } from '../src/workflows/notes/note-test-fixtures.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 30;
const WARMUP = 3;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const round = (value: number) => Math.round(value * 10) / 10;
const summary = (values: number[]) => ({
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  max: round(Math.max(...values)),
});

/**
 * A 20-minute visit: the two longest ACI-Bench development dialogues shipped in the repo, joined —
 * the same input as bench/notes.ts, so the two benchmarks read the same transcript.
 */
function longestAciBenchDialogue(): { id: string; file: string; dialogue: string } {
  const longest = loadNoteEvalSet('aci-bench')
    .sort((a, b) => b.dialogue.length - a.dialogue.length)
    .slice(0, 2);
  return {
    id: longest.map((c) => c.id).join('+'),
    file: 'data/eval/aci-bench/valid.csv',
    dialogue: longest.map((c) => c.dialogue).join('\n'),
  };
}

/** A model note of realistic size for the dialogue: the extractive note's sentences, as the model's JSON. */
function scriptedModelNote(dialogue: string): Record<string, { text: string; sourceTurnIds: string[] }[]> {
  const doc = buildExtractiveNote(parseTranscript(dialogue, { language: 'en' }), { format: 'soap' });
  return Object.fromEntries(
    doc.sections.map((section) => [section.key, section.sentences.map((s) => ({ text: s.text, sourceTurnIds: s.support.sourceIds }))]),
  );
}

async function timeSse(server: TestServer, cookie: string, body: unknown): Promise<{ firstSection: number; result: number }> {
  const started = performance.now();
  const response = await server.request('/api/v1/notes/generate', { cookie, body, headers: { accept: 'text/event-stream' } });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  let firstSection = Number.NaN;
  let result = Number.NaN;
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    if (Number.isNaN(firstSection) && buffer.includes('event: section')) firstSection = performance.now() - started;
    if (Number.isNaN(result) && buffer.includes('event: result')) result = performance.now() - started;
    if (buffer.includes('event: error')) throw new Error(`stream error: ${buffer.slice(buffer.indexOf('event: error'), 400)}`);
    buffer = buffer.slice(-64);
  }
  return { firstSection, result };
}

const { id, file, dialogue } = longestAciBenchDialogue();
const transcript = parseTranscript(dialogue, { language: 'en' });
const words = dialogue.split(/\s+/).length;
const note = scriptedModelNote(dialogue);
const noteSentences = Object.values(note).flat().length;
const noteChars = JSON.stringify(note).length;
console.log(
  `ACI-Bench ${id} (${file.replace(/^.*\/aci-bench\//, 'aci-bench/')}): ${transcript.turns.length} turns, ${words} words, ` +
    `${dialogue.length} chars (~${Math.round(words / 150)} min at 150 words/min); scripted note ${noteSentences} sentences, ${noteChars} chars JSON`,
);

const upstream = await startScriptedModelServer({ defaultReply: () => streamedNote(note, 64) });
const withModel = await startTestServer('sqlite', {
  withPatients: false,
  env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' },
});
const noModel = await startTestServer('sqlite', { withPatients: false });
const body = { transcript: dialogue, language: 'en' as const };
const results: Record<string, unknown> = {};
try {
  const cookie = await withModel.login('clinician');
  const cookieNoModel = await noModel.login('clinician');
  const sse = { model: [] as { firstSection: number; result: number }[], extractive: [] as { firstSection: number; result: number }[] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const model = await timeSse(withModel, cookie, body);
    const extractive = await timeSse(noModel, cookieNoModel, { ...body, mode: 'extractive' });
    if (i >= WARMUP) {
      sse.model.push(model);
      sse.extractive.push(extractive);
    }
  }
  const deps = withModel.services;
  const overhead: number[] = [];
  const modelWait: number[] = [];
  const extractiveTotal: number[] = [];
  const checks: number[] = [];
  const store: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const actor = operatorActor('worker', 'bench');
    const model = await generateNote(deps, { ...body, actor });
    const extractive = await generateNote(deps, { ...body, mode: 'extractive', actor });
    if (i < WARMUP) continue;
    overhead.push(model.timings.totalMs - model.timings.modelMs);
    modelWait.push(model.timings.modelMs);
    extractiveTotal.push(extractive.timings.totalMs);
    checks.push(model.timings.checkMs);
    store.push(model.timings.storeMs);
  }
  Object.assign(results, {
    benchmark: 'notes-stream',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverage1m: round(loadavg()[0] ?? 0),
    },
    dialogue: { set: 'ACI-Bench', id, turns: transcript.turns.length, words, chars: dialogue.length },
    scriptedNote: { sentences: noteSentences, jsonChars: noteChars, streamedChunks: 64, modelLatency: 'scripted ~0 ms (loopback)' },
    runs: RUNS,
    httpSse: {
      modelFirstSectionMs: summary(sse.model.map((s) => s.firstSection)),
      modelResultMs: summary(sse.model.map((s) => s.result)),
      extractiveFirstSectionMs: summary(sse.extractive.map((s) => s.firstSection)),
      extractiveResultMs: summary(sse.extractive.map((s) => s.result)),
    },
    inProcess: {
      modelPathOverheadExcludingModelMs: summary(overhead),
      modelWaitMs: summary(modelWait),
      ofWhichChecksMs: summary(checks),
      ofWhichArtifactWriteMs: summary(store),
      extractiveTotalMs: summary(extractiveTotal),
    },
    goal: { overheadMs: 50, met: percentile(overhead, 95) <= 50 },
  });
} finally {
  await withModel.close();
  await noModel.close();
  await upstream.close();
}

const http = results.httpSse as Record<string, { p50: number; p95: number }>;
const local = results.inProcess as Record<string, { p50: number; p95: number }>;
const line = (label: string, s: { p50: number; p95: number } | undefined) => `  ${label.padEnd(58)} p50 ${s?.p50} ms  p95 ${s?.p95} ms`;
console.log(`runs: ${RUNS} (after ${WARMUP} warm-up)`);
console.log(line('HTTP SSE, model path: request → first section', http.modelFirstSectionMs));
console.log(line('HTTP SSE, model path: request → result', http.modelResultMs));
console.log(line('HTTP SSE, extractive: request → first section', http.extractiveFirstSectionMs));
console.log(line('HTTP SSE, extractive: request → result', http.extractiveResultMs));
console.log(line('in-process, model path: assembly overhead excl. model time', local.modelPathOverheadExcludingModelMs));
console.log(line('  of which: support + omission + medication checks', local.ofWhichChecksMs));
console.log(line('  of which: artifact write (SQLite)', local.ofWhichArtifactWriteMs));
console.log(line('in-process, model path: waiting on the (scripted) model', local.modelWaitMs));
console.log(line('in-process, extractive: total', local.extractiveTotalMs));
console.log(`goal ≤ 50 ms overhead (p95): ${(results.goal as { met: boolean }).met ? 'met' : 'NOT met'}`);
mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(join(HERE, 'results', 'notes-stream.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('saved bench/results/notes-stream.json');
