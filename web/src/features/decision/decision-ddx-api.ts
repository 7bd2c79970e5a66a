// Differential with next tests, and treatment options side by side (issue 6), over HTTP. The
// server's result types are imported so the two cannot drift apart.
import type {
  ClinicianFindingBody,
  DdxEvidenceList,
  DdxEvidenceOption,
  DiagnosisListing,
  DifferentialResult,
  TreatmentComparison,
} from '../../../../src/api/decision';
import { request } from '../../api';

export type { ClinicianFindingBody, DdxEvidenceOption, DiagnosisListing, DifferentialResult, TreatmentComparison };
export type DifferentialCandidate = DifferentialResult['candidates'][number];
export type RankedTest = DifferentialResult['nextTests'][number];
export type TreatmentOptionView = TreatmentComparison['options'][number];

const patientPath = (patientId: string) => `/patients/${encodeURIComponent(patientId)}/decision`;

export const decisionDdxApi = {
  /** The Bayesian differential alone (no model call). */
  differential: (patientId: string, language: 'zh' | 'en') =>
    request<DifferentialResult>('GET', `${patientPath(patientId)}/differential`, { query: { language } }),
  /** The differential widened by the model, when one is connected (with the clinician's findings, if any). */
  widen: (patientId: string, language: 'zh' | 'en', findings: ClinicianFindingBody[] = []) =>
    request<DifferentialResult>('POST', `${patientPath(patientId)}/differential`, {
      body: { language, widen: true, ...(findings.length ? { findings } : {}) },
    }),
  /** The Bayesian differential with the findings the clinician entered (no model call). */
  rank: (patientId: string, language: 'zh' | 'en', findings: ClinicianFindingBody[]) =>
    request<DifferentialResult>('POST', `${patientPath(patientId)}/differential`, { body: { language, widen: false, findings } }),
  /** The DDXPlus findings a clinician can enter, searched in Chinese and English. */
  evidence: (q: string) => request<DdxEvidenceList>('GET', '/decision/ddx-evidence', { query: { q, limit: 15 } }),
  diagnoses: (patientId: string) => request<{ diagnoses: DiagnosisListing[] }>('GET', `${patientPath(patientId)}/treatments`),
  treatments: (patientId: string, diagnosis: string) =>
    request<TreatmentComparison>('POST', `${patientPath(patientId)}/treatments`, { body: { diagnosis } }),
};
