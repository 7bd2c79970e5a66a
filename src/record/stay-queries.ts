import type { Selectable } from 'kysely';
import type { Store } from '../store/database.js';
import type { EncounterTable } from '../store/schema.js';

/**
 * The record around one hospital stay, as the discharge summary reads it: the patient's
 * identifiers (to scrub them from note excerpts), the encounter, and the rows of the stay.
 */

export interface StayPatientRow {
  id: string;
  gender: string | null;
  birth_date: string | null;
  deceased_at: string | null;
  name_text: string;
  family_name: string | null;
  given_name: string | null;
  mrn: string | null;
  phone: string | null;
}

/** The patient's sex, dates and own identifiers, or undefined when there is no such patient. */
export async function findStayPatient(store: Store, patientId: string): Promise<StayPatientRow | undefined> {
  return store.db
    .selectFrom('patients')
    .select(['id', 'gender', 'birth_date', 'deceased_at', 'name_text', 'family_name', 'given_name', 'mrn', 'phone'])
    .where('id', '=', patientId)
    .executeTakeFirst();
}

/** The whole encounter row when it is this patient's, else undefined. */
export async function findPatientEncounterRow(
  store: Store,
  patientId: string,
  encounterId: string,
): Promise<Selectable<EncounterTable> | undefined> {
  return store.db.selectFrom('encounters').selectAll().where('id', '=', encounterId).where('patient_id', '=', patientId).executeTakeFirst();
}

export interface StayWindow {
  patientId: string;
  encounterId: string;
  /** The stay's start and end (ISO); rows in this window count as the stay's even without its encounter id. */
  start: string;
  end: string;
  /** Encounter classes that are inpatient stays (their ends bound medication orders). */
  inpatientClasses: readonly string[];
  /** Later encounters starting after `end` and up to this moment are follow-ups. */
  followUpUntil: string;
  followUpLimit: number;
}

/**
 * Everything a discharge summary rests on, read in parallel: all the patient's conditions and
 * medication orders, the ends of the patient's inpatient encounters, the procedures, observations
 * and documents of the stay, and the first follow-up encounters after it. Rows come unsorted
 * except the follow-ups (by start).
 */
export async function readStayRows(store: Store, stay: StayWindow) {
  const { db } = store;
  const { patientId, encounterId, start, end } = stay;
  const [conditions, medications, inpatientEncounters, procedures, observations, documents, followUps] = await Promise.all([
    db
      .selectFrom('conditions')
      .select(['id', 'display', 'onset_at', 'abated_at', 'clinical_status', 'encounter_id'])
      .where('patient_id', '=', patientId)
      .execute(),
    db
      .selectFrom('medications')
      .select(['id', 'display', 'code_system', 'code', 'status', 'authored_at', 'dosage_text', 'encounter_id', 'resource'])
      .where('patient_id', '=', patientId)
      .execute(),
    db
      .selectFrom('encounters')
      .select(['id', 'period_end'])
      .where('patient_id', '=', patientId)
      .where('class_code', 'in', [...stay.inpatientClasses])
      .execute(),
    db
      .selectFrom('procedures')
      .select(['id', 'display', 'performed_at', 'encounter_id'])
      .where('patient_id', '=', patientId)
      .where((eb) =>
        eb.or([eb('encounter_id', '=', encounterId), eb.and([eb('performed_at', '>=', start), eb('performed_at', '<=', end)])]),
      )
      .execute(),
    db
      .selectFrom('observations')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where((eb) =>
        eb.or([eb('encounter_id', '=', encounterId), eb.and([eb('effective_at', '>=', start), eb('effective_at', '<=', end)])]),
      )
      .execute(),
    db
      .selectFrom('documents')
      .select(['id', 'title', 'date', 'body'])
      .where('patient_id', '=', patientId)
      .where('encounter_id', '=', encounterId)
      .execute(),
    db
      .selectFrom('encounters')
      .select(['id', 'type_text', 'reason_text', 'period_start'])
      .where('patient_id', '=', patientId)
      .where('period_start', '>', end)
      .where('period_start', '<=', stay.followUpUntil)
      .orderBy('period_start')
      .limit(stay.followUpLimit)
      .execute(),
  ]);
  return { conditions, medications, inpatientEncounters, procedures, observations, documents, followUps };
}
