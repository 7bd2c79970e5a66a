import { userInfo } from 'node:os';
import { closeServices, createLogger, createServices, type Services } from '../app/index.js';
import { type Actor, operatorActor } from '../auth/actor.js';
import { databaseUrlOf, loadConfig, type SuwenConfig } from '../config/load-config.js';
import { newId } from '../shared/ids.js';
import { openMigratedStore, type Store } from '../store/database.js';

/** What a command that only needs the database gets: the configuration and a migrated store. */
export interface CliContext {
  config: SuwenConfig;
  store: Store;
}

export async function openCliContext(): Promise<CliContext> {
  const config = loadConfig();
  const store = await openMigratedStore(databaseUrlOf(config));
  return { config, store };
}

/**
 * The operator at this shell, as the record layer and the audit log see them: `cli:<os user>`,
 * one correlation id per command run.
 */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username || name;
  } catch {
    // No passwd entry (some containers): the audit entry still says the CLI did it.
  }
  return operatorActor('cli', name, newId());
}

/**
 * Runs a command body with the composition root's services (store, audit, access door, the
 * guarded model gateway, workflows) and the CLI's actor; everything is flushed and closed after,
 * whether the body succeeds or throws.
 */
export async function withCliServices<T>(body: (services: Services, actor: Actor) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const services = await createServices(config, { entry: 'cli', logger: createLogger('silent') });
  try {
    return await body(services, cliActor());
  } finally {
    await closeServices(services);
  }
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
