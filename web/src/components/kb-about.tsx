import { useTranslation } from 'react-i18next';
import { knowledgeApi } from '../features/knowledge/knowledge-api';
import { useApi } from '../use-api';
import { Card, ErrorMessage, Loading } from './feedback';

/** Knowledge-base version, entry counts and the data sets it is built from (with licences). */
export function KbAbout({ testId = 'kb-about' }: { testId?: string }) {
  const { t } = useTranslation();
  const info = useApi('knowledge-info', knowledgeApi.info);
  return (
    <Card title={t('knowledge.aboutTitle')} testId={testId} className="kb-about">
      {info.error ? (
        <ErrorMessage error={info.error} onRetry={info.reload} />
      ) : !info.data ? (
        <Loading />
      ) : (
        <>
          <p className="small">
            {t('knowledge.version')}:{' '}
            <span className="mono" data-testid="kb-version">
              {info.data.version}
            </span>
          </p>
          <p className="muted small">
            {Object.entries(info.data.counts)
              .map(([kind, count]) => `${t(`knowledge.counts.${kind}`, { defaultValue: kind })} ${count}`)
              .join(' · ')}
          </p>
          <p className="muted small">{t('knowledge.aboutText')}</p>
          <h3 className="kb-credits-title">{t('knowledge.credits')}</h3>
          <ul className="kb-credits" data-testid="kb-credits">
            {info.data.credits.map((credit) => (
              <li key={credit.name}>
                <a href={credit.url} target="_blank" rel="noreferrer noopener">
                  {credit.name}
                </a>{' '}
                <span className="muted small">
                  ({credit.licence}) — {credit.usedFor}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
