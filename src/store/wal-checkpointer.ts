import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Moves SQLite's WAL checkpoints off the event loop. With automatic checkpoints, the commit that
 * crosses the threshold copies the WAL into the database file and syncs it, synchronously, on the
 * main thread — a pause every few thousand audited requests that shows up as tail latency. Here the
 * main connection never checkpoints (`wal_autocheckpoint = 0`); a worker thread with its own
 * connection runs PASSIVE checkpoints (which never block writers) once a second.
 */
export interface CheckpointReport {
  /** Frames in the WAL and frames copied back, from `PRAGMA wal_checkpoint(PASSIVE)`. */
  log: number;
  checkpointed: number;
  at: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let stopped = false;
function run(mode) {
  try {
    const [row] = db.pragma('wal_checkpoint(' + mode + ')');
    parentPort.postMessage({ log: row.log, checkpointed: row.checkpointed, at: Date.now() });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.code || error) });
  }
}
const timer = setInterval(() => { if (!stopped) run('PASSIVE'); }, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    stopped = true;
    clearInterval(timer);
    run('TRUNCATE');
    db.close();
    parentPort.postMessage({ stopped: true });
  }
});
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  lastReport: CheckpointReport | null = null;

  constructor(file: string, intervalMs = 1000) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
    this.worker.on('message', (message: Partial<CheckpointReport> & { error?: string }) => {
      if (typeof message.checkpointed === 'number' && typeof message.log === 'number' && typeof message.at === 'number') {
        this.lastReport = { log: message.log, checkpointed: message.checkpointed, at: message.at };
      }
    });
    // A failing checkpointer must not take the server down: the WAL only grows until the next start.
    this.worker.on('error', (error) => process.emitWarning(`SQLite checkpoint worker stopped: ${error.name}`));
    this.worker.unref();
  }

  /** Final TRUNCATE checkpoint, then the worker ends. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, 2000);
      this.worker.on('message', (message: { stopped?: boolean }) => {
        if (message.stopped) {
          clearTimeout(timeout);
          resolve();
        }
      });
      this.worker.on('exit', () => resolve());
      this.worker.postMessage('stop');
    });
    await this.worker.terminate();
  }
}
