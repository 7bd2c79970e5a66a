import { readFileSync } from 'node:fs';
import { KB_FILE } from './kb-paths.js';
import { KB_FORMAT, type KnowledgeBase } from './knowledge-base-types.js';

export class KnowledgeBaseLoadError extends Error {}

/**
 * Reads the built knowledge base. Entries were validated when the store was built, so loading
 * only checks the format marker — a full re-validation would cost more than the load itself.
 */
export function loadKnowledgeBase(file = KB_FILE): KnowledgeBase {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KnowledgeBaseLoadError(
      `Cannot read the knowledge base at ${file}: ${error instanceof Error ? error.message : String(error)}. Run \`npm run build:kb\`.`,
    );
  }
  const kb = parsed as Partial<KnowledgeBase>;
  if (kb.format !== KB_FORMAT || !Array.isArray(kb.drugs) || !kb.interactions) {
    throw new KnowledgeBaseLoadError(
      `The knowledge base at ${file} has format ${String(kb.format)}; this Suwen reads format ${KB_FORMAT}. Run \`npm run build:kb\`.`,
    );
  }
  return parsed as KnowledgeBase;
}

let shared: KnowledgeBase | undefined;

/** The process-wide knowledge base, loaded on first use. */
export function getKnowledgeBase(): KnowledgeBase {
  shared ??= loadKnowledgeBase();
  return shared;
}
