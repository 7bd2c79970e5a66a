// Patients and their charts over HTTP. Response shapes that the server defines are imported from it,
// type-only (nothing server-side is bundled), so the two cannot drift apart.
import type {
  ConsentChange,
  ConsentHistoryEntry,
  LabSummary,
  PatientConsent,
  PatientDetail,
  PatientSummary,
} from '../../../../src/api/patients';
import { API_BASE, type Page, request } from '../../api';

export type { ConsentChange, ConsentHistoryEntry, LabSummary, PatientConsent, PatientDetail, PatientSummary };

export interface Condition {
  id: string;
  code: string | null;
  display: string;
  /** The record's display and its Chinese name, when one is known. */
  names?: { en: string; zh: string };
  clinicalStatus: string | null;
  onsetAt: string | null;
  abatedAt: string | null;
}

export interface Medication {
  id: string;
  display: string;
  /** The medication line in both languages, when its ingredient is known. */
  names?: { en: string; zh: string };
  status: string | null;
  authoredAt: string | null;
  dosageText: string | null;
}

export interface Allergy {
  id: string;
  display: string;
  /** The substance and its Chinese name, when one is known. */
  names?: { en: string; zh: string };
  category: string | null;
  criticality: string | null;
  clinicalStatus: string | null;
  reaction: string | null;
  /** The reactions in both languages, when every one has a Chinese name. */
  reactionNames?: { en: string; zh: string };
}

export interface Encounter {
  id: string;
  status: string | null;
  classCode: string | null;
  type: string | null;
  /** The encounter type and its Chinese name, when one is known. */
  typeNames?: { en: string; zh: string };
  reason: string | null;
  /** The reason and its Chinese name, when one is known. */
  reasonNames?: { en: string; zh: string };
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

const enc = encodeURIComponent;

export const patientsApi = {
  list: (q: string, limit: number, offset: number) => request<Page<PatientSummary>>('GET', '/patients', { query: { q, limit, offset } }),
  chart: (patientId: string) => request<Chart>('GET', `/patients/${enc(patientId)}/chart`),
  observations: (patientId: string, code: string) =>
    request<{ items: Observation[] }>('GET', `/patients/${enc(patientId)}/observations`, { query: { code } }),
  encounters: (patientId: string, limit: number, offset: number) =>
    request<Page<Encounter>>('GET', `/patients/${enc(patientId)}/encounters`, { query: { limit, offset } }),
  documents: (patientId: string, limit: number, offset: number) =>
    request<Page<DocumentSummary>>('GET', `/patients/${enc(patientId)}/documents`, { query: { limit, offset } }),
  document: (patientId: string, documentId: string) =>
    request<ClinicalDocument>('GET', `/patients/${enc(patientId)}/documents/${enc(documentId)}`),
  consent: (patientId: string) => request<PatientConsent>('GET', `/patients/${enc(patientId)}/consent`),
  updateConsent: (patientId: string, body: ConsentChange) =>
    request<PatientConsent>('PUT', `/patients/${enc(patientId)}/consent`, { body }),
};

/** The patient's record as a FHIR bundle (a download). */
export function fhirDownloadUrl(patientId: string): string {
  return `${API_BASE}/patients/${enc(patientId)}/fhir`;
}
