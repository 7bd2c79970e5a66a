/**
 * Medication reconciliation for one hospital stay, computed from the stored medication orders —
 * never guessed by a model. FHIR records rarely say when an order ended (Synthea's never do: a
 * superseded order simply reads `stopped`), so "on the list at time t" needs a rule built only from
 * what the record holds. The rule (also in README "Discharge summaries and export"):
 *
 * 1. Orders that never took effect are ignored: status `cancelled`, `entered-in-error`, `draft`,
 *    or no authored date.
 * 2. Inpatient orders are not home medications: category `inpatient`, or an order linked to an
 *    inpatient encounter (class IMP/ACUTE/NONAC) and authored before that encounter ended. An order
 *    in such an encounter authored at or after its end, or with category `discharge`, is a
 *    discharge prescription and counts as a home order.
 * 3. A drug is one RxNorm (or other) code; without a code, its lower-cased name.
 * 4. On the list at time t: the drug's latest home order authored at or before t is in effect,
 *    meaning — an end date in the resource (MedicationRequest.dispenseRequest.validityPeriod.end,
 *    MedicationStatement.effectivePeriod.end) lies after t; else, status `active`/`on-hold` (still
 *    in effect at export); else (stopped/completed/unknown, no end date) it was authored exactly at
 *    t, or the same drug was ordered again at or after t within RENEWAL_WINDOW_DAYS of this order
 *    (a renewal bridging t shows the therapy ran through t).
 * 5. Admission list at the stay's start; discharge list at its end. Per drug: only at admission →
 *    stopped; only at discharge → started; both with the same dose text (normalised) → continued;
 *    both with different dose text → changed.
 */

/** Longest gap between two orders of a drug that still counts as one continuing therapy: a yearly
 * renewal plus a month's slack (records such as Synthea's re-issue chronic prescriptions yearly). */
export const RENEWAL_WINDOW_DAYS = 400;

const NEVER_IN_EFFECT = new Set(['cancelled', 'entered-in-error', 'draft']);
const OPEN_STATUSES = new Set(['active', 'on-hold']);
/** HL7 v3 ActCode encounter classes that are inpatient stays. */
export const INPATIENT_CLASSES = new Set(['IMP', 'ACUTE', 'NONAC']);

export interface MedicationOrder {
  id: string;
  display: string;
  codeSystem: string | null;
  code: string | null;
  status: string;
  authoredAt: string | null;
  dosageText: string | null;
  encounterId: string | null;
  /** MedicationRequest.category code (inpatient | outpatient | community | discharge), if any. */
  category: string | null;
  /** End of the order's validity from the resource, if it records one. */
  explicitEnd: string | null;
}

export interface StayWindow {
  encounterId: string;
  start: string;
  end: string;
}

export type ReconciliationStatus = 'started' | 'stopped' | 'changed' | 'continued';

export interface ListedMedication {
  drugKey: string;
  orderId: string;
  display: string;
  dosageText: string | null;
  authoredAt: string;
  status: string;
}

export interface ReconciliationRow {
  drugKey: string;
  display: string;
  status: ReconciliationStatus;
  admission: ListedMedication | null;
  discharge: ListedMedication | null;
  /** Medication row ids the row rests on (the admission and/or discharge order). */
  recordIds: string[];
}

/** A drug given only as an inpatient order during this stay. */
export interface InpatientMedication {
  drugKey: string;
  display: string;
  orderIds: string[];
  first: string;
  last: string;
  onDischargeList: boolean;
}

export interface MedicationReconciliation {
  admission: ListedMedication[];
  discharge: ListedMedication[];
  rows: ReconciliationRow[];
  inpatient: InpatientMedication[];
}

