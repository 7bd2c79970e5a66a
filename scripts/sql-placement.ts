/**
 * Where SQL may be written: the owners in scripts/architecture-rules.json (`sql.owners`) —
 * src/record (the patient record), src/store (everything else), and the modules that own their
 * tables (src/audit, src/auth, the pseudonym vault). This finds every Kysely statement
 * (`selectFrom`, `insertInto`, `updateTable`, `deleteFrom`, `replaceInto`, `mergeInto`) and every
 * `sql` template in a non-test file under src/ outside them. `npm run check:architecture` fails on
 * any (scripts/check-architecture.ts), and so does src/store/sql-placement.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rules from './architecture-rules.json' with { type: 'json' };

/** Folders (and single files) that may hold SQL, relative to the repository root. */
export const SQL_OWNERS: readonly string[] = rules.sql.owners;
export const SQL_OWNERS_WHY: string = rules.sql.why;

export interface SqlStatement {
  file: string;
  line: number;
  /** `selectFrom('patients')`, `sql template`, … */
  statement: string;
}

// A statement starts at a method call `.selectFrom(` (possibly on the line after `db`), at a `sql`
// tagged template (`sql\`…\``, `sql<T>\`…\``) or at `sql.raw(`.
const STATEMENT =
  /\.\s*(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(\s*('[^']*'|"[^"]*")?|\bsql\s*(?:<[^>`]*>)?\s*`|\bsql\.raw\s*\(/g;

const TEST_FILE = /\.test\.tsx?$/;

const isOwned = (file: string) => SQL_OWNERS.some((owner) => file === owner || file.startsWith(`${owner}/`));

function sourceFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!file.includes('node_modules/')) files.push(file);
  }
  return files.sort();
}

/** The SQL statements in one file's text, with 1-based line numbers. */
export function sqlStatementsIn(file: string, text: string): SqlStatement[] {
  const found: SqlStatement[] = [];
  for (const match of text.matchAll(STATEMENT)) {
    const line = text.slice(0, match.index).split('\n').length;
    const statement = match[1] ? `${match[1]}(${match[2] ?? ''})` : 'sql template';
    found.push({ file, line, statement });
  }
  return found;
}

/** Every SQL statement in non-test files under `src/` outside the owners in `SQL_OWNERS`. */
export function findSqlOutsideOwners(root: string): SqlStatement[] {
  return sourceFiles(root, 'src')
    .filter((file) => !TEST_FILE.test(file) && !isOwned(file))
    .flatMap((file) => sqlStatementsIn(file, readFileSync(path.join(root, file), 'utf8')));
}
