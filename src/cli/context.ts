import { databaseUrlOf, loadConfig, type SuwenConfig } from '../config/load-config.js';
import { openMigratedStore, type Store } from '../store/database.js';

/** What most commands need: the configuration and a migrated store. */
export interface CliContext {
  config: SuwenConfig;
  store: Store;
}

export async function openCliContext(): Promise<CliContext> {
  const config = loadConfig();
  const store = await openMigratedStore(databaseUrlOf(config));
  return { config, store };
}

/** A failure the CLI reports as one line and an exit code, without a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
