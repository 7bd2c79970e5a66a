import type { Command } from 'commander';
import type { ClinicalDocument } from '../../engines/notes/index.js';
import { generateDischargeSummary } from '../../workflows/discharge/discharge-summary.js';
import { CliError, withCliServices } from '../context.js';
import { writeJson } from './knowledge.js';

const HELP = `
Exit codes:
  0  the draft was written and stored for review
  2  bad options, unknown patient or encounter, or the encounter is not an ended inpatient stay
  1  anything else (e.g. the model failed)`;

/**
 * `suwen discharge --patient ID --encounter ID`: the discharge summary draft for one inpatient
 * stay — computed sections from the record, the hospital course by the model when one is
 * connected (else a marked placeholder) — printed as JSON or Markdown and stored for review.
 */
export function registerDischargeCommand(program: Command): void {
  program
    .command('discharge')
    .description('Draft a discharge summary (出院小结) for an inpatient stay: computed from the record, hospital course by the model')
    .requiredOption('--patient <id>', 'patient id')
    .requiredOption('--encounter <id>', 'encounter id of the inpatient stay')
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--format <format>', 'json or md', 'md')
    .option('--mode <mode>', 'auto, model or computed', 'auto')
    .addHelpText('after', HELP)
    .action(async (options: { patient: string; encounter: string; lang: string; format: string; mode: string }) => {
      if (!['zh', 'en'].includes(options.lang)) throw new CliError('--lang must be zh or en', 2);
      if (!['json', 'md'].includes(options.format)) throw new CliError('--format must be json or md', 2);
      if (!['auto', 'model', 'computed'].includes(options.mode)) throw new CliError('--mode must be auto, model or computed', 2);
      const result = await withCliServices((services, actor) =>
        generateDischargeSummary(services, {
          patientId: options.patient,
          encounterId: options.encounter,
          language: options.lang as 'zh' | 'en',
          mode: options.mode as 'auto' | 'model' | 'computed',
          actor,
        }),
      );
      if (options.format === 'json') writeJson(result);
      else process.stdout.write(documentToMarkdown(result.document, result.artifactId));
      if (result.modelMessage) process.stderr.write(`suwen: ${result.modelMessage}\n`);
    });
}

/** Markdown for the terminal: headings, one bullet per sentence with its cited facts. */
export function documentToMarkdown(document: ClinicalDocument, artifactId: string): string {
  const zh = document.language === 'zh';
  const lines = [
    `# ${document.title}`,
    '',
    zh
      ? `> 【草稿】供临床医生审核，不构成诊断或治疗决定。（草稿编号 ${artifactId}）`
      : `> DRAFT for clinician review — not a diagnosis or treatment decision. (draft ${artifactId})`,
  ];
  for (const section of document.sections) {
    lines.push('', `## ${section.title}`, '');
    for (const sentence of section.sentences) {
      const cites = sentence.support.sourceIds.length ? ` [${sentence.support.sourceIds.join(', ')}]` : '';
      const flag = sentence.support.status === 'unsupported' ? (zh ? ' **（无来源支持）**' : ' **(unsupported)**') : '';
      lines.push(`- ${sentence.text}${cites}${flag}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
