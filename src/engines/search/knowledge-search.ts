import { type Bilingual, editDistance, type KnowledgeBase, type KnowledgeVocabulary, normalizeTerm } from '../../knowledge/index.js';
import { CjkMatcher, hasHan, maxCost, occursAsWords } from './cjk-match.js';
import { ZH_CLINICAL_ALIASES, ZH_DOSAGE_FORMS, type ZhAlias } from './zh-aliases.js';

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
  /**
   * How: the whole name, its start, a word inside it, a typo of it, or a clinical abbreviation
   * (`alias`: 心梗 for a name containing 心肌梗死; `alias` below says which).
   */
  match: 'exact' | 'alias' | 'prefix' | 'contains' | 'fuzzy';
  /** For a hit through an abbreviation: what was typed and the full form it stands for (心梗 = 心肌梗死). */
  alias?: { short: string; full: string };
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
  /** The name as written in the knowledge base (for an abbreviation, the full name it stands for). */
  raw: string;
  folded: string;
  /** An abbreviation or alternative name (ranks just below the knowledge base's own name). */
  alias?: { short: string; full: string };
}

interface CjkTerm extends IndexedTerm {
  chars: Int32Array;
  /** Characters in the whole name this part comes from (a part of a longer name ranks lower). */
  whole: number;
}

/** Score of an exact match on an abbreviation (an exact match on a real name scores 100). */
const ALIAS_EXACT = 95;

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
 * name, synonym, abbreviation or code, tolerating one or two typos in Latin-script names and
 * input-method slips in Chinese ones (同音字 and near sounds weighted by pinyin, a wrong character
 * in longer names), and answering to common Chinese clinical abbreviations (`zh-aliases.ts`).
 */
export class KnowledgeSearch {
  private readonly docs: SearchDocument[];
  private readonly terms: IndexedTerm[] = [];
  /** The terms with Chinese characters: the only ones a Chinese query can be part of. */
  private readonly hanTerms: IndexedTerm[] = [];
  private readonly exact = new Map<string, IndexedTerm[]>();
  private readonly fuzzyTerms: IndexedTerm[] = [];
  private readonly cjkTerms: CjkTerm[] = [];
  private readonly cjk = new CjkMatcher();

  constructor(docs: SearchDocument[], aliases: readonly ZhAlias[] = ZH_CLINICAL_ALIASES) {
    this.docs = docs;
    const foldedAliases = aliases.map((alias) => ({
      raw: alias.full,
      full: normalizeTerm(alias.full),
      also: alias.also.map((short) => ({ short, folded: normalizeTerm(short) })),
    }));
    docs.forEach((doc, index) => {
      const fuzzy = FUZZY_KINDS.has(doc.kind);
      const seen = new Set<string>();
      const chinese: IndexedTerm[] = [];
      for (const raw of doc.terms) {
        const folded = normalizeTerm(raw);
        if (!folded || seen.has(folded)) continue;
        seen.add(folded);
        const term = { doc: index, raw, folded };
        this.add(term, fuzzy);
        if (hasHan(folded)) chinese.push(term);
      }
      for (const alias of chinese.length > 0 ? foldedAliases : []) {
        const owner = chinese.find((term) => term.folded.includes(alias.full));
        if (!owner) continue;
        for (const { short, folded } of alias.also) {
          if (seen.has(folded)) continue;
          seen.add(folded);
          this.add({ doc: index, raw: owner.raw, folded, alias: { short, full: alias.raw } }, fuzzy);
        }
      }
    });
  }

