import type { CareGapPatient, CareGapResult } from '../../engines/care-gaps/find-care-gaps.js';
import { findCareGaps } from '../../engines/care-gaps/find-care-gaps.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import { ageInYears } from '../../record/patient-queries.js';
import { notFound } from '../../shared/errors.js';
import type { Store } from '../../store/database.js';

/**
 * Care gaps from Suwen's record: the patient's active problems, active medications (resolved to
 * knowledge-base drugs for their ATC codes), the latest result per test and the latest procedure
 * of each kind, all as they stood on the as-of day, judged by the care-gap engine. Every fact a
 * gap shows carries the record row it came from (`Condition/<id>`, `Observation/<id>`, …).
 */

export interface CareGapDeps {
  store: Store;
  knowledge: KnowledgeEngines;
}

/** Enough rows to cover years of results; the latest per code is all the rules read. */
const ROW_LIMIT = 5000;
const ACTIVE_CONDITION = new Set(['active', 'recurrence', 'relapse']);

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The record as the care-gap engine reads it, or null when Suwen holds no such patient. */
export async function careGapPatientFromRecord(
  deps: CareGapDeps,
  patientId: string,
  asOf: string = todayUtc(),
): Promise<CareGapPatient | null> {
  const { db } = deps.store;
  const patient = await db
    .selectFrom('patients')
    .select(['birth_date', 'gender', 'deceased_at'])
    .where('id', '=', patientId)
    .executeTakeFirst();
  if (!patient) return null;
  const endOfDay = `${asOf}T23:59:59.999Z`;
  const [conditions, medications, observations, procedures] = await Promise.all([
    db
      .selectFrom('conditions')
      .select(['id', 'code', 'display', 'clinical_status', 'onset_at', 'abated_at'])
      .where('patient_id', '=', patientId)
      .limit(ROW_LIMIT)
      .execute(),
    db
      .selectFrom('medications')
      .select(['id', 'display', 'status', 'authored_at'])
      .where('patient_id', '=', patientId)
      .orderBy('authored_at', 'asc')
      .limit(ROW_LIMIT)
      .execute(),
    db
      .selectFrom('observations')
      .select(['id', 'code', 'display', 'value_num', 'unit', 'effective_at'])
      .where('patient_id', '=', patientId)
      .where('effective_at', '<=', endOfDay)
      .orderBy('effective_at', 'desc')
      .limit(ROW_LIMIT)
      .execute(),
    db
      .selectFrom('procedures')
      .select(['id', 'code', 'display', 'performed_at'])
      .where('patient_id', '=', patientId)
      .where('performed_at', '<=', endOfDay)
      .orderBy('performed_at', 'desc')
      .limit(ROW_LIMIT)
      .execute(),
  ]);

  // A problem counts when it was active on the as-of day: recorded active and not yet abated, or
  // resolved only after that day (a past as-of day re-reads the problem list as it stood then).
  const activeConditions = conditions.filter((c) => {
    const abatedLater = c.abated_at !== null && c.abated_at.slice(0, 10) > asOf;
    const status = c.clinical_status ?? 'active';
    return ACTIVE_CONDITION.has(status) ? c.abated_at === null || abatedLater : abatedLater;
  });

  // One line per drug: active now, first ordered on or before the as-of day.
  const firstOrdered = new Map<string, string | null>();
  const active = new Map<string, string>();
  for (const m of medications) {
    if (!firstOrdered.has(m.display)) firstOrdered.set(m.display, m.authored_at);
    if (m.status === 'active') active.set(m.display, m.id);
  }
  const activeMedications = [...active].flatMap(([display, id]) => {
    const since = firstOrdered.get(display) ?? null;
    if (since !== null && since.slice(0, 10) > asOf) return [];
    const resolved = deps.knowledge.medications.resolve(display);
    return [
      {
        ref: `MedicationRequest/${id}`,
        name: display,
        ...(resolved ? { kbId: resolved.id } : {}),
        ...(resolved?.drug?.atc ? { atc: resolved.drug.atc } : {}),
        ...(since ? { since } : {}),
      },
    ];
  });

  const latestPer = <T extends { code: string | null; display: string }>(rows: T[]) => {
    const seen = new Set<string>();
    return rows.filter((row) => {
      const key = row.code ?? row.display;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };

  const birthReference = new Date(`${asOf}T12:00:00Z`);
  const age = ageInYears(patient.birth_date, birthReference);
  const sex = patient.gender === 'male' ? 'M' : patient.gender === 'female' ? 'F' : undefined;
  return {
    asOf,
    ...(age !== null ? { age } : {}),
    ...(sex ? { sex } : {}),
    ...(patient.deceased_at ? { deceasedAt: patient.deceased_at } : {}),
    conditions: activeConditions.map((c) => ({
      ref: `Condition/${c.id}`,
      codes: c.code ? [c.code] : [],
      text: c.display,
      ...(c.onset_at ? { onset: c.onset_at } : {}),
    })),
    medications: activeMedications,
    observations: latestPer(observations).flatMap((o) =>
      o.effective_at
        ? [
            {
              ref: `Observation/${o.id}`,
              codes: o.code ? [o.code] : [],
              text: o.display,
              at: o.effective_at,
              ...(o.value_num !== null ? { value: o.value_num } : {}),
              ...(o.unit ? { unit: o.unit } : {}),
            },
          ]
        : [],
    ),
    procedures: latestPer(procedures).flatMap((p) =>
      p.performed_at ? [{ ref: `Procedure/${p.id}`, codes: p.code ? [p.code] : [], text: p.display, at: p.performed_at }] : [],
    ),
  };
}

export interface PatientCareGaps extends CareGapResult {
  patientId: string;
}

/** The patient's care gaps on `asOf` (today by default); NOT_FOUND when Suwen holds no such patient. */
export async function findPatientCareGaps(deps: CareGapDeps, input: { patientId: string; asOf?: string }): Promise<PatientCareGaps> {
  const summary = await careGapPatientFromRecord(deps, input.patientId, input.asOf ?? todayUtc());
  if (!summary) throw notFound('patient');
  return { patientId: input.patientId, ...findCareGaps(summary) };
}
