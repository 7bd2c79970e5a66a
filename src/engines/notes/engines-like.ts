import type { MedicationIndex } from '../medication/index.js';

/** The part of the knowledge engines the notes engine reads (the medication index). */
export interface KnowledgeEnginesLike {
  medications: MedicationIndex;
}
