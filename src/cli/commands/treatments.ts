import type { Command } from 'commander';
import { isSuwenError } from '../../shared/errors.js';
import { compareTreatmentOptions, listTreatmentDiagnoses } from '../../workflows/decision/treatment-options.js';
import { CliError, withCliServices } from '../context.js';
import { writeJson } from './knowledge.js';

/**
 * `suwen treatments --patient ID --diagnosis "atrial fibrillation"`: the treatment options to
 * discuss for one diagnosis, side by side, each checked against the patient's medications,
 * allergies and renal function (JSON). `--list` prints the supported diagnoses.
 */
export function registerTreatmentsCommand(program: Command): void {
  program
    .command('treatments')
    .description("Treatment options to discuss for a diagnosis, each checked against the patient's record (JSON; no model involved)")
    .option('--patient <id>', 'patient id')
    .option('--diagnosis <text>', 'a diagnosis in Chinese or English, an ICD-10 code, or a chart condition id')
    .option('--list', 'list the diagnoses with curated options')
    .action(async (options: { patient?: string; diagnosis?: string; list?: boolean }) => {
      if (options.list) return writeJson({ diagnoses: listTreatmentDiagnoses(null) });
      if (!options.patient || !options.diagnosis?.trim()) throw new CliError('give --patient <id> and --diagnosis <text> (or --list)', 2);
      if (options.diagnosis.length > 200) throw new CliError('--diagnosis must be at most 200 characters', 2);
      const { patient, diagnosis } = options;
      try {
        writeJson(await withCliServices((services, actor) => compareTreatmentOptions(services, { patientId: patient, diagnosis, actor })));
      } catch (error) {
        if (isSuwenError(error) && error.code === 'NOT_FOUND') {
          const what =
            error.params.resource === 'diagnosis' ? 'no curated treatment options match that diagnosis (see --list)' : 'patient not found';
          throw new CliError(what, 1);
        }
        throw error;
      }
    });
}
