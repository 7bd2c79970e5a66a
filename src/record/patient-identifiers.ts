import type { PhiType } from '../privacy/index.js';
import type { Store } from '../store/database.js';

export interface KnownIdentifier {
  text: string;
  type: PhiType;
}

/** Latin name parts shorter than this are ordinary words too often ("May", "Will", "Sue") to blank everywhere. */
const MIN_LATIN_NAME_PART = 5;

/**
 * The identifiers the record already holds for a patient — names, MRN, phone, address — so the
 * de-identification guard removes them from text bound for an external model even where the
 * recognizers would not see them (generated names such as "Marine542 Ai120", a name without a
 * title next to it). Short Latin name parts are left to the recognizers: blanking "May" in every
 * sentence would wreck the prompt.
 */
export async function patientIdentifiers(store: Store, patientId: string): Promise<KnownIdentifier[]> {
  const row = await store.db
    .selectFrom('patients')
    .select(['name_text', 'family_name', 'given_name', 'mrn', 'phone', 'address_text'])
    .where('id', '=', patientId)
    .executeTakeFirst();
  if (!row) return [];
  const out: KnownIdentifier[] = [];
  const add = (text: string | null | undefined, type: PhiType) => {
    const trimmed = text?.trim();
    if (trimmed && !out.some((known) => known.text === trimmed)) out.push({ text: trimmed, type });
  };
  add(row.name_text, 'NAME');
  for (const part of [row.family_name, row.given_name, ...row.name_text.split(/\s+/)]) {
    const name = part?.trim();
    if (!name) continue;
    const cjk = /[\u3400-\u9fff]/.test(name);
    if ((cjk && name.length >= 2) || /\d/.test(name) || name.length >= MIN_LATIN_NAME_PART) add(name, 'NAME');
  }
  add(row.mrn, 'MRN');
  if (row.phone && row.phone.replace(/\D/g, '').length >= 7) add(row.phone, 'PHONE');
  add(row.address_text, 'ADDRESS');
  // Longest first, so a full name is replaced whole rather than part by part.
  return out.sort((a, b) => b.text.length - a.text.length);
}
