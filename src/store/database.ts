import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import * as initial from './migrations/0001-initial.js';
import * as chartIndexes from './migrations/0002-chart-indexes.js';
import * as artifactPromptHash from './migrations/0003-artifact-prompt-hash.js';
import * as pseudonymVault from './migrations/0004-pseudonym-vault.js';
import * as patientConsent from './migrations/0005-patient-consent.js';
import * as intakeSessions from './migrations/0006-intake-sessions.js';
import * as emergencyAlerts from './migrations/0007-emergency-alerts.js';
import type { Database } from './schema.js';
import { WalCheckpointer } from './wal-checkpointer.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open store: one Kysely query layer over SQLite or PostgreSQL. */
export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The URL with any password removed, safe to print. */
  displayUrl: string;
  /** SQLite only: the background WAL checkpointer. */
  checkpointer: WalCheckpointer | null;
  close(): Promise<void>;
}

// PostgreSQL returns int8 and numeric as strings; Suwen's counts and sequence numbers fit a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/** Migrations in order. Add a file, add it here; names are sorted by Kysely. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-chart-indexes': chartIndexes,
  '0003-artifact-prompt-hash': artifactPromptHash,
  '0004-pseudonym-vault': pseudonymVault,
  '0005-patient-consent': patientConsent,
  '0006-intake-sessions': intakeSessions,
  '0007-emergency-alerts': emergencyAlerts,
};

const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

/**
 * Kysely prepares every query anew; on a hot path (chart reads, audit appends) compiling the same
 * SQL thousands of times a second is a measurable share of the work. Statements are reused by SQL
 * text. Safe because Kysely's SQLite driver runs one query at a time on its single connection and
 * Suwen does not stream (iterate) results.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    let statement = cache.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (cache.size >= 1000) cache.clear();
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function openStore(url: string): Store {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SqliteDatabase(file);
    // WAL lets readers proceed during a write; NORMAL sync is durable across process crashes in WAL mode.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const checkpointer = file === ':memory:' ? null : new WalCheckpointer(file);
    if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return {
      db,
      dialect: 'sqlite',
      displayUrl: url,
      checkpointer,
      close: async () => {
        await db.destroy();
        await checkpointer?.stop();
      },
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection that the server drops (restart, failover, admin command) emits 'error' on
    // the pool; unhandled, that would end the process. The pool replaces the connection by itself.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL connection lost (${(error as { code?: string }).code ?? error.name}); it will be replaced`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      displayUrl: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      checkpointer: null,
      close: () => db.destroy(),
    };
  }
  throw new Error(`Unsupported database URL (expected sqlite:<file> or postgres://…): ${url.split(':')[0]}:…`);
}

/** Brings the schema up to date; runs on every start. Returns the names of migrations applied now. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`Migration failed: ${JSON.stringify(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function openMigratedStore(url: string): Promise<Store> {
  const store = openStore(url);
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
