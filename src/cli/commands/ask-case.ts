import type { Command } from 'commander';
import { askAboutCase } from '../../workflows/decision/ask-case.js';
import { CliError, withCliServices } from '../context.js';
import { writeJson } from './knowledge.js';

/**
 * `suwen ask-case --patient ID "question"`: the decision-support answer for one patient, as JSON
 * (claims with their sources, unsupported ones marked, and the deterministic alerts). Without a
 * model the alerts are still printed. The draft is stored for review like the web panel's.
 */
export function registerAskCaseCommand(program: Command): void {
  program
    .command('ask-case')
    .description("Ask about a patient's case: PICO, answer, cited claims and the deterministic alerts (JSON)")
    .requiredOption('--patient <id>', 'patient id')
    .option('--lang <lang>', 'zh or en', 'zh')
    .argument('<question...>', 'the question')
    .action(async (words: string[], options: { patient: string; lang: string }) => {
      if (!['zh', 'en'].includes(options.lang)) throw new CliError('--lang must be zh or en', 2);
      const question = words.join(' ').trim();
      if (!question || question.length > 2000) throw new CliError('the question must be 1–2000 characters', 2);
      const result = await withCliServices((services, actor) =>
        askAboutCase(services, { patientId: options.patient, question, language: options.lang as 'zh' | 'en', actor }),
      );
      writeJson(result);
      if (result.modelMessage) process.stderr.write(`suwen: ${options.lang === 'zh' ? result.modelMessage.zh : result.modelMessage.en}\n`);
    });
}
