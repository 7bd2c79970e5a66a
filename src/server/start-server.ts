import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { closeServices, createServices, REPO_ROOT, type Services } from '../app/index.js';
import { auditEvent } from '../audit/audit-actions.js';
import { operatorActor } from '../auth/actor.js';
import type { SuwenConfig } from '../config/load-config.js';
import { seedDemo } from '../demo/seed-demo.js';
import { warmKnowledgeSearch } from '../engines/knowledge-engines.js';
import { SUWEN_VERSION } from '../shared/version.js';
import { createApp } from './app.js';

export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** Opens the store (migrating it), seeds demo mode, and listens. */
export async function startServer(config: SuwenConfig, out: (line: string) => void = console.log): Promise<RunningServer> {
  const services = await createServices(config);
  const { logger, store } = services;
  if (services.demo) {
    const started = performance.now();
    const seeded = await seedDemo(services, REPO_ROOT);
    if (seeded.loaded) logger.info({ ms: Math.round(performance.now() - started) }, 'demo data loaded');
    out('');
    out('  Suwen is in DEMO mode (synthetic patients; SUWEN_DEMO=0 turns it off). Demo accounts / 演示账号:');
    for (const account of seeded.accounts) out(`    ${account.role.padEnd(10)} ${account.username.padEnd(16)} ${account.password}`);
  }
  const app = createApp(services, { webDir: join(REPO_ROOT, 'web/dist') });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  out(
    `  Suwen ${SUWEN_VERSION} — ${url}  (database: ${store.dialect}${store.dialect === 'sqlite' ? ` ${store.displayUrl.slice(7)}` : ''})`,
  );
  const { knowledge } = services; // the core store is read here, so a missing build fails at start, not at the first check
  logger.info({ version: knowledge.kb.version, ms: Math.round(knowledge.loadMs.read + knowledge.loadMs.index) }, 'knowledge base loaded');
  warmKnowledgeSearch();
  // The paging webhook's outbox: deliveries left over from before a restart go out now, retries on a timer.
  services.alerts.start();
  await services.audit.append(
    auditEvent(operatorActor('system', 'server'), 'system.start', { details: { version: SUWEN_VERSION, database: store.dialect } }),
  );
  return {
    url,
    services,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeServices(services);
    },
  };
}
