import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../store/test-stores.js';
import { PseudonymVault } from './pseudonym-vault.js';

describe.each(DIALECTS)('pseudonym vault on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
  });
  afterEach(async () => {
    await store.dispose();
  });

  it('stores originals encrypted and returns them for the scope', async () => {
    const key = randomBytes(32);
    const vault = new PseudonymVault(store, key);
    await vault.save('patient:p1', [
      { type: 'NAME', original: '张三', replacement: '[姓名-1]' },
      { type: 'PHONE', original: '13812345678', replacement: '[电话-1]' },
    ]);
    await vault.save('patient:p1', [{ type: 'NAME', original: '张三', replacement: '[姓名-9]' }]); // first mapping wins
    const rows = await store.db.selectFrom('pseudonyms').selectAll().execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.original_enc).not.toContain('张三');
      expect(Buffer.from(row.original_enc, 'base64').toString('utf8')).not.toContain('13812345678');
    }
    const again = new PseudonymVault(store, key);
    const entries = await again.load('patient:p1');
    expect(entries).toEqual(expect.arrayContaining([{ type: 'NAME', original: '张三', replacement: '[姓名-1]' }]));
    expect(await again.load('patient:p2')).toEqual([]);
  });

  it('cannot read the originals with another key', async () => {
    await new PseudonymVault(store, randomBytes(32)).save('s', [{ type: 'NAME', original: 'John Smith', replacement: '[NAME-1]' }]);
    await expect(new PseudonymVault(store, randomBytes(32)).load('s')).rejects.toThrow();
  });

  it('keeps mappings in memory only when no key is configured', async () => {
    const vault = new PseudonymVault(store, null);
    expect(vault.persistent).toBe(false);
    await vault.save('s', [{ type: 'NAME', original: 'x', replacement: '[NAME-1]' }]);
    expect(await vault.load('s')).toHaveLength(1);
    expect(await store.db.selectFrom('pseudonyms').selectAll().execute()).toHaveLength(0);
  });
});
