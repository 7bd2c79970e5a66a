import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { NOTE_LANGUAGES } from '../../engines/notes/index.js';
import { localizeError } from '../../shared/error-messages.js';
import { isSuwenError } from '../../shared/errors.js';
import { generateNote, NOTE_MODES } from '../../workflows/notes/generate-note.js';
import { CliError, withCliServices } from '../context.js';
import { writeJson } from './knowledge.js';
import { renderNoteMarkdown } from './note-markdown.js';

const optionsSchema = z.object({
  transcript: z.string().min(1),
  lang: z.enum(NOTE_LANGUAGES).optional(),
  outputLang: z.enum(NOTE_LANGUAGES).optional(),
  format: z.enum(['json', 'md']).default('md'),
  noteFormat: z.enum(['zh-outpatient', 'soap']).optional(),
  mode: z.enum(NOTE_MODES).default('auto'),
  patient: z.string().min(1).max(100).optional(),
  encounter: z.string().min(1).max(100).optional(),
});

function readTranscript(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
}

/**
 * `suwen note --transcript t.txt`: a consultation transcript ("-" for stdin) → a draft visit note
 * (门诊病历 or SOAP) with each sentence's source turns, unsupported sentences marked, possible
 * omissions and the medication check; Markdown or JSON. With no model connected (or
 * `--mode extractive`) the note is extractive and says so. The draft is stored for review.
 */
export function registerNoteCommand(program: Command): void {
  program
    .command('note')
    .description('Consultation transcript → draft visit note with sentence provenance, omissions and medication check')
    .requiredOption('--transcript <file>', 'transcript text file ("-" for stdin): "Doctor: …" / "医生：…" lines, or ACI-Bench "[doctor] …"')
    .option('--lang <lang>', 'transcript language, zh or en (detected when absent)')
    .option('--output-lang <lang>', 'write the note in zh or en (default: the transcript’s language)')
    .option('--format <format>', 'output: md or json', 'md')
    .option('--note-format <format>', 'zh-outpatient (门诊病历) or soap (default by note language)')
    .option('--mode <mode>', 'auto, model or extractive', 'auto')
    .option('--patient <id>', 'file the note on this patient')
    .option('--encounter <id>', 'and this encounter')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw new CliError(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join('; '), 2);
      const options = parsed.data;
      const text = readTranscript(options.transcript);
      const messageLanguage = options.lang ?? options.outputLang ?? 'en';
      try {
        const result = await withCliServices((services, actor) =>
          generateNote(services, {
            transcript: text,
            ...(options.lang ? { language: options.lang } : {}),
            ...(options.outputLang ? { outputLanguage: options.outputLang } : {}),
            ...(options.noteFormat ? { format: options.noteFormat } : {}),
            mode: options.mode,
            patientId: options.patient ?? null,
            encounterId: options.encounter ?? null,
            actor,
            messageLanguage,
          }),
        );
        if (options.format === 'json')
          writeJson({ artifactId: result.artifactId, document: result.document, transcript: result.transcript });
        else process.stdout.write(renderNoteMarkdown(result.document, result.artifactId));
      } catch (error) {
        if (isSuwenError(error) && error.status < 500)
          throw new CliError(localizeError(error.code, error.params, messageLanguage === 'zh' ? 'zh-CN' : 'en'), 2);
        if (isSuwenError(error)) throw new CliError(localizeError(error.code, error.params, messageLanguage === 'zh' ? 'zh-CN' : 'en'), 1);
        throw error;
      }
    });
}
