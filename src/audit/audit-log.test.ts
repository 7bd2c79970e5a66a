import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../store/test-stores.js';
import { AuditLog, GENESIS_HASH, verifyAuditChain } from './audit-log.js';

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  let store: TestStore;
  let audit: AuditLog;

  beforeEach(async () => {
    store = await createTestStore(dialect);
    audit = new AuditLog(store);
  });
  afterEach(async () => {
    await store.dispose();
  });

  it('verifies an empty chain', async () => {
    expect(await verifyAuditChain(store)).toEqual({ ok: true, checked: 0, firstBroken: null });
  });

  it('chains each entry to the one before it, starting from the genesis hash', async () => {
    const first = await audit.append({ action: 'patient.read', actorId: 'u1', patientId: 'p1' });
    const second = await audit.append({ action: 'patient.read', actorId: 'u1', patientId: 'p2' });
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, checked: 2 });
  });

  it('group-commits concurrent appends in order without gaps', async () => {
    const entries = await Promise.all(Array.from({ length: 250 }, (_, i) => audit.append({ action: 'model.call', details: { i } })));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(await verifyAuditChain(store, 64)).toMatchObject({ ok: true, checked: 250 });
  });

  it('keeps one chain when two writers (two replicas) append at once', async () => {
    const other = new AuditLog(store);
    await Promise.all([
      ...Array.from({ length: 40 }, () => audit.append({ action: 'patient.read' })),
      ...Array.from({ length: 40 }, () => other.append({ action: 'document.read' })),
    ]);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, checked: 80 });
  });

  it('names the first altered entry', async () => {
    for (let i = 0; i < 10; i++) await audit.append({ action: 'patient.read', patientId: `p${i}` });
    await sql`update audit_log set patient_id = 'someone-else' where seq = 4`.execute(store.db);
    const result = await verifyAuditChain(store);
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(3);
    expect(result.firstBroken).toMatchObject({ seq: 4, reason: expect.stringContaining('altered') });
  });

  it('notices a deleted entry and a re-hashed forgery', async () => {
    for (let i = 0; i < 5; i++) await audit.append({ action: 'system.start' });
    await sql`delete from audit_log where seq = 2`.execute(store.db);
    expect((await verifyAuditChain(store)).firstBroken).toMatchObject({ seq: 3, reason: expect.stringContaining('gap') });
  });

  it('refuses a forged entry whose hash was recomputed but whose successor still points at the original', async () => {
    for (let i = 0; i < 5; i++) await audit.append({ action: 'system.start' });
    const row = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const { hashAuditRow } = await import('./audit-log.js');
    const forged = { ...row, action: 'forged' };
    await store.db
      .updateTable('audit_log')
      .set({ action: 'forged', hash: hashAuditRow(forged) })
      .where('seq', '=', 2)
      .execute();
    expect((await verifyAuditChain(store)).firstBroken).toMatchObject({ seq: 3, reason: expect.stringContaining('previous-hash') });
  });
});
