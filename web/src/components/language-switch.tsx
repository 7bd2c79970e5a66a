import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, currentLocale, setLocale } from '../i18n';

/** 简体中文 / English, as two toggle buttons; the choice is kept in localStorage. */
export function LanguageSwitch({ testIdPrefix = 'lang' }: { testIdPrefix?: string }) {
  const { t, i18n } = useTranslation();
  const active = currentLocale();
  return (
    <div className="segmented language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
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
    </div>
  );
}
