import {
  type CrossReactivity,
  editDistance,
  type InteractionRule,
  type KbDrug,
  type KnowledgeBase,
  normaliseDrugName,
  normalizeTerm,
} from '../../knowledge/index.js';
import { CjkMatcher, hasHan, maxCost } from '../search/index.js';

/** How an input name was recognised. */
export type MatchKind = 'curated' | 'interaction-vocabulary' | 'fuzzy';

export interface ResolvedDrug {
  /** Curated entry when Suwen has dose and safety data for the drug. */
  drug?: KbDrug;
  /** Id in the interaction tables (curated id, or an ingredient the tables know). */
  id: string;
  name: string;
  matchedBy: MatchKind;
  /** For a `fuzzy` match: the known name the input was read as (阿斯匹林 → 阿司匹林, metfromin → metformin). */
  matchedName?: string;
}

/** A known Chinese drug name close to a typed one, for resolution or "did you mean". */
interface ChineseCandidate {
  id: string;
  name: string;
  cost: number;
}

/**
 * Two Chinese candidates within this cost of each other are too close to choose between (one is
 * only a sound-alike step further than the other): the check asks instead of picking one.
 */
const CHINESE_AMBIGUITY_MARGIN = 0.25;

/** Dose-form and packaging words that do not change which drug is meant ("阿司匹林肠溶片" → 阿司匹林). */
const DOSE_FORM_WORDS =
  /\b(tablets?|tabs?|capsules?|caps?|injection|inj|solution|suspension|syrup|oral|chewable|enteric coated|ec|extended release|modified release|er|xr|xl|sr|cr|dr|mr|odt|ir|patch|cream|ointment|drops?|spray|inhaler|powder)\b|(肠溶片|缓释片|控释片|分散片|咀嚼片|泡腾片|薄膜衣片|缓释胶囊|肠溶胶囊|胶囊|片|注射液|注射用|颗粒|口服液|口服溶液|混悬液|滴丸|软膏|乳膏|滴眼液|气雾剂|吸入剂|贴剂|糖浆)/g;
const STRENGTH = /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|g|ml|iu|units?|%)\b|\d+(?:\.\d+)?\s*(?:毫克|微克|克|毫升|单位)/g;

