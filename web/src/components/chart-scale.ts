/** Small scale helpers for the hand-drawn SVG charts. */

export interface Domain {
  min: number;
  max: number;
}

/** A round step (1, 2, 5 × 10ⁿ) that splits the span into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Widens a domain to round tick values and lists the ticks. */
export function niceTicks(domain: Domain, count = 4): { domain: Domain; ticks: number[] } {
  let { min, max } = domain;
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: { min: 0, max: 1 }, ticks: [0, 1] };
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, count);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { domain: { min: lo, max: hi }, ticks };
}

export function linear(domain: Domain, range: [number, number]): (value: number) => number {
  const span = domain.max - domain.min || 1;
  return (value) => range[0] + ((value - domain.min) / span) * (range[1] - range[0]);
}

export function extent(values: number[]): Domain {
  return values.reduce<Domain>((acc, v) => ({ min: Math.min(acc.min, v), max: Math.max(acc.max, v) }), {
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  });
}

/** Indices of up to `count` evenly spread items, always the first and the last. */
export function spreadIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  const out = new Set<number>();
  for (let i = 0; i < count; i++) out.add(Math.round((i * (length - 1)) / (count - 1)));
  return [...out];
}
