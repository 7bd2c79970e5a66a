// Type-aware linting with typescript-eslint; formatting and style belong to Biome.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import architecture from './scripts/architecture-rules.json' with { type: 'json' };

// ---------------------------------------------------------------------------------------------
// Layer boundaries: scripts/architecture-rules.json, turned into `no-restricted-imports` patterns.
// The rule matches the import text, not the file it resolves to, so each folder gets its own block
// with the relative paths from that folder ('../../model/…' from src/engines/notes). One block per
// folder (its files only, not its subfolders'), so no two blocks set the rule for the same file.
// scripts/check-architecture.ts checks the same table over the resolved import graph (and cycles).
// ---------------------------------------------------------------------------------------------
const ROOT = import.meta.dirname;
const LINTED_ROOTS = ['src', 'evals', 'bench', 'web', 'tests', 'scripts'];
const SKIPPED = new Set(['node_modules', 'dist']);

const under = (dir, folder) => dir === folder || dir.startsWith(`${folder}/`);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function foldersUnder(dir) {
  let entries;
  try {
    entries = readdirSync(path.join(ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  const children = entries.filter((e) => e.isDirectory() && !SKIPPED.has(e.name) && !e.name.startsWith('.'));
  return [dir, ...children.flatMap((e) => foldersUnder(`${dir}/${e.name}`))];
}

/** A regex source matching an import text that points at `target` (a repository path) from a file in `dir`. */
function importOf(dir, target) {
  const rel = path.posix.relative(dir, target);
  return rel.startsWith('..') ? escape(rel) : `(?:\\./)?${escape(rel)}`;
}

function boundaryPatterns(dir) {
  const patterns = [];
  for (const rule of architecture.layers) {
    if (!rule.from.some((f) => under(dir, f)) || rule.except?.some((f) => under(dir, f))) continue;
    for (const target of rule.forbid) {
      if (under(dir, target)) continue;
      const allowed = (rule.allow ?? []).map((a) => `(?!${importOf(dir, a)}(?:/|$))`).join('');
      patterns.push({
        regex: `^${allowed}${importOf(dir, target)}(?:/|$)`,
        caseSensitive: true,
        message: `[${rule.name}] ${rule.from.join(', ')} must not import ${target}${rule.allow ? ` (except ${rule.allow.join(', ')})` : ''}: ${rule.why}.`,
      });
    }
  }
  for (const face of architecture.faces) {
    const folders = face.folders.endsWith('/*')
      ? foldersUnder(face.folders.slice(0, -2)).filter((f) => f.split('/').length === face.folders.split('/').length)
      : [face.folders];
    for (const folder of folders) {
      if (under(dir, folder)) continue;
      const entries = ['index.ts', ...(face.faces ?? [])].map((entry) => `${escape(entry.replace(/\.tsx?$/, ''))}(?:\\.[jt]sx?)?`);
      patterns.push({
        regex: `^${importOf(dir, folder)}/(?!(?:${entries.join('|')})$)`,
        caseSensitive: true,
        message: `[${face.name}] import ${folder}/index.ts${face.faces ? ` (or ${face.faces.map((f) => `${folder}/${f}`).join(', ')})` : ''}, not a file behind it: ${face.why}.`,
      });
    }
  }
  return patterns;
}

const boundaryBlocks = LINTED_ROOTS.flatMap(foldersUnder).flatMap((dir) => {
  const patterns = boundaryPatterns(dir);
  return patterns.length === 0 ? [] : [{ files: [`${dir}/*.ts`, `${dir}/*.tsx`], rules: { 'no-restricted-imports': ['error', { patterns }] } }];
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', '.suwen/**', 'bin/**', 'scripts/*.mjs', 'eslint.config.mjs', 'test-results/**', '.tmp/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    // One composition root: only src/app builds a model gateway (with its privacy guard), so no
    // entry point can reach a model around audit and de-identification. The model layer's own
    // tests and the gateway benchmark measure the gateway itself.
    files: ['src/**/*.ts', 'bench/**/*.ts', 'evals/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/app/**', 'src/model/**', 'bench/model-gateway.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='ModelGateway']",
          message: '[one-composition-root] build services with createServices (src/app) instead of a gateway of your own: it is the only gateway with the privacy guard.',
        },
      ],
    },
  },
  ...boundaryBlocks,
);
