import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { startServer } from '../../server/start-server.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the API and web UI (SUWEN_PORT, SUWEN_HOST, SUWEN_DATA_DIR, SUWEN_DATABASE_URL)')
    .option('-p, --port <port>', 'port to listen on (overrides SUWEN_PORT)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, SUWEN_PORT: options.port } : process.env);
      const server = await startServer(config);
      const stop = (signal: string) => {
        server.services.logger.info({ signal }, 'shutting down');
        // Finish in-flight audit appends and close the database before exiting.
        void server.close().then(() => process.exit(0));
        setTimeout(() => process.exit(1), 10_000).unref();
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
