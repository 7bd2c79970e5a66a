/**
 * De-identification benchmark: Suwen's engine beside the npm libraries a TypeScript user would
 * otherwise pick (redact-pii 3.4.0, @openredaction/openredaction 1.0.4 — installed in
 * bench/deid/node_modules only), on the same synthetic Chinese and English notes with planted PHI
 * and decoys (data/deid-eval/). Reports, per language and tool: span recall/precision where the
 * tool returns positions, PHI values still readable in the output ("leaked"), decoys damaged,
 * throughput in MB/s on one core, and p95 latency per 4 kB note.
 *
 *   npm run bench:deid
 *
 * Goals (issue 3): Suwen ≥ 5 MB/s and p95 ≤ 10 ms per 4 kB note.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DeidDoc, parseDeidJsonl } from '../../evals/deid/index.js';
import { analyzePhi, anonymize, PseudonymScope } from '../../src/privacy/index.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '../..');
const requireHere = createRequire(join(HERE, 'package.json'));

interface Tool {
  name: string;
  /** Returns the de-identified text, and spans when the tool reports positions. */
  run(
    text: string,
  ):
    | Promise<{ text: string; spans: { start: number; end: number }[] | null }>
    | { text: string; spans: { start: number; end: number }[] | null };
}

const suwen: Tool = {
  name: 'Suwen',
  run(text) {
    const findings = analyzePhi(text, { language: 'auto' });
    return { text: anonymize(text, findings, 'tag', new PseudonymScope({ scope: 'bench', secret: 'bench' })).text, spans: findings };
  },
};

function loadComparisons(): Tool[] {
  const tools: Tool[] = [];
  try {
    const { SyncRedactor } = requireHere('redact-pii') as { SyncRedactor: new () => { redact(text: string): string } };
    const redactor = new SyncRedactor();
    tools.push({ name: 'redact-pii 3.4.0', run: (text) => ({ text: redactor.redact(text), spans: null }) });
  } catch {
    console.warn('redact-pii not installed: run `npm --prefix bench/deid install`');
  }
  try {
    const { OpenRedaction } = requireHere('@openredaction/openredaction') as {
      OpenRedaction: new () => { detect(text: string): Promise<{ redacted: string; detections: { position: [number, number] }[] }> };
    };
    const redactor = new OpenRedaction();
    tools.push({
      name: '@openredaction 1.0.4',
      run: async (text) => {
        const result = await redactor.detect(text);
        return { text: result.redacted, spans: result.detections.map((d) => ({ start: d.position[0], end: d.position[1] })) };
      },
    });
  } catch {
    console.warn('@openredaction/openredaction not installed: run `npm --prefix bench/deid install`');
  }
  return tools;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

async function quality(tool: Tool, docs: DeidDoc[]) {
  let gold = 0;
  let found = 0;
  let predicted = 0;
  let truePredicted = 0;
  let leaked = 0;
  let decoys = 0;
  let damaged = 0;
  let withSpans = true;
  for (const doc of docs) {
    const out = await tool.run(doc.text);
    for (const span of doc.spans) {
      gold++;
      const value = doc.text.slice(span.start, span.end);
      if (out.text.includes(value)) leaked++;
      if (out.spans?.some((p) => overlaps(p, span))) found++;
    }
    for (const decoy of doc.decoys ?? []) {
      decoys++;
      if (!out.text.includes(doc.text.slice(decoy.start, decoy.end))) damaged++;
    }
    if (out.spans) {
      predicted += out.spans.length;
      truePredicted += out.spans.filter((p) => doc.spans.some((g) => overlaps(p, g))).length;
    } else withSpans = false;
  }
  return {
    recall: withSpans ? found / gold : null,
    precision: withSpans && predicted ? truePredicted / predicted : null,
    leakedShare: leaked / gold,
    decoysDamagedShare: damaged / decoys,
  };
}

/** Notes of ~4 kB (UTF-8) built by joining the corpus, the unit the latency goal is set for. */
function fourKbNotes(docs: DeidDoc[]): string[] {
  const notes: string[] = [];
  let current = '';
  for (const doc of docs) {
    current += `${doc.text}\n`;
    if (Buffer.byteLength(current) >= 4096) {
      notes.push(current);
      current = '';
    }
  }
  return notes;
}

async function speed(tool: Tool, notes: string[]) {
  for (const note of notes.slice(0, 20)) await tool.run(note); // warm-up
  const latencies: number[] = [];
  let bytes = 0;
  const started = performance.now();
  while (performance.now() - started < 3000) {
    for (const note of notes) {
      const t0 = performance.now();
      await tool.run(note);
      latencies.push(performance.now() - t0);
      bytes += Buffer.byteLength(note);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    mbPerSec: bytes / 1_048_576 / seconds,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
  };
}

const sets = {
  zh: parseDeidJsonl(readFileSync(join(ROOT, 'data/deid-eval/zh-notes.jsonl'), 'utf8'), 'zh-notes.jsonl'),
  en: parseDeidJsonl(readFileSync(join(ROOT, 'data/deid-eval/en-notes.jsonl'), 'utf8'), 'en-notes.jsonl'),
};
const tools = [suwen, ...loadComparisons()];
const rows: Record<string, unknown>[] = [];
for (const [lang, docs] of Object.entries(sets)) {
  const notes = fourKbNotes(docs);
  for (const tool of tools) {
    const q = await quality(tool, docs);
    const s = await speed(tool, notes);
    rows.push({ lang, tool: tool.name, ...q, ...s });
  }
}

const pct = (x: unknown) => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '—');
const machine = `${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, one thread`;
console.log(`\nDe-identification — ${machine}; ${sets.zh.length} zh + ${sets.en.length} en synthetic notes\n`);
console.log('| lang | tool | span recall | span precision | PHI values leaked | decoys damaged | MB/s | p50 ms / 4 kB | p95 ms / 4 kB |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${String(r.lang)} | ${String(r.tool)} | ${pct(r.recall)} | ${pct(r.precision)} | ${pct(r.leakedShare)} | ${pct(r.decoysDamagedShare)} | ${(r.mbPerSec as number).toFixed(2)} | ${(r.p50 as number).toFixed(2)} | ${(r.p95 as number).toFixed(2)} |`,
  );
}
mkdirSync(join(HERE, '../results'), { recursive: true });
writeFileSync(join(HERE, '../results/deid.json'), `${JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2)}\n`);
