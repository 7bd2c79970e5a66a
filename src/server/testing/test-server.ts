/**
 * Test support: a real Suwen server on a loopback socket over a real database (SQLite file or
 * PostgreSQL), with one user per role and two patients from the demo set.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createLogger, createServices, REPO_ROOT, type Services } from '../../app/index.js';
import type { Role } from '../../auth/roles.js';
import { loadConfig } from '../../config/load-config.js';
import { importFhir } from '../../record/fhir/import-fhir.js';
import { listPatientIdsByName } from '../../record/patient-lookups.js';
import type { DialectName } from '../../store/database.js';
import { createTestStore, type TestStore } from '../../store/test-stores.js';
import { type AppOptions, createApp } from '../app.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestServer {
  url: string;
  services: Services;
  store: TestStore;
  patientIds: string[];
  /** Signs in as a role's test user; returns the session cookie header value. */
  login(role: Role): Promise<string>;
  /** fetch against the server, with an optional cookie and JSON body. */
  request(path: string, init?: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  dialect: DialectName,
  options: AppOptions & { withPatients?: boolean; logger?: Logger; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const store = await createTestStore(dialect);
  const config = loadConfig(
    { SUWEN_DATA_DIR: mkdtempSync(join(tmpdir(), 'suwen-srv-')), SUWEN_DEMO: '0', SUWEN_LOG_LEVEL: 'silent', ...options.env },
    REPO_ROOT,
  );
  const services = await createServices(config, { logger: options.logger ?? createLogger('silent'), store });
  let patientIds: string[] = [];
  if (options.withPatients !== false) {
    await importFhir(store, [join(REPO_ROOT, 'data/demo/synthea-10'), join(REPO_ROOT, 'data/demo/observations')]);
    patientIds = await listPatientIdsByName(store);
  }
  for (const role of ['admin', 'clinician', 'researcher', 'educator', 'patient'] as const) {
    if (role === 'patient' && patientIds.length === 0) continue;
    await services.auth.createUser({
      username: `test-${role}`,
      role,
      password: TEST_PASSWORD,
      patientId: role === 'patient' ? (patientIds[0] ?? null) : null,
    });
  }
  const app = createApp(services, options);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const request: TestServer['request'] = (path, init = {}) =>
    fetch(url + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  return {
    url,
    services,
    store,
    patientIds,
    request,
    async login(role) {
      const response = await request('/api/v1/auth/login', { body: { username: `test-${role}`, password: TEST_PASSWORD } });
      if (response.status !== 200) throw new Error(`login as ${role} failed: ${response.status}`);
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('no session cookie');
      return cookie;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.audit.flush();
      await store.dispose();
    },
  };
}
