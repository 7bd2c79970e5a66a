/**
 * `npm run bench [-- names…|--all]`: runs benchmarks one after another, each in its own process
 * (so one's warm caches never flatter the next), printing their figures as they come.
 * No argument runs the server and audit benchmark (both databases), as docs/benchmarks.md shows;
 * `--all` runs every benchmark below; names pick some (e.g. `npm run bench -- knowledge ddx`).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

const BENCHES: Record<string, string> = {
  server: 'server-bench.ts',
  gateway: 'model-gateway.ts',
  knowledge: 'knowledge.ts',
  'knowledge-load': 'knowledge-load.ts',
  ddx: 'ddx.ts',
  notes: 'notes.ts',
  'notes-stream': 'notes-stream.ts',
  transcribe: 'transcribe.ts',
};

const args = process.argv.slice(2);
const unknown = args.filter((name) => name !== '--all' && !(name in BENCHES));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')}, or --all)\n`);
  process.exit(2);
}
const names = args.includes('--all') ? Object.keys(BENCHES) : args.length > 0 ? args : ['server'];

function run(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, file)], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const failed: string[] = [];
for (const name of names) {
  const file = BENCHES[name] as string;
  process.stdout.write(`\n=== bench ${name} (bench/${file}) ===\n`);
  const code = await run(file);
  if (code !== 0) failed.push(`${name} (exit ${code})`);
}
if (failed.length > 0) {
  process.stderr.write(`bench: failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
