/**
 * Test fixtures for the differential and treatment-option tests: a finished intake built from
 * DDXPlus answers, and chart rows (a medication, a condition, a lab value) written straight into
 * the store. Synthetic data only.
 */
import { loadDdxModel } from '../../../engines/ddx/index.js';
import type { InterviewState, RecordedAnswer } from '../../../engines/intake/index.js';
import { insertIntakeSession } from '../../../record/intake-session-store.js';
import { insertConditionRow, insertMedicationRow, insertObservationRow } from '../../../record/testing/insert-chart-rows.js';
import { newId } from '../../../shared/ids.js';
import type { Store } from '../../../store/database.js';

export interface IntakeFixture {
  age: number;
  sex: 'M' | 'F';
  /** Present evidence atoms (`E_164`, `E_204_@_V_10`), one answer each. */
  present: string[];
  /** Evidence answered no, one answer each. */
  denied?: string[];
  finishedAt?: string;
  /** `emergency`: the interview stopped early on a red flag (its answers are partial). */
  status?: 'finished' | 'emergency';
  /** Red-flag rule ids recorded with an emergency stop. */
  redFlags?: string[];
}

/** One recorded DDXPlus answer, shaped as the interview stores it. */
function answerOf(code: string, present: boolean, atom: string): RecordedAnswer {
  const ev = loadDdxModel().byCode.get(code);
  if (!ev) throw new Error(`Unknown evidence ${code}`);
  return {
    questionId: `ddx:${code}`,
    section: 'present-illness',
    question: ev.label,
    display: present ? { en: 'Yes', zh: '是' } : { en: 'No', zh: '否' },
    evidence: present ? [atom] : [],
    denied: present ? [] : [code],
    at: '2026-01-10T09:00:00.000Z',
  };
}

/** Writes a finished (or red-flag-stopped) intake for the patient and returns its id. */
export async function insertFinishedIntake(store: Store, patientId: string, fixture: IntakeFixture): Promise<string> {
  const answers = [
    ...fixture.present.map((atom) => answerOf(atom.split('_@_')[0] ?? atom, true, atom)),
    ...(fixture.denied ?? []).map((code) => answerOf(code, false, code)),
  ];
  const state: InterviewState = {
    version: 1,
    age: fixture.age,
    sex: fixture.sex,
    language: 'en',
    mode: 'form',
    phase: 'done',
    maxDdxQuestions: 15,
    answers,
  };
  const id = newId();
  const at = fixture.finishedAt ?? '2026-01-10T09:30:00.000Z';
  await insertIntakeSession(store, {
    id,
    token_hash: `test-${id}`,
    patient_id: patientId,
    encounter_id: null,
    created_by: null,
    language: 'en',
    mode: 'form',
    status: fixture.status ?? 'finished',
    state: JSON.stringify(fixture.status === 'emergency' ? { ...state, phase: 'ddx' } : state),
    red_flags: JSON.stringify((fixture.redFlags ?? []).map((id) => ({ id, label: { en: id, zh: id } }))),
    triage: fixture.status === 'emergency' ? JSON.stringify({ level: 'emergency' }) : null,
    artifact_id: null,
    version: 1,
    expires_at: '2026-01-11T09:00:00.000Z',
    created_at: '2026-01-10T08:55:00.000Z',
    updated_at: at,
    finished_at: at,
  });
  return id;
}

const now = () => new Date().toISOString();

export async function insertActiveMedication(store: Store, patientId: string, display: string): Promise<void> {
  await insertMedicationRow(store, {
    id: newId(),
    patient_id: patientId,
    encounter_id: null,
    resource: '{}',
    created_at: now(),
    status: 'active',
    code_system: null,
    code: null,
    display,
    authored_at: now(),
    dosage_text: null,
  });
}

export async function insertActiveCondition(store: Store, patientId: string, display: string): Promise<void> {
  await insertConditionRow(store, {
    id: newId(),
    patient_id: patientId,
    encounter_id: null,
    resource: '{}',
    created_at: now(),
    code_system: null,
    code: null,
    display,
    clinical_status: 'active',
    onset_at: '2020-01-01T00:00:00.000Z',
    abated_at: null,
    recorded_at: null,
  });
}

/** The latest eGFR (LOINC 33914-3), which the medication check reads from the chart. */
export async function insertEgfr(store: Store, patientId: string, value: number): Promise<void> {
  await insertObservationRow(store, {
    id: newId(),
    patient_id: patientId,
    encounter_id: null,
    resource: '{}',
    created_at: now(),
    category: 'laboratory',
    code_system: 'http://loinc.org',
    code: '33914-3',
    display: 'Glomerular filtration rate/1.73 sq M.predicted',
    value_num: value,
    value_text: null,
    unit: 'mL/min/{1.73_m2}',
    reference_low: 60,
    reference_high: null,
    interpretation: null,
    effective_at: now(),
  });
}
