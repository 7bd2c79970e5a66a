import { sql } from 'kysely';
import { type Bilingual, getClinicalNames } from '../knowledge/index.js';
import type { Store } from '../store/database.js';
import { ageInYears, type PatientDetail } from './patient-queries.js';

/** The patient chart as the clinician sees it: one call, bounded lists, no document bodies. */

/** The chart carries the newest encounters and documents; older ones are paged on request. */
export const CHART_HISTORY_LIMIT = 20;
const OBSERVATION_SCAN_LIMIT = 5000;

export interface LabSummary {
  code: string;
  display: string;
  /** The display and its Chinese name, when the code has one (LOINC labs and vital signs). */
  names?: Bilingual;
  unit: string | null;
  latestValue: number | null;
  latestText: string | null;
  latestAt: string | null;
  interpretation: string | null;
  refLow: number | null;
  refHigh: number | null;
  count: number;
}

export interface PatientChart {
  patient: PatientDetail;
  conditions: {
    id: string;
    code: string | null;
    display: string;
    /** The display and its Chinese name, when the code has one (SNOMED CT, ICD-10). */
    names?: Bilingual;
    clinicalStatus: string | null;
    onsetAt: string | null;
    abatedAt: string | null;
  }[];
  medications: {
    id: string;
    display: string;
    /** The medication line with ingredient, strength and form in Chinese, when the ingredient is known. */
    names?: Bilingual;
    status: string;
    authoredAt: string | null;
    dosageText: string | null;
  }[];
  allergies: {
    id: string;
    display: string;
    /** The substance and its Chinese name, when one is known. */
    names?: Bilingual;
    category: string | null;
    criticality: string | null;
    clinicalStatus: string | null;
    reaction: string | null;
    /** The reactions in both languages, when every one has a Chinese name. */
    reactionNames?: Bilingual;
  }[];
  encounters: {
    id: string;
    status: string;
    classCode: string | null;
    type: string | null;
    /** The encounter type and its Chinese name, when one is known. */
    typeNames?: Bilingual;
    reason: string | null;
    /** The reason (a condition) and its Chinese name, when one is known. */
    reasonNames?: Bilingual;
    start: string | null;
    end: string | null;
    provider: string | null;
  }[];
  labs: LabSummary[];
  documents: { id: string; title: string; type: string | null; date: string | null; author: string | null }[];
  counts: { encounters: number; documents: number; conditions: number; medications: number; procedures: number; observations: number };
}

