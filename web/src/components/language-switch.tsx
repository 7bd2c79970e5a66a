import { useTranslation } from 'react-i18next';
import { currentLocale, LOCALES, type Locale, setLocale } from '../i18n';
import { SegmentedGroup } from './segmented-group';

/** 简体中文 / English, as two toggle buttons; the choice is kept in localStorage. */
export function LanguageSwitch({ testIdPrefix = 'lang' }: { testIdPrefix?: string }) {
  const { t, i18n } = useTranslation();
  const active = currentLocale();
  return (
    <SegmentedGroup className="language-switch" label={t('language.label')} testId="language-switch">
      {LOCALES.map((locale: Locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={active === locale}
          className={active === locale ? 'is-selected' : undefined}
          onClick={() => setLocale(locale)}
          data-testid={`${testIdPrefix}-${locale}`}
          data-language={i18n.language}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </SegmentedGroup>
  );
}
