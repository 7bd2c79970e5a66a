import { useTranslation } from 'react-i18next';
import type { Interpretation } from '../features/patients/patients-api';
import { formatDate, formatNumber, formatShortDate } from '../format';
import { extent, linear, niceTicks, spreadIndices } from './chart-scale';
import { useElementWidth } from './use-element-width';

export interface TrendPoint {
  id: string;
  at: string;
  value: number;
  interpretation: Interpretation | null;
}

const HEIGHT = 220;
const MARGIN = { top: 14, right: 20, bottom: 34, left: 52 };
const DAY_MS = 86_400_000;

/** A line chart of one lab test over time, with its reference range shaded. */
export function TrendChart({
  points,
  refLow,
  refHigh,
  unit,
  title,
}: {
  points: TrendPoint[];
  refLow: number | null;
  refHigh: number | null;
  unit: string | null;
  title: string;
}) {
  const { t } = useTranslation();
  const [ref, width] = useElementWidth<HTMLElement>(480);
  if (points.length === 0) return <p className="empty-state">{t('chart.trendEmpty')}</p>;

  const times = points.map((p) => new Date(p.at).getTime());
  const timeDomain = extent(times);
  if (timeDomain.min === timeDomain.max) {
    timeDomain.min -= DAY_MS;
    timeDomain.max += DAY_MS;
  }
  const valueRange = extent([...points.map((p) => p.value), ...(refLow !== null ? [refLow] : []), ...(refHigh !== null ? [refHigh] : [])]);
  const { domain, ticks } = niceTicks(valueRange, 4);
  const x = linear(timeDomain, [MARGIN.left, width - MARGIN.right]);
  const y = linear(domain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const withYear = timeDomain.max - timeDomain.min > 300 * DAY_MS;
  const tickCount = width < 420 ? 3 : 5;
  const xTicks = spreadIndices(tickCount, tickCount).map((i) => timeDomain.min + ((timeDomain.max - timeDomain.min) * i) / (tickCount - 1));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(times[i] ?? 0).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const unitSuffix = unit ? ` ${unit}` : '';
  const bandTop = y(refHigh ?? domain.max);
  const bandBottom = y(refLow ?? domain.min);
  const hasBand = refLow !== null || refHigh !== null;

  return (
    <figure className="chart trend-chart" ref={ref}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={title}>
        <title>{title}</title>
        {hasBand && (
          <rect
            className="chart-band"
            x={MARGIN.left}
            width={width - MARGIN.left - MARGIN.right}
            y={bandTop}
            height={Math.max(0, bandBottom - bandTop)}
          />
        )}
        {ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {xTicks.map((time, i) => (
          <text
            key={time}
            className="chart-axis-label"
            x={x(time)}
            y={HEIGHT - MARGIN.bottom + 20}
            textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
          >
            {formatShortDate(new Date(time), withYear)}
          </text>
        ))}
        <line className="chart-axis" x1={MARGIN.left} x2={width - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} />
        <path className="chart-line" d={path} />
        {points.map((p, i) => (
          <circle key={p.id} className={`chart-point chart-point-${p.interpretation ?? 'N'}`} cx={x(times[i] ?? 0)} cy={y(p.value)} r={4.5}>
            <title>{t('charts.pointTitle', { date: formatDate(p.at), value: `${formatNumber(p.value)}${unitSuffix}` })}</title>
          </circle>
        ))}
      </svg>
      {hasBand && (
        <figcaption className="chart-legend">
          <span className="legend-swatch legend-band" aria-hidden="true" />
          {t('chart.trendRangeLegend')}: {formatNumber(refLow)} – {formatNumber(refHigh)}
          {unitSuffix}
        </figcaption>
      )}
    </figure>
  );
}
