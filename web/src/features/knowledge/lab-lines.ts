import type { LabResultInput } from './knowledge-api';

/** An ISO date (and time) at the end of a line. */
const TRAILING_DATE = /^(.*?)[\s,，\t]+(\d{4}-\d{2}-\d{2}(?:[T ][\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?)$/;
/** A printed reference range at the end of a line: "150-400", "(3.5-5.3)", "[3.5–5.3]", "<5", "≥60", "-3-3". */
const TRAILING_RANGE =
  /^(.*?\d.*?)[\s,，\t]+[([]?(?:(<=|>=|≤|≥|<|>)\s*(\d+(?:[.,]\d+)?)|(-?\d+(?:[.,]\d+)?)\s*[-–~～]\s*(-?\d+(?:[.,]\d+)?))[)\]]?$/;

/**
 * Reads pasted results, one per line: "Cr 120 umol/L", "肌酐：120 μmol/L", "K\t5.9\tmmol/L",
 * "Hb, 95, g/L, 2024-05-01", "PLT 356 10^9/L 150-400". The test is the text before the first
 * number; the unit is what follows it, then an optional printed reference range (the laboratory's
 * own, which the flag then uses) and an optional ISO date. Lines without a number are skipped.
 */
export function parseLabLines(text: string): { results: LabResultInput[]; skipped: string[] } {
  const results: LabResultInput[] = [];
  const skipped: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '') continue;
    const original = line;
    const dated = TRAILING_DATE.exec(line);
    const date = dated?.[2];
    if (dated?.[1]) line = dated[1].trim();
    const ranged = TRAILING_RANGE.exec(line);
    let reportedRange: LabResultInput['reportedRange'];
    if (ranged?.[1]) {
      const num = (t: string | undefined) => Number((t ?? '').replace(',', '.'));
      if (ranged[2]) reportedRange = ranged[2].startsWith('<') || ranged[2] === '≤' ? { high: num(ranged[3]) } : { low: num(ranged[3]) };
      else if (num(ranged[4]) < num(ranged[5])) reportedRange = { low: num(ranged[4]), high: num(ranged[5]) };
      line = ranged[1].trim();
    }
    if (date) line = `${line} ${date}`;
    const match =
      /^(.+?)[\s:：,，\t=]+([-+]?\d+(?:[.,]\d+)?)(?:\s*[,，\t]?\s*([^,，\t\s][^,，\t]*?))?(?:[\s,，\t]+(\d{4}-\d{2}-\d{2}(?:[T ][\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?))?\s*$/.exec(
        line,
      );
    const test = match?.[1]?.trim();
    const value = match?.[2] ? Number(match[2].replace(',', '.')) : Number.NaN;
    if (!test || !Number.isFinite(value)) {
      skipped.push(original);
      continue;
    }
    const unit = match?.[3]?.trim();
    const time = match?.[4]?.trim().replace(' ', 'T');
    results.push({ test, value, ...(unit ? { unit } : {}), ...(reportedRange ? { reportedRange } : {}), ...(time ? { time } : {}) });
  }
  return { results, skipped };
}
