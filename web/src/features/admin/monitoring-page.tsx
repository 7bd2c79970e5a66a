import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayChart } from '../../components/day-chart';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
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
            {stats.data.byWorkflowModel.length === 0 ? (
              <EmptyState>{t('monitoring.empty')}</EmptyState>
            ) : (
              <StatsTable rows={stats.data.byWorkflowModel} />
            )}
          </Card>
          <DailyCharts daily={fillDays(stats.data.daily, days)} />
        </>
      )}
    </div>
  );
}

function StatsTable({ rows }: { rows: WorkflowModelStats[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">{t('monitoring.workflow')}</th>
            <th scope="col">{t('monitoring.model')}</th>
            <th scope="col" className="num">
              {t('monitoring.total')}
            </th>
            <th scope="col" className="num">
              {t('monitoring.accepted')}
            </th>
            <th scope="col" className="num">
              {t('monitoring.edited')}
            </th>
            <th scope="col" className="num">
              {t('monitoring.rejected')}
            </th>
            <th scope="col" className="num">
              {t('monitoring.pending')}
            </th>
            <th scope="col" className="num">
              {t('monitoring.medianEdit')}
            </th>
            <th scope="col" className="num">
              {t('monitoring.medianLatency')}
            </th>
            <th scope="col" className="num">
              {t('monitoring.tokens')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.workflow}:${r.modelId}`}>
              <td data-label={t('monitoring.workflow')}>{r.workflow}</td>
              <td data-label={t('monitoring.model')} className="mono small">
                {r.modelId}
              </td>
              <td data-label={t('monitoring.total')} className="num">
                {formatNumber(r.total, 0)}
              </td>
              <td data-label={t('monitoring.accepted')} className="num">
                {formatPercent(r.acceptanceRate)}
              </td>
              <td data-label={t('monitoring.edited')} className="num">
                {formatPercent(r.editRate)}
              </td>
              <td data-label={t('monitoring.rejected')} className="num">
                {formatPercent(r.rejectionRate)}
              </td>
              <td data-label={t('monitoring.pending')} className="num">
                {formatNumber(r.draft, 0)}
              </td>
              <td data-label={t('monitoring.medianEdit')} className="num">
                {formatNumber(r.medianEditDistance, 0)}
              </td>
              <td data-label={t('monitoring.medianLatency')} className="num">
                {formatNumber(r.medianLatencyMs, 0)}
              </td>
              <td data-label={t('monitoring.tokens')} className="num nowrap">
                {formatNumber(r.tokensIn, 0)} / {formatNumber(r.tokensOut, 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
