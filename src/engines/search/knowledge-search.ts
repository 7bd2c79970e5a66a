import { type Bilingual, editDistance, type KnowledgeBase, type KnowledgeVocabulary, normalizeTerm } from '../../knowledge/index.js';

export type SearchKind = 'drug' | 'lab' | 'condition' | 'score' | 'icd10' | 'education' | 'vocabulary' | 'interaction-drug';

/** Something the knowledge search can find. */
export interface SearchDocument {
  kind: SearchKind;
  id: string;
  label: Bilingual;
  /** Code shown beside the label (ATC, LOINC, ICD-10). */
  code?: string;
  /** Every name, synonym, abbreviation and code it answers to. */
  terms: string[];
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  label: Bilingual;
  code?: string;
  /** The name that matched, as written in the knowledge base. */
  matched: string;
  match: 'exact' | 'prefix' | 'contains' | 'fuzzy';
  score: number;
}

export interface SearchOptions {
  kinds?: SearchKind[];
  limit?: number;
}

/** Curated entries rank above bulk vocabularies when they match equally well. */
const KIND_BOOST: Record<SearchKind, number> = {
  drug: 6,
  lab: 6,
  score: 6,
  condition: 5,
  education: 2,
  'interaction-drug': 1,
  icd10: 1,
  vocabulary: 0,
};
/** Kinds whose names are checked for typos (the bulk vocabularies would be slow and noisy). */
const FUZZY_KINDS = new Set<SearchKind>(['drug', 'lab', 'score', 'condition', 'interaction-drug']);

interface IndexedTerm {
  doc: number;
  raw: string;
  folded: string;
}

/** Builds the search documents for the knowledge base's own entries. */
export function knowledgeDocuments(kb: KnowledgeBase, vocabulary: KnowledgeVocabulary): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const curatedIds = new Set(kb.drugs.map((drug) => drug.id));
  for (const drug of kb.drugs) {
    docs.push({
      kind: 'drug',
      id: drug.id,
      label: drug.names,
      code: drug.atc.join(', '),
      terms: [drug.names.en, drug.names.zh, ...drug.synonyms, ...drug.brands, ...drug.atc],
    });
  }
  for (const entry of kb.interactions.vocabulary) {
    if (curatedIds.has(entry.id)) continue;
    docs.push({
      kind: 'interaction-drug',
      id: entry.id,
      label: { en: entry.name, zh: entry.name },
      ...(entry.atc[0] ? { code: entry.atc.join(', ') } : {}),
      terms: [entry.name, ...entry.atc],
    });
  }
  for (const lab of kb.labs) {
    docs.push({
      kind: 'lab',
      id: lab.id,
      label: lab.names,
      ...(lab.loinc[0] ? { code: lab.loinc[0] } : {}),
      terms: [lab.names.en, lab.names.zh, ...lab.synonyms, ...lab.loinc],
    });
  }
  for (const condition of kb.conditions) {
    docs.push({
      kind: 'condition',
      id: condition.id,
      label: { en: condition.names.en, zh: condition.names.zh },
      code: condition.icd10,
      terms: [condition.names.en, condition.names.zh, condition.names.fr, condition.icd10],
    });
  }
  for (const topic of vocabulary.education) {
    docs.push({ kind: 'education', id: topic.id, label: { en: topic.title, zh: topic.title }, terms: [topic.title, ...topic.synonyms] });
  }
  for (const [code, title] of vocabulary.icd10.entries) {
    docs.push({ kind: 'icd10', id: code, label: { en: title, zh: title }, code, terms: [code, title] });
  }
  for (const [id, name, kind] of vocabulary.vocabulary.entries) {
    docs.push({
      kind: 'vocabulary',
      id,
      label: { en: `${name} (${kind})`, zh: `${name}（${kind === 'disease' ? '疾病' : '症状'}）` },
      terms: [name],
    });
  }
  return docs;
}

/**
 * Finds drugs, labs, conditions, scores, ICD-10 codes and education topics by English or Chinese
 * name, synonym, abbreviation or code, tolerating one or two typos in Latin-script names.
 */
export class KnowledgeSearch {
  private readonly docs: SearchDocument[];
  private readonly terms: IndexedTerm[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly fuzzyTerms: IndexedTerm[] = [];

  constructor(docs: SearchDocument[]) {
    this.docs = docs;
    docs.forEach((doc, index) => {
      for (const raw of new Set(doc.terms)) {
        const folded = normalizeTerm(raw);
        if (!folded) continue;
        const term = { doc: index, raw, folded };
        this.terms.push(term);
        this.exact.set(folded, [...(this.exact.get(folded) ?? []), index]);
        if (FUZZY_KINDS.has(doc.kind) && /^[a-z0-9 ]+$/.test(folded)) {
          this.fuzzyTerms.push(term);
          // Multi-word names also answer to each long word ("warfarin" in "warfarin sodium").
          for (const word of folded.split(' ')) {
            if (word.length >= 5 && word !== folded) this.fuzzyTerms.push({ doc: index, raw, folded: word });
          }
        }
      }
    });
  }

  get size(): number {
    return this.docs.length;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const folded = normalizeTerm(query);
    if (!folded) return [];
    const limit = options.limit ?? 20;
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    const best = new Map<number, SearchHit>();
    const offer = (term: IndexedTerm, match: SearchHit['match'], base: number) => {
      const doc = this.docs[term.doc];
      if (!doc || (kinds && !kinds.has(doc.kind))) return;
      const score = base + KIND_BOOST[doc.kind];
      const current = best.get(term.doc);
      if (current && current.score >= score) return;
      best.set(term.doc, {
        kind: doc.kind,
        id: doc.id,
        label: doc.label,
        ...(doc.code ? { code: doc.code } : {}),
        matched: term.raw,
        match,
        score,
      });
    };
    for (const index of this.exact.get(folded) ?? []) {
      const doc = this.docs[index];
      if (doc) offer({ doc: index, raw: doc.terms.find((t) => normalizeTerm(t) === folded) ?? folded, folded }, 'exact', 100);
    }
    const minContains = /[\u4e00-\u9fff]/.test(folded) ? 1 : 3;
    if (folded.length >= minContains) {
      for (const term of this.terms) {
        if (term.folded === folded) continue;
        if (term.folded.startsWith(folded)) offer(term, 'prefix', 80 - Math.min(20, term.folded.length - folded.length));
        else if (term.folded.includes(folded)) offer(term, 'contains', 60 - Math.min(20, term.folded.length - folded.length));
      }
    }
    if (best.size < limit && folded.length >= 4 && /^[a-z0-9 ]+$/.test(folded)) {
      const max = folded.length <= 7 ? 1 : 2;
      for (const term of this.fuzzyTerms) {
        const distance = editDistance(folded, term.folded, max);
        if (distance <= max) offer(term, 'fuzzy', 50 - 10 * distance);
      }
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.label.en.length - b.label.en.length || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}
