import { sql } from 'kysely';
import type { Store } from '../store/database.js';
import type { PatientRow } from '../store/schema.js';

/** Read-side queries for the patient record. Shapes here are the API's; rows never leak out. */

export interface PatientSummary {
  id: string;
  mrn: string | null;
  name: string;
  gender: string | null;
  birthDate: string | null;
  age: number | null;
  deceased: boolean;
}

export interface PatientDetail extends PatientSummary {
  deceasedAt: string | null;
  phone: string | null;
  address: string | null;
  language: string | null;
}

/** Whole years between a birth date and a reference day (the death date for the deceased). */
export function ageInYears(birthDate: string | null, at: Date = new Date()): number | null {
  if (!birthDate) return null;
  const birth = new Date(`${birthDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(birth.getTime())) return null;
  let age = at.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    at.getUTCMonth() < birth.getUTCMonth() || (at.getUTCMonth() === birth.getUTCMonth() && at.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age >= 0 ? age : null;
}

function toSummary(row: Pick<PatientRow, 'id' | 'mrn' | 'name_text' | 'gender' | 'birth_date' | 'deceased_at'>): PatientSummary {
  const reference = row.deceased_at ? new Date(row.deceased_at) : new Date();
  return {
    id: row.id,
    mrn: row.mrn,
    name: row.name_text,
    gender: row.gender,
    birthDate: row.birth_date,
    age: ageInYears(row.birth_date, reference),
    deceased: row.deceased_at !== null,
  };
}

export async function listPatients(
  store: Store,
  options: { q?: string | undefined; limit: number; offset: number; onlyId?: string | undefined },
): Promise<{ items: PatientSummary[]; total: number }> {
  let query = store.db.selectFrom('patients');
  const q = options.q?.trim().toLowerCase();
  if (q) {
    // Escape LIKE wildcards so a search for "50%" means the text, on both databases.
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // search_text is stored lower-cased; an explicit ESCAPE makes both databases read "\\%" alike.
    query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
  }
  if (options.onlyId) query = query.where('id', '=', options.onlyId);
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'mrn', 'name_text', 'gender', 'birth_date', 'deceased_at'])
      .orderBy('name_text')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: Number(count.n) };
}
