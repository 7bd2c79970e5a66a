/** The two languages Suwen speaks. Everything user-facing exists in both. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Picks the caller's language from an Accept-Language header. Any `zh*` tag means Chinese;
 * anything else, or nothing, means English.
 */
export function pickLocale(acceptLanguage: string | null | undefined, fallback: Locale = 'en'): Locale {
  if (!acceptLanguage) return fallback;
  const tags = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((t) => t.tag.length > 0 && t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}

export type Localized = Record<Locale, string>;

/** Replaces `{name}` placeholders with values; unknown placeholders are left as they are. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
