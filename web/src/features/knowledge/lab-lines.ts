import type { LabResultInput } from './knowledge-api';

/**
 * Reads pasted results, one per line: "Cr 120 umol/L", "肌酐：120 μmol/L", "K\t5.9\tmmol/L",
 * "Hb, 95, g/L, 2024-05-01". The test is the text before the first number; the unit is what
 * follows it, up to an optional ISO date. Lines without a number are returned as skipped.
 */
export function parseLabLines(text: string): { results: LabResultInput[]; skipped: string[] } {
  const results: LabResultInput[] = [];
  const skipped: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const match =
      /^(.+?)[\s:：,，\t=]+([-+]?\d+(?:[.,]\d+)?)(?:\s*[,，\t]?\s*([^,，\t\s][^,，\t]*?))?(?:[\s,，\t]+(\d{4}-\d{2}-\d{2}(?:[T ][\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?))?\s*$/.exec(
        line,
      );
    const test = match?.[1]?.trim();
    const value = match?.[2] ? Number(match[2].replace(',', '.')) : Number.NaN;
    if (!test || !Number.isFinite(value)) {
      skipped.push(line);
      continue;
    }
    const unit = match?.[3]?.trim();
    const time = match?.[4]?.trim().replace(' ', 'T');
    results.push({ test, value, ...(unit ? { unit } : {}), ...(time ? { time } : {}) });
  }
  return { results, skipped };
}
