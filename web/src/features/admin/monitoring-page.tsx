import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '../../components/data-table';
import { DayChart } from '../../components/day-chart';
import { Card, ErrorMessage, Loading } from '../../components/feedback';
import { SegmentedChoice } from '../../components/segmented-group';
import { formatNumber, formatPercent } from '../../format';
import { useApi } from '../../use-api';
import { adminApi, type DailyStats, type WorkflowModelStats } from './admin-api';

const PERIODS = [7, 30, 90] as const;

export function MonitoringPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const stats = useApi(`monitoring:${days}`, () => adminApi.monitoring(days));

  return (
    <div className="page" data-testid="monitoring-page">
      <div className="page-header page-header-row">
        <div>
          <h1>{t('monitoring.title')}</h1>
          <p className="muted">{t('monitoring.intro')}</p>
        </div>
        <SegmentedChoice
          label={t('monitoring.period')}
          options={PERIODS}
          value={days}
          onChange={setDays}
          optionLabel={(p) => t('monitoring.days', { count: p })}
          optionTestId={(p) => `period-${p}`}
        />
      </div>
      {stats.error ? (
        <ErrorMessage error={stats.error} onRetry={stats.reload} />
      ) : !stats.data ? (
        <Loading />
      ) : (
        <>
          <Card title={t('monitoring.byWorkflowModel')} testId="monitoring-table">
            <StatsTable rows={stats.data.byWorkflowModel} />
          </Card>
          <DailyCharts daily={fillDays(stats.data.daily, days)} />
        </>
      )}
    </div>
  );
}

function StatsTable({ rows }: { rows: WorkflowModelStats[] }) {
  const { t } = useTranslation();
  const columns: DataColumn<WorkflowModelStats>[] = [
    { labelKey: 'monitoring.workflow', cell: (r) => r.workflow },
    { labelKey: 'monitoring.model', className: 'mono small', cell: (r) => r.modelId },
    { labelKey: 'monitoring.total', numeric: true, cell: (r) => formatNumber(r.total, 0) },
    { labelKey: 'monitoring.accepted', numeric: true, cell: (r) => formatPercent(r.acceptanceRate) },
    { labelKey: 'monitoring.edited', numeric: true, cell: (r) => formatPercent(r.editRate) },
    { labelKey: 'monitoring.rejected', numeric: true, cell: (r) => formatPercent(r.rejectionRate) },
    { labelKey: 'monitoring.pending', numeric: true, cell: (r) => formatNumber(r.draft, 0) },
    { labelKey: 'monitoring.medianEdit', numeric: true, cell: (r) => formatNumber(r.medianEditDistance, 0) },
    { labelKey: 'monitoring.medianLatency', numeric: true, cell: (r) => formatNumber(r.medianLatencyMs, 0) },
    {
      labelKey: 'monitoring.tokens',
      numeric: true,
      className: 'nowrap',
      cell: (r) => (
        <>
          {formatNumber(r.tokensIn, 0)} / {formatNumber(r.tokensOut, 0)}
        </>
      ),
    },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(r) => `${r.workflow}:${r.modelId}`} compact empty={t('monitoring.empty')} />;
}

function DailyCharts({ daily }: { daily: DailyStats[] }) {
  const { t } = useTranslation();
  const days = daily.map((d) => d.day);
  return (
    <div className="chart-grid chart-grid-3" data-testid="monitoring-charts">
      <section className="card">
        <div className="card-body">
          <DayChart
            title={t('monitoring.perDay')}
            mode="bar"
            days={days}
            series={[{ name: t('monitoring.total'), className: 'series-1', values: daily.map((d) => d.count) }]}
          />
        </div>
      </section>
      <section className="card">
        <div className="card-body">
          <DayChart
            title={t('monitoring.latencyPerDay')}
            mode="line"
            days={days}
            series={[{ name: t('monitoring.medianLatency'), className: 'series-1', values: daily.map((d) => d.medianLatencyMs) }]}
          />
        </div>
      </section>
      <section className="card">
        <div className="card-body">
          <DayChart
            title={t('monitoring.tokensPerDay')}
            mode="line"
            days={days}
            series={[
              { name: t('monitoring.tokensIn'), className: 'series-1', values: daily.map((d) => (d.count ? d.tokensIn : null)) },
              { name: t('monitoring.tokensOut'), className: 'series-2', values: daily.map((d) => (d.count ? d.tokensOut : null)) },
            ]}
          />
        </div>
      </section>
    </div>
  );
}

/** One entry per calendar day of the period, ending today (UTC), so quiet days show as gaps. */
export function fillDays(daily: DailyStats[], days: number, today = new Date()): DailyStats[] {
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const out: DailyStats[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(end - i * 86_400_000).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, count: 0, medianLatencyMs: null, tokensIn: 0, tokensOut: 0 });
  }
  // Days the server knows beyond the window (clock skew) are kept rather than dropped.
  for (const d of daily) if (!out.some((o) => o.day === d.day)) out.push(d);
  return out.sort((a, b) => a.day.localeCompare(b.day));
}