export async function getPatientChart(store: Store, patientId: string): Promise<PatientChart | null> {
  const { db } = store;
  const patient = await db.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirst();
  if (!patient) return null;
  const [conditions, medications, allergies, encounters, observations, documents, counts] = await Promise.all([
    // One line per problem (Synthea and real records repeat a condition per episode).
    db
      .selectFrom('conditions')
      .select([
        sql<string>`coalesce(code, display)`.as('key'),
        (eb) => eb.fn.max('display').as('display'),
        (eb) => eb.fn.max('code').as('code'),
        (eb) => eb.fn.max('onset_at').as('onset_at'),
        (eb) => eb.fn.max('abated_at').as('abated_at'),
        (eb) => eb.fn.countAll<number>().as('episodes'),
        sql<number>`max(case when clinical_status = 'active' then 1 else 0 end)`.as('any_active'),
        (eb) => eb.fn.max('clinical_status').as('some_status'),
      ])
      .where('patient_id', '=', patientId)
      .groupBy(sql`coalesce(code, display)`)
      .execute(),
    // One line per drug: the order history collapses to the latest order and a count.
    db
      .selectFrom('medications')
      .select([
        'display',
        (eb) => eb.fn.max('authored_at').as('authored_at'),
        (eb) => eb.fn.max('dosage_text').as('dosage_text'),
        (eb) => eb.fn.countAll<number>().as('orders'),
        sql<number>`max(case when status = 'active' then 1 else 0 end)`.as('any_active'),
        (eb) => eb.fn.max('status').as('some_status'),
      ])
      .where('patient_id', '=', patientId)
      .groupBy('display')
      .execute(),
    db
      .selectFrom('allergies')
      .select(['id', 'display', 'category', 'criticality', 'clinical_status', 'reaction_text'])
      .where('patient_id', '=', patientId)
      .orderBy('display')
      .execute(),
    listEncounters(store, patientId, CHART_HISTORY_LIMIT, 0).then((page) => page.items),
    db
      .selectFrom('observations')
      .select(['code', 'display', 'unit', 'value_num', 'value_text', 'effective_at', 'interpretation', 'reference_low', 'reference_high'])
      .where('patient_id', '=', patientId)
      .orderBy('effective_at', 'desc')
      .limit(OBSERVATION_SCAN_LIMIT)
      .execute(),
    listDocuments(store, patientId, CHART_HISTORY_LIMIT, 0).then((page) => page.items),
    countRecords(store, patientId),
  ]);

  const names = getClinicalNames();
  // Observations arrive newest first, so the first row per code is its latest value.
  const labs = new Map<string, LabSummary>();
  for (const o of observations) {
    const code = o.code ?? o.display;
    const existing = labs.get(code);
    if (existing) {
      existing.count += 1;
      continue;
    }
    const labNames = names.observation(o.code, o.display);
    labs.set(code, {
      code,
      display: o.display,
      ...(labNames ? { names: labNames } : {}),
      unit: o.unit,
      latestValue: o.value_num,
      latestText: o.value_text,
      latestAt: o.effective_at,
      interpretation: o.interpretation,
      refLow: o.reference_low,
      refHigh: o.reference_high,
      count: 1,
    });
  }

  return {
    patient: {
      id: patient.id,
      mrn: patient.mrn,
      name: patient.name_text,
      gender: patient.gender,
      birthDate: patient.birth_date,
      age: ageInYears(patient.birth_date, patient.deceased_at ? new Date(patient.deceased_at) : new Date()),
      deceased: patient.deceased_at !== null,
      deceasedAt: patient.deceased_at,
      phone: patient.phone,
      address: patient.address_text,
      language: patient.language,
    },
    conditions: conditions
      .map((c) => ({
        id: c.key,
        code: c.code,
        display: c.display,
        ...withNames(names.condition({ code: c.code, display: c.display })),
        clinicalStatus: Number(c.any_active) ? 'active' : c.some_status,
        onsetAt: c.onset_at,
        abatedAt: Number(c.any_active) ? null : c.abated_at,
        episodes: Number(c.episodes),
      }))
      .sort(activeFirstThenLatest((c) => c.onsetAt)),
    medications: medications
      .map((m) => ({
        id: m.display,
        display: m.display,
        ...withNames(names.medication(m.display)),
        status: Number(m.any_active) ? 'active' : m.some_status,
        authoredAt: m.authored_at,
        dosageText: m.dosage_text,
        orders: Number(m.orders),
      }))
      .sort(activeFirstThenLatest((m) => m.authoredAt)),
    allergies: allergies.map((a) => ({
      id: a.id,
      display: a.display,
      ...withNames(names.allergen(a.display)),
      category: a.category,
      criticality: a.criticality,
      clinicalStatus: a.clinical_status,
      reaction: a.reaction_text,
      ...(a.reaction_text ? withReactionNames(a.reaction_text) : {}),
    })),
    encounters,
    labs: [...labs.values()].sort((a, b) => a.display.localeCompare(b.display)),
    documents,
    counts,
  };
}

/** Active entries first, then the most recent; ISO dates compare as text. */
function activeFirstThenLatest<T extends { clinicalStatus?: string | null; status?: string }>(dateOf: (item: T) => string | null) {
  return (a: T, b: T): number => {
    const activeA = (a.clinicalStatus ?? a.status) === 'active' ? 0 : 1;
    const activeB = (b.clinicalStatus ?? b.status) === 'active' ? 0 : 1;
    return activeA - activeB || (dateOf(b) ?? '').localeCompare(dateOf(a) ?? '');
  };
}

