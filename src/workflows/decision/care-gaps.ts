import type { Actor } from '../../auth/actor.js';
import { type CareGapPatient, type CareGapResult, findCareGaps } from '../../engines/care-gaps/index.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { findPatientDemographics } from '../../record/patient-lookups.js';
import { ageInYears } from '../../record/patient-queries.js';
import { readRecordAsOf } from '../../record/record-as-of.js';
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
  const patient = await findPatientDemographics(deps.store, patientId);
  if (!patient) return null;
  const endOfDay = `${asOf}T23:59:59.999Z`;
  const { conditions, medications, observations, procedures } = await readRecordAsOf(deps.store, patientId, endOfDay, ROW_LIMIT);

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
  const age = ageInYears(patient.birthDate, birthReference);
  const sex = patient.gender === 'male' ? 'M' : patient.gender === 'female' ? 'F' : undefined;
  return {
    asOf,
    ...(age !== null ? { age } : {}),
    ...(sex ? { sex } : {}),
    ...(patient.deceasedAt ? { deceasedAt: patient.deceasedAt } : {}),
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

/**
 * The patient's care gaps on `asOf` (today by default), for an actor allowed to read the record
 * (checked and audited); NOT_FOUND when Suwen holds no such patient.
 */
export async function findPatientCareGaps(
  deps: CareGapDeps & { access: PatientAccess },
  input: { patientId: string; asOf?: string; actor: Actor },
): Promise<PatientCareGaps> {
  await deps.access.check(input.actor, input.patientId, 'decision.care-gaps');
  const summary = await careGapPatientFromRecord(deps, input.patientId, input.asOf ?? todayUtc());
  if (!summary) throw notFound('patient');
  return { patientId: input.patientId, ...findCareGaps(summary) };
}
