import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  type ImportProgress,
  type ImportSummary,
  importFhir,
  type RejectedResource,
  StrictImportError,
} from '../../record/fhir/import-fhir.js';
import { isSuwenError } from '../../shared/errors.js';
import { CliError, withCliServices } from '../context.js';

const EXIT_CODES = `
Exit codes:
  0  everything was imported (unsupported resource types are skipped and listed)
  2  malformed input (invalid JSON, a line that is not a resource, a bundle without entries…):
     the problem is printed as <file>:<line> and nothing was imported
  3  some resources were rejected (invalid, or their patient is unknown) and are listed with the
     reason; the rest was imported — with --strict, nothing was imported`;

const MAX_REASONS = 20;

export function registerImportCommands(program: Command): void {
  const importCommand = program.command('import').description('Import clinical records');
  importCommand
    .command('fhir')
    .description('Import FHIR R4 resources: NDJSON files, JSON Bundles or single resources, or directories of them')
    .argument('<paths...>', 'files or directories (a directory contributes its *.ndjson and *.json files)')
    .option('--strict', 'import nothing if any resource is rejected')
    .addHelpText('after', EXIT_CODES)
    .action(async (paths: string[], options: { strict?: boolean }) => {
      const progress = createProgressReporter();
      let summary: ImportSummary;
      try {
        summary = await withCliServices(async ({ store, access }, actor) => {
          const imported = await importFhir(store, paths, { strict: options.strict ?? false, onProgress: progress.update });
          await access.recordChange(actor, 'record.import', {
            entityType: 'bundle',
            entityId: 'cli',
            patientId: null,
            details: { files: imported.files, imported: imported.imported, updated: imported.updated, rejected: imported.rejected.length },
          });
          return imported;
        });
      } catch (error) {
        progress.stop();
        throw importFailure(error);
      }
      progress.stop();
      process.stdout.write(formatSummary(summary));
      if (summary.rejected.length > 0) {
        throw new CliError(`${summary.rejected.length} resource(s) rejected; the rest was imported`, 3);
      }
    });
}

/** Turns the import's own failures into one-line CLI errors with the documented exit codes. */
function importFailure(error: unknown): unknown {
  if (error instanceof StrictImportError) {
    process.stdout.write(formatRejected(error.rejected));
    return new CliError(`${error.rejected.length} resource(s) rejected (--strict): nothing was imported`, 3);
  }
  if (isSuwenError(error) && error.code === 'IMPORT_MALFORMED') {
    process.stderr.write(`suwen: ${error.message}\n`);
    return new CliError('nothing was imported', 2);
  }
  return error;
}

/** A progress bar on an interactive terminal; otherwise one line per file read. */
function createProgressReporter(): { update: (p: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    return {
      update: (p) => {
        if (p.fileDone) process.stderr.write(`read ${p.file}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'reading [{bar}] {percentage}% | {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      if (!started) bar.start(Math.max(p.total, 1), 0, { file: p.file });
      started = true;
      bar.update(p.done, { file: p.file });
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

export function formatSummary(summary: ImportSummary): string {
  const types = [...new Set([...Object.keys(summary.imported), ...Object.keys(summary.updated)])].sort();
  const lines = [`Read ${summary.files} file(s).`];
  if (types.length === 0) lines.push('Nothing was imported.');
  else {
    const width = Math.max(...types.map((t) => t.length));
    lines.push('Imported (new / updated):');
    for (const type of types) {
      lines.push(`  ${type.padEnd(width)}  ${summary.imported[type] ?? 0} new, ${summary.updated[type] ?? 0} updated`);
    }
  }
  const skipped = Object.entries(summary.skipped).sort(([a], [b]) => a.localeCompare(b));
  if (skipped.length > 0) {
    lines.push(`Skipped (types Suwen does not store): ${skipped.map(([type, n]) => `${type} ${n}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n${formatRejected(summary.rejected)}`;
}

function formatRejected(rejected: RejectedResource[]): string {
  if (rejected.length === 0) return '';
  const lines = [`Rejected: ${rejected.length}`];
  for (const r of rejected.slice(0, MAX_REASONS)) {
    lines.push(`  ${r.file}:${r.line}: ${r.resourceType}/${r.id ?? '(no id)'}: ${r.reason}`);
  }
  if (rejected.length > MAX_REASONS) lines.push(`  …and ${rejected.length - MAX_REASONS} more`);
  return `${lines.join('\n')}\n`;
}
