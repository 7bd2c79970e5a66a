import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMcqSet, type McqEvalReport, type McqLetter } from '../../../evals/mcq/index.js';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import { runCli } from '../testing/run-cli.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'suwen-eval-mcq-'));
const wrong = (letter: McqLetter): McqLetter => (letter === 'A' ? 'B' : 'A');

describe('suwen eval mcq', () => {
  const questions = loadMcqSet('usmle').slice(0, 10);
  let upstream: ScriptedModelServer;
  beforeAll(async () => {
    // The scripted model reads which question it was asked: in the grounded arm (the prompt carries
    // knowledge-base notes) it is always right; in the plain arm it is right for even-numbered
    // questions, wrong for odd ones, and for the last question it answers with something unparseable.
    upstream = await startScriptedModelServer({
      defaultReply: (text) => {
        const index = questions.findIndex((q) => text.includes(q.question));
        const question = questions[index];
        if (!question) return { kind: 'raw', content: 'no idea' };
        if (text.includes('Knowledge-base notes')) return { kind: 'json', value: { answer: question.answer, rationale: 'r' } };
        if (index === 9) return { kind: 'raw', content: 'not json at all' };
        return { kind: 'json', value: { answer: index % 2 === 0 ? question.answer : wrong(question.answer), rationale: 'r' } };
      },
    });
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('scores the plain and grounded arms separately, counting an unparseable answer as invalid', async () => {
    const result = await runCli(['eval', 'mcq', '--set', 'usmle', '--limit', '10', '--concurrency', '3', '--json'], {
      SUWEN_DATA_DIR: dataDir(),
      SUWEN_MODEL_BASE_URL: upstream.baseUrl,
      SUWEN_MODEL_NAME: 'scripted-model',
    });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as McqEvalReport;
    expect(report.sets.map((s) => s.set)).toEqual(['usmle']);
    expect(report.overall.n).toBe(10);
    expect(report.overall.plain).toMatchObject({ n: 10, correct: 5, accuracy: 0.5, invalid: 1, failed: 0 });
    expect(report.overall.grounded).toMatchObject({ n: 10, correct: 10, accuracy: 1, invalid: 0, failed: 0 });
    expect(report.overall.plain.meanLatencyMs).toBeGreaterThanOrEqual(0);
    // 10 plain + 10 grounded, plus one repair round-trip for the unparseable plain answer.
    expect(upstream.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(21);
    expect(upstream.requests[0]?.body.temperature).toBe(0);
  });

  it('exits 3 with the connect-a-model message when no model is configured', async () => {
    const result = await runCli(['eval', 'mcq', '--set', 'usmle', '--limit', '2'], { SUWEN_DATA_DIR: dataDir(), LANG: 'en_US.UTF-8' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/No language model is connected\. Set SUWEN_MODEL_BASE_URL and SUWEN_MODEL_NAME/);
  });

  it('rejects a concurrency above four as bad input', async () => {
    const result = await runCli(['eval', 'mcq', '--concurrency', '9'], { SUWEN_DATA_DIR: dataDir() });
    expect(result.code).toBe(2);
  });
});
