/**
 * Measures a red-flag evaluation set through the CLI contract, exactly as a hospital would script
 * it: `suwen redflags --input <set>/emergencies.jsonl --format json` and the same for
 * `lookalikes.jsonl`. Recall counts emergency messages on which any red flag fired (the sets written
 * blind name a category, not a rule id); a false alarm is a look-alike on which anything fired.
 *
 *   npx tsx evals/red-flags/measure-red-flag-set.ts data/red-flags-eval/heldout [--misses]
 *
 * Not part of the test suite on purpose: the held-out set must be measured, never tuned on, so
 * its figure lives in the set's README, not in an assertion someone would make pass.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface SetLine {
  id: string;
  lang: 'zh' | 'en';
  category?: string;
  text: string;
}
interface ScreenLine {
  id: string;
  redFlag: boolean;
  rules: string[];
}

const ROOT = resolve(import.meta.dirname, '../..');

function parseLines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function readLines<T>(path: string): T[] {
  return parseLines<T>(readFileSync(path, 'utf8'));
}

/** One `suwen redflags` run over a file: the screen of each message by id. */
function screen(path: string): Map<string, ScreenLine> {
  const run = spawnSync('npx', ['tsx', join(ROOT, 'src/cli/main.ts'), 'redflags', '--input', path, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`suwen redflags exited ${run.status}: ${run.stderr}`);
  return new Map(parseLines<ScreenLine>(run.stdout).map((line) => [String(line.id), line]));
}

function percent(hit: number, total: number): string {
  return `${hit}/${total} (${total === 0 ? '–' : ((100 * hit) / total).toFixed(1)} %)`;
}

const [setDir, ...flags] = process.argv.slice(2);
if (!setDir) {
  process.stderr.write('usage: measure-red-flag-set.ts <set folder with emergencies.jsonl and lookalikes.jsonl> [--misses]\n');
  process.exit(2);
}
const showMisses = flags.includes('--misses');
const emergencies = readLines<SetLine>(join(setDir, 'emergencies.jsonl'));
const lookalikes = readLines<SetLine>(join(setDir, 'lookalikes.jsonl'));
const fired = screen(join(setDir, 'emergencies.jsonl'));
const falseFired = screen(join(setDir, 'lookalikes.jsonl'));

process.stdout.write(`set: ${setDir}\n\n| language | recall (any red flag) | false alarms |\n| --- | --- | --- |\n`);
for (const lang of ['zh', 'en'] as const) {
  const mine = emergencies.filter((line) => line.lang === lang);
  const benign = lookalikes.filter((line) => line.lang === lang);
  const hits = mine.filter((line) => fired.get(String(line.id))?.redFlag).length;
  const alarms = benign.filter((line) => falseFired.get(String(line.id))?.redFlag).length;
  process.stdout.write(`| ${lang} | ${percent(hits, mine.length)} | ${percent(alarms, benign.length)} |\n`);
}
const categories = [...new Set(emergencies.map((line) => line.category ?? '(none)'))].sort();
process.stdout.write('\n| category | zh | en |\n| --- | --- | --- |\n');
for (const category of categories) {
  const cells = (['zh', 'en'] as const).map((lang) => {
    const mine = emergencies.filter((line) => (line.category ?? '(none)') === category && line.lang === lang);
    return `${mine.filter((line) => fired.get(String(line.id))?.redFlag).length}/${mine.length}`;
  });
  process.stdout.write(`| ${category} | ${cells.join(' | ')} |\n`);
}
if (showMisses) {
  process.stdout.write('\nmissed emergencies:\n');
  for (const line of emergencies.filter((l) => !fired.get(String(l.id))?.redFlag)) process.stdout.write(`  ${line.id}  ${line.text}\n`);
  process.stdout.write('false alarms:\n');
  for (const line of lookalikes.filter((l) => falseFired.get(String(l.id))?.redFlag))
    process.stdout.write(`  ${line.id}  ${line.text}  → ${falseFired.get(String(line.id))?.rules.join(', ')}\n`);
}
