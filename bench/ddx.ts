/**
 * DDXPlus differential engine: latency of one interview step (posterior update + next-question
 * choice) and the held-out intake evaluation (ceiling, planner, fixed-order baseline).
 *
 *   npx tsx bench/ddx.ts [--patients N]
 *
 * Target (issue 7): step p99 ≤ 20 ms; interactive top-3 ≥ 0.90 × ceiling top-3 with ≤ 20 questions.
 */

import { runIntakeEvaluation } from '../evals/intake/index.js';
import {
  answerFromRecord,
  applyAnswer,
  createIntakeState,
  loadDdxModel,
  loadDdxplusData,
  loadValidatePatients,
  patientAnswers,
  planNextQuestion,
  splitPatients,
} from '../src/engines/ddx/index.js';

const arg = process.argv.indexOf('--patients');
const patientsLimit = arg > 0 ? Number(process.argv[arg + 1]) : undefined;

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

function measureSteps(): number[] {
  const model = loadDdxModel();
  const data = loadDdxplusData();
  const heldOut = splitPatients(loadValidatePatients(data)).heldOut.slice(0, patientsLimit);
  const timings: number[] = [];
  for (const patient of heldOut) {
    const record = patientAnswers(data, patient.evidence);
    const state = createIntakeState(model, patient);
    let answer = answerFromRecord(model, record, patient.initialEvidence);
    let first = true;
    for (;;) {
      const start = process.hrtime.bigint();
      applyAnswer(model, state, answer, !first);
      const { question } = planNextQuestion(model, state);
      timings.push(Number(process.hrtime.bigint() - start) / 1e6);
      first = false;
      if (!question) break;
      answer = answerFromRecord(model, record, question.code);
    }
  }
  return timings.sort((a, b) => a - b);
}

measureSteps(); // warm-up: JIT and the model cache
const steps = measureSteps();
const evaluation = runIntakeEvaluation({ limit: patientsLimit });

// Stress test of the method used for the 30 conditions without patients, applied to all 49.
const listingEvaluation = runIntakeEvaluation({ limit: patientsLimit, likelihoods: 'listing-only' });
const fmt = (x: number) => x.toFixed(3);

process.stdout.write(
  [
    `ddx step (posterior update + next question), ${steps.length} steps:`,
    `  p50 ${fmt(quantile(steps, 0.5))} ms  p99 ${fmt(quantile(steps, 0.99))} ms  max ${fmt(steps.at(-1) ?? 0)} ms  (target p99 ≤ 20 ms)`,
    `intake evaluation, ${evaluation.patients} held-out patients (planner ${JSON.stringify(evaluation.planner)}):`,
    ...(['ceiling', 'interactive', 'baseline'] as const).map((k) => {
      const f = evaluation[k];
      return `  ${k.padEnd(12)} top-1 ${fmt(f.top1)}  top-3 ${fmt(f.top3)}  top-5 ${fmt(f.top5)}  mean questions ${f.meanQuestions.toFixed(2)}`;
    }),
    `  interactive top-3 / ceiling top-3 = ${fmt(evaluation.top3VersusCeiling)} (goal ≥ 0.90, ≤ 20 questions)`,
    'listing-only model (no patient data; how the 30 uncovered conditions are estimated):',
    ...(['ceiling', 'interactive', 'baseline'] as const).map((k) => {
      const f = listingEvaluation[k];
      return `  ${k.padEnd(12)} top-1 ${fmt(f.top1)}  top-3 ${fmt(f.top3)}  top-5 ${fmt(f.top5)}  mean questions ${f.meanQuestions.toFixed(2)}`;
    }),
    `  interactive top-3 / ceiling top-3 = ${fmt(listingEvaluation.top3VersusCeiling)}`,
    '',
  ].join('\n'),
);
