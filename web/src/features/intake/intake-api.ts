// History taking (issue 7) over HTTP. Response shapes are the server's own types, imported
// type-only (nothing server-side is bundled), so the two cannot drift apart.
import type {
  IntakeMode,
  IntakeQuestion,
  IntakeStatus,
  IntakeSummary,
  IntakeView,
  InterviewState,
  RecordedAnswer,
  RedFlagHit,
  TriageLevel,
  TriageResult,
} from '../../../../src/api/intake';
import { request } from '../../api';

export type { IntakeMode, IntakeQuestion, IntakeStatus, IntakeSummary, IntakeView, RecordedAnswer, RedFlagHit, TriageLevel, TriageResult };

export type IntakeLanguage = 'zh' | 'en';

/** `POST /intake`: the link (its token is shown once). */
export interface CreatedIntake {
  id: string;
  token: string;
  path: string;
  expiresAt: string;
  mode: IntakeMode;
}

export interface CreateIntakeBody {
  patientId: string;
  encounterId?: string;
  language: IntakeLanguage;
  mode?: IntakeMode;
  expiresInHours?: number;
}

/** One answer from the patient's page; `version` guards against a second open window. */
export interface IntakeAnswerBody {
  questionId: string;
  value?: string | number | boolean | string[];
  text?: string;
  skipped?: boolean;
  version: number;
}

export type IntakeDetail = IntakeSummary & { state: InterviewState };

const enc = encodeURIComponent;
// The patient's routes need no session; a 401 there must not send them to the sign-in page.
const publicCall = { redirectOn401: false } as const;

export const intakeApi = {
  create: (body: CreateIntakeBody) => request<CreatedIntake>('POST', '/intake', { body }),
  list: (patientId: string) => request<{ intakes: IntakeSummary[] }>('GET', `/patients/${enc(patientId)}/intakes`).then((r) => r.intakes),
  detail: (id: string) => request<IntakeDetail>('GET', `/intake/${enc(id)}`),
  open: (token: string) => request<IntakeView>('GET', `/intake/session/${enc(token)}`, publicCall),
  answer: (token: string, body: IntakeAnswerBody) =>
    request<IntakeView>('POST', `/intake/session/${enc(token)}/answers`, { body, ...publicCall }),
  finish: (token: string) => request<IntakeView>('POST', `/intake/session/${enc(token)}/finish`, publicCall),
};

/** The full link a clinician hands to the patient. */
export function intakeUrl(path: string): string {
  return `${window.location.origin}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The interface locale that matches an interview language. */
export function localeOfInterview(language: IntakeLanguage): 'zh-CN' | 'en' {
  return language === 'zh' ? 'zh-CN' : 'en';
}
