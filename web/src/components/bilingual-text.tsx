import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../bilingual';

/**
 * Clinical text that exists in both languages (a diagnosis, a drug, an interaction's advice): the
 * interface language's half, with the other half — the English original when reading Chinese —
 * one click away. Plain text when only one half is known.
 */
export function BilingualText({
  text,
  fallback,
  note,
  block = false,
}: {
  text: { en: string; zh: string } | undefined;
  /** Shown when there is no bilingual text (the record's own display). */
  fallback?: string;
  /** Where the translation comes from, shown with the original. */
  note?: { en: string; zh: string };
  /** Show the original below (long texts) rather than inline. */
  block?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!text) return <>{fallback ?? ''}</>;
  const shown = pickText(text, i18n.language);
  const other = pickText(text, i18n.language.startsWith('zh') ? 'en' : 'zh');
  if (!other || other === shown) return <>{shown}</>;
  const Holder = block ? 'div' : 'span';
  return (
    <Holder className="bilingual" data-testid="bilingual">
      <span data-testid="bilingual-text" title={other}>
        {shown}
      </span>{' '}
      <button
        type="button"
        className="button button-small button-quiet bilingual-toggle"
        aria-expanded={open}
        onClick={(event) => {
          event.stopPropagation();
          setOpen((value) => !value);
        }}
        data-testid="bilingual-toggle"
      >
        {open ? t('bilingual.hideOriginal') : t('bilingual.showOriginal')}
      </button>
      {open && (
        <Holder className="bilingual-original muted small" lang={i18n.language.startsWith('zh') ? 'en' : 'zh-CN'}>
          {block ? null : ' '}
          <span data-testid="bilingual-original">{other}</span>
          {note && <span className="bilingual-note"> ({pickText(note, i18n.language)})</span>}
        </Holder>
      )}
    </Holder>
  );
}
