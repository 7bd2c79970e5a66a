import { demoAccountsSchema, healthSchema } from '../../api/health.js';
import { readDemoAccounts } from '../../demo/demo-accounts.js';
import { SUWEN_VERSION } from '../../shared/version.js';
import { pingDatabase } from '../../store/health.js';
import { defineRoute } from '../route.js';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    summary: 'Liveness and readiness: the database answers',
    tag: 'system',
    permission: null,
    response: healthSchema,
    handler: async (c, _input, { store, demo }) => {
      await pingDatabase(store);
      return c.json({ status: 'ok', version: SUWEN_VERSION, database: store.dialect, demo, time: new Date().toISOString() });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/demo',
    summary: 'Demo accounts (only in demo mode), shown on the login page',
    tag: 'system',
    permission: null,
    response: demoAccountsSchema,
    handler: async (c, _input, { store, demo }) => c.json({ demo, accounts: demo ? await readDemoAccounts(store) : [] }),
  }),
];
