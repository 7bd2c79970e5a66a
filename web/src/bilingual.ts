import { useTranslation } from 'react-i18next';
import type { Bilingual } from './features/knowledge/knowledge-api';

/** The half of a knowledge-base text that matches the interface language. */
export function pickText(text: Bilingual, language: string): string {
  return language.startsWith('zh') ? text.zh : text.en;
}

/** `pick(text)` in the current interface language; re-renders when the language changes. */
export function usePick(): (text: Bilingual | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => (text ? pickText(text, i18n.language) : '');
}

/** The other language's half, shown smaller beside the first (names are searched in both). */
export function useOtherPick(): (text: Bilingual | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => (text ? pickText(text, i18n.language.startsWith('zh') ? 'en' : 'zh') : '');
}
