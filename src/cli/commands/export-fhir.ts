import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { auditEvent } from '../../audit/audit-actions.js';
import { exportNdjson } from '../../record/fhir/export-fhir.js';
import { isSuwenError } from '../../shared/errors.js';
import { CliError, withCliServices } from '../context.js';

export function registerExportCommands(program: Command): void {
  const exportCommand = program.command('export').description('Export clinical records');
  exportCommand
    .command('fhir')
    .description('Export FHIR R4: one patient as a Bundle, or every patient as NDJSON files (one per resource type)')
    .option('--patient <id>', 'export this patient as a collection Bundle (JSON)')
    .option('--all', 'export every patient, bulk-data layout: <dir>/<Type>.ndjson')
    .option('--out <path>', 'file for --patient (default: standard output); directory for --all')
    .addHelpText('after', '\nExit codes:\n  0  exported\n  2  bad options, or no patient with that id')
    .action(async (options: { patient?: string; all?: boolean; out?: string }) => {
      if (Boolean(options.patient) === Boolean(options.all)) throw new CliError('give either --patient <id> or --all', 2);
      if (options.all && !options.out) throw new CliError('--all needs --out <dir>', 2);
      await withCliServices(async ({ store, access, audit }, actor) => {
        if (options.patient) {
          const bundle = await access.exportBundle(actor, options.patient).catch((error: unknown) => {
            if (isSuwenError(error) && error.code === 'NOT_FOUND')
              throw new CliError(`no patient with id ${JSON.stringify(options.patient)} in ${store.displayUrl}`, 2);
            throw error;
          });
          const json = `${JSON.stringify(bundle, null, 2)}\n`;
          if (options.out) {
            await writeFile(options.out, json);
            process.stderr.write(`Wrote ${bundle.entry.length} resources to ${options.out}\n`);
          } else {
            process.stdout.write(json);
          }
          return;
        }
        const files = await exportNdjson(store, options.out ?? '.');
        // Every record left the database: one entry for the bulk export, with counts per type.
        await audit.append(
          auditEvent(actor, 'patient.export', {
            entityType: 'bundle',
            entityId: '*',
            details: { files: files.length, resources: Object.fromEntries(files.map((file) => [file.resourceType, file.count])) },
          }),
        );
        for (const file of files) process.stdout.write(`${file.path}\t${file.count}\n`);
      });
    });
}