export function drugKeyOf(order: Pick<MedicationOrder, 'code' | 'codeSystem' | 'display'>): string {
  return order.code ? `${order.codeSystem ?? ''}|${order.code}` : `name|${order.display.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

function normaliseDose(text: string | null): string {
  return (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

const DAY_MS = 86_400_000;

/** Computes the admission and discharge lists and the reconciliation rows (rule in the file comment). */
export function reconcileMedications(
  orders: readonly MedicationOrder[],
  stay: StayWindow,
  /** End of every inpatient encounter of the patient (null when it has not ended). */
  inpatientEncounterEnds: ReadonlyMap<string, string | null>,
): MedicationReconciliation {
  const valid = orders.filter(
    (o): o is MedicationOrder & { authoredAt: string } => Boolean(o.authoredAt) && !NEVER_IN_EFFECT.has(o.status),
  );
  const isInpatient = (o: MedicationOrder & { authoredAt: string }): boolean => {
    if (o.category === 'inpatient') return true;
    if (o.category === 'discharge') return false;
    if (!o.encounterId || !inpatientEncounterEnds.has(o.encounterId)) return false;
    const end = inpatientEncounterEnds.get(o.encounterId) ?? null;
    return end === null || o.authoredAt < end;
  };
  const home = new Map<string, (MedicationOrder & { authoredAt: string })[]>();
  const inpatientStay = new Map<string, InpatientMedication>();
  for (const order of valid) {
    const key = drugKeyOf(order);
    if (isInpatient(order)) {
      if (order.encounterId !== stay.encounterId) continue;
      const entry = inpatientStay.get(key) ?? {
        drugKey: key,
        display: order.display,
        orderIds: [],
        first: order.authoredAt,
        last: order.authoredAt,
        onDischargeList: false,
      };
      entry.orderIds.push(order.id);
      if (order.authoredAt < entry.first) entry.first = order.authoredAt;
      if (order.authoredAt > entry.last) entry.last = order.authoredAt;
      inpatientStay.set(key, entry);
      continue;
    }
    const list = home.get(key) ?? [];
    list.push(order);
    home.set(key, list);
  }
  for (const list of home.values())
    list.sort((a, b) => (a.authoredAt < b.authoredAt ? -1 : a.authoredAt > b.authoredAt ? 1 : a.id < b.id ? -1 : 1));

  const listAt = (t: string): ListedMedication[] => {
    const listed: ListedMedication[] = [];
    for (const [key, list] of home) {
      let index = -1;
      for (let i = 0; i < list.length; i += 1) if ((list[i] as MedicationOrder & { authoredAt: string }).authoredAt <= t) index = i;
      const order = list[index];
      if (!order || !inEffectAt(order, t, list.slice(index + 1))) continue;
      listed.push({
        drugKey: key,
        orderId: order.id,
        display: order.display,
        dosageText: order.dosageText,
        authoredAt: order.authoredAt,
        status: order.status,
      });
    }
    return listed.sort((a, b) => a.display.localeCompare(b.display));
  };
  const admission = listAt(stay.start);
  const discharge = listAt(stay.end);

  const byKeyAdmission = new Map(admission.map((m) => [m.drugKey, m]));
  const byKeyDischarge = new Map(discharge.map((m) => [m.drugKey, m]));
  const rows: ReconciliationRow[] = [];
  for (const key of new Set([...byKeyAdmission.keys(), ...byKeyDischarge.keys()])) {
    const before = byKeyAdmission.get(key) ?? null;
    const after = byKeyDischarge.get(key) ?? null;
    const status: ReconciliationStatus = !after
      ? 'stopped'
      : !before
        ? 'started'
        : normaliseDose(before.dosageText) === normaliseDose(after.dosageText)
          ? 'continued'
          : 'changed';
    rows.push({
      drugKey: key,
      display: (after ?? before)?.display ?? key,
      status,
      admission: before,
      discharge: after,
      recordIds: [...new Set([before?.orderId, after?.orderId].filter((id): id is string => Boolean(id)))],
    });
  }
  const order: Record<ReconciliationStatus, number> = { started: 0, changed: 1, stopped: 2, continued: 3 };
  rows.sort((a, b) => order[a.status] - order[b.status] || a.display.localeCompare(b.display));
  const inpatient = [...inpatientStay.values()]
    .map((m) => ({ ...m, onDischargeList: byKeyDischarge.has(m.drugKey) }))
    .sort((a, b) => a.display.localeCompare(b.display));
  return { admission, discharge, rows, inpatient };
}

function inEffectAt(
  order: MedicationOrder & { authoredAt: string },
  t: string,
  later: readonly (MedicationOrder & { authoredAt: string })[],
): boolean {
  if (order.explicitEnd) return order.explicitEnd > t;
  if (OPEN_STATUSES.has(order.status)) return true;
  if (order.authoredAt === t) return true;
  const authored = Date.parse(order.authoredAt);
  return later.some((next) => next.authoredAt >= t && Date.parse(next.authoredAt) - authored <= RENEWAL_WINDOW_DAYS * DAY_MS);
}
