import { useTranslation } from 'react-i18next';
import { Badge, Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { useApi } from '../../use-api';
import { type Bilingual, careGapsApi } from './care-gaps-api';

/**
 * "Care gaps" on the chart: cited rules over the record (no model), loaded with the chart. Each gap
 * is one line that opens to its reason, the record facts it used, what would close it and the source.
 */
export function CareGapsCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi(`care-gaps:${patientId}`, () => careGapsApi.patient(patientId));
  const pick = (text: Bilingual) => (i18n.language.startsWith('zh') ? text.zh : text.en);
  const data = state.data;
  return (
    <Card
      title={t('careGaps.title')}
      testId="chart-care-gaps"
      actions={data && data.gaps.length > 0 ? <Badge tone="info">{data.gaps.length}</Badge> : undefined}
    >
      {state.error ? (
        <ErrorMessage error={state.error} onRetry={state.reload} />
      ) : !data ? (
        <Loading />
      ) : data.deceased ? (
        <EmptyState>{t('careGaps.deceased')}</EmptyState>
      ) : data.gaps.length === 0 ? (
        <EmptyState>{t('careGaps.none')}</EmptyState>
      ) : (
        <>
          <ul className="fact-list treatment-findings" data-testid="care-gap-list">
            {data.gaps.map((gap) => (
              <li key={gap.ruleId} data-testid="care-gap" data-rule={gap.ruleId}>
                <details>
                  <summary>
                    <strong>{pick(gap.title)}</strong> <span className="muted small">{gap.source.label}</span>
                  </summary>
                  <p className="small" data-testid="care-gap-reason">
                    {pick(gap.reason)}
                  </p>
                  <dl className="treatment-facts small">
                    {gap.facts.map((fact) => (
                      <div key={`${fact.kind}:${fact.ref ?? pick(fact.label)}`}>
                        <dt>{pick(fact.label)}</dt>
                        <dd title={fact.ref}>
                          {fact.kind === 'absent' ? t('careGaps.notFound') : fact.value}
                          {fact.date && <span className="muted"> · {fact.date}</span>}
                        </dd>
                      </div>
                    ))}
                  </dl>
                  <p className="small">{pick(gap.detail)}</p>
                  <p className="small">
                    <strong>{t('careGaps.closedBy')}</strong> {gap.closedBy.map(pick).join(t('careGaps.or'))}
                  </p>
                  <p className="small">{pick(gap.action)}</p>
                  <p className="small muted" data-testid="care-gap-source">
                    {t('knowledge.source')}:{' '}
                    {gap.source.url ? (
                      <a href={gap.source.url} target="_blank" rel="noreferrer noopener">
                        {gap.source.publication}
                      </a>
                    ) : (
                      gap.source.publication
                    )}{' '}
                    — {gap.source.section}
                  </p>
                </details>
              </li>
            ))}
          </ul>
          <p className="muted small">{t('careGaps.disclaimer', { date: data.asOf })}</p>
        </>
      )}
    </Card>
  );
}
