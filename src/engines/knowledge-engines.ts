import type { KnowledgeBase } from '../knowledge/knowledge-base-types.js';
import { getKnowledgeBase } from '../knowledge/load-knowledge-base.js';
import { MedicationIndex } from './medication/medication-index.js';
import { KnowledgeSearch, knowledgeDocuments } from './search/knowledge-search.js';

/** The knowledge base with every engine index built over it, once per process. */
export interface KnowledgeEngines {
  kb: KnowledgeBase;
  medications: MedicationIndex;
  search: KnowledgeSearch;
  /** Milliseconds to read the store and build the indexes (reported by `/knowledge/info` and the benchmark). */
  loadMs: { read: number; index: number };
}

export function createKnowledgeEngines(kb?: KnowledgeBase): KnowledgeEngines {
  const started = performance.now();
  const base = kb ?? getKnowledgeBase();
  const read = performance.now() - started;
  const medications = new MedicationIndex(base);
  const search = new KnowledgeSearch(knowledgeDocuments(base));
  return { kb: base, medications, search, loadMs: { read, index: performance.now() - started - read } };
}

let shared: KnowledgeEngines | undefined;

/** The process-wide engines (the server and CLI share one set). */
export function getKnowledgeEngines(): KnowledgeEngines {
  shared ??= createKnowledgeEngines();
  return shared;
}
