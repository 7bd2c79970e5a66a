import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePick } from '../bilingual';
import type { InterpretedLabResult, LabFlag, LabInterpretation } from '../features/knowledge/knowledge-api';
import { formatDate, formatNumber } from '../format';
import { currentLocale } from '../i18n';
import { href } from '../router';
import { DataTable } from './data-table';
import { Badge, EmptyState } from './feedback';
import { SourceCitation } from './source-citation';

const FLAG_TONE: Record<LabFlag, string> = {
  'critical-low': 'critical',
  'critical-high': 'critical',
  low: 'info',
  high: 'warning',
  normal: 'success',
  unknown: 'neutral',
};

export function LabFlagBadge({ flag }: { flag: LabFlag }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${FLAG_TONE[flag]} lab-flag lab-flag-${flag}`} data-testid="lab-flag" data-flag={flag}>
      {flag.endsWith('low') ? '▼ ' : flag.endsWith('high') ? '▲ ' : ''}
      {t(`labs.flags.${flag}`)}
    </span>
  );
}

/** Flags per result (value in SI, range and its source), trends over time, and cited patterns. */
export function LabInterpretationView({ interpretation }: { interpretation: LabInterpretation }) {
  const { t } = useTranslation();
  const pick = usePick();
  const [showAll, setShowAll] = useState(false);
  const { trends, patterns } = interpretation;
  const latest = latestPerTest(interpretation.results);
  const results = showAll ? interpretation.results : latest;
  return (
    <div className="lab-interpretation" data-testid="lab-interpretation">
      <h3 className="section-title">{t('labs.patterns')}</h3>
      {patterns.length === 0 ? (
        <p className="muted small">{t('labs.noPatterns')}</p>
      ) : (
        <ul className="item-list" data-testid="lab-patterns">
          {patterns.map((pattern) => (
            <li
              key={`${pattern.id}:${pattern.severity}:${pattern.message.en}`}
              className="lab-pattern"
              data-testid="lab-pattern"
              data-id={pattern.id}
              data-severity={pattern.severity}
            >
              <div className="item-title">
                <Badge tone={pattern.severity === 'critical' ? 'critical' : 'warning'}>
                  {t(`labs.patternNames.${pattern.id}`, { defaultValue: pattern.id })}
                </Badge>
              </div>
              <p>{pick(pattern.message)}</p>
              <p className="small muted">{pattern.evidence.map((e) => `${e.labId} ${fixed(e.value, e.decimals)} ${e.unit}`).join(' · ')}</p>
              <p className="small">
                <SourceCitation source={pattern.source} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3 className="section-title">
        {t('labs.results')}
        {latest.length < interpretation.results.length && (
          <button
            type="button"
            className="button button-small button-quiet section-toggle"
            onClick={() => setShowAll((v) => !v)}
            data-testid="lab-show-all"
          >
            {showAll ? t('labs.showLatest') : t('labs.showAll', { count: interpretation.results.length })}
          </button>
        )}
      </h3>
      {results.length === 0 ? (
        <EmptyState>{t('labs.noResults')}</EmptyState>
      ) : (
        <DataTable
          columns={[
            {
              labelKey: 'labs.test',
              cell: (r) => (
                <>
                  {r.labId && r.name ? <a href={href(`/knowledge/lab/${encodeURIComponent(r.labId)}`)}>{pick(r.name)}</a> : r.test}
                  {r.time && <div className="muted small">{formatDate(r.time)}</div>}
                </>
              ),
            },
            {
              labelKey: 'labs.valueSi',
              numeric: true,
              className: 'nowrap',
              cell: (r) => (
                <>
                  <span data-testid="lab-si-value">{r.siValue !== undefined ? fixed(r.siValue, r.decimals) : formatNumber(r.value)}</span>
                  <span className="unit"> {r.siUnit ?? r.unit ?? ''}</span>
                  {converted(r) && (
                    <div className="muted small">
                      {formatNumber(r.value)} {r.unit}
                    </div>
                  )}
                </>
              ),
            },
            { labelKey: 'labs.flag', cell: (r) => <LabFlagBadge flag={r.flag} /> },
            {
              labelKey: 'labs.range',
              className: 'small',
              cell: (r) =>
                r.range ? (
                  <>
                    <span data-testid="lab-range">{rangeOf(r.range.low, r.range.high, converted(r) ? r.decimals : undefined)}</span>{' '}
                    <span className="unit">{r.range.unit}</span>
                    {r.range.merged && <div className="muted">{t('labs.mergedRange')}</div>}
                    {r.range.origin === 'reported' && (
                      <div className="muted" data-testid="lab-range-own">
                        {t('labs.ownRange')}
                      </div>
                    )}
                  </>
                ) : (
                  t('common.none')
                ),
            },
            {
              labelKey: 'labs.note',
              className: 'small',
              cell: (r) => (
                <>
                  {pick(r.problem?.message ?? r.message)}
                  {r.criticalCitation && (
                    <div>
                      <SourceCitation source={r.criticalCitation} compact />
                    </div>
                  )}
                  {!r.criticalCitation && r.citation && (
                    <div>
                      <SourceCitation source={r.citation} compact />
                    </div>
                  )}
                </>
              ),
            },
          ]}
          rows={results}
          rowKey={(r) => r.index}
          testId="lab-results"
          rowTestId="lab-result"
          rowProps={(r) => ({ 'data-flag': r.flag })}
        />
      )}
      {trends.length > 0 && (
        <>
          <h3 className="section-title">{t('labs.trends')}</h3>
          <ul className="item-list" data-testid="lab-trends">
            {trends.map((trend) => (
              <li key={trend.labId} data-testid="lab-trend-item">
                <div className="item-title">
                  <span>{pick(trend.name)}</span>
                  <Badge tone={trend.direction === 'stable' ? 'neutral' : 'info'}>
                    {trend.direction === 'rising' ? '↗ ' : trend.direction === 'falling' ? '↘ ' : '→ '}
                    {t(`labs.directions.${trend.direction}`)}
                  </Badge>
                </div>
                <div className="item-meta small">
                  {fixed(trend.first.value, trend.decimals)} → {fixed(trend.last.value, trend.decimals)} {trend.unit} (
                  {formatDate(trend.first.time)} → {formatDate(trend.last.time)})
                  {trend.percentChange !== null && ` · ${trend.percentChange > 0 ? '+' : ''}${formatNumber(trend.percentChange, 0)}%`}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">{pick(interpretation.disclaimer)}</p>
    </div>
  );
}

/** The newest result of each test (by collection time, else input order); history is in the trends. */
function latestPerTest(results: InterpretedLabResult[]): InterpretedLabResult[] {
  const byTest = new Map<string, InterpretedLabResult>();
  for (const r of results) {
    const key = r.labId ?? r.test.toLowerCase();
    const seen = byTest.get(key);
    if (!seen || (r.time ?? '') >= (seen.time ?? '')) byTest.set(key, r);
  }
  return results.filter((r) => byTest.get(r.labId ?? r.test.toLowerCase()) === r);
}

/** A lab value at the precision the engine gives for its analyte (creatinine µmol/L 0, calcium 2); the value itself stays exact. */
function fixed(value: number, decimals: number | undefined): string {
  if (decimals === undefined) return formatNumber(value);
  return new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** Whether the value was converted to the SI unit (so the SI figures are computed, and rounded for display). */
function converted(r: InterpretedLabResult): boolean {
  return r.siValue !== undefined && r.siValue !== r.value;
}

/** Range bounds: as written when not converted (curated 1.71, printed 150–400), at the result's precision when converted (a printed 0.7–1.3 mg/dL → 62–115 µmol/L). */
function rangeOf(low: number | undefined, high: number | undefined, decimals: number | undefined): string {
  const show = (v: number | undefined): string => (v === undefined ? '' : fixed(v, decimals));
  if (low === undefined && high === undefined) return '—';
  if (low === undefined) return `≤ ${show(high)}`;
  if (high === undefined) return `≥ ${show(low)}`;
  return `${show(low)}–${show(high)}`;
}
