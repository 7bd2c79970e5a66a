import type { Command } from 'commander';
import { z } from 'zod';
import {
  formatNotesEvalReport,
  loadNoteEvalSet,
  NOTE_DEV_SETS,
  NOTE_EVAL_SETS,
  type NoteEvalCase,
  type NoteEvalSetName,
  type NoteWriter,
  runNotesEval,
} from '../../../evals/notes/index.js';
import { loadConfig } from '../../config/load-config.js';
import { getKnowledgeEngines } from '../../engines/knowledge-engines.js';
import {
  buildExtractiveNote,
  type ClinicalDocument,
  defaultVisitNoteFormat,
  documentToText,
  parseTranscript,
} from '../../engines/notes/index.js';
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

const sectionsOf = (doc: ClinicalDocument) =>
  doc.sections.map((section) => ({ key: section.key, text: section.sentences.map((sentence) => sentence.text).join('\n') }));

/**
 * The extractive engine, end to end as the product runs it: parse, then build the note — SOAP in
 * English for the published sets, the visit's language and usual format (门诊病历 / SOAP) for Suwen's visits.
 */
const extractiveWriter: NoteWriter = async (testCase: NoteEvalCase) => {
  const started = performance.now();
  const language = testCase.language ?? 'en';
  const transcript = parseTranscript(testCase.dialogue, { language });
  const doc = buildExtractiveNote(transcript, { format: defaultVisitNoteFormat(language), language });
  return { text: documentToText(doc), ms: performance.now() - started, sections: sectionsOf(doc) };
};

/**
 * `suwen eval notes [--set aci-bench|mts-dialog|all|visits] [--mode extractive|model] [--limit N] [--json]`:
 * writes a note for every development dialogue of ACI-Bench (valid) and MTS-Dialog (validation)
 * and scores it against the reference (ROUGE-1/2/L, fact precision/recall/F1). `--set visits`
 * runs Suwen's six zh/en visits and adds the recall of their fact checklists and whether each
 * fact sits in its section. The extractive
 * mode needs no model and is the floor a model must beat.
 */
export function registerEvalNotesCommand(program: Command): void {
  const group =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('Evaluate Suwen components on shipped data sets');
  group
    .command('notes')
    .description('Consultation → note on ACI-Bench and MTS-Dialog dev splits: ROUGE-1/2/L and fact P/R/F1, extractive floor or the model')
    .option('--set <set>', "aci-bench, mts-dialog, all (both), or visits (Suwen's zh/en visits with fact checklists)", 'all')
    .option('--mode <mode>', 'extractive (no model) or model', 'extractive')
    .option('--limit <n>', 'first N dialogues of each set')
    .option('-m, --model <id>', 'which configured model (default: the first)')
    .option('--json', 'print the report as JSON instead of a table', false)
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw new CliError('--set must be aci-bench, mts-dialog, visits or all; --mode extractive or model; --limit a positive integer', 2);
      const options = parsed.data;
      const names: NoteEvalSetName[] = options.set === 'all' ? [...NOTE_DEV_SETS] : [options.set];
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
          const language = testCase.language ?? 'en';
          const transcript = parseTranscript(testCase.dialogue, { language });
          const note = await writeModelNote({ model, transcript, format: defaultVisitNoteFormat(language), language });
          const text = note.sections.map((section) => [section.title, ...section.sentences.map((s) => s.text)].join('\n')).join('\n\n');
          const sections = note.sections.map((section) => ({ key: section.key, text: section.sentences.map((s) => s.text).join('\n') }));
          return { text, ms: performance.now() - started, modelMs: note.modelMs, sections };
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
