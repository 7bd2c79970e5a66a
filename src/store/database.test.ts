import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from './database.js';
import { createTestStore, DIALECTS, TEST_PG_ADMIN_URL, type TestStore } from './test-stores.js';

describe.each(DIALECTS)('store on %s', (dialect) => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.dispose();
    store = undefined;
  });

  it('migrates once and is idempotent on restart', async () => {
    store = await createTestStore(dialect);
    expect(await migrateToLatest(store)).toEqual([]);
    const again = openStore(store.url);
    expect(await migrateToLatest(again)).toEqual([]);
    await again.close();
  });

  it('rolls back a failed transaction completely', async () => {
    store = await createTestStore(dialect);
    const s = store;
    const row = (id: string) => ({
      id,
      mrn: null,
      family_name: null,
      given_name: null,
      name_text: id,
      gender: null,
      birth_date: null,
      deceased_at: null,
      phone: null,
      address_text: null,
      language: null,
      search_text: id,
      resource: '{}',
      source: 'test',
      created_at: '2024-01-01T00:00:00.000Z',
      updated_at: '2024-01-01T00:00:00.000Z',
    });
    await expect(
      s.db.transaction().execute(async (trx) => {
        await trx.insertInto('patients').values(row('a')).execute();
        await trx.insertInto('patients').values(row('a')).execute(); // duplicate key
      }),
    ).rejects.toThrow();
    const { n } = await s.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(0);
  });
});

describe('store on postgres when the server drops connections', () => {
  it('keeps the process alive and reconnects', async () => {
    const store = await createTestStore('postgres');
    try {
      await store.db.selectFrom('meta').selectAll().execute();
      const database = new URL(store.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
        database,
      ]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const rows = await store.db.selectFrom('meta').selectAll().execute();
      expect(rows).toEqual([]);
    } finally {
      await store.dispose();
    }
  });
});

describe('store on sqlite: WAL checkpoints', () => {
  it('are made by the background worker, and the WAL is truncated on close', async () => {
    const { existsSync, statSync } = await import('node:fs');
    const store = await createTestStore('sqlite');
    try {
      const file = store.url.slice('sqlite:'.length);
      for (let i = 0; i < 20; i++) {
        await store.db
          .insertInto('meta')
          .values(Array.from({ length: 100 }, (_, j) => ({ key: `k${i}-${j}`, value: 'x'.repeat(200) })))
          .execute();
      }
      const deadline = Date.now() + 5000;
      while (!(store.checkpointer?.lastReport && store.checkpointer.lastReport.checkpointed > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(store.checkpointer?.lastReport?.checkpointed).toBeGreaterThan(0);
      await store.close();
      const wal = `${file}-wal`;
      expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    } finally {
      await store.dispose().catch(() => undefined);
    }
  });
});
