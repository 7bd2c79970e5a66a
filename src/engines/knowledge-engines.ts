import { getKnowledgeBase, type KnowledgeBase, type KnowledgeVocabulary, loadKnowledgeVocabulary } from '../knowledge/index.js';
import { createLabIndex, type LabIndex } from './labs/index.js';
import { MedicationIndex } from './medication/index.js';
import { listScores } from './scores/index.js';
import { KnowledgeSearch, knowledgeDocuments, type SearchDocument } from './search/index.js';

/** The knowledge base with every engine index built over it, once per process. */
export interface KnowledgeEngines {
  kb: KnowledgeBase;
  medications: MedicationIndex;
  labs: LabIndex;
  /** ICD-10 titles, Hetionet names and education topics: read on first use (only search and the browser need them). */
  readonly vocabulary: KnowledgeVocabulary;
  /** The search index, built on first use (or by `warmKnowledgeSearch` in the background). */
  readonly search: KnowledgeSearch;
  /** Milliseconds to read the core store and build the engine indexes (reported by `/knowledge/info` and the benchmark). */
  loadMs: { read: number; index: number; search?: number };
}

function scoreDocuments(): SearchDocument[] {
  return listScores().map((score) => ({
    kind: 'score',
    id: score.id,
    label: score.names,
    terms: [score.id, score.names.en, score.names.zh, ...score.aliases],
  }));
}

export function createKnowledgeEngines(kb?: KnowledgeBase, vocabularyFile?: string): KnowledgeEngines {
  const started = performance.now();
  const base = kb ?? getKnowledgeBase();
  const read = performance.now() - started;
  const medications = new MedicationIndex(base);
  const labs = createLabIndex(base.labs);
  const loadMs: KnowledgeEngines['loadMs'] = { read, index: performance.now() - started - read };
  let vocabulary: KnowledgeVocabulary | undefined;
  let search: KnowledgeSearch | undefined;
  return {
    kb: base,
    medications,
    labs,
    loadMs,
    get vocabulary() {
      vocabulary ??= loadKnowledgeVocabulary(base.version, vocabularyFile);
      return vocabulary;
    },
    get search() {
      if (!search) {
        const begun = performance.now();
        search = new KnowledgeSearch([...knowledgeDocuments(base, this.vocabulary), ...scoreDocuments()]);
        loadMs.search = performance.now() - begun;
      }
      return search;
    },
  };
}

let shared: KnowledgeEngines | undefined;

/** The process-wide engines (the server and CLI share one set). */
export function getKnowledgeEngines(): KnowledgeEngines {
  shared ??= createKnowledgeEngines();
  return shared;
}

/** Builds the search index off the request path, so the first search after start is not the slow one. */
export function warmKnowledgeSearch(): void {
  setTimeout(() => {
    try {
      void getKnowledgeEngines().search;
    } catch {
      // A missing or stale store is reported by the first request that needs it.
    }
  }, 0).unref();
}
