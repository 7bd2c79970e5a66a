/** Knowledge search over drugs, labs, conditions, ICD-10 and education topics (zh/en, typo-tolerant). */
export { KnowledgeSearch, knowledgeDocuments, type SearchDocument, type SearchHit, type SearchKind } from './knowledge-search.js';
export { evaluateSearch, parseSearchEvalSet, type SearchEvalCase, type SearchEvalResult } from './search-eval.js';
