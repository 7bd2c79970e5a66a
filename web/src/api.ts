import i18next from 'i18next';
// Response shapes that the server defines are imported from it, type-only (nothing server-side is
// bundled), so the two cannot drift apart.
import type { DailyStats, WorkflowModelStats } from '../../src/audit/monitoring';
import type { ConsentChange, ConsentHistoryEntry, PatientConsent } from '../../src/record/consent';
import type { LabSummary } from '../../src/record/patient-chart';
import type { PatientDetail, PatientSummary } from '../../src/record/patient-queries';
import { currentLocale } from './i18n';

export type {
  ConsentChange,
  ConsentHistoryEntry,
  DailyStats,
  LabSummary,
  PatientConsent,
  PatientDetail,
  PatientSummary,
  WorkflowModelStats,
};

/** Types follow the HTTP contract of `/api/v1` (see src/server). */

export type Role = 'admin' | 'clinician' | 'researcher' | 'educator' | 'patient';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  patientId: string | null;
}

export interface Health {
  status: 'ok';
  version: string;
  database: 'sqlite' | 'postgres';
  demo: boolean;
  time: string;
}

export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
}

export interface DemoInfo {
  demo: boolean;
  accounts: DemoAccount[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Condition {
  id: string;
  code: string | null;
  display: string;
  clinicalStatus: string | null;
  onsetAt: string | null;
  abatedAt: string | null;
}

export interface Medication {
  id: string;
  display: string;
  status: string | null;
  authoredAt: string | null;
  dosageText: string | null;
}

export interface Allergy {
  id: string;
  display: string;
  category: string | null;
  criticality: string | null;
  clinicalStatus: string | null;
  reaction: string | null;
}

export interface Encounter {
  id: string;
  status: string | null;
  classCode: string | null;
  type: string | null;
  reason: string | null;
  start: string | null;
  end: string | null;
  provider: string | null;
}

export type Interpretation = 'H' | 'L' | 'N';

export interface DocumentSummary {
  id: string;
  title: string;
  type: string | null;
  date: string | null;
  author: string | null;
}

export interface ClinicalDocument extends DocumentSummary {
  body: string;
}

export interface Chart {
  patient: PatientDetail;
  conditions: Condition[];
  medications: Medication[];
  allergies: Allergy[];
  encounters: Encounter[];
  labs: LabSummary[];
  documents: DocumentSummary[];
  counts: {
    encounters: number;
    documents: number;
    conditions: number;
    medications: number;
    procedures: number;
    observations: number;
  };
}

export interface Observation {
  id: string;
  code: string;
  display: string;
  value: number | null;
  text: string | null;
  unit: string | null;
  at: string;
  interpretation: Interpretation | null;
  refLow: number | null;
  refHigh: number | null;
}

export type ArtifactStatus = 'draft' | 'accepted' | 'edited' | 'rejected';
export type ArtifactFilter = ArtifactStatus | 'all';
export type Severity = 'info' | 'warning' | 'critical';

export interface GuardrailFinding {
  code: string;
  severity: Severity;
  message: string;
}

export interface ArtifactContent {
  title?: string;
  text?: string;
  [key: string]: unknown;
}

export interface ArtifactSummary {
  id: string;
  kind: string;
  workflow: string;
  patientId: string | null;
  patientName: string | null;
  encounterId: string | null;
  model: { id: string; version: string | null };
  prompt: { id: string | null; version: string | null; hash?: string | null };
  inputHash: string;
  sources: { type: string; ref: string; label: string }[];
  guardrails: GuardrailFinding[];
  latencyMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  status: ArtifactStatus;
  createdAt: string;
  createdBy: string | null;
  reviewer: { id: string; displayName: string } | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  editDistance: number | null;
}

export interface Artifact extends ArtifactSummary {
  content: ArtifactContent;
  editedContent: ArtifactContent | null;
  editDiff: string | null;
}

export interface ReviewRequest {
  decision: 'accept' | 'edit' | 'reject';
  content?: { title?: string; text: string };
  note?: string;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  outcome: string;
  sourceIp: string | null;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; id: string; reason: string } | null;
}

export interface Monitoring {
  byWorkflowModel: WorkflowModelStats[];
  daily: DailyStats[];
}

export interface ModelSetting {
  id: string;
  kind: 'openai-compatible' | 'llama-cpp';
  preset?: string;
  /** Present when the status was probed (`/models?probe=1`). */
  reachable?: boolean;
  detail?: string;
  baseUrl: string | null;
  name: string | null;
  dataBoundary: 'local' | 'external';
  gguf: string | null;
}

export type DeidOperator = 'tag' | 'mask' | 'redact' | 'hash' | 'surrogate';

export interface PhiFinding {
  type: string;
  start: number;
  end: number;
  score: number;
  recognizer: string;
  pattern: string;
  context: string[];
}

export interface DeidResult {
  text: string;
  findings: PhiFinding[];
  counts: Record<string, number>;
  operator: DeidOperator;
  ms: number;
}

export interface Settings {
  version: string;
  demo: boolean;
  database: { dialect: string; url: string };
  model: { configured: boolean; models: ModelSetting[] };
}

/** An error answered by the server (already in the user's language) or a failed connection. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

let onUnauthenticated: () => void = () => {};

/** Called when a request answers 401 outside the login form (an expired session, say). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const API_BASE = '/api/v1';

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Off for the login form and the session probe, which handle 401 themselves. */
  redirectOn401?: boolean;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.code, response.status, error.message, error.details);
  }
  return new ApiError('HTTP_ERROR', response.status, i18next.t('errors.http', { status: response.status }));
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError('NETWORK', 0, i18next.t('errors.network'));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.redirectOn401 !== false) onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  health: () => request<Health>('GET', '/health'),
  demo: () => request<DemoInfo>('GET', '/demo'),
  login: (username: string, password: string) =>
    request<{ user: User }>('POST', '/auth/login', { body: { username, password }, redirectOn401: false }),
  logout: () => request<void>('POST', '/auth/logout', { redirectOn401: false }),
  me: () => request<{ user: User }>('GET', '/auth/me', { redirectOn401: false }),
  patients: (q: string, limit: number, offset: number) =>
    request<Page<PatientSummary>>('GET', '/patients', { query: { q, limit, offset } }),
  chart: (patientId: string) => request<Chart>('GET', `/patients/${encodeURIComponent(patientId)}/chart`),
  observations: (patientId: string, code: string) =>
    request<{ items: Observation[] }>('GET', `/patients/${encodeURIComponent(patientId)}/observations`, {
      query: { code },
    }),
  encounters: (patientId: string, limit: number, offset: number) =>
    request<Page<Encounter>>('GET', `/patients/${encodeURIComponent(patientId)}/encounters`, { query: { limit, offset } }),
  documents: (patientId: string, limit: number, offset: number) =>
    request<Page<DocumentSummary>>('GET', `/patients/${encodeURIComponent(patientId)}/documents`, { query: { limit, offset } }),
  document: (patientId: string, documentId: string) =>
    request<ClinicalDocument>('GET', `/patients/${encodeURIComponent(patientId)}/documents/${encodeURIComponent(documentId)}`),
  consent: (patientId: string) => request<PatientConsent>('GET', `/patients/${encodeURIComponent(patientId)}/consent`),
  updateConsent: (patientId: string, body: ConsentChange) =>
    request<PatientConsent>('PUT', `/patients/${encodeURIComponent(patientId)}/consent`, { body }),
  artifacts: (status: ArtifactFilter, limit: number, offset: number) =>
    request<Page<ArtifactSummary>>('GET', '/artifacts', { query: { status, limit, offset } }),
  artifact: (id: string) => request<Artifact>('GET', `/artifacts/${encodeURIComponent(id)}`),
  review: (id: string, body: ReviewRequest) => request<Artifact>('POST', `/artifacts/${encodeURIComponent(id)}/review`, { body }),
  audit: (query: { limit?: number; before?: number | null; action?: string; actorId?: string; patientId?: string }) =>
    request<AuditPage>('GET', '/audit', { query }),
  verifyAudit: () => request<AuditVerification>('GET', '/audit/verify'),
  monitoring: (days: number) => request<Monitoring>('GET', '/monitoring', { query: { days } }),
  settings: () => request<Settings>('GET', '/settings'),
  deid: (text: string, language: 'zh' | 'en' | 'auto', operator: DeidOperator) =>
    request<DeidResult>('POST', '/deid', { body: { text, language, operator } }),
  models: () => request<{ configured: boolean; models: ModelSetting[] }>('GET', '/models', { query: { probe: '1' } }),
};

export function fhirDownloadUrl(patientId: string): string {
  return `${API_BASE}/patients/${encodeURIComponent(patientId)}/fhir`;
}
