import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { evaluateIntakeSafety, runIntakeEvaluation } from '../../../evals/intake/index.js';
import { type ClinicianFinding, type DdxModel, loadDdxModel, rankDifferential } from '../../engines/ddx/index.js';
import { buildDifferential, type DifferentialResult } from '../../workflows/decision/differential.js';
import { CliError, withCliServices } from '../context.js';
import { writeJson } from './knowledge.js';

/** A case in DDXPlus current-release codes: `E_91`, `E_55_@_V_89`, `E_56_@_7`. */
const caseSchema = z
  .object({
    age: z.number().int().min(0).max(120),
    sex: z.enum(['M', 'F']),
    evidence: z.array(z.string().regex(/^E_\d+(?:_@_[\w.-]+)?$/, 'expected a DDXPlus code such as E_91 or E_55_@_V_89')).max(500),
    denied: z
      .array(z.string().regex(/^E_\d+$/))
      .max(500)
      .optional(),
  })
  .strict();

function rankCase(model: DdxModel, raw: unknown, where: string, limit: number): unknown {
  const parsed = caseSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(case)'}: ${issue.message}`).join('; ');
    throw new CliError(`${where}: ${problems}`, 2);
  }
  try {
    const { differential } = rankDifferential(model, parsed.data, { limit });
    return {
      differential: differential.map((entry) => ({
        condition: entry.condition,
        conditionZh: entry.conditionZh,
        icd10: entry.icd10,
        probability: Number(entry.probability.toFixed(6)),
        severity: entry.severity,
        for: entry.for,
        against: entry.against,
      })),
    };
  } catch (error) {
    throw new CliError(`${where}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
}

/** `--finding E_91=yes`, `E_14=no`, `E_55=V_29,V_30`: a finding the clinician enters, as the web panel sends it. */
function parseFinding(raw: string): ClinicianFinding {
  const match = /^(E_\d+)=(.+)$/.exec(raw.trim());
  if (!match) throw new CliError(`--finding ${raw}: expected CODE=yes|no or CODE=VALUE[,VALUE…], e.g. E_91=yes or E_55=V_29`, 2);
  const [, code = '', answer = ''] = match;
  // Words only: a number is a value (pain intensity E_56=7), not yes/no.
  if (/^(yes|true|是)$/i.test(answer)) return { code, present: true };
  if (/^(no|false|否)$/i.test(answer)) return { code, present: false };
  return {
    code,
    values: answer
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  };
}

/** `suwen ddx --patient ID`: the decision-support differential for one patient, as the web panel shows it. */
async function patientDifferential(
  patientId: string,
  language: 'zh' | 'en',
  widen: boolean,
  findings: ClinicianFinding[],
): Promise<DifferentialResult> {
  const result = await withCliServices((services, actor) =>
    buildDifferential(services, { patientId, language, widen, ...(findings.length ? { findings } : {}), actor }),
  );
  const note = result.message ?? result.modelMessage;
  if (note) process.stderr.write(`suwen: ${note[language]}\n`);
  return result;
}

export function registerDdxCommands(program: Command): void {
  program
    .command('ddx')
    .description(
      'Rank a differential over the 49 DDXPlus conditions from evidence codes, or for a patient from the latest intake and the chart (with next tests)',
    )
    .option(
      '-i, --input <file>',
      'a case {"age","sex","evidence":[…]} as JSON, or JSON lines (one case per line → one result per line); "-" for stdin',
    )
    .option('--patient <id>', "a patient's differential from their latest finished intake and chart, with next tests (JSON)")
    .option('--widen', 'with --patient: let the configured model add candidates outside DDXPlus (each citing sources)')
    .option(
      '--finding <code=answer>',
      'with --patient: a finding you examined, repeatable: E_91=yes, E_14=no, E_55=V_29,V_30 (overrules the intake on that question)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--lang <lang>', 'with --patient: zh or en', 'zh')
    .option('--limit <n>', 'conditions per differential', '10')
    .action(async (options: { input?: string; patient?: string; widen?: boolean; finding?: string[]; lang: string; limit: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 49) throw new CliError('--limit must be an integer from 1 to 49', 2);
      if (Boolean(options.input) === Boolean(options.patient)) throw new CliError('give either --input <file> or --patient <id>', 2);
      if (options.finding?.length && !options.patient) throw new CliError('--finding needs --patient <id>', 2);
      if (options.patient) {
        if (!['zh', 'en'].includes(options.lang)) throw new CliError('--lang must be zh or en', 2);
        const findings = (options.finding ?? []).map(parseFinding);
        return writeJson(await patientDifferential(options.patient, options.lang as 'zh' | 'en', options.widen ?? false, findings));
      }
      const input = options.input;
      if (!input) return;
      let text: string;
      try {
        text = readFileSync(input === '-' ? 0 : input, 'utf8');
      } catch (error) {
        throw new CliError(`cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
      }
      const model = loadDdxModel();
      const parse = (line: string, where: string): unknown => {
        try {
          return JSON.parse(line);
        } catch {
          throw new CliError(`${where}: not valid JSON`, 2);
        }
      };
      const trimmed = text.trim();
      // One JSON document (possibly pretty-printed) or JSON lines.
      let single: unknown;
      try {
        single = JSON.parse(trimmed);
      } catch {
        single = undefined;
      }
      if (single !== undefined && !Array.isArray(single)) return writeJson(rankCase(model, single, input, limit));
      const lines = trimmed.split('\n');
      lines.forEach((line, index) => {
        if (line.trim() === '') return;
        const where = `${input}:${index + 1}`;
        process.stdout.write(`${JSON.stringify(rankCase(model, parse(line, where), where, limit))}\n`);
      });
    });

  const evaluate = program.commands.find((command) => command.name() === 'eval') ?? program.command('eval').description('Evaluations');
  evaluate
    .command('intake')
    .description(
      'Simulated-patient intake on the held-out 20% of DDXPlus validate patients: top-1/3/5, questions asked, vs. the all-evidence ceiling and a fixed-order baseline',
    )
    .option('--limit <n>', 'evaluate the first N held-out patients (default: all)')
    .option('--likelihoods <kind>', 'trained (default) or listing-only', 'trained')
    .option('--json', 'JSON output')
    .action((options: { limit?: string; likelihoods: string; json?: boolean }) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new CliError('--limit must be a positive integer', 2);
      if (!['trained', 'listing-only'].includes(options.likelihoods))
        throw new CliError('--likelihoods must be trained or listing-only', 2);
      const started = performance.now();
      const result = runIntakeEvaluation({
        ...(limit ? { limit } : {}),
        likelihoods: options.likelihoods as 'trained' | 'listing-only',
      });
      const safety = evaluateIntakeSafety({ ...(limit ? { limit } : {}) });
      if (options.json) return writeJson({ ...result, safety });
      const row = (name: string, figures: { top1: number; top3: number; top5: number; meanQuestions: number }) =>
        `${name.padEnd(34)} ${figures.top1.toFixed(3)}  ${figures.top3.toFixed(3)}  ${figures.top5.toFixed(3)}  ${figures.meanQuestions.toFixed(1)}`;
      process.stdout.write(
        [
          `intake evaluation — ${result.patients} held-out patients, likelihoods: ${options.likelihoods} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
          `${''.padEnd(34)} top-1  top-3  top-5  questions`,
          row('ceiling (all evidence at once)', result.ceiling),
          row('interactive (information gain)', result.interactive),
          row('baseline (fixed order)', result.baseline),
          `interactive top-3 / ceiling top-3 = ${result.top3VersusCeiling.toFixed(3)} (goal ≥ 0.90)`,
          `red-flag recall (DDXPlus severity 1–2 conditions flagged or triaged emergency/urgent): ${safety.severe.flagged}/${safety.severe.patients} = ${safety.severe.recall.toFixed(3)}`,
          `false emergencies (severity 4–5 conditions triaged emergency): ${safety.mild.emergency}/${safety.mild.patients} = ${safety.mild.falseAlarmRate.toFixed(3)}`,
          `triage levels: ${JSON.stringify(safety.triageLevels)}`,
          '',
        ].join('\n'),
      );
    });
}
