import type { Bilingual, Citation, CrossReactivity, CuratedDrug, CuratedLab, InteractionTables } from './kb-schema.js';

/** Format of `data/knowledge/kb.json`; bump when the shape changes. */
export const KB_FORMAT = 1;

export interface KbIndication {
  name: string;
  umlsCui: string;
}

/** A curated drug with what the build attaches from open data sets. */
export interface KbDrug extends CuratedDrug {
  /** Approved indications from repoDB (DrugCentral), matched by generic name. */
  indications: KbIndication[];
  indicationsSource?: Citation;
  /** Adverse events annotated in the drug's FDA label (TAC 2017 ADR set), where the set covers it. */
  labelAdverseEvents?: { label: string; events: string[]; source: Citation };
}

export interface KbEvidenceRef {
  code: string;
  question: string;
  /** Suwen's Chinese wording of the DDXPlus question. */
  questionZh: string;
}

/** A DDXPlus condition. */
export interface KbCondition {
  id: string;
  names: Bilingual & { fr: string };
  icd10: string;
  /** DDXPlus severity, 1 (most severe) to 5. */
  severity: number;
  symptoms: KbEvidenceRef[];
  antecedents: KbEvidenceRef[];
  source: Citation;
}

export interface KbEducationTopic {
  id: string;
  title: string;
  synonyms: string[];
  summary: string;
  publisher: string;
  source: Citation;
}

/** A data set section whose entries all come from one source. */
export interface KbSection<Entry> {
  source: Citation;
  entries: Entry[];
}

export interface KnowledgeBase {
  format: typeof KB_FORMAT;
  /** Content hash of the built store: changes whenever any entry changes. */
  version: string;
  /** Data sets and references the KB is built from, for the README and About page. */
  credits: { name: string; licence: string; url: string; usedFor: string }[];
  drugs: KbDrug[];
  crossReactivity: CrossReactivity[];
  interactions: InteractionTables;
  labs: CuratedLab[];
  conditions: KbCondition[];
}

/**
 * The bulk vocabularies only search needs, kept in a second file (`kb-vocabulary.json`) so that
 * loading the engines' data stays fast; it carries the same version as the core file.
 */
export interface KnowledgeVocabulary {
  format: typeof KB_FORMAT;
  version: string;
  /** ICD-10-CM categories and subcategories: [code, title]. */
  icd10: KbSection<[string, string]>;
  /** Hetionet disease (DOID) and symptom (MeSH) vocabulary: [id, name, kind]. */
  vocabulary: KbSection<[string, string, 'disease' | 'symptom']>;
  education: KbEducationTopic[];
}
