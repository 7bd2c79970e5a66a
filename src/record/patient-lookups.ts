import type { Store } from '../store/database.js';

/**
 * Small reads of the patients table that other layers need before they act: does the patient (or
 * the patient's encounter) exist, who is it, which patients are there. The chart and the patient
 * list live in `patient-chart.ts` and `patient-queries.ts`.
 */

export interface PatientDemographics {
  name: string;
  mrn: string | null;
  gender: string | null;
  birthDate: string | null;
  deceasedAt: string | null;
}

/** Whether the record holds this patient. */
export async function patientExists(store: Store, patientId: string): Promise<boolean> {
  const row = await store.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
  return row !== undefined;
}

/** Whether the encounter exists and is this patient's. */
export async function patientHasEncounter(store: Store, patientId: string, encounterId: string): Promise<boolean> {
  const row = await store.db
    .selectFrom('encounters')
    .select('id')
    .where('id', '=', encounterId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Name, MRN, sex and dates of a patient, or null when the record holds no such patient. */
export async function findPatientDemographics(store: Store, patientId: string): Promise<PatientDemographics | null> {
  const row = await store.db
    .selectFrom('patients')
    .select(['name_text', 'mrn', 'gender', 'birth_date', 'deceased_at'])
    .where('id', '=', patientId)
    .executeTakeFirst();
  return row ? { name: row.name_text, mrn: row.mrn, gender: row.gender, birthDate: row.birth_date, deceasedAt: row.deceased_at } : null;
}

/** The patient's FHIR Patient resource as stored at import, or null when there is no such patient. */
export async function findPatientResource(store: Store, patientId: string): Promise<Record<string, unknown> | null> {
  const row = await store.db.selectFrom('patients').select('resource').where('id', '=', patientId).executeTakeFirst();
  return row ? (JSON.parse(row.resource) as Record<string, unknown>) : null;
}

/** Patient ids in name order; the first `limit` of them when a limit is given. */
export async function listPatientIdsByName(store: Store, limit?: number): Promise<string[]> {
  let query = store.db.selectFrom('patients').select('id').orderBy('name_text');
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map((row) => row.id);
}

/** The first living patient in name order, or null when there is none. */
export async function findFirstLivingPatientId(store: Store): Promise<string | null> {
  const row = await store.db
    .selectFrom('patients')
    .select('id')
    .where('deceased_at', 'is', null)
    .orderBy('name_text')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** How many patients the record holds. */
export async function countPatients(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
