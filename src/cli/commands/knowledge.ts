import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { describeImagingScenario, evaluateImaging, listImagingScenarios } from '../../engines/imaging/index.js';
import { getKnowledgeEngines } from '../../engines/knowledge-engines.js';
import { interpretLabs } from '../../engines/labs/index.js';
import { checkMedications, medicationCheckInputSchema } from '../../engines/medication/index.js';
import { computeScore, describeScore, listScores } from '../../engines/scores/index.js';
import type { SearchKind } from '../../engines/search/index.js';
import { labInterpretInputSchema } from '../../workflows/lab-review/lab-input-schema.js';
import { CliError } from '../context.js';

/** Reads a JSON input file ("-" for stdin) and validates it, reporting every problem at once (exit 2). */
export function readJsonInput<T>(file: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new CliError(`${file} is not a valid input:\n${problems.join('\n')}`, 2);
  }
  return parsed.data;
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const KINDS: SearchKind[] = ['drug', 'lab', 'condition', 'score', 'icd10', 'education', 'vocabulary', 'interaction-drug'];

export function registerKnowledgeCommands(program: Command): void {
  const kb = program.command('kb').description('The shipped knowledge base: drugs, interactions, labs, conditions, scores');
  kb.command('search')
    .description('Find drugs, labs, conditions, scores, ICD-10 codes and education topics (zh/en, typo-tolerant)')
    .argument('<term...>', 'name, synonym, abbreviation or code')
    .option('--kind <kinds>', `comma-separated: ${KINDS.join(', ')}`)
    .option('--limit <n>', 'maximum hits', '10')
    .option('--json', 'JSON output')
    .action((terms: string[], options: { kind?: string; limit: string; json?: boolean }) => {
      const kinds = options.kind?.split(',').map((kind) => kind.trim());
      const unknown = kinds?.filter((kind) => !(KINDS as string[]).includes(kind));
      if (unknown?.length) throw new CliError(`unknown --kind ${unknown.join(', ')}; use ${KINDS.join(', ')}`, 2);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliError('--limit must be an integer from 1 to 100', 2);
      const query = terms.join(' ');
      const hits = getKnowledgeEngines().search.search(query, { ...(kinds ? { kinds: kinds as SearchKind[] } : {}), limit });
      if (options.json) return writeJson({ query, hits });
      if (hits.length === 0) {
        process.stderr.write(`no match for "${query}"\n`);
        process.exitCode = 1;
        return;
      }
      for (const hit of hits) {
        const zh = hit.label.zh !== hit.label.en ? ` / ${hit.label.zh}` : '';
        process.stdout.write(
          `${hit.kind.padEnd(16)} ${hit.id.padEnd(28)} ${hit.label.en}${zh}${hit.code ? `  [${hit.code}]` : ''}  (${hit.match}: ${hit.matched})\n`,
        );
      }
    });
  kb.command('info')
    .description('Knowledge base version, counts and sources')
    .action(() => {
      const engines = getKnowledgeEngines();
      const { kb: base } = engines;
      writeJson({
        version: base.version,
        drugs: base.drugs.length,
        labs: base.labs.length,
        interactionRules: base.interactions.rules.length,
        interactionPairs: base.interactions.pairs.length,
        conditions: base.conditions.length,
        icd10: engines.vocabulary.icd10.entries.length,
        education: engines.vocabulary.education.length,
        loadMs: engines.loadMs,
        credits: base.credits,
      });
    });

  const meds = program.command('meds').description('Medication safety checks (no model involved)');
  meds
    .command('check')
    .description('Check a medication list: interactions, duplicates, doses (renal/hepatic), allergies, pregnancy — JSON out')
    .requiredOption(
      '-i, --input <file>',
      'JSON file ("-" for stdin): {"age","sex","weightKg","egfr","pregnant","allergies":[],"medications":[{"name","dose","frequency","route"}]}',
    )
    .action((options: { input: string }) => {
      const input = readJsonInput(options.input, medicationCheckInputSchema);
      writeJson(checkMedications(getKnowledgeEngines().medications, input));
    });

  const labs = program.command('labs').description('Lab result interpretation (no model involved)');
  labs
    .command('interpret')
    .description('Flag results (with unit conversion), show trends and patterns — JSON out')
    .requiredOption('-i, --input <file>', 'JSON file ("-" for stdin): {"sex","age","results":[{"test","value","unit","time"}]}')
    .action((options: { input: string }) => {
      const input = readJsonInput(options.input, labInterpretInputSchema);
      writeJson(interpretLabs(getKnowledgeEngines().labs, input));
    });

  program
    .command('scores')
    .description('List the clinical score calculators')
    .action(() => {
      for (const score of listScores()) process.stdout.write(`${score.id.padEnd(24)} ${score.names.en} / ${score.names.zh}\n`);
    });
  program
    .command('score')
    .description('Compute a clinical score (eGFR, CHA2DS2-VASc, CURB-65, NEWS2, …); without --input, show its inputs')
    .argument('<name>', 'score id, alias or name (English or Chinese)')
    .option('-i, --input <file>', 'JSON file ("-" for stdin) with the score inputs')
    .action((name: string, options: { input?: string }) => {
      if (!options.input) {
        const description = describeScore(name);
        if (!description) throw new CliError(unknownScoreMessage(name), 2);
        return writeJson(description);
      }
      const outcome = computeScore(name, readJsonInput(options.input, z.record(z.string(), z.unknown())));
      if (outcome.ok) return writeJson(outcome.result);
      if (outcome.error.code === 'unknown-score') throw new CliError(unknownScoreMessage(name), 2);
      const problems = outcome.error.issues.map((issue) => `  ${issue.field || '(input)'}: ${issue.message.en}`);
      throw new CliError(`invalid input for ${outcome.error.scoreId}:\n${problems.join('\n')}`, 2);
    });

  program
    .command('imaging')
    .description(
      'Imaging appropriateness for a scenario (usually / may be / usually not appropriate, radiation, source); without --input, show its inputs',
    )
    .option('-s, --scenario <id>', 'scenario id or name (suwen imaging lists them)')
    .option('-i, --input <file>', 'JSON file ("-" for stdin) with the scenario inputs')
    .action((options: { scenario?: string; input?: string }) => {
      if (!options.scenario) {
        for (const scenario of listImagingScenarios())
          process.stdout.write(`${scenario.id.padEnd(24)} ${scenario.names.en} / ${scenario.names.zh}\n`);
        return;
      }
      if (!options.input) {
        const description = describeImagingScenario(options.scenario);
        if (!description) throw new CliError(`no imaging scenario called "${options.scenario}" (suwen imaging lists them)`, 2);
        return writeJson(description);
      }
      const outcome = evaluateImaging(options.scenario, readJsonInput(options.input, z.record(z.string(), z.unknown())));
      if (outcome.ok) return writeJson(outcome.result);
      if (outcome.error.code === 'unknown-scenario') {
        const hint = outcome.error.suggestions.length ? ` — did you mean ${outcome.error.suggestions.join(', ')}?` : '';
        throw new CliError(`no imaging scenario called "${options.scenario}"${hint}`, 2);
      }
      const problems = outcome.error.issues.map((issue) => `  ${issue.field || '(input)'}: ${issue.message.en}`);
      throw new CliError(`invalid input for ${outcome.error.scenarioId}:\n${problems.join('\n')}`, 2);
    });
}

function unknownScoreMessage(name: string): string {
  const outcome = computeScore(name, {});
  const suggestions = !outcome.ok && outcome.error.code === 'unknown-score' ? outcome.error.suggestions : [];
  return `no score called "${name}"${suggestions.length ? ` — did you mean ${suggestions.join(', ')}?` : ''} (suwen scores lists them)`;
}
