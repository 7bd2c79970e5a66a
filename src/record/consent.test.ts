import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSuwenError } from '../shared/errors.js';
import { createTestStore, DIALECTS, type TestStore } from '../store/test-stores.js';
import { assertAiConsent, DEFAULT_CONSENT, filterResearchConsenting, getConsent, updateConsent } from './consent.js';

async function addPatient(store: TestStore, id: string): Promise<void> {
  const at = new Date().toISOString();
  await store.db
    .insertInto('patients')
    .values({ id, name_text: `Patient ${id}`, search_text: id, resource: '{}', source: 'test', created_at: at, updated_at: at })
    .execute();
}

const clinician = { userId: 'u-clinician', role: 'clinician' };
const patientActor = { userId: 'u-patient', role: 'patient' };

describe.each(DIALECTS)('patient consent on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    for (const id of ['p1', 'p2', 'p3']) await addPatient(store, id);
  });
  afterEach(async () => {
    await store?.dispose();
  });

  it('applies the documented defaults when nothing is recorded', async () => {
    expect(DEFAULT_CONSENT).toEqual({ aiAssistance: true, researchUse: false });
    const consent = await getConsent(store, 'p1');
    expect(consent).toMatchObject({ aiAssistance: true, researchUse: false, updatedAt: null, updatedBy: null, history: [] });
    await expect(assertAiConsent(store, 'p1')).resolves.toBeUndefined();
    expect(await filterResearchConsenting(store, ['p1', 'p2'])).toEqual([]);
    await expect(getConsent(store, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateConsent(store, 'nobody', { aiAssistance: false }, clinician)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('updates the current flags and appends history, newest first', async () => {
    const first = await updateConsent(store, 'p1', { aiAssistance: false, note: ' declined at intake ' }, patientActor);
    expect(first).toMatchObject({ aiAssistance: false, researchUse: false, updatedBy: 'u-patient' });
    expect(first.updatedAt).not.toBeNull();
    // A flag not given keeps its current value.
    const second = await updateConsent(store, 'p1', { researchUse: true }, clinician);
    expect(second).toMatchObject({ aiAssistance: false, researchUse: true, updatedBy: 'u-clinician' });
    const third = await updateConsent(store, 'p1', { aiAssistance: true }, clinician);
    expect(third.history.map((h) => [h.aiAssistance, h.researchUse, h.changedBy, h.changedRole])).toEqual([
      [true, true, 'u-clinician', 'clinician'],
      [false, true, 'u-clinician', 'clinician'],
      [false, false, 'u-patient', 'patient'],
    ]);
    expect(third.history.at(-1)?.note).toBe('declined at intake');
    expect(third.history[1]?.note).toBeNull();
    const times = third.history.map((h) => h.changedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(times).size).toBe(3);
    expect(third.updatedAt).toBe(times[0]);
    // Other patients are untouched.
    expect((await getConsent(store, 'p2')).history).toEqual([]);
  });

  it('refuses AI use for a patient who declined, and filters research use', async () => {
    await updateConsent(store, 'p2', { aiAssistance: false }, patientActor);
    const error = await assertAiConsent(store, 'p2').catch((e: unknown) => e);
    expect(isSuwenError(error) && error.code).toBe('CONSENT_REQUIRED');
    expect(isSuwenError(error) && error.status).toBe(403);
    await assertAiConsent(store, 'p1');

    await updateConsent(store, 'p3', { researchUse: true }, clinician);
    await updateConsent(store, 'p1', { researchUse: true }, clinician);
    await updateConsent(store, 'p1', { researchUse: false }, clinician);
    expect(await filterResearchConsenting(store, ['p3', 'p1', 'p2', 'p3', 'unknown'])).toEqual(['p3']);
  });

  it('writes the current row and its history in one transaction', async () => {
    await updateConsent(store, 'p1', { aiAssistance: false }, clinician);
    // Break the history table: the upsert of the current row must roll back with it.
    await sql`ALTER TABLE patient_consent_history RENAME TO patient_consent_history_gone`.execute(store.db);
    await expect(updateConsent(store, 'p1', { aiAssistance: true, researchUse: true }, clinician)).rejects.toBeDefined();
    await expect(updateConsent(store, 'p2', { aiAssistance: false }, clinician)).rejects.toBeDefined();
    await sql`ALTER TABLE patient_consent_history_gone RENAME TO patient_consent_history`.execute(store.db);
    const p1 = await getConsent(store, 'p1');
    expect(p1).toMatchObject({ aiAssistance: false, researchUse: false });
    expect(p1.history).toHaveLength(1);
    expect(await getConsent(store, 'p2')).toMatchObject({ aiAssistance: true, updatedAt: null, history: [] });
  });

  it('removes consent rows with the patient', async () => {
    await updateConsent(store, 'p3', { researchUse: true }, clinician);
    await store.db.deleteFrom('patients').where('id', '=', 'p3').execute();
    expect(await store.db.selectFrom('patient_consents').selectAll().execute()).toEqual([]);
    expect(await store.db.selectFrom('patient_consent_history').selectAll().execute()).toEqual([]);
  });
});
