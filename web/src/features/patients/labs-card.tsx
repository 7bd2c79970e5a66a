import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOtherPick, usePick } from '../../bilingual';
import { DataTable } from '../../components/data-table';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { TrendChart } from '../../components/trend-chart';
import { formatDate, formatNumber, label } from '../../format';
import { useApi } from '../../use-api';
import { type LabSummary, patientsApi } from './patients-api';

export function LabsCard({ patientId, labs }: { patientId: string; labs: LabSummary[] }) {
  const { t } = useTranslation();
  const pick = usePick();
  const otherPick = useOtherPick();
  const [selected, setSelected] = useState<LabSummary | undefined>(undefined);

  return (
    <Card title={t('chart.labs')} testId="chart-labs" headingId="chart-labs-title" className="labs-card">
      {labs.length === 0 ? (
        <EmptyState>{t('chart.labsEmpty')}</EmptyState>
      ) : (
        <>
          <p className="muted small">{t('chart.labsHint')}</p>
          <div className={`labs-layout ${selected ? 'has-trend' : ''}`}>
            <DataTable
              columns={[
                {
                  labelKey: 'chart.labTest',
                  cell: (lab) => {
                    const isSelected = selected?.code === lab.code;
                    return (
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={isSelected}
                        aria-controls="lab-trend"
                        onClick={(e) => {
                          e.stopPropagation();
                          setSelected(isSelected ? undefined : lab);
                        }}
                        title={lab.names ? otherPick(lab.names) : undefined}
                      >
                        {lab.names ? pick(lab.names) : lab.display}
                      </button>
                    );
                  },
                },
                {
                  labelKey: 'chart.labLatest',
                  numeric: true,
                  className: (lab) => `flag-${lab.interpretation ?? 'none'}`,
                  cell: (lab) => (
                    <>
                      {lab.latestValue !== null ? formatNumber(lab.latestValue) : (lab.latestText ?? t('common.none'))}
                      {lab.unit && <span className="unit"> {lab.unit}</span>}
                    </>
                  ),
                },
                { labelKey: 'chart.labFlag', cell: (lab) => <Flag value={lab.interpretation} /> },
                { labelKey: 'chart.labRange', className: 'muted range', cell: (lab) => formatRange(lab.refLow, lab.refHigh) },
                { labelKey: 'chart.labDate', cell: (lab) => formatDate(lab.latestAt) },
                { labelKey: 'chart.labCount', numeric: true, cell: (lab) => lab.count },
              ]}
              rows={labs}
              rowKey={(lab) => lab.code}
              compact
              onRowClick={(lab) => setSelected(selected?.code === lab.code ? undefined : lab)}
              testId="lab-table"
              rowTestId="lab-row"
              rowProps={(lab) => {
                const isSelected = selected?.code === lab.code;
                return { className: isSelected ? 'is-selected' : undefined, 'aria-selected': isSelected };
              }}
            />
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

/** The record's interpretation code (HL7 v3): HH / LL (critical) as a critical badge, distinct from H / L. */
function Flag({ value }: { value: LabSummary['interpretation'] }) {
  if (!value || value === 'N') return <span className="muted">{value ? label('flags', value) : ''}</span>;
  const critical = value === 'HH' || value === 'LL';
  const arrow = value.startsWith('H') ? '▲' : '▼';
  return (
    <span
      className={`flag flag-${value}${critical ? ' badge badge-critical' : ''}`}
      title={label('flags', value)}
      data-testid="chart-lab-flag"
      data-flag={value}
    >
      {critical ? `${arrow}${arrow}` : arrow} {label('flags', value)}
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
