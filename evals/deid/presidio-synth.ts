import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PhiType } from '../../src/privacy/index.js';
import type { DeidDoc, GoldSpan, IgnoredSpan } from './deid-doc.js';

/** Where Suwen ships its copy of presidio-research's synthetic PII set (MIT; see its NOTICE.md). */
export const PRESIDIO_SYNTH_PATH = fileURLToPath(new URL('../../data/deid-eval/presidio-synth-pii/synth_dataset_v2.json', import.meta.url));

/**
 * Presidio entity label → Suwen PHI type. `null`: not PHI for Suwen, so the span is neither
 * required nor penalised (it becomes an ignored region):
 * - GPE: mixes countries and states (not identifying under HIPAA Safe Harbor) with cities (which
 *   are); the label cannot tell them apart.
 * - NRP (nationality, religion, political group) and TITLE (Mr., job titles): not identifiers.
 * - US_DRIVER_LICENSE: a licence number is a Safe Harbor identifier, but Suwen has no type for
 *   it yet (LICENSE_PLATE is a vehicle plate).
 * DATE_TIME and AGE are refined by value in `mapPresidioLabel`.
 */
export const PRESIDIO_LABEL_MAP: Readonly<Record<string, PhiType | null>> = {
  PERSON: 'NAME',
  STREET_ADDRESS: 'ADDRESS',
  ZIP_CODE: 'ADDRESS',
  ORGANIZATION: 'ORGANIZATION',
  CREDIT_CARD: 'BANK_CARD',
  IBAN_CODE: 'BANK_CARD',
  PHONE_NUMBER: 'PHONE',
  EMAIL_ADDRESS: 'EMAIL',
  DOMAIN_NAME: 'URL',
  IP_ADDRESS: 'IP',
  US_SSN: 'SSN',
  DATE_TIME: 'DATE',
  AGE: 'AGE',
  GPE: null,
  NRP: null,
  TITLE: null,
  US_DRIVER_LICENSE: null,
};

/**
 * The Suwen type for one Presidio span, or null when Suwen does not treat it as PHI. A bare year
 * or weekday is not a Safe Harbor date, and ages under 90 are not PHI (45 CFR 164.514(b)(2)(i)(C)).
 */
export function mapPresidioLabel(label: string, value: string): PhiType | null {
  const type = PRESIDIO_LABEL_MAP[label] ?? null;
  if (type === 'DATE' && /^\s*(\d{4}|(mon|tues|wednes|thurs|fri|satur|sun)day)\s*$/i.test(value)) return null;
  if (type === 'AGE') {
    const years = Number.parseInt(value, 10);
    return Number.isFinite(years) && years >= 90 ? 'AGE' : null;
  }
  return type;
}

const presidioSchema = z.array(
  z.object({
    full_text: z.string(),
    spans: z.array(
      z.object({ entity_type: z.string(), entity_value: z.string(), start_position: z.number().int(), end_position: z.number().int() }),
    ),
  }),
);

/** Presidio positions are Python code-point offsets; Suwen's are UTF-16 (they differ only past U+FFFF). */
function utf16Offsets(text: string): (codePoint: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (codePoint) => codePoint;
  const table: number[] = [];
  let unit = 0;
  for (const char of text) {
    table.push(unit);
    unit += char.length;
  }
  table.push(unit);
  return (codePoint) => table[codePoint] ?? unit;
}

/** Converts the parsed JSON of synth_dataset_v2.json to evaluation documents (lang 'en'). */
export function presidioToDeidDocs(raw: unknown): DeidDoc[] {
  const parsed = presidioSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error('The Presidio synthetic set does not have the expected shape; restore it from data/deid-eval/presidio-synth-pii/.');
  return parsed.data.map((record, i) => {
    const spans: GoldSpan[] = [];
    const ignored: IgnoredSpan[] = [];
    const toUtf16 = utf16Offsets(record.full_text);
    for (const s of record.spans) {
      const start = toUtf16(s.start_position);
      const end = toUtf16(s.end_position);
      const type = mapPresidioLabel(s.entity_type, s.entity_value);
      if (type) spans.push({ type, start, end });
      else ignored.push({ label: s.entity_type, start, end });
    }
    spans.sort((a, b) => a.start - b.start);
    return { id: `presidio-${String(i + 1).padStart(4, '0')}`, lang: 'en' as const, text: record.full_text, spans, ignored };
  });
}

/** Loads Suwen's copy of the Presidio synthetic PII set as evaluation documents. */
export function loadPresidioSynth(path: string = PRESIDIO_SYNTH_PATH): DeidDoc[] {
  return presidioToDeidDocs(JSON.parse(readFileSync(path, 'utf8')));
}
