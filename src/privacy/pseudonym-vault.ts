import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { nowIso } from '../shared/ids.js';
import type { Store } from '../store/database.js';
import type { PseudonymEntry } from './operators/anonymize.js';
import type { PhiType } from './phi-types.js';

/**
 * Where pseudonym mappings live, so a model's answer that mentions `[姓名-1]` or a surrogate can
 * be re-identified inside the hospital. Originals are encrypted with AES-256-GCM under a key from
 * the environment (`SUWEN_VAULT_KEY`); rows are found by a keyed hash of the original, never by
 * the original itself. Without a key the vault keeps mappings in process memory only.
 */
export function parseVaultKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

export class PseudonymVault {
  /** Keys surrogates and tag hashes, derived from the vault key so they differ per deployment. */
  readonly secret: string;
  private readonly encryptionKey: Buffer | null;
  private readonly macKey: Buffer;
  private readonly memory = new Map<string, PseudonymEntry[]>();

  constructor(
    private readonly store: Store | null,
    key: Buffer | null,
  ) {
    const base = key ?? randomBytes(32);
    this.encryptionKey = key ? Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), 'suwen vault encryption', 32)) : null;
    this.macKey = Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), 'suwen vault lookup', 32));
    this.secret = Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), 'suwen surrogates', 32)).toString('hex');
  }

  /** Whether mappings survive a restart (a key is configured and a store is attached). */
  get persistent(): boolean {
    return this.encryptionKey !== null && this.store !== null;
  }

  async load(scope: string): Promise<PseudonymEntry[]> {
    if (!this.persistent || !this.store || !this.encryptionKey) return [...(this.memory.get(scope) ?? [])];
    const rows = await this.store.db.selectFrom('pseudonyms').selectAll().where('scope', '=', scope).execute();
    const key = this.encryptionKey;
    return rows.map((row) => ({ type: row.type as PhiType, original: decrypt(key, row.original_enc), replacement: row.replacement }));
  }

  async save(scope: string, entries: PseudonymEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (!this.persistent || !this.store || !this.encryptionKey) {
      this.memory.set(scope, [...(this.memory.get(scope) ?? []), ...entries]);
      return;
    }
    const key = this.encryptionKey;
    const at = nowIso();
    const rows = entries.map((e) => ({
      scope,
      type: e.type,
      original_mac: createHmac('sha256', this.macKey).update(`${e.type}\u0000${e.original}`).digest('hex'),
      original_enc: encrypt(key, e.original),
      replacement: e.replacement,
      created_at: at,
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await this.store.db
        .insertInto('pseudonyms')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.columns(['scope', 'type', 'original_mac']).doNothing())
        .execute();
    }
  }
}

function encrypt(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function decrypt(key: Buffer, packed: string): string {
  const raw = Buffer.from(packed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
