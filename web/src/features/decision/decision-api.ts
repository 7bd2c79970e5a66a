// "Ask about a case" (issue 6) over HTTP: a clinician's question about one patient, answered by the
// model with every claim tied to the record or the knowledge base, beside the deterministic alerts.
import type { AskCaseResult } from '../../../../src/api/decision';
import { request } from '../../api';
import type { Bilingual, Citation } from '../knowledge/knowledge-api';

export type DecisionLanguage = 'zh' | 'en';

/** Alert severities: the medication checker's five, and `critical` from the lab rules. */
export type DecisionSeverity = 'contraindicated' | 'major' | 'moderate' | 'minor' | 'info' | 'critical';

export interface DecisionPico {
  population: string;
  intervention: string;
  comparison: string;
  outcome: string;
}

export interface DecisionClaim {
  text: string;
  sourceIds: string[];
  /** False when none of its source ids names a source that was given to the model. */
  supported: boolean;
}

/** A deterministic finding from the engines; shown whether or not a model answered. */
export interface DecisionAlert {
  kind: string;
  severity: DecisionSeverity;
  title: Bilingual;
  detail: Bilingual;
  source: Pick<Citation, 'title' | 'section' | 'url'>;
}

/** What the model was allowed to cite: `R…` a fact from the record, `K…` a knowledge-base entry. */
export interface DecisionSource {
  id: string;
  type: 'record' | 'knowledge';
  label: string;
  detail?: string;
}

/** The server's answer type, imported so the two cannot drift apart. */
export type DecisionAnswer = AskCaseResult;

export interface AskCaseBody {
  question: string;
  language?: DecisionLanguage;
}

export const QUESTION_MAX = 2000;

export const decisionApi = {
  ask: (patientId: string, body: AskCaseBody) =>
    request<DecisionAnswer>('POST', `/patients/${encodeURIComponent(patientId)}/decision/ask`, { body }),
};
