import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Bilingual, InteractionRule } from './kb-schema.js';

/**
 * Chinese for the interaction texts the medication check shows. The ANSM thesaurus (and the ONC
 * lists as Suwen words them) exist in English only; `data/knowledge/translations/interactions-zh.json`
 * holds Suwen's translations keyed by the exact English text, plus templates for formulaic texts.
 * A text without a translation stays English in both halves — never machine-guessed.
 */
export const INTERACTION_TRANSLATIONS_FILE = path.resolve(import.meta.dirname, '../../data/knowledge/translations/interactions-zh.json');

const fileSchema = z.object({
  provenance: z.object({ en: z.string().min(1), zh: z.string().min(1) }),
  templates: z.array(z.object({ pattern: z.string().min(1), zh: z.string().min(1) })),
  terms: z.record(z.string(), z.string().min(1)),
  texts: z.record(z.string(), z.string().min(1)),
});

export interface InteractionTranslations {
  /** Where the Chinese comes from ("translated by Suwen, not an official ANSM text"). */
  provenance: Bilingual;
  /** The Chinese for one English text, or undefined when none is on file. */
  zh(en: string): string | undefined;
  /** A rule's mechanism and management in both languages, and whether the Chinese is a translation on file. */
  rule(rule: Pick<InteractionRule, 'mechanism' | 'management'>): { mechanism: Bilingual; management?: Bilingual; translated: boolean };
}

export function loadInteractionTranslations(file = INTERACTION_TRANSLATIONS_FILE): InteractionTranslations {
  const data = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const texts = new Map(Object.entries(data.texts).map(([en, zh]) => [en.trim(), zh]));
  const templates = data.templates.map((t) => ({ pattern: new RegExp(t.pattern), zh: t.zh }));
  const zh = (en: string): string | undefined => {
    const key = en.trim();
    if (!key) return undefined;
    const exact = texts.get(key);
    if (exact) return exact;
    for (const template of templates) {
      const match = template.pattern.exec(key);
      if (!match) continue;
      const groups = match.slice(1).map((group) => data.terms[group.trim()]);
      if (groups.some((group) => group === undefined)) continue;
      return template.zh.replace(/\{(\d+)\}/g, (_, n: string) => groups[Number(n) - 1] ?? '');
    }
    return undefined;
  };
  return {
    provenance: data.provenance,
    zh,
    rule({ mechanism, management }) {
      const mechanismZh = zh(mechanism);
      const managementZh = management ? zh(management) : undefined;
      return {
        mechanism: { en: mechanism, zh: mechanismZh ?? mechanism },
        ...(management ? { management: { en: management, zh: managementZh ?? management } } : {}),
        translated: mechanismZh !== undefined && (!management || managementZh !== undefined),
      };
    },
  };
}

let shared: InteractionTranslations | undefined;

/** The shipped translations, read on first use. */
export function getInteractionTranslations(): InteractionTranslations {
  shared ??= loadInteractionTranslations();
  return shared;
}
