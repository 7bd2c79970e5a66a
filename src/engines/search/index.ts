/** Knowledge search over drugs, labs, conditions, ICD-10 and education topics (zh/en, typo-tolerant). */

export { CjkMatcher, hasHan, maxCost } from './cjk-match.js';
export { KnowledgeSearch, knowledgeDocuments, type SearchDocument, type SearchHit, type SearchKind } from './knowledge-search.js';
export { evaluateSearch, parseSearchEvalSet, type SearchEvalCase, type SearchEvalResult } from './search-eval.js';
