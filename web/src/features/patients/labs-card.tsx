import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { TrendChart } from '../../components/trend-chart';
import { formatDate, formatNumber, label } from '../../format';
import { useApi } from '../../use-api';
import { type LabSummary, patientsApi } from './patients-api';

export function LabsCard({ patientId, labs }: { patientId: string; labs: LabSummary[] }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<LabSummary | undefined>(undefined);

  return (
    <Card title={t('chart.labs')} testId="chart-labs" headingId="chart-labs-title" className="labs-card">
      {labs.length === 0 ? (
        <EmptyState>{t('chart.labsEmpty')}</EmptyState>
      ) : (
        <>
          <p className="muted small">{t('chart.labsHint')}</p>
          <div className={`labs-layout ${selected ? 'has-trend' : ''}`}>
            <div className="table-wrap">
              <table className="table table-clickable table-compact" data-testid="lab-table">
                <thead>
                  <tr>
                    <th scope="col">{t('chart.labTest')}</th>
                    <th scope="col" className="num">
                      {t('chart.labLatest')}
                    </th>
                    <th scope="col">{t('chart.labFlag')}</th>
                    <th scope="col">{t('chart.labRange')}</th>
                    <th scope="col">{t('chart.labDate')}</th>
                    <th scope="col" className="num">
                      {t('chart.labCount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {labs.map((lab) => {
                    const isSelected = selected?.code === lab.code;
                    return (
                      <tr
                        key={lab.code}
                        className={isSelected ? 'is-selected' : undefined}
                        aria-selected={isSelected}
                        onClick={() => setSelected(isSelected ? undefined : lab)}
                        data-testid="lab-row"
                      >
                        <td data-label={t('chart.labTest')}>
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={isSelected}
                            aria-controls="lab-trend"
                            onClick={(e) => {
                              e.stopPropagation();
                              setSelected(isSelected ? undefined : lab);
                            }}
                          >
                            {lab.display}
                          </button>
                        </td>
                        <td data-label={t('chart.labLatest')} className={`num flag-${lab.interpretation ?? 'none'}`}>
                          {lab.latestValue !== null ? formatNumber(lab.latestValue) : (lab.latestText ?? t('common.none'))}
                          {lab.unit && <span className="unit"> {lab.unit}</span>}
                        </td>
                        <td data-label={t('chart.labFlag')}>
                          <Flag value={lab.interpretation} />
                        </td>
                        <td data-label={t('chart.labRange')} className="muted range">
                          {formatRange(lab.refLow, lab.refHigh)}
                        </td>
                        <td data-label={t('chart.labDate')}>{formatDate(lab.latestAt)}</td>
                        <td data-label={t('chart.labCount')} className="num">
                          {lab.count}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {selected && <LabTrend key={selected.code} patientId={patientId} lab={selected} onClose={() => setSelected(undefined)} />}
          </div>
        </>
      )}
    </Card>
  );
}

function formatRange(low: number | null, high: number | null): string {
  if (low === null && high === null) return '—';
  if (low === null) return `≤ ${formatNumber(high)}`;
  if (high === null) return `≥ ${formatNumber(low)}`;
  return `${formatNumber(low)} – ${formatNumber(high)}`;
}

function Flag({ value }: { value: LabSummary['interpretation'] }) {
  if (!value || value === 'N') return <span className="muted">{value ? label('flags', value) : ''}</span>;
  return (
    <span className={`flag flag-${value}`} title={label('flags', value)}>
      {value === 'H' ? '▲' : '▼'} {label('flags', value)}
    </span>
  );
}

function LabTrend({ patientId, lab, onClose }: { patientId: string; lab: LabSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const series = useApi(`obs:${patientId}:${lab.code}`, () => patientsApi.observations(patientId, lab.code));
  const title = t('chart.trendTitle', { test: lab.display });
  const numeric = (series.data?.items ?? []).filter((o) => o.value !== null);
  const last = series.data?.items.at(-1);

  return (
    <section id="lab-trend" className="trend-panel" aria-label={title} data-testid="lab-trend">
      <header className="trend-header">
        <h3>{title}</h3>
        <button type="button" className="button button-small button-quiet" onClick={onClose}>
          {t('chart.trendClose')}
        </button>
      </header>
      {series.error ? (
        <ErrorMessage error={series.error} onRetry={series.reload} />
      ) : !series.data ? (
        <Loading />
      ) : (
        <TrendChart
          title={title}
          unit={lab.unit}
          refLow={last?.refLow ?? lab.refLow}
          refHigh={last?.refHigh ?? lab.refHigh}
          points={numeric.map((o) => ({ id: o.id, at: o.at, value: o.value ?? 0, interpretation: o.interpretation }))}
        />
      )}
    </section>
  );
}
