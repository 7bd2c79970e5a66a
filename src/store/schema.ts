/**
 * Row types of Suwen's database, identical on SQLite and PostgreSQL. Portable choices keep the two
 * backends behaving the same: ids are text, timestamps are UTC ISO-8601 text (sortable), flags are
 * 0/1 integers, and structured values (the original FHIR resource, sources, findings) are JSON text.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface PatientTable {
  id: string;
  mrn: string | null;
  family_name: string | null;
  given_name: string | null;
  name_text: string;
  gender: string | null;
  birth_date: string | null;
  deceased_at: string | null;
  phone: string | null;
  address_text: string | null;
  language: string | null;
  /** Lower-cased name, MRN and birth date, for case-insensitive search on both databases. */
  search_text: string;
  resource: string;
  source: string;
  created_at: string;
  updated_at: string;
}

interface ClinicalRow {
  id: string;
  patient_id: string;
  encounter_id: string | null;
  resource: string;
  created_at: string;
}

export interface EncounterTable extends ClinicalRow {
  status: string;
  class_code: string | null;
  type_text: string | null;
  reason_text: string | null;
  period_start: string | null;
  period_end: string | null;
  provider_text: string | null;
}

export interface ConditionTable extends ClinicalRow {
  code_system: string | null;
  code: string | null;
  display: string;
  clinical_status: string | null;
  onset_at: string | null;
  abated_at: string | null;
  recorded_at: string | null;
}

export interface MedicationTable extends ClinicalRow {
  status: string;
  code_system: string | null;
  code: string | null;
  display: string;
  authored_at: string | null;
  dosage_text: string | null;
}

export interface AllergyTable extends ClinicalRow {
  code: string | null;
  display: string;
  category: string | null;
  criticality: string | null;
  clinical_status: string | null;
  reaction_text: string | null;
  recorded_at: string | null;
}

export interface ObservationTable extends ClinicalRow {
  category: string | null;
  code_system: string | null;
  code: string | null;
  display: string;
  value_num: number | null;
  value_text: string | null;
  unit: string | null;
  reference_low: number | null;
  reference_high: number | null;
  interpretation: string | null;
  effective_at: string | null;
}

export interface ProcedureTable extends ClinicalRow {
  status: string | null;
  code: string | null;
  display: string;
  performed_at: string | null;
}

export interface DocumentTable extends ClinicalRow {
  type_text: string | null;
  title: string;
  content_type: string | null;
  /** Plain text of the document; never logged. */
  body: string | null;
  author_text: string | null;
  date: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  patient_id: string | null;
  locale: string | null;
  disabled: number;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked: number;
}

export interface ArtifactTable {
  id: string;
  kind: string;
  workflow: string;
  patient_id: string | null;
  encounter_id: string | null;
  model_id: string | null;
  model_version: string | null;
  prompt_id: string | null;
  prompt_version: string | null;
  /** SHA-256 of the rendered prompt (template + variables + locale). */
  prompt_hash: string | null;
  input_hash: string;
  /** JSON text: the AI output itself. */
  content: string;
  sources: string;
  guardrails: string;
  latency_ms: number | null;
  tokens_in: number | null;
  tokens_out: number | null;
  status: string;
  created_by: string | null;
  created_at: string;
  reviewer_id: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  edited_content: string | null;
  edit_diff: string | null;
  edit_distance: number | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  patient_id: string | null;
  outcome: string;
  source_ip: string | null;
  request_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface PseudonymTable {
  scope: string;
  type: string;
  original_mac: string;
  /** AES-256-GCM: base64 of iv (12) | tag (16) | ciphertext. */
  original_enc: string;
  replacement: string;
  created_at: string;
}

/** Current consent flags; no row means the defaults (`DEFAULT_CONSENT` in `src/record/consent.ts`). */
export interface PatientConsentTable {
  patient_id: string;
  /** 0/1: AI assistance on this patient's record. */
  ai_assistance: number;
  /** 0/1: use of this patient's data for research and evaluation. */
  research_use: number;
  updated_by: string | null;
  updated_at: string;
}

/** Every consent change, append-only. */
export interface PatientConsentHistoryTable {
  id: string;
  patient_id: string;
  ai_assistance: number;
  research_use: number;
  /** User id of who changed it. */
  changed_by: string | null;
  changed_role: string | null;
  changed_at: string;
  note: string | null;
}

/** A history-taking interview opened by a link (`src/workflows/intake/`). */
export interface IntakeSessionTable {
  id: string;
  /** SHA-256 (hex) of the link's secret; the secret itself is never stored. */
  token_hash: string;
  patient_id: string;
  encounter_id: string | null;
  created_by: string | null;
  language: string;
  mode: string;
  /** open | emergency | finished | cancelled (expiry is read from expires_at). */
  status: string;
  /** InterviewState as JSON. */
  state: string;
  /** RedFlagHit[] as JSON. */
  red_flags: string;
  /** TriageResult as JSON once finished (or at an emergency stop). */
  triage: string | null;
  artifact_id: string | null;
  version: number;
  expires_at: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** The emergency worklist: one row per red flag, pinned until acknowledged (`src/workflows/alerts/`). */
export interface EmergencyAlertTable {
  id: string;
  /** intake-red-flag | artifact-red-flag */
  kind: string;
  patient_id: string | null;
  intake_id: string | null;
  artifact_id: string | null;
  /** Red-flag rule ids as a JSON array. */
  rules: string;
  /** Triage level (emergency, urgent …) when known. */
  triage: string | null;
  created_at: string;
  acknowledged_at: string | null;
  /** User id of the clinician who acknowledged it. */
  acknowledged_by: string | null;
}

/** One webhook POST owed for an alert (the outbox), retried until delivered. */
export interface AlertDeliveryTable {
  id: string;
  alert_id: string;
  /** The webhook URL at the time the alert was raised. */
  target: string;
  /** The JSON body to POST. */
  payload: string;
  /** pending | delivered */
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  patients: PatientTable;
  encounters: EncounterTable;
  conditions: ConditionTable;
  medications: MedicationTable;
  allergies: AllergyTable;
  observations: ObservationTable;
  procedures: ProcedureTable;
  documents: DocumentTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  artifacts: ArtifactTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  pseudonyms: PseudonymTable;
  patient_consents: PatientConsentTable;
  patient_consent_history: PatientConsentHistoryTable;
  intake_sessions: IntakeSessionTable;
  emergency_alerts: EmergencyAlertTable;
  alert_deliveries: AlertDeliveryTable;
}

export type PatientRow = Selectable<PatientTable>;
export type NewPatient = Insertable<PatientTable>;
export type ArtifactRow = Selectable<ArtifactTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type UserRow = Selectable<UserTable>;
export type { Generated };
