/**
 * The architecture check (`npm run check:architecture`, part of `npm test`).
 *
 * Cruises src/, evals/, bench/ and web/src with dependency-cruiser (TypeScript resolution, type-only
 * imports included: a type import is still a dependency between layers) and fails on
 *  - an import that breaks a layer rule or reaches past a folder's face (scripts/architecture-rules.json,
 *    the same table eslint.config.mjs turns into per-line lint errors);
 *  - a cycle between folders: src/<top> each one node, src/engines/<x>, src/workflows/<x> and
 *    evals/<x> each their own node (strongly connected components of that graph);
 *  - a cycle between modules;
 *  - a relative import that resolves to no file (it would hide any of the above);
 *  - SQL outside the modules that own the tables (scripts/sql-placement.ts, `sql.owners` in the rules).
 *
 *   tsx scripts/check-architecture.ts                 check this checkout, exit 1 on any problem
 *   tsx scripts/check-architecture.ts --report        print figures (and the problems); exit 0
 *   tsx scripts/check-architecture.ts --root <dir>    check another checkout with this one's tools
 *
 * --report adds figures no rule enforces: SQL statements outside src/record and src/store (the
 * owners above also include src/audit, src/auth and the vault), and the size of route handlers in
 * src/server/routes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import ts from 'typescript';
import rules from './architecture-rules.json' with { type: 'json' };
import { findSqlOutsideOwners, SQL_OWNERS, SQL_OWNERS_WHY, sqlStatementsIn } from './sql-placement.js';

interface LayerRule {
  name: string;
  from: string[];
  except?: string[];
  forbid: string[];
  allow?: string[];
  why: string;
}

interface FaceRule {
  name: string;
  folders: string;
  faces?: string[];
  why: string;
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

interface Violation {
  rule: string;
  from: string;
  to: string;
  why: string;
}

const CRUISED = ['src', 'evals', 'bench', 'web/src'];
const TEST_FILE = /\.test\.tsx?$/;

const under = (file: string, folder: string) => folder === '.' || file === folder || file.startsWith(`${folder}/`);

/** The folder a module counts under when folding the graph: src/<top>, with engines, workflows and evals one level deeper. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  const [top, second] = parts;
  if (top === 'src' && parts.length > 2) {
    if ((second === 'engines' || second === 'workflows') && parts.length > 3) return parts.slice(0, 3).join('/');
    return `src/${second}`;
  }
  if (top === 'evals' && parts.length > 2) return parts.slice(0, 2).join('/');
  if (top === 'web') return 'web';
  return parts.length > 1 ? (top ?? file) : '.';
}

/** Every folder a face rule names: `src/engines/*` becomes each subfolder of src/engines in this checkout. */
function faceFolders(root: string, face: FaceRule): string[] {
  if (!face.folders.endsWith('/*')) return [face.folders];
  const parent = face.folders.slice(0, -2);
  const dir = path.join(root, parent);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .map((name) => `${parent}/${name}`);
}

export function layerViolations(edges: Edge[], root: string): Violation[] {
  const layers = rules.layers as LayerRule[];
  const faces = (rules.faces as FaceRule[]).flatMap((face) =>
    faceFolders(root, face).map((folder) => ({
      ...face,
      folder,
      entries: ['index.ts', 'index.tsx', ...(face.faces ?? [])].map((entry) => `${folder}/${entry}`),
    })),
  );
  const found: Violation[] = [];
  for (const { from, to } of edges) {
    for (const rule of layers) {
      if (!rule.from.some((f) => under(from, f)) || rule.except?.some((f) => under(from, f))) continue;
      if (!rule.forbid.some((f) => under(to, f)) || rule.allow?.some((f) => under(to, f))) continue;
      found.push({ rule: rule.name, from, to, why: rule.why });
    }
    for (const face of faces) {
      if (!under(to, face.folder) || under(from, face.folder) || face.entries.includes(to)) continue;
      found.push({ rule: face.name, from, to, why: `${face.why} (import ${face.folder}/index.ts)` });
    }
  }
  return found;
}

