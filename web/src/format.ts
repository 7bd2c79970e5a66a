import i18next from 'i18next';
import { currentLocale } from './i18n';

function toDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date; a bare `YYYY-MM-DD` is shown as written, never shifted by time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return i18next.t('common.none');
  const date = toDate(value);
  if (!date) return value;
  const timeZone = dateOnly.test(value) ? 'UTC' : undefined;
  return new Intl.DateTimeFormat(currentLocale(), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return i18next.t('common.none');
  const date = toDate(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(currentLocale(), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Short axis label: month and day. */
export function formatShortDate(date: Date, withYear = false): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    year: withYear ? '2-digit' : undefined,
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatNumber(value: number | null | undefined, maximumFractionDigits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return i18next.t('common.none');
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits }).format(value);
}

export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return i18next.t('common.none');
  return new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** Translates a coded value when a label exists, otherwise shows the code as it is. */
export function label(group: string, code: string | null | undefined): string {
  if (!code) return i18next.t('common.none');
  return i18next.t(`${group}.${code}`, { defaultValue: code });
}

export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
