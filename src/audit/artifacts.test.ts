import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../store/test-stores.js';
import { ArtifactService, type NewArtifact } from './artifacts.js';

const DRAFT: NewArtifact = {
  kind: 'triage-note',
  workflow: 'external',
  input: {},
  content: { text: 'Possible stroke' },
  guardrails: [{ code: 'red-flag:stroke-signs', severity: 'critical', message: 'Stroke signs' }],
};

describe.each(DIALECTS)('artifact drafts on %s', (dialect) => {
  let store: TestStore;
  let artifacts: ArtifactService;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    artifacts = new ArtifactService(store);
  });
  afterEach(async () => {
    await store.dispose();
  });

  it('commits what must exist with a draft in the same transaction, and neither when that fails', async () => {
    const seen: string[] = [];
    const kept = await artifacts.create(DRAFT, null, async (trxStore, created) => {
      // Inside the transaction the draft is already visible through the transaction's store.
      const row = await trxStore.db.selectFrom('artifacts').select('id').where('id', '=', created.id).executeTakeFirst();
      seen.push(row?.id ?? 'missing');
    });
    expect(seen).toEqual([kept.id]);
    expect(kept.createdAt).toBeTruthy();

    await expect(
      artifacts.create({ ...DRAFT, content: { text: 'second' } }, null, async () => {
        throw new Error('alert table unavailable');
      }),
    ).rejects.toThrow('alert table unavailable');
    const rows = await store.db.selectFrom('artifacts').select('id').execute();
    expect(rows.map((row) => row.id)).toEqual([kept.id]);
  });
});
