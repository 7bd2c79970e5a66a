import type { Store } from '../store/database.js';

/** Reads of the patient's observations beyond the chart's summaries and series (`patient-chart.ts`). */

/** The patient's observations with a numeric value, newest first, at most `limit` of them. */
export async function listNumericObservations(store: Store, patientId: string, limit: number) {
  return store.db
    .selectFrom('observations')
    .select(['code', 'display', 'value_num', 'unit', 'effective_at', 'category', 'reference_low', 'reference_high'])
    .where('patient_id', '=', patientId)
    .where('value_num', 'is not', null)
    .orderBy('effective_at', 'desc')
    .limit(limit)
    .execute();
}
