import type { Command } from 'commander';
import { z } from 'zod';
import { DEID_EVAL_SET_NAMES, type DeidEvalSetName, loadDeidEvalSets, runDeidEval } from '../../../evals/deid/index.js';
import { analyzePhi } from '../../privacy/index.js';
import { CliError } from '../context.js';

const optionsSchema = z.object({
  set: z.enum([...DEID_EVAL_SET_NAMES, 'all']).default('all'),
  json: z.boolean().default(false),
});

/**
 * `suwen eval deid [--set zh|en|presidio|all] [--json]`: scores Suwen's PHI analyzer on the
 * shipped de-identification sets. Reuses an existing `eval` command group when one is registered.
 */
export function registerEvalDeidCommand(program: Command): void {
  const group =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('Evaluate Suwen components on shipped data sets');
  group
    .command('deid')
    .description('Score PHI detection on the synthetic zh/en notes and the Presidio synthetic set (precision, recall, F2, decoys)')
    .option('--set <set>', 'zh, en, presidio or all', 'all')
    .option('--json', 'print the numbers as JSON instead of tables', false)
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new CliError('--set must be one of zh, en, presidio, all', 2);
      const names: DeidEvalSetName[] = parsed.data.set === 'all' ? [...DEID_EVAL_SET_NAMES] : [parsed.data.set];
      const results = await runDeidEval({
        sets: loadDeidEvalSets(names),
        detect: (text, lang) => analyzePhi(text, { language: lang }),
        write: parsed.data.json ? null : undefined,
      });
      if (parsed.data.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    });
}