  private add(term: IndexedTerm, fuzzy: boolean): void {
    this.terms.push(term);
    if (hasHan(term.folded)) this.hanTerms.push(term);
    const same = this.exact.get(term.folded);
    if (same) same.push(term);
    else this.exact.set(term.folded, [term]);
    if (!fuzzy) return;
    if (/^[a-z0-9 ]+$/.test(term.folded)) {
      this.fuzzyTerms.push(term);
      // Multi-word names also answer to each long word ("warfarin" in "warfarin sodium").
      for (const word of term.folded.split(' ')) {
        if (word.length >= 5 && word !== term.folded) this.fuzzyTerms.push({ ...term, folded: word });
      }
    } else if (hasHan(term.folded)) {
      // Chinese names are matched whole and by each space-separated part ("哮喘急性发作" in
      // "支气管痉挛/哮喘急性发作").
      const parts = new Set([term.folded, ...term.folded.split(' ').filter((part) => part.length >= 2)]);
      const whole = [...term.folded].length;
      for (const part of parts) this.cjkTerms.push({ ...term, folded: part, chars: this.cjk.encode(part), whole });
    }
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
        ...(term.alias ? { alias: term.alias } : {}),
        score,
      });
    };
    for (const term of this.exact.get(folded) ?? []) offer(term, term.alias ? 'alias' : 'exact', term.alias ? ALIAS_EXACT : 100);
    const han = hasHan(folded);
    const minContains = han ? 1 : 3;
    if (folded.length >= minContains) {
      for (const term of han ? this.hanTerms : this.terms) {
        if (term.folded === folded) continue;
        // An abbreviation is only ever matched whole or by typo, never by a fragment of it.
        if (term.alias) continue;
        if (term.folded.startsWith(folded)) offer(term, 'prefix', 80 - Math.min(20, term.folded.length - folded.length));
        // A Chinese query inside a longer name must be words of it, not a fragment straddling two
        // (痛风 "gout" is not in 胸痛|风险评分, nor 中风 "stroke" in 房颤|卒中|风险).
        else if (term.folded.includes(folded) && (!han || occursAsWords(term.folded, folded))) {
          offer(term, 'contains', 60 - Math.min(20, term.folded.length - folded.length));
        }
      }
    }
    if (best.size < limit && folded.length >= 4 && /^[a-z0-9 ]+$/.test(folded)) {
      const max = folded.length <= 7 ? 1 : 2;
      for (const term of this.fuzzyTerms) {
        const distance = editDistance(folded, term.folded, max);
        if (distance <= max) offer(term, 'fuzzy', 50 - 10 * distance);
      }
    }
    if (han && best.size < limit) this.fuzzyChinese(folded, offer);
    if (han && best.size === 0) return this.withoutDosageForm(folded, options);
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.label.en.length - b.label.en.length || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  /** 布洛芬缓释胶囊 → the hits for 布洛芬, ranked as matches on part of the query. */
  private withoutDosageForm(folded: string, options: SearchOptions): SearchHit[] {
    const form = ZH_DOSAGE_FORMS.filter((suffix) => folded.endsWith(suffix)).sort((a, b) => b.length - a.length)[0];
    const stem = form ? folded.slice(0, -form.length).trim() : '';
    if ([...stem].length < 2) return [];
    return this.search(stem, options).map((hit) => ({
      ...hit,
      match: hit.match === 'exact' ? 'prefix' : hit.match,
      score: hit.score - 10,
    }));
  }

  /**
   * Chinese names one or two input-method slips away (同音字, near sounds, rhymes, then any
   * character for longer queries); see `cjk-match.ts` for the costs and the length scaling.
   */
  private fuzzyChinese(folded: string, offer: (term: IndexedTerm, match: SearchHit['match'], base: number) => void): void {
    const max = maxCost([...folded].length);
    if (max < 0) return;
    const query = this.cjk.prepare(folded);
    // A query of four or more characters may be part of a longer name (肌钙旦白 in 高敏肌钙蛋白I);
    // a shorter one must match a whole name, or everyday words would hit fragments (学校 ≈ 血小).
    const within = query.length >= 4;
    for (const term of this.cjkTerms) {
      if (term.folded === folded) continue;
      const cost = this.cjk.distance(query, term.chars, max, within);
      if (cost > max) continue;
      const extra = Math.max(0, term.whole - query.length);
      offer(term, 'fuzzy', 50 - 12 * cost - Math.min(10, extra));
    }
  }
}