function stripDoseForm(normalized: string): string {
  return normalized.replace(STRENGTH, ' ').replace(DOSE_FORM_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Lookups the medication check needs, built once per knowledge base: names → drugs, drug pairs →
 * interaction rules, allergy words → allergy groups.
 */
export class MedicationIndex {
  readonly kb: KnowledgeBase;
  private readonly names = new Map<string, { id: string; curated: boolean }>();
  private readonly drugsById = new Map<string, KbDrug>();
  private readonly vocabularyIndex = new Map<string, number>();
  private readonly vocabularyNames: string[];
  /** Pair key (lower index × size + higher index) → rule indices. */
  private readonly pairs = new Map<number, number[]>();
  private readonly allergyWords = new Map<string, Set<string>>();
  private readonly crossReactivityByAllergy = new Map<string, CrossReactivity[]>();
  private readonly ingredientCache = new Map<string, number[]>();
  /** Resolved names; the knowledge base never changes under an index, and record systems repeat names endlessly. */
  private readonly resolveCache = new Map<string, ResolvedDrug | null>();
  /** Chinese names encoded for the typo-tolerant pass, built on the first Chinese name not found as written. */
  private chinese?: { matcher: CjkMatcher; names: { name: string; id: string; chars: Int32Array }[] };

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    kb.interactions.vocabulary.forEach((entry, index) => {
      this.vocabularyIndex.set(entry.id, index);
      const key = normalizeTerm(entry.name);
      if (key && !this.names.has(key)) this.names.set(key, { id: entry.id, curated: false });
    });
    this.vocabularyNames = kb.interactions.vocabulary.map((entry) => entry.name);
    for (const drug of kb.drugs) {
      this.drugsById.set(drug.id, drug);
      for (const name of [drug.id, drug.names.en, drug.names.zh, ...drug.synonyms, ...drug.brands]) {
        const key = normalizeTerm(name);
        // Curated names win over vocabulary names so dose data is always found.
        if (key && !this.names.get(key)?.curated) this.names.set(key, { id: drug.id, curated: true });
      }
    }
    const size = kb.interactions.vocabulary.length;
    for (const [left, right, rule] of kb.interactions.pairs) {
      const key = Math.min(left, right) * size + Math.max(left, right);
      const list = this.pairs.get(key);
      if (list) list.push(rule);
      else this.pairs.set(key, [rule]);
    }
    this.buildAllergyIndex();
  }

  private buildAllergyIndex(): void {
    const add = (word: string, groups: Iterable<string>) => {
      const key = normalizeTerm(word);
      const set = this.allergyWords.get(key) ?? new Set<string>();
      for (const group of groups) set.add(group);
      this.allergyWords.set(key, set);
    };
    for (const [words, group] of ALLERGY_GROUP_WORDS) for (const word of words) add(word, [group]);
    for (const drug of this.kb.drugs) {
      const groups = [...drug.allergyGroups, `drug:${drug.id}`];
      for (const name of [drug.id, drug.names.en, drug.names.zh, ...drug.synonyms, ...drug.brands]) add(name, groups);
    }
    for (const rule of this.kb.crossReactivity) {
      const list = this.crossReactivityByAllergy.get(rule.allergy) ?? [];
      list.push(rule);
      this.crossReactivityByAllergy.set(rule.allergy, list);
    }
  }

  drug(id: string): KbDrug | undefined {
    return this.drugsById.get(id);
  }

  /** Recognises a medication name in English or Chinese, generic or brand, with dose-form words and strengths ignored. */
  resolve(name: string): ResolvedDrug | undefined {
    const cached = this.resolveCache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = this.resolveUncached(name);
    if (this.resolveCache.size >= RESOLVE_CACHE_LIMIT) this.resolveCache.clear();
    this.resolveCache.set(name, resolved ?? null);
    return resolved;
  }

  /** Drops remembered name resolutions (the benchmark measures first-seen names with it). */
  forgetResolvedNames(): void {
    this.resolveCache.clear();
  }

  private resolveUncached(name: string): ResolvedDrug | undefined {
    const normalized = normalizeTerm(name);
    // Most names match as written; the dose-form and spelling passes only run when they do not.
    const direct = this.names.get(normalized);
    if (direct) return this.toResolved(direct.id, 'curated');
    const stripped = stripDoseForm(normalized);
    const exact = this.names.get(stripped) ?? this.names.get(normalizeTerm(normaliseDrugName(name))) ?? this.longestKnownPrefix(stripped);
    if (exact) return this.toResolved(exact.id, 'curated');
    if (stripped.length >= 5 && /^[a-z ]+$/.test(stripped)) {
      const close = this.closestName(stripped);
      if (close) return { ...this.toResolved(close.id, 'fuzzy'), matchedName: close.name };
    }
    if (hasHan(stripped)) {
      // Input-method slips (阿斯匹林, 华法令, 二甲双瓜): the closest Chinese name by the pinyin-weighted
      // distance the knowledge search uses, only when no other drug is about as close.
      const [best, second] = this.chineseCandidates(stripped);
      if (best && (!second || second.cost - best.cost > CHINESE_AMBIGUITY_MARGIN)) {
        return { ...this.toResolved(best.id, 'fuzzy'), matchedName: best.name };
      }
    }
    return undefined;
  }

  /**
   * Known Chinese names within `max` (by default the search's typo allowance for the query's
   * length) of `query` as a whole name, the closest per drug, closest first.
   */
  private chineseCandidates(query: string, max = maxCost([...query].length)): ChineseCandidate[] {
    if (max < 0) return [];
    this.chinese ??= this.encodeChineseNames();
    const prepared = this.chinese.matcher.prepare(query);
    const best = new Map<string, ChineseCandidate>();
    for (const { name, id, chars } of this.chinese.names) {
      const cost = this.chinese.matcher.distance(prepared, chars, max, false);
      if (cost > max) continue;
      const current = best.get(id);
      if (!current || cost < current.cost) best.set(id, { id, name, cost });
    }
    return [...best.values()].sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name));
  }

  private encodeChineseNames(): NonNullable<MedicationIndex['chinese']> {
    const matcher = new CjkMatcher();
    const names: { name: string; id: string; chars: Int32Array }[] = [];
    for (const [name, entry] of this.names) if (hasHan(name)) names.push({ name, id: entry.id, chars: matcher.encode(name) });
    return { matcher, names };
  }

  /**
   * Record systems write "24 HR metformin hydrochloride 500 MG extended release oral tablet":
   * after strengths and forms are gone, the longest run of leading words that names a drug wins.
   */
  private longestKnownPrefix(stripped: string): { id: string; curated: boolean } | undefined {
    const words = stripped
      .replace(/\b\d+ ?hr?\b/g, ' ')
      .split(' ')
      .filter(Boolean);
    for (let end = words.length; end >= 1; end--) {
      const found = this.names.get(words.slice(0, end).join(' '));
      if (found) return found;
    }
    return undefined;
  }

  private toResolved(id: string, matchedBy: MatchKind): ResolvedDrug {
    const drug = this.drugsById.get(id);
    const vocabulary = this.vocabularyIndex.get(id);
    const name = drug?.names.en ?? (vocabulary !== undefined ? this.vocabularyNames[vocabulary] : undefined) ?? id;
    return {
      ...(drug ? { drug } : {}),
      id,
      name,
      matchedBy: matchedBy === 'fuzzy' ? 'fuzzy' : drug ? 'curated' : 'interaction-vocabulary',
    };
  }

  /** The one known name within edit distance 1 (≤ 7 letters) or 2; none when ambiguous. */
  private closestName(query: string): { id: string; name: string } | undefined {
    const max = query.length <= 7 ? 1 : 2;
    let best: { id: string; name: string; distance: number } | undefined;
    let tie = false;
    for (const [name, entry] of this.names) {
      if (!/^[a-z ]+$/.test(name)) continue;
      const distance = editDistance(query, name, max);
      if (distance > max) continue;
      if (!best || distance < best.distance) {
        best = { id: entry.id, name, distance };
        tie = false;
      } else if (distance === best.distance && entry.id !== best.id) tie = true;
    }
    return best && !tie ? { id: best.id, name: best.name } : undefined;
  }

  /**
   * Known names close to an unrecognised one, for "did you mean": for a Chinese name, the
   * sound-alike candidates first (华法令 → 华法林), one name per drug.
   */
  suggest(name: string, limit = 3): string[] {
    const query = stripDoseForm(normalizeTerm(name));
    // Character edit distance means nothing between Chinese names (any two-character word is
    // within 2 of every other): only the sound-alike candidates are offered.
    // A longer name may be one wrong character away (克波霉素: 克拉霉素 or 克林霉素?).
    if (hasHan(query)) {
      const length = [...query].length;
      const allowance = length >= 4 ? Math.max(1, maxCost(length)) : maxCost(length);
      return this.chineseCandidates(query, allowance)
        .map((candidate) => candidate.name)
        .slice(0, limit);
    }
    const scored: { name: string; distance: number }[] = [];
    for (const known of this.names.keys()) {
      const distance = editDistance(query, known, 3);
      if (distance <= 3) scored.push({ name: known, distance });
    }
    return scored
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((entry) => entry.name);
  }

  /** Interaction-table ids for a drug: itself, or its ingredients for a combination product ("amoxicillin-clavulanate"). */
  ingredientIds(id: string): string[] {
    if (this.vocabularyIndex.has(id)) return [id];
    const parts = id.split('-').filter((part) => this.vocabularyIndex.has(part));
    return parts.length > 0 ? parts : [id];
  }

  /** Positions in the interaction vocabulary of a drug's ingredients (memoised: the check runs on hot paths). */
  ingredientIndices(id: string): readonly number[] {
    let indices = this.ingredientCache.get(id);
    if (!indices) {
      indices = this.ingredientIds(id).flatMap((part) => this.vocabularyIndex.get(part) ?? []);
      this.ingredientCache.set(id, indices);
    }
    return indices;
  }

  /** Rule positions for two vocabulary positions; the shared empty list when none. */
  ruleIndicesBetween(left: number, right: number): readonly number[] {
    if (left === right) return NO_RULES;
    const size = this.kb.interactions.vocabulary.length;
    return this.pairs.get(Math.min(left, right) * size + Math.max(left, right)) ?? NO_RULES;
  }

  rule(index: number): InteractionRule | undefined {
    return this.kb.interactions.rules[index];
  }

  /** Interaction rules between two interaction-table ids. */
  rulesBetween(a: string, b: string): InteractionRule[] {
    const left = this.vocabularyIndex.get(a);
    const right = this.vocabularyIndex.get(b);
    if (left === undefined || right === undefined) return [];
    return this.ruleIndicesBetween(left, right).flatMap((index) => this.rule(index) ?? []);
  }

  /** Allergy groups for what a patient reports ("penicillin", "青霉素", "sulfa", "amoxicillin"). */
  allergyGroups(allergy: string): Set<string> | undefined {
    const key = normalizeTerm(allergy);
    return this.allergyWords.get(key) ?? this.allergyWords.get(stripDoseForm(key));
  }

  crossReactivityFor(allergyGroup: string): CrossReactivity[] {
    return this.crossReactivityByAllergy.get(allergyGroup) ?? [];
  }
}

