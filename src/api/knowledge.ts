/**
 * API contract: knowledge — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
export type {
  InterpretedLabResult,
  InterpretLabsInput,
  LabFlag,
  LabInterpretation,
  LabPattern,
  LabResultInput,
  LabTrend,
} from '../engines/labs/lab-types.js';
export type {
  FindingSeverity,
  MedicationCheckInput,
  MedicationCheckResult,
  MedicationFinding,
} from '../engines/medication/check-medications.js';
export type { FieldDescriptor, InputIssue, RegisteredScore, ScoreDescription, ScoreResult } from '../engines/scores/index.js';
export type { SearchHit, SearchKind } from '../engines/search/knowledge-search.js';
export type { Bilingual, Citation, CuratedLab } from '../knowledge/kb-schema.js';
export type { KbCondition, KbDrug, KbEducationTopic, KnowledgeBase } from '../knowledge/knowledge-base-types.js';
export type { ChartLabContext } from '../workflows/lab-review/chart-lab-input.js';
export type { ChartMedicationContext } from '../workflows/medication-review/chart-medication-input.js';
