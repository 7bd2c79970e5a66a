import type { Insertable } from 'kysely';
import type { Store } from '../../store/database.js';
import type { ConditionTable, MedicationTable, ObservationTable } from '../../store/schema.js';

/**
 * Test support: chart rows written straight into the store, without a FHIR import (and without
 * moving the patient's record version). Synthetic data only.
 */

export async function insertMedicationRow(store: Store, row: Insertable<MedicationTable>): Promise<void> {
  await store.db.insertInto('medications').values(row).execute();
}

export async function insertConditionRow(store: Store, row: Insertable<ConditionTable>): Promise<void> {
  await store.db.insertInto('conditions').values(row).execute();
}

export async function insertObservationRow(store: Store, row: Insertable<ObservationTable>): Promise<void> {
  await store.db.insertInto('observations').values(row).execute();
}
