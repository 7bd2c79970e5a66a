import type { Command } from 'commander';
import { z } from 'zod';
import { formatMcqReport, groundingSnippets, loadMcqSet, MCQ_SET_NAMES, type McqSetName, runMcqEval } from '../../../evals/mcq/index.js';
import { loadConfig } from '../../config/load-config.js';
import { getKnowledgeEngines } from '../../engines/knowledge-engines.js';
import { describeModels } from '../../model/index.js';
import { localizeError } from '../../shared/error-messages.js';
import { pickLocale } from '../../shared/locale.js';
import { CliError, withCliServices } from '../context.js';
import { EXIT_NO_MODEL } from './models.js';

const optionsSchema = z.object({
  set: z.enum([...MCQ_SET_NAMES, 'all']).default('all'),
  limit: z.coerce.number().int().positive().optional(),
  concurrency: z.coerce.number().int().min(1).max(4).default(1),
  model: z.string().optional(),
  json: z.boolean().default(false),
});

/**
 * `suwen eval mcq [--set usmle|china|medmcqa|all] [--limit N] [--concurrency 1-4] [--json]`: asks the
 * configured model the shipped exam questions twice — plain, and with knowledge-base notes — and
 * reports accuracy per set for both arms. Shares the `eval` group with `suwen eval deid`.
 */
export function registerEvalMcqCommand(program: Command): void {
  const group =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('Evaluate Suwen components on shipped data sets');
  group
    .command('mcq')
    .description('Medical exam multiple-choice accuracy (MedQA USMLE / Mainland China samples, MedMCQA dev), plain vs knowledge-grounded')
    .option('--set <set>', 'usmle, china, medmcqa or all', 'all')
    .option('--limit <n>', 'first N questions of each set')
    .option('--concurrency <n>', 'questions in flight, 1–4', '1')
    .option('-m, --model <id>', 'which configured model (default: the first)')
    .option('--json', 'print the report as JSON instead of a table', false)
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw new CliError('--set must be usmle, china, medmcqa or all; --limit a positive integer; --concurrency 1–4', 2);
      const options = parsed.data;
      const locale = pickLocale(process.env.LANG?.replace('_', '-').split('.')[0]);
      if (!describeModels(loadConfig().models).configured)
        throw new CliError(localizeError('MODEL_NOT_CONFIGURED', {}, locale), EXIT_NO_MODEL);
      const names: McqSetName[] = options.set === 'all' ? [...MCQ_SET_NAMES] : [options.set];
      const questions = names.flatMap((name) => loadMcqSet(name).slice(0, options.limit));
      await withCliServices(async ({ models }) => {
        const engines = getKnowledgeEngines();
        const { report } = await runMcqEval({
          // Exam questions are published benchmark text, not patient data.
          model: models.model({ workflow: 'eval.mcq', actorRole: 'cli', containsPhi: false }, options.model),
          questions,
          ground: (question) => groundingSnippets(question, engines),
          concurrency: options.concurrency,
        });
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatMcqReport(report)}\n`);
        if (report.overall.n > 0 && report.overall.plain.failed === report.overall.n) {
          process.stderr.write('suwen: every model call failed; check `suwen models`\n');
          process.exitCode = 1;
        }
      });
    });
}
