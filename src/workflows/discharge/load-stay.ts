/**
 * Reads everything a discharge summary rests on for one inpatient encounter: the encounter, the
 * patient's conditions, the orders of every medication (reconciliation needs the history around
 * the stay), and the procedures, observations and documents of the stay. Refuses encounters that
 * are not inpatient stays or have not ended, with a localized 409.
 */
import { ageInYears } from '../../record/patient-queries.js';
import { findPatientEncounterRow, findStayPatient, readStayRows } from '../../record/stay-queries.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import type { Store } from '../../store/database.js';
import { INPATIENT_CLASSES, type MedicationOrder } from './medication-reconciliation.js';

/** Later encounters within this many days of discharge are listed as follow-up in the record. */
export const FOLLOW_UP_WINDOW_DAYS = 90;
const DOCUMENT_EXCERPT_CHARS = 1500;

export interface StayRecord {
  patient: { id: string; sex: 'M' | 'F' | null; ageAtAdmission: number | null; deceasedAt: string | null };
  encounter: {
    id: string;
    classCode: string;
    type: string | null;
    reason: string | null;
    start: string;
    end: string;
    provider: string | null;
    dischargeDisposition: string | null;
  };
  conditions: {
    id: string;
    display: string;
    onsetAt: string | null;
    abatedAt: string | null;
    status: string | null;
    encounterId: string | null;
  }[];
  orders: MedicationOrder[];
  inpatientEncounterEnds: Map<string, string | null>;
  procedures: { id: string; display: string; performedAt: string | null }[];
  observations: {
    id: string;
    code: string | null;
    display: string;
    category: string | null;
    value: number | null;
    valueText: string | null;
    unit: string | null;
    low: number | null;
    high: number | null;
    interpretation: string | null;
    at: string | null;
  }[];
  documents: { id: string; title: string; date: string | null; excerpt: string | null }[];
  followUps: { id: string; type: string | null; reason: string | null; start: string }[];
}

