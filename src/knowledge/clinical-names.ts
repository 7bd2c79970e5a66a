import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Bilingual } from './kb-schema.js';
import type { KnowledgeBase } from './knowledge-base-types.js';
import { getKnowledgeBase } from './load-knowledge-base.js';

/**
 * Chinese display names for what a record codes in English: conditions (SNOMED CT, ICD-10), labs
 * and vital signs (LOINC) and medication lines (RxNorm display text). The English half is always
 * the record's own display, so the original stays one click away. Sources and provenance:
 * `data/knowledge/names/README.md`.
 */
export const NAMES_DIR = path.resolve(import.meta.dirname, '../../data/knowledge/names');

const snomedFileSchema = z.object({
  system: z.string(),
  entries: z.array(z.object({ code: z.string().min(1), en: z.string().min(1), zh: z.string().min(1) }).strict()),
});
const icd10FileSchema = z.object({
  chapters: z.object({
    entries: z.array(z.object({ chapter: z.string(), from: z.string(), to: z.string(), en: z.string(), zh: z.string() })),
  }),
  categories: z.object({ entries: z.array(z.object({ code: z.string().regex(/^[A-Z]\d{2}$/), zh: z.string().min(1) })) }),
});
const vitalsFileSchema = z.object({ entries: z.array(z.object({ loinc: z.string(), en: z.string(), zh: z.string().min(1) })) });
const pairs = z.array(z.tuple([z.string().min(1), z.string().min(1)]));
const drugNamesFileSchema = z.object({ names: z.record(z.string(), z.string().min(1)) });
const drugWordsFileSchema = z.object({ ingredients: pairs, doseForms: pairs, saltsBefore: pairs, saltsAfter: pairs, units: pairs });

const SNOMED = 'http://snomed.info/sct';
/** SNOMED CT's semantic tag at the end of a display: "(disorder)", "(finding)", "(situation)". */
const SEMANTIC_TAG = /\s*\((disorder|finding|situation|procedure|event)\)\s*$/i;
const ICD10_CODE = /^([A-Z]\d{2})(\.[0-9A-Z]{1,4})?$/;

export interface ConditionRef {
  /** The code system when known (SNOMED CT or ICD-10); codes are recognised by shape otherwise. */
  system?: string | null;
  code?: string | null;
  display: string;
}

