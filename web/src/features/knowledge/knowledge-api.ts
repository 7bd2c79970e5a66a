// The knowledge base and its engines over HTTP. Response shapes are the server's own types,
// imported type-only (nothing server-side is bundled), so the two cannot drift apart.
import type {
  Bilingual,
  ChartLabContext,
  ChartMedicationContext,
  Citation,
  CuratedLab,
  FieldDescriptor,
  FindingSeverity,
  InputIssue,
  InterpretedLabResult,
  InterpretLabsInput,
  KbCondition,
  KbDrug,
  KbEducationTopic,
  KnowledgeBase,
  LabFlag,
  LabInterpretation,
  LabPattern,
  LabResultInput,
  LabTrend,
  MedicationCheckInput,
  MedicationCheckResult,
  MedicationFinding,
  RegisteredScore,
  ScoreDescription,
  ScoreResult,
  SearchHit,
  SearchKind,
} from '../../../../src/api/knowledge';
import { request } from '../../api';

export type {
  Bilingual,
  ChartMedicationContext,
  Citation,
  CuratedLab,
  FieldDescriptor,
  FindingSeverity,
  InputIssue,
  InterpretedLabResult,
  InterpretLabsInput,
  KbCondition,
  KbDrug,
  KbEducationTopic,
  LabFlag,
  LabInterpretation,
  LabPattern,
  LabResultInput,
  LabTrend,
  MedicationCheckInput,
  MedicationCheckResult,
  MedicationFinding,
  ScoreResult,
  SearchHit,
  SearchKind,
};

export type KbCredit = KnowledgeBase['credits'][number];

/** `GET /knowledge/info`. */
export interface KnowledgeInfo {
  version: string;
  counts: Record<string, number>;
  loadMs: { read: number; index: number };
  credits: KbCredit[];
}

/** `GET /patients/:id/medication-check`: what the chart gave, and the check of its active medications. */
export interface PatientMedicationCheck {
  context: ChartMedicationContext;
  input?: MedicationCheckInput;
  result: MedicationCheckResult | null;
}

/** `GET /patients/:id/lab-interpretation`: what of the chart was used, and the interpretation (null: no results). */
export interface PatientLabInterpretation {
  context: ChartLabContext;
  result: LabInterpretation | null;
}

/** A score as the list and the form need it (the server's registry entry without its code). */
export type ScoreSummary = Pick<RegisteredScore, 'id' | 'names' | 'aliases' | 'summary' | 'source'>;
export type { ScoreDescription };

/** Severity order the checker sorts by, most severe first. */
export const SEVERITIES: FindingSeverity[] = ['contraindicated', 'major', 'moderate', 'minor', 'info'];

const enc = encodeURIComponent;

export const knowledgeApi = {
  info: () => request<KnowledgeInfo>('GET', '/knowledge/info'),
  search: (q: string, kinds?: SearchKind[], limit = 20) =>
    request<{ query: string; hits: SearchHit[] }>('GET', '/knowledge/search', { query: { q, kind: kinds?.join(','), limit } }),
  drug: (id: string) => request<KbDrug>('GET', `/knowledge/drugs/${enc(id)}`),
  lab: (id: string) => request<CuratedLab>('GET', `/knowledge/labs/${enc(id)}`),
  condition: (id: string) => request<KbCondition>('GET', `/knowledge/conditions/${enc(id)}`),
  education: (id: string) => request<KbEducationTopic>('GET', `/knowledge/education/${enc(id)}`),
  checkMedications: (body: MedicationCheckInput) => request<MedicationCheckResult>('POST', '/knowledge/medications/check', { body }),
  patientMedicationCheck: (patientId: string) => request<PatientMedicationCheck>('GET', `/patients/${enc(patientId)}/medication-check`),
  interpretLabs: (body: InterpretLabsInput) => request<LabInterpretation>('POST', '/knowledge/labs/interpret', { body }),
  patientLabInterpretation: (patientId: string) =>
    request<PatientLabInterpretation>('GET', `/patients/${enc(patientId)}/lab-interpretation`),
  scores: () => request<{ scores: ScoreSummary[] }>('GET', '/knowledge/scores').then((body) => body.scores),
  score: (id: string) => request<ScoreDescription>('GET', `/knowledge/scores/${enc(id)}`),
  computeScore: (id: string, inputs: Record<string, unknown>) =>
    request<ScoreResult>('POST', `/knowledge/scores/${enc(id)}`, { body: inputs }),
};
