import type { LanguageModelV3 } from '@ai-sdk/provider';
import { z } from 'zod';
import { generateStructured, renderPrompt } from '../../src/model/index.js';
import { isSuwenError } from '../../src/shared/errors.js';
import { type McqLetter, type McqQuestion, type McqSetName, optionLetters } from './mcq-sets.js';

export const MCQ_ARMS = ['plain', 'grounded'] as const;
export type McqArm = (typeof MCQ_ARMS)[number];

/** One answer: `invalid` when the model's output failed the schema even after repair, `failed` on any other error. */
export interface McqOutcome {
  id: string;
  set: McqSetName;
  arm: McqArm;
  expected: McqLetter;
  answer: McqLetter | null;
  status: 'correct' | 'wrong' | 'invalid' | 'failed';
  latencyMs: number;
  snippets: number;
}

export interface McqArmScore {
  n: number;
  correct: number;
  /** Correct over all questions asked (invalid and failed answers count as wrong). */
  accuracy: number;
  invalid: number;
  failed: number;
  meanLatencyMs: number;
}

export interface McqSetScore {
  set: McqSetName | 'overall';
  n: number;
  plain: McqArmScore;
  grounded: McqArmScore;
  /** Questions for which the knowledge base offered at least one snippet. */
  groundedWithSnippets: number;
}

export interface McqEvalReport {
  sets: McqSetScore[];
  overall: McqSetScore;
}

export interface McqEvalOptions {
  model: LanguageModelV3;
  questions: McqQuestion[];
  /** Knowledge-base lines for the grounded arm. */
  ground: (question: McqQuestion) => string[];
  concurrency: number;
}

const CONTEXT_HEADING = {
  en: { title: 'Knowledge-base notes (may or may not be relevant):', none: '(no matching knowledge-base entries)' },
  zh: { title: '知识库参考（不一定相关）：', none: '（知识库中无匹配条目）' },
};

function promptFor(question: McqQuestion, arm: McqArm, snippets: string[]) {
  const heading = CONTEXT_HEADING[question.language];
  const context = arm === 'plain' ? '' : `${heading.title}\n${snippets.length ? snippets.join('\n') : heading.none}\n\n`;
  const options = optionLetters(question)
    .map((letter) => `${letter}. ${question.options[letter]}`)
    .join('\n');
  return renderPrompt('eval.mcq', question.language === 'zh' ? 'zh-CN' : 'en', { context, question: question.question, options });
}

async function askOne(model: LanguageModelV3, question: McqQuestion, arm: McqArm, snippets: string[]): Promise<McqOutcome> {
  const letters = optionLetters(question) as [McqLetter, ...McqLetter[]];
  const schema = z.object({ answer: z.enum(letters), rationale: z.string() });
  const prompt = promptFor(question, arm, snippets);
  const base = { id: question.id, set: question.set, arm, expected: question.answer, snippets: arm === 'plain' ? 0 : snippets.length };
  const started = performance.now();
  try {
    const { object } = await generateStructured({
      model,
      schema,
      locale: prompt.locale,
      ...(prompt.system ? { system: prompt.system } : {}),
      messages: [{ role: 'user', content: prompt.user ?? '' }],
      temperature: 0,
    });
    const status = object.answer === question.answer ? 'correct' : 'wrong';
    return { ...base, answer: object.answer, status, latencyMs: performance.now() - started };
  } catch (error) {
    const invalid = isSuwenError(error) && error.code === 'OUTPUT_VALIDATION_FAILED';
    return { ...base, answer: null, status: invalid ? 'invalid' : 'failed', latencyMs: performance.now() - started };
  }
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the result. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

function scoreArm(outcomes: McqOutcome[]): McqArmScore {
  const n = outcomes.length;
  const correct = outcomes.filter((o) => o.status === 'correct').length;
  return {
    n,
    correct,
    accuracy: n ? correct / n : 0,
    invalid: outcomes.filter((o) => o.status === 'invalid').length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    meanLatencyMs: n ? Math.round(outcomes.reduce((sum, o) => sum + o.latencyMs, 0) / n) : 0,
  };
}

export function scoreMcq(outcomes: McqOutcome[], set: McqSetName | 'overall'): McqSetScore {
  const plain = outcomes.filter((o) => o.arm === 'plain');
  const grounded = outcomes.filter((o) => o.arm === 'grounded');
  return {
    set,
    n: plain.length,
    plain: scoreArm(plain),
    grounded: scoreArm(grounded),
    groundedWithSnippets: grounded.filter((o) => o.snippets > 0).length,
  };
}

/** Asks every question in both arms (plain, then grounded, per question) and scores per set and overall. */
export async function runMcqEval(options: McqEvalOptions): Promise<{ report: McqEvalReport; outcomes: McqOutcome[] }> {
  const perQuestion = await pool(options.questions, options.concurrency, async (question) => {
    const snippets = options.ground(question);
    const plain = await askOne(options.model, question, 'plain', snippets);
    const grounded = await askOne(options.model, question, 'grounded', snippets);
    return [plain, grounded];
  });
  const outcomes = perQuestion.flat();
  const setNames = [...new Set(options.questions.map((q) => q.set))];
  return {
    report: {
      sets: setNames.map((set) =>
        scoreMcq(
          outcomes.filter((o) => o.set === set),
          set,
        ),
      ),
      overall: scoreMcq(outcomes, 'overall'),
    },
    outcomes,
  };
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The report as a plain-text table. */
export function formatMcqReport(report: McqEvalReport): string {
  const header = 'set        n     plain   grounded  Δ        invalid(p/g)  failed(p/g)  latency ms(p/g)  with KB notes';
  const row = (s: McqSetScore) =>
    [
      s.set.padEnd(9),
      String(s.n).padStart(4),
      pct(s.plain.accuracy).padStart(8),
      pct(s.grounded.accuracy).padStart(9),
      `${s.grounded.accuracy >= s.plain.accuracy ? '+' : ''}${((s.grounded.accuracy - s.plain.accuracy) * 100).toFixed(1)}`.padStart(7),
      `${s.plain.invalid}/${s.grounded.invalid}`.padStart(13),
      `${s.plain.failed}/${s.grounded.failed}`.padStart(12),
      `${s.plain.meanLatencyMs}/${s.grounded.meanLatencyMs}`.padStart(16),
      String(s.groundedWithSnippets).padStart(14),
    ].join(' ');
  return [header, ...report.sets.map(row), row(report.overall)].join('\n');
}
