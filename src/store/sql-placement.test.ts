import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSqlOutsideOwners, SQL_OWNERS, sqlStatementsIn } from '../../scripts/sql-placement.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('SQL placement (scripts/sql-placement.ts, part of npm run check:architecture)', () => {
  it('finds no SQL in workflows, routes, the server, the CLI or the demo', () => {
    const found = findSqlOutsideOwners(ROOT).map((s) => `${s.file}:${s.line} ${s.statement}`);
    expect(found, `move these queries into a named function under ${SQL_OWNERS.join(', ')}`).toEqual([]);
  });

  it('counts Kysely statements, split over lines, and sql templates', () => {
    const text = [
      "const a = await db.selectFrom('patients').selectAll().execute();",
      'const b = await store.db',
      "  .insertInto('meta')",
      '  .values(row);',
      'await sql<number>`select 1`.execute(db);',
      'await sql`delete from meta`.execute(db); db.updateTable(\'users\'); db.deleteFrom("sessions");',
    ].join('\n');
    expect(sqlStatementsIn('x.ts', text).map((s) => `${s.line} ${s.statement}`)).toEqual([
      "1 selectFrom('patients')",
      "3 insertInto('meta')",
      '5 sql template',
      '6 sql template',
      "6 updateTable('users')",
      '6 deleteFrom("sessions")',
    ]);
  });

  it('ignores names that only look like statements', () => {
    expect(sqlStatementsIn('x.ts', 'const selectFromList = 1; const mysql = `x`; send("sql");')).toEqual([]);
  });
});
