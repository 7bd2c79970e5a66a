import type { Store } from '../store/database.js';
import { ageInYears, type PatientDetail } from './patient-queries.js';

/** The patient chart as the clinician sees it: one call, bounded lists, no document bodies. */

const LIST_LIMIT = 50;
const OBSERVATION_SCAN_LIMIT = 5000;

export interface LabSummary {
  code: string;
  display: string;
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
    clinicalStatus: string | null;
    onsetAt: string | null;
    abatedAt: string | null;
  }[];
  medications: { id: string; display: string; status: string; authoredAt: string | null; dosageText: string | null }[];
  allergies: {
    id: string;
    display: string;
    category: string | null;
    criticality: string | null;
    clinicalStatus: string | null;
    reaction: string | null;
  }[];
  encounters: {
    id: string;
    status: string;
    classCode: string | null;
    type: string | null;
    reason: string | null;
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
  const count = (table: 'encounters' | 'documents' | 'conditions' | 'medications' | 'procedures' | 'observations') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  const [conditions, medications, allergies, encounters, observations, documents, counts] = await Promise.all([
    db
      .selectFrom('conditions')
      .select(['id', 'code', 'display', 'clinical_status', 'onset_at', 'abated_at'])
      .where('patient_id', '=', patientId)
      .orderBy('onset_at', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('medications')
      .select(['id', 'display', 'status', 'authored_at', 'dosage_text'])
      .where('patient_id', '=', patientId)
      .orderBy('authored_at', 'desc')
      .orderBy('id')
      .limit(200)
      .execute(),
    db
      .selectFrom('allergies')
      .select(['id', 'display', 'category', 'criticality', 'clinical_status', 'reaction_text'])
      .where('patient_id', '=', patientId)
      .orderBy('display')
      .execute(),
    db
      .selectFrom('encounters')
      .select(['id', 'status', 'class_code', 'type_text', 'reason_text', 'period_start', 'period_end', 'provider_text'])
      .where('patient_id', '=', patientId)
      .orderBy('period_start', 'desc')
      .orderBy('id')
      .limit(LIST_LIMIT)
      .execute(),
    db
      .selectFrom('observations')
      .select(['code', 'display', 'unit', 'value_num', 'value_text', 'effective_at', 'interpretation', 'reference_low', 'reference_high'])
      .where('patient_id', '=', patientId)
      .orderBy('effective_at', 'desc')
      .limit(OBSERVATION_SCAN_LIMIT)
      .execute(),
    db
      .selectFrom('documents')
      .select(['id', 'title', 'type_text', 'date', 'author_text'])
      .where('patient_id', '=', patientId)
      .orderBy('date', 'desc')
      .orderBy('id')
      .limit(LIST_LIMIT)
      .execute(),
    Promise.all([
      count('encounters'),
      count('documents'),
      count('conditions'),
      count('medications'),
      count('procedures'),
      count('observations'),
    ]),
  ]);

  // Observations arrive newest first, so the first row per code is its latest value.
  const labs = new Map<string, LabSummary>();
  for (const o of observations) {
    const code = o.code ?? o.display;
    const existing = labs.get(code);
    if (existing) {
      existing.count += 1;
      continue;
    }
    labs.set(code, {
      code,
      display: o.display,
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

  const [nEncounters, nDocuments, nConditions, nMedications, nProcedures, nObservations] = counts;
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
    conditions: conditions.map((c) => ({
      id: c.id,
      code: c.code,
      display: c.display,
      clinicalStatus: c.clinical_status,
      onsetAt: c.onset_at,
      abatedAt: c.abated_at,
    })),
    medications: medications.map((m) => ({
      id: m.id,
      display: m.display,
      status: m.status,
      authoredAt: m.authored_at,
      dosageText: m.dosage_text,
    })),
    allergies: allergies.map((a) => ({
      id: a.id,
      display: a.display,
      category: a.category,
      criticality: a.criticality,
      clinicalStatus: a.clinical_status,
      reaction: a.reaction_text,
    })),
    encounters: encounters.map((e) => ({
      id: e.id,
      status: e.status,
      classCode: e.class_code,
      type: e.type_text,
      reason: e.reason_text,
      start: e.period_start,
      end: e.period_end,
      provider: e.provider_text,
    })),
    labs: [...labs.values()].sort((a, b) => a.display.localeCompare(b.display)),
    documents: documents.map((d) => ({ id: d.id, title: d.title, type: d.type_text, date: d.date, author: d.author_text })),
    counts: {
      encounters: nEncounters,
      documents: nDocuments,
      conditions: nConditions,
      medications: nMedications,
      procedures: nProcedures,
      observations: nObservations,
    },
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
