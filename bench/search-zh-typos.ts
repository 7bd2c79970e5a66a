/**
 * `npx tsx bench/search-zh-typos.ts [set.jsonl]`: hit@1, hit@5 and look-alike false hits of the
 * knowledge search on a written-first query set (default `data/search-eval/zh-typos.jsonl`), with
 * the queries it missed — the figures in `data/search-eval/README.md`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listScores } from '../src/engines/scores/index.js';
import { evaluateSearch, KnowledgeSearch, knowledgeDocuments, parseSearchEvalSet } from '../src/engines/search/index.js';
import { getKnowledgeBase, loadKnowledgeVocabulary } from '../src/knowledge/index.js';

const file = process.argv[2] ?? fileURLToPath(new URL('../data/search-eval/zh-typos.jsonl', import.meta.url));
const cases = parseSearchEvalSet(readFileSync(file, 'utf8'));
// The server's index (createKnowledgeEngines().search), built here without the other engines.
const kb = getKnowledgeBase();
const scores = listScores().map((score) => ({
  kind: 'score' as const,
  id: score.id,
  label: score.names,
  terms: [score.id, score.names.en, score.names.zh, ...score.aliases],
}));
const search = new KnowledgeSearch([...knowledgeDocuments(kb, loadKnowledgeVocabulary(kb.version)), ...scores]);
const started = performance.now();
const result = evaluateSearch(search, cases);
const perQuery = (performance.now() - started) / cases.length;
const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / of).toFixed(1)} %)`;
process.stdout.write(
  [
    `set: ${file}`,
    `hit@1: ${pct(result.hitAt1, result.positives)}`,
    `hit@5: ${pct(result.hitAt5, result.positives)}`,
    `look-alikes with any hit: ${pct(result.falseHits, result.negatives)}`,
    `mean time per query: ${perQuery.toFixed(2)} ms`,
    ...result.misses.map(
      (miss) => `  miss ${miss.id} ${miss.q} → ${miss.got.join(', ') || 'nothing'} (wanted ${miss.expect.join(' or ')})`,
    ),
    ...result.wrongNegatives.map((wrong) => `  false hit ${wrong.id} ${wrong.q} → ${wrong.got.join(', ')}`),
  ].join('\n') + '\n',
);
