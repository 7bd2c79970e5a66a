import type { Bilingual, Citation } from '../../knowledge/index.js';

/**
 * Shared shapes of the history-taking interview (issue 7). The interview state is plain JSON so
 * the workflow can store it between the patient's answers and rebuild everything else from it.
 */

export type IntakeLanguage = 'zh' | 'en';

/** Sections of the history, in the order a record shows them. */
export type HistorySection =
  | 'chief-complaint'
  | 'present-illness'
  | 'past-history'
  | 'medications'
  | 'allergies'
  | 'personal-social'
  | 'menstrual-obstetric'
  | 'family-history'
  | 'review-of-systems';

export type QuestionKind = 'text' | 'yes-no' | 'choice' | 'multi' | 'scale';

/** A question as the patient sees it (already in the interview language). */
export interface IntakeQuestion {
  /** Frame questions: `frame:<id>`; DDXPlus questions: `ddx:<evidence code>`. */
  id: string;
  section: HistorySection;
  kind: QuestionKind;
  text: string;
  help?: string;
  /** `group`/`groupId`: the body region (pain map) or "more symptoms" a choice sits under; a screen shows each group as one opening section. */
  options?: { value: string; label: string; group?: string; groupId?: string }[];
  /** Groups to show opened (the region of the chief complaint). */
  openGroups?: string[];
  /** Scale questions (0–10 severity). */
  min?: number;
  max?: number;
  /** The patient may skip it ("I don't know" / 不清楚). */
  optional: boolean;
}

/** What the patient answered: the form's value, and/or free text (turned into a value by the model when one is connected). */
export interface IntakeAnswerInput {
  questionId: string;
  value?: string | number | boolean | string[];
  text?: string;
  skipped?: boolean;
}

/** One answered question as stored. */
export interface RecordedAnswer {
  questionId: string;
  section: HistorySection;
  /** The question as asked, both languages, for the record. */
  question: Bilingual;
  value?: string | number | boolean | string[];
  /** Human-readable answer in both languages ("Yes, 7/10", "是，7分"). */
  display: Bilingual;
  text?: string;
  skipped?: boolean;
  /** DDXPlus evidence this answer established: present codes (`E_91`, `E_55_@_V_89`) and denied codes. */
  evidence: string[];
  denied: string[];
  at: string;
}

export type TriageLevel = 'emergency' | 'urgent' | 'soon' | 'routine' | 'self-care';

export interface RedFlagHit {
  id: string;
  label: Bilingual;
  /** Why it fired, without quoting the patient. */
  reason: Bilingual;
  source: Citation;
  trigger: 'text' | 'answer';
}

export interface TriageResult {
  level: TriageLevel;
  reason: Bilingual;
  source: Citation;
}

/** The facts the safety rules read after every answer. */
export interface IntakeFacts {
  age?: number;
  sex?: 'M' | 'F';
  pregnant?: boolean;
  /** DDXPlus evidence present (`E_53`, `E_55_@_V_29`, `E_56_@_8`) and denied. */
  evidence: string[];
  denied: string[];
  /** Frame answers by frame question id (without the `frame:` prefix). */
  answers: Record<string, string | number | boolean | string[]>;
  /** Every free text the patient typed, newest last. */
  texts: string[];
}
