import { notFound, SuwenError } from '../shared/errors.js';
import { newId, nowIso } from '../shared/ids.js';
import type { Store } from '../store/database.js';

/**
 * Consent policy when a patient has never recorded a choice (no `patient_consents` row):
 *
 * - AI assistance on the record is **allowed**: it is part of the care the platform provides, and
 *   the patient or a clinician can switch it off at any time on the chart.
 * - Use of the patient's data for research and evaluation is **not allowed**: secondary use is
 *   opt-in only.
 *
 * Changing this constant changes the behaviour for every patient without a recorded choice.
 */
export const DEFAULT_CONSENT = Object.freeze({ aiAssistance: true, researchUse: false });

/** How many history entries `getConsent` returns (newest first). */
export const CONSENT_HISTORY_LIMIT = 50;

export interface ConsentHistoryEntry {
  id: string;
  aiAssistance: boolean;
  researchUse: boolean;
  /** User id of who made the change. */
  changedBy: string | null;
  /** That user's display name, when the user still exists. */
  changedByName: string | null;
  changedRole: string | null;
  changedAt: string;
  note: string | null;
}

export interface PatientConsent {
  patientId: string;
  aiAssistance: boolean;
  researchUse: boolean;
  /** `null`: never recorded, the defaults apply. */
  updatedAt: string | null;
  /** User id of the last change. */
  updatedBy: string | null;
  updatedByName: string | null;
  /** Newest first, at most `CONSENT_HISTORY_LIMIT`. */
  history: ConsentHistoryEntry[];
}

export interface ConsentChange {
  aiAssistance?: boolean | undefined;
  researchUse?: boolean | undefined;
  /** Why (optional, short). Stored in the history, never in the audit log. */
  note?: string | undefined;
}

export interface ConsentActor {
  userId: string;
  role: string;
}

async function assertPatientExists(store: Store, patientId: string): Promise<void> {
  const row = await store.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
  if (!row) throw notFound('patient');
}

/** The patient's current consent (defaults when none recorded) and its history, newest first. */
export async function getConsent(store: Store, patientId: string): Promise<PatientConsent> {
  await assertPatientExists(store, patientId);
  const current = await store.db
    .selectFrom('patient_consents as c')
    .leftJoin('users as u', 'u.id', 'c.updated_by')
    .select(['c.ai_assistance', 'c.research_use', 'c.updated_at', 'c.updated_by', 'u.display_name'])
    .where('c.patient_id', '=', patientId)
    .executeTakeFirst();
  const history = await store.db
    .selectFrom('patient_consent_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.id', 'h.ai_assistance', 'h.research_use', 'h.changed_by', 'h.changed_role', 'h.changed_at', 'h.note', 'u.display_name'])
    .where('h.patient_id', '=', patientId)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(CONSENT_HISTORY_LIMIT)
    .execute();
  return {
    patientId,
    aiAssistance: current ? current.ai_assistance === 1 : DEFAULT_CONSENT.aiAssistance,
    researchUse: current ? current.research_use === 1 : DEFAULT_CONSENT.researchUse,
    updatedAt: current?.updated_at ?? null,
    updatedBy: current?.updated_by ?? null,
    updatedByName: current?.display_name ?? null,
    history: history.map((h) => ({
      id: h.id,
      aiAssistance: h.ai_assistance === 1,
      researchUse: h.research_use === 1,
      changedBy: h.changed_by,
      changedByName: h.display_name,
      changedRole: h.changed_role,
      changedAt: h.changed_at,
      note: h.note,
    })),
  };
}

/**
 * Records a consent change: the current row is upserted and a history entry appended in one
 * transaction, so the two never disagree. Flags not given keep their current (or default) value.
 */
export async function updateConsent(store: Store, patientId: string, change: ConsentChange, actor: ConsentActor): Promise<PatientConsent> {
  await assertPatientExists(store, patientId);
  await store.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('patient_consents')
      .select(['ai_assistance', 'research_use', 'updated_at'])
      .where('patient_id', '=', patientId)
      .executeTakeFirst();
    const aiAssistance = change.aiAssistance ?? (current ? current.ai_assistance === 1 : DEFAULT_CONSENT.aiAssistance);
    const researchUse = change.researchUse ?? (current ? current.research_use === 1 : DEFAULT_CONSENT.researchUse);
    // Keep history timestamps strictly increasing per patient so "newest first" is unambiguous.
    let at = nowIso();
    if (current && at <= current.updated_at) at = new Date(Date.parse(current.updated_at) + 1).toISOString();
    const flags = { ai_assistance: aiAssistance ? 1 : 0, research_use: researchUse ? 1 : 0 };
    await trx
      .insertInto('patient_consents')
      .values({ patient_id: patientId, ...flags, updated_by: actor.userId, updated_at: at })
      .onConflict((oc) => oc.column('patient_id').doUpdateSet({ ...flags, updated_by: actor.userId, updated_at: at }))
      .execute();
    await trx
      .insertInto('patient_consent_history')
      .values({
        id: newId(),
        patient_id: patientId,
        ...flags,
        changed_by: actor.userId,
        changed_role: actor.role,
        changed_at: at,
        note: change.note?.trim() ? change.note.trim() : null,
      })
      .execute();
  });
  return getConsent(store, patientId);
}

/** Whether the patient allows AI assistance on their record (the default when none recorded). */
export async function hasAiConsent(store: Store, patientId: string): Promise<boolean> {
  const row = await store.db.selectFrom('patient_consents').select('ai_assistance').where('patient_id', '=', patientId).executeTakeFirst();
  return row ? row.ai_assistance === 1 : DEFAULT_CONSENT.aiAssistance;
}

/**
 * Call before sending anything of a patient's record to a model. Throws `CONSENT_REQUIRED`
 * (HTTP 403) when the patient has declined AI assistance.
 */
export async function assertAiConsent(store: Store, patientId: string): Promise<void> {
  if (!(await hasAiConsent(store, patientId))) {
    throw new SuwenError('CONSENT_REQUIRED', 'Patient has not consented to AI assistance');
  }
}

/**
 * For research and evaluation batch jobs: the subset of `patientIds` whose data may be used,
 * in the order given (duplicates removed). Patients without a recorded choice are left out,
 * following `DEFAULT_CONSENT.researchUse`.
 */
export async function filterResearchConsenting(store: Store, patientIds: Iterable<string>): Promise<string[]> {
  const ids = [...new Set(patientIds)];
  const rows = new Map<string, boolean>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = await store.db
      .selectFrom('patient_consents')
      .select(['patient_id', 'research_use'])
      .where('patient_id', 'in', chunk)
      .execute();
    for (const row of found) rows.set(row.patient_id, row.research_use === 1);
  }
  return ids.filter((id) => rows.get(id) ?? DEFAULT_CONSENT.researchUse);
}
