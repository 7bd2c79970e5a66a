import type { KnowledgeBase } from '../knowledge/knowledge-base-types.js';
import { getKnowledgeBase } from '../knowledge/load-knowledge-base.js';
import { createLabIndex, type LabIndex } from './labs/lab-index.js';
import { MedicationIndex } from './medication/medication-index.js';
import { listScores } from './scores/score-registry.js';
import { KnowledgeSearch, knowledgeDocuments, type SearchDocument } from './search/knowledge-search.js';

/** The knowledge base with every engine index built over it, once per process. */
export interface KnowledgeEngines {
  kb: KnowledgeBase;
  medications: MedicationIndex;
  labs: LabIndex;
  search: KnowledgeSearch;
  /** Milliseconds to read the store and build the indexes (reported by `/knowledge/info` and the benchmark). */
  loadMs: { read: number; index: number };
}

export function createKnowledgeEngines(kb?: KnowledgeBase): KnowledgeEngines {
  const started = performance.now();
  const base = kb ?? getKnowledgeBase();
  const read = performance.now() - started;
  const medications = new MedicationIndex(base);
  const labs = createLabIndex(base.labs);
  const search = new KnowledgeSearch([...knowledgeDocuments(base), ...scoreDocuments()]);
  return { kb: base, medications, labs, search, loadMs: { read, index: performance.now() - started - read } };
}

function scoreDocuments(): SearchDocument[] {
  return listScores().map((score) => ({
    kind: 'score',
    id: score.id,
    label: score.names,
    terms: [score.id, score.names.en, score.names.zh, ...score.aliases],
  }));
}

let shared: KnowledgeEngines | undefined;

/** The process-wide engines (the server and CLI share one set). */
export function getKnowledgeEngines(): KnowledgeEngines {
  shared ??= createKnowledgeEngines();
  return shared;
}
