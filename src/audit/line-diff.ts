/**
 * A line diff (longest common subsequence) for reviewing a clinician's edit of an AI draft:
 * `+`/`-`/` ` prefixed lines, and the edit size as characters removed plus characters added.
 */
export interface LineDiff {
  text: string;
  editSize: number;
}

const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): LineDiff {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_CELLS) {
    // Too large to align: report a whole replacement rather than hang the request.
    return {
      text: [...a.map((l) => `- ${l}`), ...b.map((l) => `+ ${l}`)].join('\n'),
      editSize: before.length + after.length,
    };
  }
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: string[] = [];
  let editSize = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) > (lcs[i + 1]?.[j] ?? 0))) {
      out.push(`+ ${b[j]}`);
      editSize += (b[j] ?? '').length + 1;
      j++;
    } else {
      out.push(`- ${a[i]}`);
      editSize += (a[i] ?? '').length + 1;
      i++;
    }
  }
  return { text: out.join('\n'), editSize };
}
