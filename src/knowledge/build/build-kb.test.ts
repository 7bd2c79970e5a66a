import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KB_FILE, KB_VOCABULARY_FILE } from '../kb-paths.js';
import type { Citation } from '../kb-schema.js';
import type { KnowledgeBase, KnowledgeVocabulary } from '../knowledge-base-types.js';
import { buildKnowledgeBase, serializeKnowledgeBase } from './build-kb.js';

let built: ReturnType<typeof buildKnowledgeBase>;
let kb: KnowledgeBase;
let vocabulary: KnowledgeVocabulary;
beforeAll(() => {
  built = buildKnowledgeBase();
  kb = built.core;
  vocabulary = built.vocabulary;
});

const cited = (source: Citation | undefined) => typeof source?.title === 'string' && source.title.trim().length >= 3;
const CJK = /[\u4e00-\u9fff]/;

describe('the knowledge base build', () => {
  it('is deterministic and matches the committed data/knowledge/kb.json (run `npm run build:kb` after changing a source)', () => {
    const text = serializeKnowledgeBase(built);
    expect(readFileSync(KB_FILE, 'utf8') === text.core).toBe(true);
    expect(readFileSync(KB_VOCABULARY_FILE, 'utf8') === text.vocabulary).toBe(true);
    expect(vocabulary.version).toBe(kb.version);
  });

  it('holds what the issue asks for', () => {
    expect(kb.drugs.length).toBeGreaterThanOrEqual(150);
    expect(kb.labs.length).toBeGreaterThanOrEqual(120);
    expect(kb.conditions.length).toBe(49);
    expect(vocabulary.icd10.entries.length).toBeGreaterThan(20_000);
    expect(vocabulary.education.length).toBeGreaterThan(1000);
    expect(kb.interactions.rules.length).toBeGreaterThan(1000);
  });
});

describe('every knowledge entry has a source', () => {
  it('drugs: every dose range, renal and hepatic rule, pregnancy and lactation note and adverse-effect list', () => {
    const missing: string[] = [];
    for (const drug of kb.drugs) {
      const check = (label: string, entries: { source: Citation }[]) => {
        entries.forEach((entry, i) => {
          if (!cited(entry.source)) missing.push(`${drug.id} ${label}[${i}]`);
        });
      };
      check('doses', drug.doses);
      check('renal', drug.renal);
      check('hepatic', drug.hepatic);
      if (!cited(drug.pregnancy.source)) missing.push(`${drug.id} pregnancy`);
      if (!cited(drug.lactation.source)) missing.push(`${drug.id} lactation`);
      if (!cited(drug.adverseEffectsSource)) missing.push(`${drug.id} adverse effects`);
      if (drug.indications.length > 0 && !cited(drug.indicationsSource)) missing.push(`${drug.id} indications`);
      if (drug.labelAdverseEvents && !cited(drug.labelAdverseEvents.source)) missing.push(`${drug.id} label events`);
    }
    expect(missing).toEqual([]);
  });

  it('labs: every range and critical value', () => {
    const missing = kb.labs.flatMap((lab) => [
      ...lab.ranges.flatMap((range, i) => (cited(range.source) ? [] : [`${lab.id} ranges[${i}]`])),
      ...(lab.critical && !cited(lab.critical.source) ? [`${lab.id} critical`] : []),
    ]);
    expect(missing).toEqual([]);
  });

  it('interaction rules, cross-reactivity rules, conditions, education topics and the bulk vocabularies', () => {
    expect(kb.interactions.rules.filter((rule) => !cited(rule.source)).map((rule) => rule.id)).toEqual([]);
    expect(kb.crossReactivity.filter((rule) => !cited(rule.source))).toEqual([]);
    expect(kb.conditions.filter((condition) => !cited(condition.source)).map((condition) => condition.id)).toEqual([]);
    expect(vocabulary.education.filter((topic) => !cited(topic.source) || !topic.source.url).map((topic) => topic.id)).toEqual([]);
    // ICD-10 titles and Hetionet names each come from one data set: the section carries the citation.
    expect(cited(vocabulary.icd10.source)).toBe(true);
    expect(cited(vocabulary.vocabulary.source)).toBe(true);
    expect(kb.credits.length).toBeGreaterThanOrEqual(8);
  });
});

describe('bilingual names', () => {
  it('gives every drug, lab and condition a Chinese name', () => {
    expect(kb.drugs.filter((drug) => !CJK.test(drug.names.zh)).map((drug) => drug.id)).toEqual([]);
    expect(kb.labs.filter((lab) => !CJK.test(lab.names.zh)).map((lab) => lab.id)).toEqual([]);
    expect(kb.conditions.filter((condition) => !CJK.test(condition.names.zh)).map((condition) => condition.id)).toEqual([]);
  });
});