export async function loadStay(store: Store, patientId: string, encounterId: string): Promise<StayRecord> {
  const patient = await findStayPatient(store, patientId);
  if (!patient) throw notFound('patient');
  const encounter = await findPatientEncounterRow(store, patientId, encounterId);
  if (!encounter) throw notFound('encounter');
  if (!encounter.class_code || !INPATIENT_CLASSES.has(encounter.class_code)) {
    throw new SuwenError('ENCOUNTER_NOT_INPATIENT', 'Discharge summaries are for inpatient stays', {
      params: { class: encounter.class_code ?? '—' },
    });
  }
  if (
    !encounter.period_start ||
    !encounter.period_end ||
    ['planned', 'arrived', 'triaged', 'in-progress', 'onleave'].includes(encounter.status)
  ) {
    throw new SuwenError('ENCOUNTER_NOT_ENDED', 'The stay has not ended', { params: { status: encounter.status } });
  }
  const start = encounter.period_start;
  const end = encounter.period_end;

  const {
    conditions,
    medications,
    inpatientEncounters: inpatient,
    procedures,
    observations,
    documents,
    followUps,
  } = await readStayRows(store, {
    patientId,
    encounterId,
    start,
    end,
    inpatientClasses: [...INPATIENT_CLASSES],
    followUpUntil: new Date(Date.parse(end) + FOLLOW_UP_WINDOW_DAYS * 86_400_000).toISOString(),
    followUpLimit: 3,
  });

  const resource = JSON.parse(encounter.resource) as {
    hospitalization?: { dischargeDisposition?: { text?: string; coding?: { display?: string; code?: string }[] } };
  };
  const disposition = resource.hospitalization?.dischargeDisposition;
  const byTime =
    <T>(get: (row: T) => string | null) =>
    (a: T, b: T) =>
      (get(a) ?? '').localeCompare(get(b) ?? '');
  return {
    patient: {
      id: patient.id,
      sex: patient.gender === 'male' ? 'M' : patient.gender === 'female' ? 'F' : null,
      ageAtAdmission: ageInYears(patient.birth_date, new Date(start)),
      deceasedAt: patient.deceased_at,
    },
    encounter: {
      id: encounter.id,
      classCode: encounter.class_code,
      type: encounter.type_text,
      reason: encounter.reason_text,
      start,
      end,
      provider: encounter.provider_text,
      dischargeDisposition: disposition?.text ?? disposition?.coding?.[0]?.display ?? disposition?.coding?.[0]?.code ?? null,
    },
    conditions: conditions
      .map((c) => ({
        id: c.id,
        display: c.display,
        onsetAt: c.onset_at,
        abatedAt: c.abated_at,
        status: c.clinical_status,
        encounterId: c.encounter_id,
      }))
      .sort(byTime((c) => c.onsetAt)),
    orders: medications.map((m) => ({
      id: m.id,
      display: m.display,
      codeSystem: m.code_system,
      code: m.code,
      status: m.status,
      authoredAt: m.authored_at,
      dosageText: m.dosage_text,
      encounterId: m.encounter_id,
      ...orderDetails(m.resource),
    })),
    inpatientEncounterEnds: new Map(inpatient.map((e) => [e.id, e.period_end])),
    procedures: procedures.map((p) => ({ id: p.id, display: p.display, performedAt: p.performed_at })).sort(byTime((p) => p.performedAt)),
    observations: observations
      .map((o) => ({
        id: o.id,
        code: o.code,
        display: o.display,
        category: o.category,
        value: o.value_num,
        valueText: o.value_text,
        unit: o.unit,
        low: o.reference_low,
        high: o.reference_high,
        interpretation: o.interpretation,
        at: o.effective_at,
      }))
      .sort(byTime((o) => o.at)),
    documents: documents
      .map((d) => ({
        id: d.id,
        title: d.title,
        date: d.date,
        excerpt: d.body ? scrubOwnIdentifiers(d.body.slice(0, DOCUMENT_EXCERPT_CHARS), patient) : null,
      }))
      .sort(byTime((d) => d.date)),
    followUps: followUps.map((e) => ({ id: e.id, type: e.type_text, reason: e.reason_text, start: e.period_start as string })),
  };
}

/**
 * Replaces the patient's own recorded identifiers (name parts, MRN, phone) in note text with a
 * marker. The hospital course never needs them, and the pattern-based de-identifier can miss names
 * it has no pattern for (Synthea's "Marine542 Ai120"), so this runs for every model, local or not.
 */
export function scrubOwnIdentifiers(
  text: string,
  patient: { name_text: string; family_name: string | null; given_name: string | null; mrn: string | null; phone: string | null },
): string {
  const values = [patient.name_text, patient.mrn, patient.phone, ...`${patient.given_name ?? ''} ${patient.family_name ?? ''}`.split(/\s+/)]
    .map((value) => value?.trim() ?? '')
    .filter((value) => value.length >= 2)
    .sort((a, b) => b.length - a.length);
  let scrubbed = text;
  for (const value of new Set(values)) {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Word boundaries for Latin names; CJK names have no spaces around them.
    const pattern = /^[\p{Script=Han}]+$/u.test(value) ? escaped : `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`;
    scrubbed = scrubbed.replace(new RegExp(pattern, 'giu'), '[PATIENT]');
  }
  return scrubbed;
}

/** Category and end date live only in the original resource. */
function orderDetails(json: string): { category: string | null; explicitEnd: string | null } {
  const r = JSON.parse(json) as {
    category?: { coding?: { code?: string }[] }[];
    dispenseRequest?: { validityPeriod?: { end?: string } };
    effectivePeriod?: { end?: string };
  };
  const category = r.category?.flatMap((c) => c.coding ?? []).find((c) => c.code)?.code ?? null;
  const end = r.dispenseRequest?.validityPeriod?.end ?? r.effectivePeriod?.end;
  const parsed = end ? Date.parse(end) : Number.NaN;
  return { category, explicitEnd: Number.isNaN(parsed) ? null : new Date(parsed).toISOString() };
}