/** Strongly connected components with more than one node (or a node that reaches itself), Tarjan's algorithm. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (start: string) => {
    // Iterative, so a long import chain cannot overflow the call stack.
    const work: { node: string; next: Iterator<string> }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: (graph.get(node) ?? new Set()).values() });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      const step = frame.next.next();
      if (!step.done) {
        const target = step.value;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && graph.get(frame.node)?.has(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
}

function graphOf(edges: Edge[], nodeOf: (file: string) => string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = nodeOf(from);
    const b = nodeOf(to);
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    if (a !== b || from === to) graph.get(a)?.add(b);
  }
  return graph;
}

/** The imports that make one folder cycle: every edge between two of its folders, as `a → b (module → module)`. */
function cycleEdges(component: string[], edges: Edge[]): string[] {
  const members = new Set(component);
  const lines = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b || !members.has(a) || !members.has(b)) continue;
    const key = `${a} → ${b}`;
    lines.set(key, [...(lines.get(key) ?? []), `${from} → ${to}`]);
  }
  return [...lines]
    .sort()
    .map(([key, examples]) => `${key}: ${examples.slice(0, 3).join(', ')}${examples.length > 3 ? ` (+${examples.length - 3})` : ''}`);
}

async function importGraph(root: string): Promise<{ edges: Edge[]; unresolved: string[] }> {
  const roots = CRUISED.filter((dir) => existsSync(path.join(root, dir)));
  const result = await cruise(
    roots,
    {
      baseDir: root,
      tsPreCompilationDeps: true,
      exclude: { path: '(^|/)node_modules/|^web/dist/|^bench/results/|^bench/deid/' },
      doNotFollow: { path: 'node_modules' },
      tsConfig: { fileName: 'tsconfig.json' },
    },
    { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    { tsConfig: undefined },
  );
  const output = result.output as ICruiseResult;
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const module of output.modules) {
    if (module.coreModule || module.source.includes('node_modules/')) continue;
    for (const dep of module.dependencies) {
      if (dep.coreModule || dep.resolved.includes('node_modules/')) continue;
      if (dep.couldNotResolve) {
        if (dep.module.startsWith('.')) unresolved.push(`${module.source} → ${dep.module}`);
        continue;
      }
      if (!/\.(ts|tsx|mts|js|mjs)$/.test(dep.resolved)) continue; // JSON data is not a dependency between layers
      edges.push({ from: module.source, to: dep.resolved, typeOnly: dep.dependencyTypes.includes('type-only') });
    }
  }
  return { edges, unresolved };
}

/** Kysely statements and sql`…` templates in non-test src/ files outside src/record and src/store. */
function sqlOutsideRecordAndStore(root: string): ReturnType<typeof sqlStatementsIn> {
  const dir = path.join(root, 'src');
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !TEST_FILE.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !under(file, 'src/record') && !under(file, 'src/store'))
    .sort()
    .flatMap((file) => sqlStatementsIn(file, readFileSync(path.join(root, file), 'utf8')));
}