export interface ClinicalNames {
  /** A condition's names: the record's English display and the Chinese name, when one is known. */
  condition(ref: ConditionRef): Bilingual | undefined;
  /** A lab or vital sign by LOINC code. */
  observation(code: string | null | undefined, display: string): Bilingual | undefined;
  /** A medication line ("lisinopril 10 MG Oral Tablet") with its ingredient, salt, strength and form in Chinese. */
  medication(display: string): Bilingual | undefined;
  /** The ICD-10 chapter a code falls in. */
  icd10Chapter(code: string): Bilingual | undefined;
  /** The Chinese generic name of an interaction-vocabulary drug without a curated entry. */
  drugZh(id: string): string | undefined;
  /** An encounter type (SNOMED CT display, with or without its tag). */
  encounterType(display: string): Bilingual | undefined;
  /** An allergy substance (SNOMED CT or RxNorm display). */
  allergen(display: string): Bilingual | undefined;
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(path.join(NAMES_DIR, file), 'utf8')));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the lookups from the names files and the knowledge base's curated labs and drugs. */
export function createClinicalNames(kb: Pick<KnowledgeBase, 'labs' | 'drugs' | 'conditions'>): ClinicalNames {
  const snomed = new Map(readJson('snomed-conditions-zh.json', snomedFileSchema).entries.map((e) => [e.code, e]));
  const encounterTypes = new Map(
    readJson('encounter-types-zh.json', snomedFileSchema).entries.map((e) => [e.en.replace(SEMANTIC_TAG, '').toLowerCase(), e.zh]),
  );
  const allergens = new Map(
    readJson('allergens-zh.json', z.object({ entries: snomedFileSchema.shape.entries })).entries.map((e) => [
      e.en
        .replace(SEMANTIC_TAG, '')
        .replace(/\s*\((substance|organism)\)\s*$/i, '')
        .toLowerCase(),
      e.zh,
    ]),
  );
  const snomedByText = new Map([...snomed.values()].map((e) => [e.en.replace(SEMANTIC_TAG, '').toLowerCase(), e.zh]));
  const icd10 = readJson('icd10-zh.json', icd10FileSchema);
  const categories = new Map(icd10.categories.entries.map((e) => [e.code, e.zh]));
  const conditionByIcd = new Map<string, string>();
  for (const condition of kb.conditions) {
    const code = String(condition.icd10 ?? '').toUpperCase();
    if (ICD10_CODE.test(code) && !conditionByIcd.has(code)) conditionByIcd.set(code, condition.names.zh);
  }
  const observations = new Map<string, string>();
  for (const lab of kb.labs) for (const loinc of lab.loinc) if (!observations.has(loinc)) observations.set(loinc, lab.names.zh);
  for (const vital of readJson('loinc-vitals-zh.json', vitalsFileSchema).entries) observations.set(vital.loinc, vital.zh);

  const words = readJson('drug-display-zh.json', drugWordsFileSchema);
  const vocabularyZh = new Map(Object.entries(readJson('drug-names-zh.json', drugNamesFileSchema).names));
  // Ingredient names, longest first so "insulin isophane" wins over "insulin".
  const ingredients: { pattern: RegExp; zh: string }[] = [];
  // The display words first: on a tie in length they win (the sort is stable), so a salt a KB
  // synonym folds into its drug ("naproxen sodium" → 萘普生) keeps its salt (萘普生钠).
  for (const [en, zh] of words.ingredients) ingredients.push({ pattern: new RegExp(`\\b${escapeRegExp(en)}\\b`, 'i'), zh });
  for (const drug of kb.drugs) {
    for (const name of new Set([drug.names.en, ...drug.synonyms].filter((n) => /^[a-z0-9 .,-]+$/i.test(n) && n.length > 3))) {
      ingredients.push({ pattern: new RegExp(`\\b${escapeRegExp(name)}\\b`, 'i'), zh: drug.names.zh });
    }
  }
  for (const [id, zh] of vocabularyZh) {
    ingredients.push({ pattern: new RegExp(`\\b${escapeRegExp(id.replaceAll('-', ' '))}\\b`, 'i'), zh });
  }
  ingredients.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  const wordRule = ([en, zh]: [string, string]) => ({ pattern: new RegExp(`(?<![A-Za-z])${escapeRegExp(en)}(?![A-Za-z])`, 'gi'), zh });
  const doseForms = words.doseForms.map(wordRule);
  const units = words.units.map(wordRule);

  const chapterOf = (code: string): Bilingual | undefined => {
    const category = code.slice(0, 3).toUpperCase();
    const chapter = icd10.chapters.entries.find((c) => category >= c.from && category <= c.to);
    return chapter ? { en: chapter.en, zh: chapter.zh } : undefined;
  };

  return {
    condition({ system, code, display }) {
      const trimmed = code?.trim() ?? '';
      const icd = trimmed.toUpperCase();
      let zh: string | undefined;
      if (trimmed && (system === SNOMED || (!system && /^\d{6,18}$/.test(trimmed)))) zh = snomed.get(trimmed)?.zh;
      else if (ICD10_CODE.test(icd)) {
        zh = conditionByIcd.get(icd) ?? categories.get(icd.slice(0, 3));
      }
      zh ??= snomedByText.get(display.replace(SEMANTIC_TAG, '').trim().toLowerCase());
      return zh ? { en: display, zh } : undefined;
    },
    observation(code, display) {
      const zh = code ? observations.get(code.trim()) : undefined;
      return zh ? { en: display, zh } : undefined;
    },
    medication(display) {
      const brand = /\s*\[([^\]]+)\]\s*$/.exec(display);
      let text = brand ? display.slice(0, brand.index) : display;
      // "24 HR metoprolol … Extended Release Oral Tablet" → "美托洛尔 … 24小时缓释片".
      const hours = /^(\d+) HR\s+/i.exec(text);
      if (hours) text = text.slice(hours[0].length);
      let matched = false;
      // Each ingredient of a combination ("A 5 MG / B 10 MG") is named on its own.
      text = text
        .split(' / ')
        .map((part) => {
          const ingredient = ingredients.find((i) => i.pattern.test(part));
          if (!ingredient) return part;
          matched = true;
          let rest = part.replace(ingredient.pattern, '\u0000');
          let before = '';
          let after = '';
          for (const [en, zh] of words.saltsBefore) {
            const salt = new RegExp(`\\u0000\\s+${escapeRegExp(en)}\\b`, 'i');
            if (salt.test(rest)) {
              rest = rest.replace(salt, '\u0000');
              before = zh;
            }
          }
          for (const [en, zh] of words.saltsAfter) {
            const salt = new RegExp(`\\u0000\\s+${escapeRegExp(en)}\\b`, 'i');
            if (salt.test(rest)) {
              rest = rest.replace(salt, '\u0000');
              after = zh;
            }
          }
          return rest.replace('\u0000', `${before}${ingredient.zh}${after}`);
        })
        .join(' / ');
      if (!matched) return undefined;
      for (const rule of doseForms) text = text.replace(rule.pattern, rule.zh);
      for (const rule of units) text = text.replace(rule.pattern, rule.zh);
      text = text.replace(/\s{2,}/g, ' ').trim();
      // Half Chinese, half English reads worse than the English original: a word left untranslated
      // (not a unit or a code such as NDA020800) sends the whole line back to English.
      if (/[A-Za-z]{3,}/.test(text.replace(/\b[A-Z]*\d[\w.]*\b/g, ''))) return undefined;
      if (hours) text = text.includes('缓释') ? text.replace('缓释', `${hours[1]}小时缓释`) : `${text}（${hours[1]}小时）`;
      return { en: display, zh: brand ? `${text}（${brand[1]}）` : text };
    },
    icd10Chapter: chapterOf,
    drugZh: (id) => vocabularyZh.get(id),
    allergen(display) {
      const key = display
        .replace(/\s*\((substance|organism|product)\)\s*$/i, '')
        .trim()
        .toLowerCase();
      const zh = allergens.get(key) ?? (key.startsWith('allergy to ') ? allergens.get(key.slice(11)) : undefined);
      return zh ? { en: display, zh } : undefined;
    },
    encounterType(display) {
      const zh = encounterTypes.get(display.replace(SEMANTIC_TAG, '').trim().toLowerCase());
      return zh ? { en: display, zh } : undefined;
    },
  };
}

let shared: ClinicalNames | undefined;

/** The process-wide lookups over the shipped knowledge base, built on first use. */
export function getClinicalNames(): ClinicalNames {
  shared ??= createClinicalNames(getKnowledgeBase());
  return shared;
}
