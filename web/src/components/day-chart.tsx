import { useTranslation } from 'react-i18next';
import { formatNumber, formatShortDate } from '../format';
import { linear, niceTicks, spreadIndices } from './chart-scale';
import { useElementWidth } from './use-element-width';

export interface DaySeries {
  name: string;
  className: string;
  values: (number | null)[];
}

const HEIGHT = 190;
const MARGIN = { top: 12, right: 14, bottom: 30, left: 52 };

/**
 * A small chart over consecutive days: bars for one series, lines for several.
 * `days` are `YYYY-MM-DD` strings, one per value.
 */
export function DayChart({ title, days, series, mode }: { title: string; days: string[]; series: DaySeries[]; mode: 'bar' | 'line' }) {
  const { t } = useTranslation();
  const [ref, width] = useElementWidth<HTMLElement>(360);
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (days.length === 0 || all.length === 0) {
    return (
      <figure className="chart day-chart" ref={ref}>
        <figcaption className="chart-title">{title}</figcaption>
        <p className="empty-state">{t('monitoring.chartEmpty')}</p>
      </figure>
    );
  }
  // Counts, latencies and tokens start at zero; an all-zero period still gets a 0–1 axis.
  const { domain, ticks } = niceTicks({ min: 0, max: Math.max(1, ...all) }, 4);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const slot = plotWidth / days.length;
  const xCenter = (i: number) => MARGIN.left + slot * (i + 0.5);
  const y = linear(domain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const barWidth = Math.max(1, Math.min(28, slot * 0.7));
  const labelled = spreadIndices(days.length, width < 360 ? 3 : 4);

  return (
    <figure className="chart day-chart" ref={ref}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={title}>
        <title>{title}</title>
        {ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {labelled.map((i, n) => (
          <text
            key={days[i]}
            className="chart-axis-label"
            x={xCenter(i)}
            y={HEIGHT - MARGIN.bottom + 18}
            textAnchor={n === 0 && labelled.length > 1 ? 'start' : n === labelled.length - 1 && n > 0 ? 'end' : 'middle'}
          >
            {formatShortDate(new Date(`${days[i]}T00:00:00Z`))}
          </text>
        ))}
        <line className="chart-axis" x1={MARGIN.left} x2={width - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} />
        {series.map((s) =>
          mode === 'bar' ? (
            <g key={s.name} className={s.className}>
              {s.values.map((v, i) =>
                v === null ? null : (
                  <rect
                    key={days[i]}
                    className="chart-bar"
                    x={xCenter(i) - barWidth / 2}
                    width={barWidth}
                    y={y(v)}
                    height={Math.max(0, y(domain.min) - y(v))}
                  >
                    <title>{t('charts.pointTitle', { date: days[i], value: formatNumber(v) })}</title>
                  </rect>
                ),
              )}
            </g>
          ) : (
            <g key={s.name} className={s.className}>
              <path className="chart-line" d={linePath(s.values, xCenter, y)} />
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle key={days[i]} className="chart-point" cx={xCenter(i)} cy={y(v)} r={days.length > 40 ? 2 : 3.5}>
                    <title>
                      {s.name} — {t('charts.pointTitle', { date: days[i], value: formatNumber(v) })}
                    </title>
                  </circle>
                ),
              )}
            </g>
          ),
        )}
      </svg>
      {series.length > 1 && (
        <ul className="chart-legend chart-legend-list">
          {series.map((s) => (
            <li key={s.name} className={s.className}>
              <span className="legend-swatch" aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** Joins the known values; a missing day breaks the line. */
function linePath(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    pen = true;
  });
  return d.trim();
}
