/** One piece of text the OCR engine read, with the four corners of its box (clockwise from top left). */
export interface OcrTextBox {
  text: string;
  /** Mean character probability, 0–1. */
  confidence: number;
  box: readonly (readonly [number, number])[];
}

interface Placed {
  text: string;
  left: number;
  right: number;
  mid: number;
  height: number;
}

/**
 * Puts boxes back into printed rows, left to right, so a table row "血红蛋白 98 g/L 130-175 ↓"
 * stays one line for `parseLabReport`. A photo is rarely level: the page's tilt is estimated from
 * the boxes' top edges (median of the wide ones) and undone before rows are formed. A box joins a
 * row when its centre lies within half a line height of the row's centre line.
 */
export function ocrBoxesToLines(boxes: readonly OcrTextBox[]): string[] {
  const usable = boxes.filter((b) => b.text.trim() && b.box.length === 4);
  if (usable.length === 0) return [];
  const angle = pageTilt(usable);
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const placed: Placed[] = usable.map((b) => {
    const pts = b.box.map(([x, y]) => [x * cos - y * sin, x * sin + y * cos] as const);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    return {
      text: b.text.trim(),
      left: Math.min(...xs),
      right: Math.max(...xs),
      mid: (top + bottom) / 2,
      height: Math.max(1, bottom - top),
    };
  });
  placed.sort((a, b) => a.mid - b.mid);
  const rows: { mid: number; height: number; items: Placed[] }[] = [];
  for (const p of placed) {
    const row = rows.find((r) => Math.abs(r.mid - p.mid) < Math.min(r.height, p.height) / 2);
    if (row) {
      row.items.push(p);
      // Running mean keeps a long row on track across a slightly curved page.
      row.mid = row.items.reduce((s, i) => s + i.mid, 0) / row.items.length;
      row.height = row.items.reduce((s, i) => s + i.height, 0) / row.items.length;
    } else rows.push({ mid: p.mid, height: p.height, items: [p] });
  }
  rows.sort((a, b) => a.mid - b.mid);
  return rows.map((r) =>
    r.items
      .sort((a, b) => a.left - b.left)
      .map((i) => i.text)
      .join(' '),
  );
}

/** Median angle (radians) of the top edges of boxes at least twice as wide as tall; 0 when none. */
function pageTilt(boxes: readonly OcrTextBox[]): number {
  const angles: number[] = [];
  for (const b of boxes) {
    const [p0, p1, , p3] = b.box;
    if (!p0 || !p1 || !p3) continue;
    const width = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
    const height = Math.hypot(p3[0] - p0[0], p3[1] - p0[1]);
    if (width < 2 * height || width === 0) continue;
    angles.push(Math.atan2(p1[1] - p0[1], p1[0] - p0[0]));
  }
  if (angles.length === 0) return 0;
  angles.sort((a, b) => a - b);
  const median = angles[Math.floor(angles.length / 2)] ?? 0;
  // Beyond ~20° the detector's boxes are unreliable anyway; do not over-rotate on noise.
  return Math.abs(median) > 0.35 ? 0 : median;
}
