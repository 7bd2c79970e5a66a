import { sql } from 'kysely';
import { newId, nowIso, sha256Hex } from '../shared/ids.js';
import type { Store } from '../store/database.js';
import type { AuditRow } from '../store/schema.js';
import type { AuditEntryInput } from './audit-actions.js';

/**
 * The append-only, hash-chained audit log. Each entry's hash covers its own fields and the hash of
 * the entry before it, so altering, deleting or reordering any stored row breaks the chain from
 * that row on — `verifyAuditChain` names the first broken entry.
 *
 * Appends are group-committed: concurrent `append` calls made in the same tick are written in one
 * transaction, which keeps a busy server's audit cost low without ever answering before the entry
 * is durable.
 */

export const GENESIS_HASH = '0'.repeat(64);

export type { AuditEntryInput, AuditOutcome } from './audit-actions.js';

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  outcome: string;
  sourceIp: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

type Unhashed = Omit<AuditRow, 'hash'>;

/** The exact bytes that are hashed: fixed field order, so verification is reproducible. */
export function hashAuditRow(row: Unhashed): string {
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.actor_id,
    row.actor_role,
    row.action,
    row.entity_type,
    row.entity_id,
    row.patient_id,
    row.outcome,
    row.source_ip,
    row.request_id,
    row.details,
    row.prev_hash,
  ]);
  return sha256Hex(canonical);
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    patientId: row.patient_id,
    outcome: row.outcome,
    sourceIp: row.source_ip,
    requestId: row.request_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

interface Pending {
  input: AuditEntryInput;
  resolve: (entry: AuditEntry) => void;
  reject: (error: unknown) => void;
}

// Arbitrary constant naming Suwen's audit chain lock in PostgreSQL's advisory-lock space.
const PG_AUDIT_LOCK_KEY = 7_807_263_001;
const INSERT_CHUNK = 100;

export class AuditLog {
  private readonly store: Store;
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(store: Store) {
    this.store = store;
  }

  /** Appends one entry; resolves once it is committed. */
  append(input: AuditEntryInput): Promise<AuditEntry> {
    return new Promise<AuditEntry>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.flushing ??= this.drain();
    });
  }

  /** Resolves when everything appended so far is committed. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async drain(): Promise<void> {
    // Let every append made in this tick join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          const entries = await this.writeWithRetry(batch.map((p) => p.input));
          for (const [i, p] of batch.entries()) p.resolve(entries[i] as AuditEntry);
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /**
   * Another process (a CLI next to the server on one SQLite file) may append between our read of
   * the chain head and our insert; the sequence key then refuses our rows and we simply retry.
   */
  private async writeWithRetry(inputs: AuditEntryInput[]): Promise<AuditEntry[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeBatch(inputs);
      } catch (error) {
        const message = error instanceof Error ? error.message : '';
        const contended =
          /SQLITE_BUSY|database is locked|UNIQUE constraint|duplicate key/i.test(message) ||
          (error as { code?: string }).code === 'SQLITE_BUSY';
        if (!contended || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
      }
    }
  }

  private async writeBatch(inputs: AuditEntryInput[]): Promise<AuditEntry[]> {
    return this.store.db.transaction().execute(async (trx) => {
      if (this.store.dialect === 'postgres') {
        // Replicas share one chain: serialise appends across processes for this transaction.
        await sql`select pg_advisory_xact_lock(${PG_AUDIT_LOCK_KEY})`.execute(trx);
      }
      const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      let seq = last ? Number(last.seq) : 0;
      let prevHash = last?.hash ?? GENESIS_HASH;
      const at = nowIso();
      const rows: AuditRow[] = inputs.map((input) => {
        seq += 1;
        const unhashed: Unhashed = {
          seq,
          id: newId(),
          at,
          actor_id: input.actorId ?? null,
          actor_role: input.actorRole ?? null,
          action: input.action,
          entity_type: input.entityType ?? null,
          entity_id: input.entityId ?? null,
          patient_id: input.patientId ?? null,
          outcome: input.outcome ?? 'success',
          source_ip: input.sourceIp ?? null,
          request_id: input.requestId ?? null,
          details: JSON.stringify(input.details ?? {}),
          prev_hash: prevHash,
        };
        const row = { ...unhashed, hash: hashAuditRow(unhashed) };
        prevHash = row.hash;
        return row;
      });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('audit_log')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .execute();
      }
      return rows.map(toAuditEntry);
    });
  }
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; id: string; reason: string } | null;
}

/** Walks the whole chain in order, recomputing every hash. Reads in pages to bound memory. */
export async function verifyAuditChain(store: Store, pageSize = 5000): Promise<ChainVerification> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const broken = (reason: string): ChainVerification => ({ ok: false, checked, firstBroken: { seq, id: row.id, reason } });
      if (seq !== expectedSeq) return broken(`sequence gap: expected entry ${expectedSeq}, found ${seq} (entries removed?)`);
      if (row.prev_hash !== expectedPrev) return broken('previous-hash link does not match the entry before it');
      if (hashAuditRow(row) !== row.hash) return broken('entry content does not match its hash (altered after it was written)');
      expectedPrev = row.hash;
      expectedSeq += 1;
      checked += 1;
      after = seq;
    }
    if (rows.length < pageSize) return { ok: true, checked, firstBroken: null };
  }
}
