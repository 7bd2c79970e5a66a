import type { Command } from 'commander';
import { z } from 'zod';
import {
  formatNotesEvalReport,
  loadNoteEvalSet,
  NOTE_EVAL_SETS,
  type NoteEvalCase,
  type NoteEvalSetName,
  type NoteWriter,
  runNotesEval,
} from '../../../evals/notes/index.js';
import { loadConfig } from '../../config/load-config.js';
import { getKnowledgeEngines } from '../../engines/knowledge-engines.js';
import { buildExtractiveNote, documentToText, parseTranscript } from '../../engines/notes/index.js';
import { describeModels } from '../../model/index.js';
import { localizeError } from '../../shared/error-messages.js';
import { pickLocale } from '../../shared/locale.js';
import { writeModelNote } from '../../workflows/notes/write-model-note.js';
import { CliError, withCliServices } from '../context.js';
import { EXIT_NO_MODEL } from './models.js';

const optionsSchema = z.object({
  set: z.enum([...NOTE_EVAL_SETS, 'all']).default('all'),
  mode: z.enum(['extractive', 'model']).default('extractive'),
  limit: z.coerce.number().int().positive().optional(),
  model: z.string().optional(),
  json: z.boolean().default(false),
});

/** The extractive engine, end to end as the product runs it: parse, then build the SOAP note. */
const extractiveWriter: NoteWriter = async (testCase: NoteEvalCase) => {
  const started = performance.now();
  const transcript = parseTranscript(testCase.dialogue, { language: 'en' });
  const text = documentToText(buildExtractiveNote(transcript, { format: 'soap', language: 'en' }));
  return { text, ms: performance.now() - started };
};

/**
 * `suwen eval notes [--set aci-bench|mts-dialog|all] [--mode extractive|model] [--limit N] [--json]`:
 * writes a note for every development dialogue of ACI-Bench (valid) and MTS-Dialog (validation)
 * and scores it against the reference (ROUGE-1/2/L, fact precision/recall/F1). The extractive
 * mode needs no model and is the floor a model must beat.
 */
export function registerEvalNotesCommand(program: Command): void {
  const group =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('Evaluate Suwen components on shipped data sets');
  group
    .command('notes')
    .description('Consultation → note on ACI-Bench and MTS-Dialog dev splits: ROUGE-1/2/L and fact P/R/F1, extractive floor or the model')
    .option('--set <set>', 'aci-bench, mts-dialog or all', 'all')
    .option('--mode <mode>', 'extractive (no model) or model', 'extractive')
    .option('--limit <n>', 'first N dialogues of each set')
    .option('-m, --model <id>', 'which configured model (default: the first)')
    .option('--json', 'print the report as JSON instead of a table', false)
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw new CliError('--set must be aci-bench, mts-dialog or all; --mode extractive or model; --limit a positive integer', 2);
      const options = parsed.data;
      const names: NoteEvalSetName[] = options.set === 'all' ? [...NOTE_EVAL_SETS] : [options.set];
      const cases = names.flatMap((name) => loadNoteEvalSet(name).slice(0, options.limit));
      const engines = getKnowledgeEngines();
      const print = (report: Awaited<ReturnType<typeof runNotesEval>>) =>
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatNotesEvalReport(report)}\n`);
      if (options.mode === 'extractive') {
        print(await runNotesEval({ mode: 'extractive', cases, write: extractiveWriter, medications: engines.medications }));
        return;
      }
      const locale = pickLocale(process.env.LANG?.replace('_', '-').split('.')[0]);
      if (!describeModels(loadConfig().models).configured)
        throw new CliError(localizeError('MODEL_NOT_CONFIGURED', {}, locale), EXIT_NO_MODEL);
      await withCliServices(async ({ models }) => {
        // Benchmark dialogues are published, de-identified text, not patient data.
        const model = models.model({ workflow: 'eval.notes', actorRole: 'cli', containsPhi: false }, options.model);
        const write: NoteWriter = async (testCase) => {
          const started = performance.now();
          const transcript = parseTranscript(testCase.dialogue, { language: 'en' });
          const note = await writeModelNote({ model, transcript, format: 'soap', language: 'en' });
          const text = note.sections.map((section) => [section.title, ...section.sentences.map((s) => s.text)].join('\n')).join('\n\n');
          return { text, ms: performance.now() - started, modelMs: note.modelMs };
        };
        const report = await runNotesEval({ mode: 'model', cases, write, medications: engines.medications });
        print(report);
        if (report.sets.every((set) => set.n > 0 && set.failed === set.n)) {
          process.stderr.write('suwen: every model call failed; check `suwen models`\n');
          process.exitCode = 1;
        }
      });
    });
}
