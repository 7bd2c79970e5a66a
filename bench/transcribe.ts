/**
 * Speech-to-text throughput and Suwen's own cost around the recognizer.
 *
 *   npx tsx bench/transcribe.ts [--minutes 20] [--skip-pocketsphinx]
 *
 * 1. A 20-minute 16 kHz mono WAV ("speech" tones with a short pause every ~7 s) through
 *    SpeechTranscriber: (a) with an in-process engine that answers at once — Suwen's chunking,
 *    WAV re-encoding, merging and turn building only; (b) over HTTP to the scripted
 *    OpenAI-compatible server (multipart upload of every chunk on loopback), at concurrency 1 and 4.
 *    Figures: audio seconds per wall second, and overhead in ms per minute of audio.
 * 2. PocketSphinx's real-time factor (wall and CPU seconds per audio second) on espeak-ng speech
 *    through the adapter in scripts/, when espeak-ng, sox and pocketsphinx are installed.
 *
 * Results are printed and saved to bench/results/transcribe.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPocketsphinxServer } from '../scripts/pocketsphinx-asr-server.js';
import { loadConfig } from '../src/config/load-config.js';
import { type AsrEngine, parseWav, SpeechTranscriber } from '../src/model/index.js';
import { type Piece, startScriptedModelServer, synthesizeWav } from '../src/model/testing/index.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const arg = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const MINUTES = Number(arg('--minutes') ?? 20);
const context = { workflow: 'bench.transcribe', containsPhi: true };

function speechLike(minutes: number): Uint8Array {
  const pieces: Piece[] = [];
  let total = 0;
  for (let i = 0; total < minutes * 60; i++) {
    const talk = 5 + (i % 5); // 5–9 s of "speech", then a 0.4 s pause
    pieces.push({ tone: talk, hz: 180 + (i % 7) * 20 }, { silence: 0.4 });
    total += talk + 0.4;
  }
  return synthesizeWav(pieces);
}

const asr = (env: Record<string, string>) => loadConfig({ SUWEN_DATA_DIR: tmpdir(), ...env }, tmpdir()).asr;

async function timed(speech: SpeechTranscriber, audio: Uint8Array, runs: number) {
  const walls: number[] = [];
  let chunks = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await speech.transcribe(audio, { context, language: 'en' });
    walls.push(performance.now() - started);
    chunks = result.chunks;
  }
  walls.sort((a, b) => a - b);
  return { wallMs: walls[Math.floor(walls.length / 2)] ?? 0, chunks };
}

const audio = speechLike(MINUTES);
const seconds = parseWav(audio).durationS;
console.log(`audio: ${MINUTES} min, ${(audio.length / 1024 / 1024).toFixed(1)} MB 16 kHz mono 16-bit WAV (${cpus().length} CPUs)`);

// (a) Suwen's own work: an engine that answers at once.
const instant: AsrEngine = {
  kind: 'openai-compatible',
  modelName: 'instant',
  acceptsCompressed: true,
  transcribe: async ({ audio: chunk }) => ({
    text: `heard ${chunk.length}`,
    segments: [{ start: 0, end: 1, text: `heard ${chunk.length}` }],
  }),
};
const inProcess = await timed(new SpeechTranscriber(asr({}), { audit: null, engine: instant }), audio, 5);
const overhead = {
  wallMs: Math.round(inProcess.wallMs * 10) / 10,
  chunks: inProcess.chunks,
  msPerAudioMinute: Math.round((inProcess.wallMs / (seconds / 60)) * 100) / 100,
};
console.log(
  `chunking + merge (no recognizer): ${overhead.wallMs} ms for ${overhead.chunks} chunks = ${overhead.msPerAudioMinute} ms per audio minute`,
);

// (b) Over HTTP to the scripted OpenAI-compatible server.
const upstream = await startScriptedModelServer();
const scripted: Record<string, { wallMs: number; chunks: number; audioSecondsPerSecond: number; msPerAudioMinute: number }> = {};
for (const concurrency of [1, 4]) {
  const speech = new SpeechTranscriber(
    asr({ SUWEN_ASR_BASE_URL: upstream.baseUrl, SUWEN_ASR_MODEL: 'm', SUWEN_ASR_CONCURRENCY: String(concurrency) }),
    {
      audit: null,
    },
  );
  const run = await timed(speech, audio, 3);
  scripted[`concurrency${concurrency}`] = {
    wallMs: Math.round(run.wallMs),
    chunks: run.chunks,
    audioSecondsPerSecond: Math.round(seconds / (run.wallMs / 1000)),
    msPerAudioMinute: Math.round((run.wallMs / (seconds / 60)) * 10) / 10,
  };
  console.log(
    `scripted server, concurrency ${concurrency}: ${Math.round(run.wallMs)} ms for ${run.chunks} chunks = ${scripted[`concurrency${concurrency}`]?.audioSecondsPerSecond} audio s per wall s`,
  );
}
await upstream.close();

// 2. PocketSphinx real-time factor on espeak-ng speech.
let pocketsphinx: Record<string, number> | null = null;
const installed = ['espeak-ng', 'sox', 'pocketsphinx_continuous'].every((tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (installed && !process.argv.includes('--skip-pocketsphinx')) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sphinx-'));
  const phrases = ['i have a headache and a fever', 'please take the medicine twice a day', 'one two three four five six seven eight nine'];
  const files = phrases.map((phrase, i) => {
    const file = join(dir, `p${i}.wav`);
    execFileSync('espeak-ng', ['-v', 'en-us+klatt', '-s', '150', '-w', file, phrase]);
    return file;
  });
  const gap = join(dir, 'gap.wav');
  execFileSync('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', gap, 'trim', '0', '0.6']);
  const out = join(dir, 'speech.wav');
  execFileSync('sox', [
    ...Array.from({ length: 4 }, () => files.flatMap((f) => [f, gap])).flat(),
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    out,
  ]);
  const wav = readFileSync(out);
  const audioS = parseWav(wav).durationS;
  const adapter = await startPocketsphinxServer();
  const speech = new SpeechTranscriber(asr({ SUWEN_ASR_BASE_URL: adapter.baseUrl, SUWEN_ASR_MODEL: 'pocketsphinx-en-us' }), {
    audit: null,
  });
  const started = performance.now();
  await speech.transcribe(wav, { context, language: 'en' });
  const wallS = (performance.now() - started) / 1000;
  await adapter.close();
  // CPU time of the recognizer itself, measured directly (the adapter's child process).
  const cpuStart = performance.now();
  const times = execFileSync('bash', [
    '-c',
    `TIMEFORMAT='%U %S'; { time pocketsphinx_continuous -infile ${out} -logfn /dev/null >/dev/null; } 2>&1`,
  ])
    .toString()
    .trim()
    .split(' ')
    .map(Number);
  const directWallS = (performance.now() - cpuStart) / 1000;
  const cpuS = (times[0] ?? 0) + (times[1] ?? 0);
  pocketsphinx = {
    audioS: Math.round(audioS * 10) / 10,
    wallS: Math.round(wallS * 100) / 100,
    realTimeFactorWall: Math.round((wallS / audioS) * 1000) / 1000,
    realTimeFactorCpu: Math.round((cpuS / audioS) * 1000) / 1000,
    directWallS: Math.round(directWallS * 100) / 100,
  };
  console.log(
    `pocketsphinx on ${pocketsphinx.audioS} s of espeak speech: ${pocketsphinx.wallS} s through Suwen + adapter (RTF ${pocketsphinx.realTimeFactorWall} wall, ${pocketsphinx.realTimeFactorCpu} CPU)`,
  );
} else {
  console.log('pocketsphinx: skipped (espeak-ng, sox or pocketsphinx_continuous missing, or --skip-pocketsphinx)');
}

mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(
  join(HERE, 'results/transcribe.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      cpus: cpus().length,
      audio: { minutes: MINUTES, seconds: Math.round(seconds), megabytes: Math.round((audio.length / 1024 / 1024) * 10) / 10 },
      suwenOverhead: overhead,
      scriptedServer: scripted,
      pocketsphinx,
    },
    null,
    2,
  )}\n`,
);
console.log('saved bench/results/transcribe.json');