/** Lines of every `handler:` property in src/server/routes/*.ts (tests aside). */
function routeHandlerSizes(root: string): { file: string; line: number; lines: number }[] {
  const sizes: { file: string; line: number; lines: number }[] = [];
  const dir = path.join(root, 'src/server/routes');
  if (!existsSync(dir)) return sizes;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.ts') || TEST_FILE.test(name)) continue;
    const file = `src/server/routes/${name}`;
    const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if ((ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node)) && node.name.getText(source) === 'handler') {
        const body = ts.isPropertyAssignment(node) ? node.initializer : node;
        const start = source.getLineAndCharacterOfPosition(body.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(body.getEnd()).line;
        sizes.push({ file, line: start + 1, lines: end - start + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sizes;
}

function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { report: { type: 'boolean', default: false }, root: { type: 'string' } } });
  const root = path.resolve(values.root ?? path.join(import.meta.dirname, '..'));
  if (!existsSync(path.join(root, 'tsconfig.json'))) throw new Error(`${root} has no tsconfig.json`);
  const { edges, unresolved } = await importGraph(root);
  const violations = layerViolations(edges, root);
  const folderCycles = cycles(graphOf(edges, folderOf));
  const moduleCycles = cycles(graphOf(edges, (file) => file));
  const sql = findSqlOutsideOwners(root);

  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push('', title, ...lines.map((line) => `  ${line}`));
  };
  section(
    `Imports that break a layer rule or pass a face (${violations.length}):`,
    violations.map((v) => `[${v.rule}] ${v.from} → ${v.to}`),
  );
  section(
    `Folder cycles (${folderCycles.length}):`,
    folderCycles.flatMap((c, i) => [`#${i + 1} ${c.join(' ⇄ ')}`, ...cycleEdges(c, edges).map((line) => `    ${line}`)]),
  );
  section(
    `Module cycles (${moduleCycles.length}):`,
    moduleCycles.map((c) => c.join(' ⇄ ')),
  );
  section(`Relative imports that resolve to no file (${unresolved.length}):`, unresolved);
  section(
    `SQL outside ${SQL_OWNERS.join(', ')} (${sql.length}): ${SQL_OWNERS_WHY}`,
    sql.map((s) => `${s.file}:${s.line}  ${s.statement}`),
  );

  if (values.report) {
    const sqlOutside = sqlOutsideRecordAndStore(root);
    section(
      'SQL outside src/record and src/store, by file:',
      countBy(sqlOutside, (s) => s.file).map(([file, n]) => `${String(n).padStart(4)}  ${file}`),
    );
    const handlers = routeHandlerSizes(root);
    const handlerLines = handlers.map((h) => h.lines);
    const largest = [...handlers].sort((a, b) => b.lines - a.lines)[0];
    const mean = handlerLines.length ? handlerLines.reduce((a, b) => a + b, 0) / handlerLines.length : 0;
    const figures = [
      `root                                   ${root}`,
      `modules cruised                        ${new Set(edges.flatMap((e) => [e.from, e.to])).size} (${CRUISED.join(', ')})`,
      `imports breaking a layer/face rule     ${violations.length}${
        violations.length
          ? `  (${countBy(violations, (v) => v.rule)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')})`
          : ''
      }`,
      `  of which layer rules                 ${violations.filter((v) => !v.rule.endsWith('-face')).length}`,
      `  of which deep imports past a face    ${violations.filter((v) => v.rule.endsWith('-face')).length}`,
      `folder cycles (SCCs)                   ${folderCycles.length}${folderCycles.length ? `  (folders in them: ${folderCycles.reduce((n, c) => n + c.length, 0)})` : ''}`,
      `module cycles (SCCs)                   ${moduleCycles.length}${moduleCycles.length ? `  (modules in them: ${moduleCycles.reduce((n, c) => n + c.length, 0)})` : ''}`,
      `SQL outside src/record, src/store      ${sqlOutside.length} in ${new Set(sqlOutside.map((s) => s.file)).size} files`,
      `SQL outside its owners (enforced)      ${sql.length} in ${new Set(sql.map((s) => s.file)).size} files`,
      `route handlers                         ${handlers.length}, mean ${mean.toFixed(1)} lines, max ${largest?.lines ?? 0}${largest ? ` (${largest.file}:${largest.line})` : ''}`,
    ];
    console.log(out.join('\n'));
    console.log(['', 'Architecture figures:', ...figures.map((line) => `  ${line}`)].join('\n'));
    return 0;
  }

  const problems = violations.length + folderCycles.length + moduleCycles.length + unresolved.length + sql.length;
  if (problems === 0) {
    console.log(
      `Architecture check: ${new Set(edges.flatMap((e) => [e.from, e.to])).size} modules, no layer breaks, no cycles, no SQL outside its owners.`,
    );
    return 0;
  }
  console.error(out.join('\n'));
  console.error(
    `\nArchitecture check failed: ${violations.length} rule breaks, ${folderCycles.length} folder cycles, ${moduleCycles.length} module cycles, ${unresolved.length} unresolved imports, ${sql.length} SQL statements outside their owners.` +
      '\nThe rules and their reasons are in scripts/architecture-rules.json (docs/ARCHITECTURE.md explains the layers).',
  );
  return 1;
}

process.exitCode = await main();
