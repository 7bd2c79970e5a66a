#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load-config.js';
import { isSuwenError } from '../shared/errors.js';
import { SUWEN_VERSION } from '../shared/version.js';
import { registerAskCaseCommand } from './commands/ask-case.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerDdxCommands } from './commands/ddx.js';
import { registerDeidCommand } from './commands/deid.js';
import { registerDischargeCommand } from './commands/discharge.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerEvalDeidCommand } from './commands/eval-deid.js';
import { registerEvalMcqCommand } from './commands/eval-mcq.js';
import { registerEvalNotesCommand } from './commands/eval-notes.js';
import { registerExportCommands } from './commands/export-fhir.js';
import { registerImportCommands } from './commands/import-fhir.js';
import { registerKnowledgeCommands } from './commands/knowledge.js';
import { registerModelCommands } from './commands/models.js';
import { registerNoteCommand } from './commands/note.js';
import { registerRedFlagsCommand } from './commands/redflags.js';
import { registerReportCommand } from './commands/report.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTranscribeCommand } from './commands/transcribe.js';
import { registerTreatmentsCommand } from './commands/treatments.js';
import { registerUserCommands } from './commands/user.js';
import { CliError } from './context.js';

// `suwen export fhir … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command()
  .name('suwen')
  .description('Suwen (素问) — a self-hostable clinical LLM platform')
  .version(SUWEN_VERSION)
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerImportCommands(program);
registerExportCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerModelCommands(program);
registerDeidCommand(program);
registerEvalDeidCommand(program);
registerEvalMcqCommand(program);
registerEvalNotesCommand(program);
registerDoctorCommand(program);
registerKnowledgeCommands(program);
registerDdxCommands(program);
registerAskCaseCommand(program);
registerTreatmentsCommand(program);
registerDischargeCommand(program);
registerNoteCommand(program);
registerTranscribeCommand(program);
registerReportCommand(program);
registerRedFlagsCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof CliError) {
    process.stderr.write(`suwen: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`suwen: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  if (isSuwenError(error)) {
    process.stderr.write(`suwen: ${error.message}\n`);
    process.exit(error.status >= 500 ? 1 : 2);
  }
  process.stderr.write(`suwen: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
