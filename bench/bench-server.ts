/**
 * The server under test for bench/server-bench.ts, in its own process so the load generator
 * does not share its event loop. Prints one JSON line ({url, token, patientId}) when ready.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { createLogger, createServices, REPO_ROOT } from '../src/app/index.js';
import { loadConfig } from '../src/config/load-config.js';
import { importFhir } from '../src/record/fhir/import-fhir.js';
import { createApp } from '../src/server/app.js';
import { defineRoute } from '../src/server/route.js';
import { createTestStore } from '../src/store/test-stores.js';

const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const chartCache = process.argv[3] !== 'nocache';
const store = await createTestStore(dialect);
const config = loadConfig(
  { SUWEN_DATA_DIR: mkdtempSync(join(tmpdir(), 'suwen-bench-')), SUWEN_DEMO: '0', SUWEN_LOG_LEVEL: 'silent' },
  REPO_ROOT,
);
const services = await createServices(config, { logger: createLogger('silent'), store, chartCache, entry: 'bench' });
await importFhir(store, [join(REPO_ROOT, 'data/demo/synthea-10'), join(REPO_ROOT, 'data/demo/observations')]);
const user = await services.auth.createUser({ username: 'bench-clinician', role: 'clinician', password: 'bench password 1' });
const { token } = await services.auth.createApiToken(user.id, 'bench');
// The chart of the patient with the most encounters: the heaviest chart in the demo set.
const heaviest = await store.db
  .selectFrom('encounters')
  .select(['patient_id', (eb) => eb.fn.countAll<number>().as('n')])
  .groupBy('patient_id')
  .orderBy('n', 'desc')
  .limit(1)
  .executeTakeFirstOrThrow();

const patientIds = (await store.db.selectFrom('patients').select('id').execute()).map((r) => r.id);

const hello = defineRoute({
  method: 'get',
  path: '/bench/hello',
  summary: 'Benchmark baseline: the same middleware stack, no database work',
  tag: 'bench',
  permission: null,
  response: z.object({ hello: z.string() }),
  handler: (c) => c.json({ hello: 'world' }),
});
const app = createApp(services, { extraRoutes: [hello] });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${info.port}`, token, patientId: heaviest.patient_id, encounters: Number(heaviest.n), patientIds })}\n`,
  );
});

const shutdown = async () => {
  server.close();
  await services.audit.flush();
  const { n } = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  process.stderr.write(`audit entries written during the run: ${Number(n)}\n`);
  await store.dispose();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
