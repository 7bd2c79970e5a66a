/**
 * Test support: fresh, migrated stores on both backends. SQLite is a real file in a temp
 * directory; PostgreSQL is the real server (SUWEN_TEST_PG_URL, default 127.0.0.1:5432), with a
 * throwaway database per store so tests never see each other's rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DialectName, openMigratedStore, type Store } from './database.js';

export const TEST_PG_ADMIN_URL = process.env.SUWEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestStore extends Store {
  url: string;
  /** Closes the store and deletes its file or database. */
  dispose(): Promise<void>;
}

export async function createTestStore(dialect: DialectName): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'suwen-test-'));
    const url = `sqlite:${join(dir, 'suwen.sqlite')}`;
    const store = await openMigratedStore(url);
    return {
      ...store,
      url,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `suwen_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = TEST_PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
  const store = await openMigratedStore(url);
  return {
    ...store,
    url,
    dispose: async () => {
      await store.close();
      const cleanup = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Both backends, for `describe.each(DIALECTS)`. */
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];
