import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { REPO_ROOT } from '../../shared/repo-root.js';
import type { Store } from '../../store/database.js';
import { type CreateServicesOptions, createLogger, createServices } from '../create-services.js';
import type { Services } from '../services.js';

/**
 * Test support: the composition root's services over a test store, configured as a fresh data
 * directory would be (no model unless `env` names one, demo off, silent logs). Tests call
 * workflows through these exactly as the server and the CLI do.
 */
export function createTestServices(
  store: Store,
  options: { env?: Record<string, string>; modelFetch?: typeof fetch; entry?: CreateServicesOptions['entry'] } = {},
): Promise<Services> {
  const config = loadConfig(
    { SUWEN_DATA_DIR: mkdtempSync(join(tmpdir(), 'suwen-svc-')), SUWEN_DEMO: '0', SUWEN_LOG_LEVEL: 'silent', ...options.env },
    REPO_ROOT,
  );
  return createServices(config, {
    store,
    logger: createLogger('silent'),
    entry: options.entry ?? 'worker',
    ...(options.modelFetch ? { modelFetch: options.modelFetch } : {}),
  });
}
