import { describe, expect, it } from 'vitest';
import { getClinicalNames } from './clinical-names.js';
import { getInteractionTranslations } from './interaction-translations.js';
import { getKnowledgeBase } from './load-knowledge-base.js';

const translations = getInteractionTranslations();
const kb = getKnowledgeBase();
const CJK = /[\u4e00-\u9fff]/;

/** Rules reached by pairs of two curated drugs (the drugs the product knows best). */
function curatedPairRules() {
  const curated = new Set(kb.drugs.map((d) => d.id));
  const known = kb.interactions.vocabulary.map((v) => curated.has(v.id));
  const rules = new Set<number>();
  for (const [a, b, r] of kb.interactions.pairs) if (known[a] && known[b]) rules.add(r);
  return [...rules].map((r) => kb.interactions.rules[r]).filter((r) => r !== undefined);
}

describe('Chinese interaction texts', () => {
  it('translates every rule the demo patients’ medicines meet (lisinopril, hydrochlorothiazide, naproxen, insulin, metoprolol, nitroglycerin)', () => {
    const demoRules = [
      'ansm-440',
      'ansm-839',
      'ansm-426',
      'onc-ni-5',
      'ansm-734',
      'onc-ni-33',
      'onc-ni-8',
      'ansm-934',
      'ansm-935',
      'ansm-840',
      'ansm-334',
      'ansm-1041',
      'ansm-1050',
    ];
    for (const id of demoRules) {
      const rule = kb.interactions.rules.find((r) => r.id === id);
      if (!rule) throw new Error(`No rule ${id}`);
      const text = translations.rule(rule);
      expect(text.translated, id).toBe(true);
      expect(text.mechanism.zh).toMatch(CJK);
      expect(text.mechanism.en).toBe(rule.mechanism);
      if (rule.management) expect(text.management?.zh).toMatch(CJK);
    }
  });

  it('translates every ONC rule, the non-interruptive ones through the template and class-name table', () => {
    const onc = kb.interactions.rules.filter((r) => r.id.startsWith('onc-'));
    expect(onc.length).toBeGreaterThan(40);
    for (const rule of onc) expect(translations.rule(rule).translated, rule.id).toBe(true);
    expect(
      translations.zh(
        'Listed by the ONC expert panel as a clinically relevant interaction (ACE inhibitors – NSAID) that does not warrant an interruptive alert.',
      ),
    ).toBe('ONC 专家组列为有临床意义、但无需中断性提醒的相互作用（ACE抑制剂 – 非甾体抗炎药）。');
    // A class missing from the term table leaves the text untranslated rather than half-English.
    expect(
      translations.zh(
        'Listed by the ONC expert panel as a clinically relevant interaction (Unknown – NSAID) that does not warrant an interruptive alert.',
      ),
    ).toBeUndefined();
  });

  it('translates every rule between two curated drugs', () => {
    const untranslated = curatedPairRules()
      .filter((r) => !translations.rule(r).translated)
      .map((r) => r.id);
    expect(untranslated).toEqual([]);
  });

  it('translates the mechanism and advice of every rule in the built knowledge base', () => {
    const rules = kb.interactions.rules;
    expect(rules.length).toBeGreaterThan(1500);
    const untranslated = rules.filter((r) => !translations.rule(r).translated).map((r) => r.id);
    // Coverage over all rules, reported so a regression shows the figure, not just a list.
    expect({ translated: rules.length - untranslated.length, of: rules.length, untranslated }).toEqual({
      translated: rules.length,
      of: rules.length,
      untranslated: [],
    });
    for (const rule of rules) {
      const text = translations.rule(rule);
      if (rule.mechanism.trim()) expect(text.mechanism.zh, rule.id).toMatch(CJK);
      if (rule.management.trim()) expect(text.management?.zh, rule.id).toMatch(CJK);
    }
  });

  it('keeps every number of the English text in the Chinese (no dose, threshold or duration dropped or changed)', () => {
    // Digits only: the Chinese may write "two to three weeks" as "2~3周" or name 5-羟色胺, but every
    // number the English gives must be there as written.
    const numbers = (text: string): string[] => text.replace(/(\d),(\d{3})\b/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? [];
    const texts = new Set(kb.interactions.rules.flatMap((r) => [r.mechanism, r.management]).filter((t) => t.trim()));
    const changed: string[] = [];
    for (const en of texts) {
      const zh = translations.zh(en);
      if (zh === undefined) continue;
      const left = numbers(zh);
      for (const n of numbers(en)) {
        const at = left.indexOf(n);
        if (at < 0) {
          changed.push(`${n}: ${en} → ${zh}`);
          break;
        }
        left.splice(at, 1);
      }
    }
    expect(changed).toEqual([]);
  });

  it('has a Chinese name for every drug the interaction pairs can name in a finding', () => {
    const curated = new Map(kb.drugs.map((d) => [d.id, d.names.zh]));
    const names = getClinicalNames();
    const used = new Set(kb.interactions.pairs.flatMap((pair) => pair.slice(0, 2)));
    const missing = [...used]
      .map((i) => kb.interactions.vocabulary[i])
      .filter((v) => v !== undefined && !curated.get(v.id)?.match(CJK) && !names.drugZh(v.id)?.match(CJK))
      .map((v) => v?.id);
    expect({ named: used.size - missing.length, of: used.size, missing }).toEqual({ named: used.size, of: used.size, missing: [] });
  });

  it('keeps the English when no translation is on file, and says where the Chinese comes from', () => {
    expect(translations.rule({ mechanism: 'A text nobody translated', management: '' })).toEqual({
      mechanism: { en: 'A text nobody translated', zh: 'A text nobody translated' },
      translated: false,
    });
    expect(translations.provenance.en).toBe('Translated by Suwen, not an official ANSM text');
  });
});
