import { readFileSync } from 'node:fs';
import { KB_FILE, KB_VOCABULARY_FILE } from './kb-paths.js';
import { KB_FORMAT, type KnowledgeBase, type KnowledgeVocabulary } from './knowledge-base-types.js';

export class KnowledgeBaseLoadError extends Error {}

/**
 * Reads the built knowledge base. Entries were validated when the store was built, so loading
 * only checks the format marker — a full re-validation would cost more than the load itself.
 */
function readStore(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KnowledgeBaseLoadError(
      `Cannot read the knowledge base at ${file}: ${error instanceof Error ? error.message : String(error)}. Run \`npm run build:kb\`.`,
    );
  }
}

export function loadKnowledgeBase(file = KB_FILE): KnowledgeBase {
  const parsed = readStore(file);
  const kb = parsed as Partial<KnowledgeBase>;
  if (kb.format !== KB_FORMAT || !Array.isArray(kb.drugs) || !kb.interactions) {
    throw new KnowledgeBaseLoadError(
      `The knowledge base at ${file} has format ${String(kb.format)}; this Suwen reads format ${KB_FORMAT}. Run \`npm run build:kb\`.`,
    );
  }
  return parsed as KnowledgeBase;
}

/** Reads the search vocabularies; they must come from the same build as the core file. */
export function loadKnowledgeVocabulary(version: string, file = KB_VOCABULARY_FILE): KnowledgeVocabulary {
  const vocabulary = readStore(file) as Partial<KnowledgeVocabulary>;
  if (vocabulary.version !== version || !vocabulary.icd10 || !vocabulary.education) {
    throw new KnowledgeBaseLoadError(
      `${file} is from knowledge base ${String(vocabulary.version)}, not ${version}. Run \`npm run build:kb\`.`,
    );
  }
  return vocabulary as KnowledgeVocabulary;
}

let shared: KnowledgeBase | undefined;

/** The process-wide knowledge base, loaded on first use. */
export function getKnowledgeBase(): KnowledgeBase {
  shared ??= loadKnowledgeBase();
  return shared;
}
