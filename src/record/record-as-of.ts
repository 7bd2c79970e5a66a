import type { Store } from '../store/database.js';

/**
 * The patient's record as it stood at a moment, for rules that judge it (care gaps): the problem
 * list and the medication orders (whose dates the caller compares), and the results and
 * procedures up to that moment, newest first. At most `rowLimit` rows of each kind.
 */
export async function readRecordAsOf(store: Store, patientId: string, until: string, rowLimit: number) {
  const { db } = store;
  const [conditions, medications, observations, procedures] = await Promise.all([
    db
      .selectFrom('conditions')
      .select(['id', 'code', 'display', 'clinical_status', 'onset_at', 'abated_at'])
      .where('patient_id', '=', patientId)
      .limit(rowLimit)
      .execute(),
    // Oldest first, so the first order of a drug is its first row.
    db
      .selectFrom('medications')
      .select(['id', 'display', 'status', 'authored_at'])
      .where('patient_id', '=', patientId)
      .orderBy('authored_at', 'asc')
      .limit(rowLimit)
      .execute(),
    db
      .selectFrom('observations')
      .select(['id', 'code', 'display', 'value_num', 'unit', 'effective_at'])
      .where('patient_id', '=', patientId)
      .where('effective_at', '<=', until)
      .orderBy('effective_at', 'desc')
      .limit(rowLimit)
      .execute(),
    db
      .selectFrom('procedures')
      .select(['id', 'code', 'display', 'performed_at'])
      .where('patient_id', '=', patientId)
      .where('performed_at', '<=', until)
      .orderBy('performed_at', 'desc')
      .limit(rowLimit)
      .execute(),
  ]);
  return { conditions, medications, observations, procedures };
}