const NO_RULES: readonly number[] = Object.freeze([]);
const RESOLVE_CACHE_LIMIT = 10_000;

/** Words patients and clinicians use for allergy groups, both languages. */
const ALLERGY_GROUP_WORDS: [string[], string][] = [
  [['penicillin', 'penicillins', 'pcn', '青霉素', '青霉素类'], 'penicillin'],
  [['cephalosporin', 'cephalosporins', '头孢', '头孢类', '头孢菌素', '头孢菌素类'], 'cephalosporin'],
  [['carbapenem', 'carbapenems', '碳青霉烯', '碳青霉烯类'], 'carbapenem'],
  [['beta lactam', 'beta lactams', 'β内酰胺', 'β 内酰胺', 'β-内酰胺类', 'β内酰胺类'], 'beta-lactam'],
  [['sulfa', 'sulfonamide', 'sulfonamides', 'sulpha', '磺胺', '磺胺类'], 'sulfonamide-antibiotic'],
  [['nsaid', 'nsaids', 'non steroidal anti inflammatory', '非甾体抗炎药', '非甾体类抗炎药', '解热镇痛药'], 'nsaid'],
  [['salicylate', 'salicylates', '水杨酸', '水杨酸类'], 'salicylate'],
  [['fluoroquinolone', 'fluoroquinolones', 'quinolone', 'quinolones', '喹诺酮', '喹诺酮类', '氟喹诺酮类'], 'fluoroquinolone'],
  [['macrolide', 'macrolides', '大环内酯', '大环内酯类'], 'macrolide'],
  [['opioid', 'opioids', 'opiate', 'opiates', '阿片', '阿片类'], 'opioid'],
  [['ace inhibitor', 'ace inhibitors', 'acei', '普利类'], 'acei'],
  [['heparin', '肝素'], 'heparin'],
  [['benzodiazepine', 'benzodiazepines', '苯二氮卓', '苯二氮䓬类'], 'benzodiazepine'],
  [['anticonvulsant', 'aromatic anticonvulsants', '芳香族抗癫痫药'], 'aromatic-antiepileptic'],
];
