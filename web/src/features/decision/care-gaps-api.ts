// Care gaps (cited rules over the record, no model) over HTTP.
import { request } from '../../api';

/** The shapes of `GET /api/v1/patients/:id/care-gaps` the card reads. */
export interface Bilingual {
  en: string;
  zh: string;
}
export interface CareGapFact {
  kind: 'condition' | 'medication' | 'observation' | 'procedure' | 'age' | 'score' | 'absent';
  label: Bilingual;
  value: string;
  date?: string;
  ref?: string;
}
export interface CareGap {
  ruleId: string;
  title: Bilingual;
  detail: Bilingual;
  action: Bilingual;
  reason: Bilingual;
  facts: CareGapFact[];
  closedBy: Bilingual[];
  source: { label: string; publication: string; year?: number; section: string; url?: string };
}
export interface PatientCareGaps {
  patientId: string;
  asOf: string;
  deceased: boolean;
  gaps: CareGap[];
  notJudged: { ruleId: string; reason: string }[];
}

export const careGapsApi = {
  patient: (patientId: string) => request<PatientCareGaps>('GET', `/patients/${encodeURIComponent(patientId)}/care-gaps`),
};
