/**
 * Note assembly overhead, model time excluded, for a 20-minute consultation (the two longest
 * ACI-Bench dev dialogues back to back, ≈3,500 words): parsing the transcript, `checkNote` on a
 * model-shaped document (the reference notes' sentences, each citing turns, one in five citing the
 * wrong turn so re-alignment runs) — support scoring, omissions with the medication-name scan,
 * and the medication check — and building the extractive note. p50/p99 over runs, after the
 * once-per-process index build (reported separately).
 *
 *   npx tsx bench/notes.ts [--iterations 200]
 *
 * Goal (issue 5): total note assembly overhead ≤ 50 ms for a 20-minute transcript.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadNoteEvalSet } from '../evals/notes/index.js';
import { getKnowledgeEngines } from '../src/engines/knowledge-engines.js';
import {
  alignSentence,
  buildExtractiveNote,
  type ClinicalDocument,
  checkNote,
  type NoteSentence,
  parseTranscript,
  splitSentences,
} from '../src/engines/notes/index.js';

const arg = process.argv.indexOf('--iterations');
const ITERATIONS = arg > 0 ? Number(process.argv[arg + 1]) : 200;

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const fmt = (value: number) => `${value.toFixed(2)} ms`;

function measure(label: string, fn: () => unknown): { p50: number; p99: number; max: number } {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: times.at(-1) ?? Number.NaN };
  process.stdout.write(`${label.padEnd(52)} p50 ${fmt(result.p50)}  p99 ${fmt(result.p99)}  max ${fmt(result.max)}\n`);
  return result;
}

const longest = loadNoteEvalSet('aci-bench')
  .sort((a, b) => b.dialogue.length - a.dialogue.length)
  .slice(0, 2);
const text = longest.map((c) => c.dialogue).join('\n');
const words = text.split(/\s+/).length;
const engines = getKnowledgeEngines();
const transcript = parseTranscript(text);

const sentences: NoteSentence[] = [];
for (const reference of longest.map((c) => c.reference)) {
  for (const sentence of splitSentences(reference)) {
    if (sentence.length < 3) continue;
    const aligned = alignSentence(sentence, transcript.turns);
    const n = sentences.length;
    const sourceIds = n % 5 === 4 ? ['T1'] : aligned.sourceIds.length > 0 ? aligned.sourceIds : ['T1'];
    sentences.push({ id: `S${n + 1}`, text: sentence, support: { sourceIds, status: 'supported', score: 0 } });
  }
}
const modelDoc: ClinicalDocument = {
  format: 'soap',
  language: 'en',
  title: 'Draft note',
  method: 'model',
  sections: ['subjective', 'objective', 'assessment', 'plan'].map((key, i, keys) => ({
    key,
    title: key,
    sentences: sentences.filter((_, j) => Math.floor((j * keys.length) / sentences.length) === i),
  })),
  omissions: [],
};

process.stdout.write(
  `20-minute transcript: ${words} words, ${transcript.turns.length} turns; model-shaped note: ${sentences.length} sentences\n`,
);
const firstStarted = performance.now();
checkNote(transcript, modelDoc, engines);
const firstCheckMs = performance.now() - firstStarted;
process.stdout.write(`first checkNote (builds the medication-name and lexicon matchers): ${fmt(firstCheckMs)}\n`);

const parse = measure('parse transcript', () => parseTranscript(text));
const check = measure('checkNote (support + omissions + medication check)', () => checkNote(transcript, modelDoc, engines));
const assembly = measure('parse + checkNote (model path overhead)', () => checkNote(parseTranscript(text), modelDoc, engines));
const extractive = measure('parse + extractive note + checkNote (no-model path)', () => {
  const parsed = parseTranscript(text);
  return checkNote(parsed, buildExtractiveNote(parsed), engines);
});
const checked = checkNote(transcript, modelDoc, engines);
const unsupported = checked.sections.flatMap((s) => s.sentences).filter((s) => s.support.status === 'unsupported').length;
process.stdout.write(`checked note: ${unsupported} of ${sentences.length} sentences unsupported, ${checked.omissions.length} omissions\n`);

const result = {
  date: new Date().toISOString(),
  node: process.version,
  iterations: ITERATIONS,
  transcript: { words, turns: transcript.turns.length, dialogues: longest.map((c) => c.id) },
  noteSentences: sentences.length,
  firstCheckMs,
  parse,
  checkNote: check,
  modelPathOverhead: assembly,
  extractivePath: extractive,
  goalMs: 50,
};
writeFileSync(fileURLToPath(new URL('./results/notes.json', import.meta.url)), `${JSON.stringify(result, null, 2)}\n`);
