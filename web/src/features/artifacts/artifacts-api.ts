// Model outputs awaiting review (the inbox), one artifact, its review, and its exports.
import { API_BASE, type Page, request } from '../../api';

export type ArtifactStatus = 'draft' | 'accepted' | 'edited' | 'rejected';
export type ArtifactFilter = ArtifactStatus | 'all';
export type Severity = 'info' | 'warning' | 'critical';

export interface GuardrailFinding {
  code: string;
  severity: Severity;
  message: string;
  /** The same finding in both interface languages, when the workflow wrote both. */
  text?: { en: string; zh: string };
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

const enc = encodeURIComponent;

export const artifactsApi = {
  list: (status: ArtifactFilter, limit: number, offset: number) =>
    request<Page<ArtifactSummary>>('GET', '/artifacts', { query: { status, limit, offset } }),
  get: (id: string) => request<Artifact>('GET', `/artifacts/${enc(id)}`),
  review: (id: string, body: ReviewRequest) => request<Artifact>('POST', `/artifacts/${enc(id)}/review`, { body }),
};

export function artifactPdfUrl(artifactId: string): string {
  return `${API_BASE}/artifacts/${enc(artifactId)}/pdf`;
}

export function artifactFhirUrl(artifactId: string): string {
  return `${API_BASE}/artifacts/${enc(artifactId)}/fhir`;
}
