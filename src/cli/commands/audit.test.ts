import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/database.js';
import { runCli } from '../testing/run-cli.js';

describe('suwen user add / audit verify', () => {
  it('passes on a fresh database and names the entry after a stored row is altered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suwen-cli-'));
    const env = { SUWEN_DATA_DIR: dataDir, SUWEN_DEMO: '0' };

    const fresh = await runCli(['audit', 'verify'], env);
    expect(fresh.stderr).toBe('');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/audit chain OK: 0 entries/);

    const short = await runCli(['user', 'add', 'ward-admin', '--role', 'admin'], env, 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 10 characters/);
    const badRole = await runCli(['user', 'add', 'x1', '--role', 'surgeon'], env, 'long enough password\n');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/unknown role "surgeon"/);

    for (const name of ['ward-admin', 'dr-li', 'dr-wang']) {
      const added = await runCli(
        ['user', 'add', name, '--role', name === 'ward-admin' ? 'admin' : 'clinician'],
        env,
        'a long enough password\n',
      );
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(new RegExp(`created .* ${name}`));
    }
    const duplicate = await runCli(['user', 'add', 'dr-li', '--role', 'clinician'], env, 'a long enough password\n');
    expect(duplicate.code).toBe(2);

    const intact = await runCli(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/audit chain OK: 3 entries verified/);

    const store = openStore(`sqlite:${join(dataDir, 'suwen.sqlite')}`);
    await sql`update audit_log set details = '{"role":"admin"}' where seq = 2`.execute(store.db);
    await store.close();

    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/audit chain BROKEN at entry 2 \(id [0-9a-f-]{36}\): entry content does not match its hash/);
  }, 90_000); // nine CLI processes; slow when the whole suite shares two cores

  it('reports configuration problems by name with exit code 78', async () => {
    const result = await runCli(['audit', 'verify'], { SUWEN_PORT: 'x', SUWEN_DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/SUWEN_PORT/);
    expect(result.stderr).toMatch(/SUWEN_DATABASE_URL/);
  });
});
