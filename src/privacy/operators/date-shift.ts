import { createHmac } from 'node:crypto';

/**
 * Shifts a date written in any common Chinese or English format by a whole number of days and
 * writes it back in the same format, so intervals between a patient's dates survive
 * de-identification. Returns null when the text is not a full date this module can read.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

interface Parsed {
  date: Date;
  format: (d: Date) => string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const toHalfWidth = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function utc(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

function parse(raw: string): Parsed | null {
  const text = toHalfWidth(raw.trim());
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/.exec(text);
  if (m) {
    const date = utc(Number(m[1]), Number(m[2]), Number(m[3]));
    return date && { date, format: (d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` };
  }
  m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (m) {
    const [, y, sep, mo, da] = m as unknown as [string, string, string, string, string];
    const date = utc(Number(y), Number(mo), Number(da));
    const width = mo.length === 2 ? 2 : 1;
    return (
      date && { date, format: (d) => `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1, width)}${sep}${pad(d.getUTCDate(), width)}` }
    );
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const [, mo, da, yr] = m as unknown as [string, string, string, string];
    const year = yr.length === 2 ? 2000 + Number(yr) - (Number(yr) > 50 ? 100 : 0) : Number(yr);
    const date = utc(year, Number(mo), Number(da));
    return (
      date && {
        date,
        format: (d) =>
          `${pad(d.getUTCMonth() + 1, mo.length)}/${pad(d.getUTCDate(), da.length)}/${yr.length === 2 ? pad(d.getUTCFullYear() % 100, 2) : d.getUTCFullYear()}`,
      }
    );
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith((m?.[1] ?? '').toLowerCase()));
    const date = month >= 0 ? utc(Number(m[3]), month + 1, Number(m[2])) : null;
    const short = (m[1] ?? '').length <= 4;
    return date && { date, format: (d) => `${monthName(d, short)} ${d.getUTCDate()}, ${d.getUTCFullYear()}` };
  }
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-](\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith((m?.[2] ?? '').toLowerCase()));
    const date = month >= 0 ? utc(Number(m[3]), month + 1, Number(m[1])) : null;
    const short = (m[2] ?? '').length <= 4;
    const sep = text.includes('-') ? '-' : ' ';
    return date && { date, format: (d) => `${d.getUTCDate()}${sep}${monthName(d, short)}${sep}${d.getUTCFullYear()}` };
  }
  return null;
}

function monthName(d: Date, short: boolean): string {
  const name = MONTHS[d.getUTCMonth()] as string;
  const cap = name[0]?.toUpperCase() + name.slice(1);
  return short ? cap.slice(0, 3) : cap;
}

export function shiftDate(text: string, days: number): string | null {
  const parsed = parse(text);
  if (!parsed) return null;
  return parsed.format(new Date(parsed.date.getTime() + days * 86_400_000));
}

/** A per-scope shift between 30 and 365 days, earlier or later, from the scope's keyed hash. */
export function dateShiftFor(secret: string, scope: string): number {
  const value = createHmac('sha256', secret).update(`date-shift\u0000${scope}`).digest().readUInt32LE(0);
  const magnitude = 30 + (value % 336);
  return value & 0x8000_0000 ? -magnitude : magnitude;
}