/** All six counts in one round trip. */
async function countRecords(store: Store, patientId: string): Promise<PatientChart['counts']> {
  const row = await sql<Record<keyof PatientChart['counts'], number>>`
    select
      (select count(*) from encounters where patient_id = ${patientId}) as encounters,
      (select count(*) from documents where patient_id = ${patientId}) as documents,
      (select count(*) from conditions where patient_id = ${patientId}) as conditions,
      (select count(*) from medications where patient_id = ${patientId}) as medications,
      (select count(*) from procedures where patient_id = ${patientId}) as procedures,
      (select count(*) from observations where patient_id = ${patientId}) as observations`.execute(store.db);
  const counts = row.rows[0];
  return {
    encounters: Number(counts?.encounters ?? 0),
    documents: Number(counts?.documents ?? 0),
    conditions: Number(counts?.conditions ?? 0),
    medications: Number(counts?.medications ?? 0),
    procedures: Number(counts?.procedures ?? 0),
    observations: Number(counts?.observations ?? 0),
  };
}

export async function getObservationSeries(store: Store, patientId: string, code: string) {
  const rows = await store.db
    .selectFrom('observations')
    .select([
      'id',
      'code',
      'display',
      'value_num',
      'value_text',
      'unit',
      'effective_at',
      'interpretation',
      'reference_low',
      'reference_high',
    ])
    .where('patient_id', '=', patientId)
    .where('code', '=', code)
    .orderBy('effective_at', 'asc')
    .limit(OBSERVATION_SCAN_LIMIT)
    .execute();
  return rows.map((o) => ({
    id: o.id,
    code: o.code,
    display: o.display,
    value: o.value_num,
    text: o.value_text,
    unit: o.unit,
    at: o.effective_at,
    interpretation: o.interpretation,
    refLow: o.reference_low,
    refHigh: o.reference_high,
  }));
}

export async function getDocument(store: Store, patientId: string, documentId: string) {
  const row = await store.db
    .selectFrom('documents')
    .select(['id', 'title', 'type_text', 'date', 'author_text', 'body'])
    .where('patient_id', '=', patientId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  return row ? { id: row.id, title: row.title, type: row.type_text, date: row.date, author: row.author_text, body: row.body } : null;
}

/** A page of the patient's encounters, newest first (the chart shows only the first page). */
export async function listEncounters(store: Store, patientId: string, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    store.db
      .selectFrom('encounters')
      .select(['id', 'status', 'class_code', 'type_text', 'reason_text', 'period_start', 'period_end', 'provider_text'])
      .where('patient_id', '=', patientId)
      .orderBy('period_start', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute(),
    store.db
      .selectFrom('encounters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow(),
  ]);
  const names = getClinicalNames();
  return {
    items: rows.map((e) => ({
      id: e.id,
      status: e.status,
      classCode: e.class_code,
      type: e.type_text,
      ...(e.type_text ? withTypeNames(names.encounterType(e.type_text)) : {}),
      reason: e.reason_text,
      ...(e.reason_text ? withReasonNames(names.condition({ display: e.reason_text })) : {}),
      start: e.period_start,
      end: e.period_end,
      provider: e.provider_text,
    })),
    total: Number(total.n),
  };
}

/** A page of the patient's documents (titles only), newest first. */
export async function listDocuments(store: Store, patientId: string, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    store.db
      .selectFrom('documents')
      .select(['id', 'title', 'type_text', 'date', 'author_text'])
      .where('patient_id', '=', patientId)
      .orderBy('date', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute(),
    store.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((d) => ({ id: d.id, title: d.title, type: d.type_text, date: d.date, author: d.author_text })),
    total: Number(total.n),
  };
}

/** `{ names }` when a Chinese name is known; nothing otherwise (the chart stays as the record says). */
function withNames(names: Bilingual | undefined): { names?: Bilingual } {
  return names ? { names } : {};
}

function withTypeNames(names: Bilingual | undefined): { typeNames?: Bilingual } {
  return names ? { typeNames: names } : {};
}

function withReasonNames(names: Bilingual | undefined): { reasonNames?: Bilingual } {
  return names ? { reasonNames: names } : {};
}

/** Reactions are stored joined with ", " (FHIR import); named in Chinese only when each one is. */
function withReactionNames(text: string): { reactionNames?: Bilingual } {
  const names = getClinicalNames();
  const parts = text.split(', ').map((part) => names.condition({ display: part })?.zh);
  return parts.every((part) => part !== undefined) ? { reactionNames: { en: text, zh: parts.join('、') } } : {};
}
