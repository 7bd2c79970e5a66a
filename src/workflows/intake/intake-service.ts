import type { ArtifactService } from '../../audit/artifacts.js';
import { auditEvent } from '../../audit/audit-actions.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import { type DdxModel, type DifferentialEntry, loadDdxModel, rankDifferential } from '../../engines/ddx/index.js';
import {
  answerQuestion,
  DRAFT_HEADER,
  factsOf,
  type IntakeAnswerInput,
  type IntakeLanguage,
  type IntakeQuestion,
  type InterviewState,
  loadHistoryFrame,
  nextQuestion,
  progress,
  type RedFlagHit,
  renderHistory,
  startInterview,
  type TriageResult,
} from '../../engines/intake/index.js';
import { detectRedFlags, EMERGENCY_MESSAGE, emergencyAdvice, screenMessage, triageIntake } from '../../engines/red-flags/index.js';
import type { Bilingual } from '../../knowledge/index.js';
import type { ModelCallContext, ModelGateway } from '../../model/index.js';
import {
  findIntakeSession,
  findIntakeSessionByTokenHash,
  type IntakeSessionRow,
  insertIntakeSession,
  listIntakeSessionsForPatient,
  updateIntakeSessionAtVersion,
} from '../../record/intake-session-store.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { findPatientDemographics, patientHasEncounter } from '../../record/patient-lookups.js';
import { ageInYears } from '../../record/patient-queries.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Store } from '../../store/database.js';
import { raiseEmergencyAlert } from '../alerts/emergency-alerts.js';
import type { AlertDispatcher } from '../alerts/webhook-dispatcher.js';
import { hashIntakeToken, intakePath, newIntakeToken } from './intake-links.js';
import { phraseQuestionWithModel, readAnswerWithModel } from './model-reading.js';

export type IntakeStatus = 'open' | 'emergency' | 'finished' | 'expired' | 'cancelled';
export type IntakeMode = 'form' | 'model';

/** What the patient's page receives: never the patient's name or record, only the interview. */
export interface IntakeView {
  status: IntakeStatus;
  language: IntakeLanguage;
  mode: IntakeMode;
  version: number;
  question: IntakeQuestion | null;
  /** A hint when the last free-text reply did not answer the question. */
  retry: Bilingual | null;
  progress: { asked: number; estimatedRemaining: number };
  /** True once the interview has nothing left to ask (finishing earlier is allowed after the chief complaint). */
  complete: boolean;
  emergency: { message: Bilingual; advice: Bilingual[]; flags: Bilingual[] } | null;
  disclaimer: Bilingual;
  expiresAt: string;
}

/** What the clinician sees of one interview. */
export interface IntakeSummary {
  id: string;
  patientId: string;
  encounterId: string | null;
  status: IntakeStatus;
  language: IntakeLanguage;
  mode: IntakeMode;
  redFlags: RedFlagHit[];
  triage: TriageResult | null;
  artifactId: string | null;
  answers: number;
  createdAt: string;
  expiresAt: string;
  finishedAt: string | null;
}

const DISCLAIMER: Bilingual = {
  zh: '本问诊帮助医生提前了解您的情况，不能代替医生诊治。如症状加重，请及时就医；出现紧急情况请立即拨打 120。',
  en: 'This questionnaire helps your clinician prepare for your visit; it does not replace seeing a doctor. If you feel worse, seek care; in an emergency call your local emergency number.',
};
const RETRY_HINT: Bilingual = {
  zh: '抱歉，没能从您的回答中确定答案，请换个说法或直接选择一个选项。',
  en: "Sorry, I couldn't tell the answer from your reply — please say it another way or pick an option.",
};

type Row = IntakeSessionRow;

/** The patient holding an intake link: no account, the link's secret is the credential. */
function linkActor(row: Row, requestId?: string | null): Actor {
  return { userId: null, role: 'patient', patientId: row.patient_id, source: 'http', requestId: requestId ?? null, sourceIp: null };
}

export interface IntakeServiceDeps {
  store: Store;
  audit: AuditLog;
  /** The record's access door: the clinician's reads of the record and of interviews are checked and audited there. */
  access: PatientAccess;
  artifacts: ArtifactService;
  models: ModelGateway;
  /** The DDXPlus model (loaded on first use when not given). */
  ddx?: DdxModel;
  /** Emergency alerts: a red flag raises one (and its webhook delivery) in the same transaction. */
  alerts?: Pick<AlertDispatcher, 'settings' | 'notify'>;
  now?: () => Date;
}

/**
 * The state with the answer that raised a red flag recorded, so the clinician sees the patient's
 * own words beside the flag (issue 23: the card showed "疑似急性心肌梗死" and "0 answers"). An
 * answer the interview cannot read as given (free text to a form question, before any model) is
 * kept as a skipped answer carrying the text.
 */
function withWordsRecorded(state: InterviewState, ddx: DdxModel, input: IntakeAnswerInput, now: Date): InterviewState {
  const asGiven = answerQuestion(state, ddx, input, now);
  if (asGiven.ok) return asGiven.state;
  const asText = answerQuestion(
    state,
    ddx,
    { questionId: input.questionId, skipped: true, ...(input.text ? { text: input.text } : {}) },
    now,
  );
  return asText.ok ? asText.state : state;
}

/**
 * History taking: a clinician creates a single-use, expiring link for a patient (and encounter);
 * the patient answers on their phone; every answer runs the deterministic red-flag rules before
 * anything else — a red flag stops the interview, shows the emergency message and flags the
 * record, whatever a model says. Finishing writes the structured history, triage and
 * differential as a draft artifact for the clinician to review.
 */
export class IntakeService {
  private readonly deps: IntakeServiceDeps;
  private ddxModel: DdxModel | undefined;

  constructor(deps: IntakeServiceDeps) {
    this.deps = deps;
    this.ddxModel = deps.ddx;
  }

  private get ddx(): DdxModel {
    this.ddxModel ??= loadDdxModel();
    return this.ddxModel;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async create(input: {
    patientId: string;
    encounterId?: string | undefined;
    language: IntakeLanguage;
    mode?: IntakeMode | undefined;
    expiresInHours: number;
    actor: Actor;
    age?: number | undefined;
    sex?: 'M' | 'F' | undefined;
  }): Promise<{ id: string; token: string; path: string; expiresAt: string; mode: IntakeMode }> {
    const { store } = this.deps;
    // The link is made from the record (age and sex): a read of the chart, checked and audited.
    await this.deps.access.check(input.actor, input.patientId, 'patient.read');
    const patient = await findPatientDemographics(store, input.patientId);
    if (!patient) throw notFound('patient');
    if (input.encounterId && !(await patientHasEncounter(store, input.patientId, input.encounterId))) throw notFound('encounter');
    const sex = input.sex ?? (patient.gender === 'male' ? 'M' : patient.gender === 'female' ? 'F' : undefined);
    const age = input.age ?? ageInYears(patient.birthDate, this.now()) ?? undefined;
    if (sex === undefined || age === undefined) {
      throw new SuwenError('VALIDATION_FAILED', 'Age and sex are needed', {
        params: { summary: 'age and sex: the record has none, give them when creating the link' },
      });
    }
    const mode: IntakeMode = input.mode ?? (this.deps.models.configured ? 'model' : 'form');
    if (mode === 'model' && !this.deps.models.configured) throw new SuwenError('MODEL_NOT_CONFIGURED', 'No model configured');
    const { token, hash } = newIntakeToken();
    const id = newId();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + input.expiresInHours * 3_600_000).toISOString();
    const state = startInterview({ age, sex, language: input.language, mode });
    await insertIntakeSession(store, {
      id,
      token_hash: hash,
      patient_id: input.patientId,
      encounter_id: input.encounterId ?? null,
      created_by: input.actor.userId,
      language: input.language,
      mode,
      status: 'open',
      state: JSON.stringify(state),
      red_flags: '[]',
      triage: null,
      artifact_id: null,
      version: 0,
      expires_at: expiresAt,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      finished_at: null,
    });
    await this.deps.audit.append(
      auditEvent(input.actor, 'intake.create', {
        entityType: 'intake',
        entityId: id,
        patientId: input.patientId,
        details: { language: input.language, mode, expiresInHours: input.expiresInHours },
      }),
    );
    return { id, token, path: intakePath(token), expiresAt, mode };
  }

  private async rowByToken(token: string): Promise<Row> {
    const row = await findIntakeSessionByTokenHash(this.deps.store, hashIntakeToken(token));
    if (!row) throw new SuwenError('NOT_FOUND', 'Intake link not found', { params: { resource: 'intake' } });
    return row;
  }

  private statusOf(row: Row): IntakeStatus {
    if (row.status === 'open' && Date.parse(row.expires_at) <= this.now().getTime()) return 'expired';
    return row.status as IntakeStatus;
  }

  private view(row: Row, state: InterviewState, question: IntakeQuestion | null, retry: Bilingual | null = null): IntakeView {
    const status = this.statusOf(row);
    const redFlags = JSON.parse(row.red_flags) as RedFlagHit[];
    return {
      status,
      language: row.language as IntakeLanguage,
      mode: row.mode as IntakeMode,
      version: row.version,
      question: status === 'open' ? question : null,
      retry,
      progress: progress(state),
      complete: status === 'open' && question === null,
      emergency:
        status === 'emergency'
          ? { message: EMERGENCY_MESSAGE, advice: emergencyAdvice(redFlags), flags: redFlags.map((flag) => flag.label) }
          : null,
      disclaimer: DISCLAIMER,
      expiresAt: row.expires_at,
    };
  }

  private nextOf(state: InterviewState): IntakeQuestion | null {
    const next = nextQuestion(state, this.ddx);
    return 'question' in next ? next.question : null;
  }

  /** The patient opens the link: the current question (or the emergency / finished state). */
  async open(token: string): Promise<IntakeView> {
    const row = await this.rowByToken(token);
    const state = JSON.parse(row.state) as InterviewState;
    return this.view(row, state, this.statusOf(row) === 'open' ? this.nextOf(state) : null);
  }

  private modelContext(row: Row, requestId?: string | null): ModelCallContext {
    return {
      workflow: 'intake',
      actorId: null,
      actorRole: 'patient',
      requestId: requestId ?? null,
      patientId: row.patient_id,
      containsPhi: true,
      privacy: { operator: null, counts: {} },
    };
  }

  /** One answer: safety rules first, then (model mode) the model's reading, then the interview. */
  async answer(token: string, input: IntakeAnswerInput & { version?: number | undefined }, requestId?: string | null): Promise<IntakeView> {
    const row = await this.rowByToken(token);
    const status = this.statusOf(row);
    if (status !== 'open') throw closed(status);
    if (input.version !== undefined && input.version !== row.version) {
      throw new SuwenError('CONFLICT', 'The interview moved on in another window', { params: { reason: 'version' } });
    }
    let state = JSON.parse(row.state) as InterviewState;
    const question = this.nextOf(state);
    if (!question || question.id !== input.questionId) {
      throw new SuwenError('CONFLICT', 'That question is not the current one', { params: { reason: 'question' } });
    }
    const typed = input.text?.trim() ? [input.text.trim()] : [];
    // Deterministic safety net on the raw words, before any model sees them (the same screen as
    // `suwen redflags` and the patient assistant).
    const early = screenMessage(typed[0] ?? '', factsOf(state));
    if (early.redFlag) return this.stopForEmergency(row, withWordsRecorded(state, this.ddx, input, this.now()), early.hits, requestId);

    let answer: IntakeAnswerInput = input;
    if (row.mode === 'model' && input.value === undefined && !input.skipped && typed.length > 0) {
      const context = this.modelContext(row, requestId);
      if (question.id === CHIEF_COMPLAINT) {
        // The complaint is told in words; the model maps it to a presenting symptom when one fits.
        const choice = complaintChoice(question, state.language);
        const value = await readAnswerWithModel(this.deps.models, context, choice, typed[0] ?? '', state.language);
        if (typeof value === 'string') answer = { ...input, value };
      } else if (question.kind !== 'text') {
        const value = await readAnswerWithModel(this.deps.models, context, question, typed[0] ?? '', state.language);
        if (value === undefined) return this.view(row, state, question, RETRY_HINT);
        answer = { ...input, value };
      }
    }
    const result = answerQuestion(state, this.ddx, answer, this.now());
    if (!result.ok) {
      throw new SuwenError('VALIDATION_FAILED', 'Invalid answer', {
        params: { summary: state.language === 'zh' ? result.error.message.zh : result.error.message.en },
        details: [{ path: 'value', message: result.error.message.en }],
      });
    }
    state = result.state;
    const flags = detectRedFlags(factsOf(state));
    if (flags.length > 0) return this.stopForEmergency(row, state, flags, requestId);

    const saved = await this.save(row, { state: JSON.stringify(state) });
    let next = this.nextOf(state);
    if (next && row.mode === 'model') {
      next = {
        ...next,
        text: await phraseQuestionWithModel(this.deps.models, this.modelContext(row, requestId), next, typed[0] ?? '', state.language),
      };
    }
    await this.deps.audit.append(
      auditEvent(linkActor(row, requestId), 'intake.answer', {
        entityType: 'intake',
        entityId: row.id,
        patientId: row.patient_id,
        details: { question: question.id, answers: state.answers.length },
      }),
    );
    return this.view(saved, state, next);
  }

  /**
   * Optimistic write: fails with CONFLICT when another request changed the row first. `alsoWrite`
   * runs in the same transaction (an emergency alert commits with the red flag or not at all).
   */
  private async save(row: Row, changes: Partial<Row>, alsoWrite?: (store: Store) => Promise<void>): Promise<Row> {
    const updated: Row = { ...row, ...changes, version: row.version + 1, updated_at: this.now().toISOString() };
    const write = async (store: Store) => {
      const written = await updateIntakeSessionAtVersion(store, row.id, row.version, {
        ...changes,
        version: updated.version,
        updated_at: updated.updated_at,
      });
      if (!written) {
        throw new SuwenError('CONFLICT', 'The interview moved on in another window', { params: { reason: 'version' } });
      }
      await alsoWrite?.(store);
    };
    if (alsoWrite) await this.deps.store.db.transaction().execute((trx) => write({ ...this.deps.store, db: trx }));
    else await write(this.deps.store);
    return updated;
  }

  private async stopForEmergency(row: Row, state: InterviewState, flags: RedFlagHit[], requestId?: string | null): Promise<IntakeView> {
    const triage = triageIntake({ redFlags: flags, facts: factsOf(state), differential: [] });
    const artifactId = await this.writeDraft(row, state, flags, triage, []);
    const at = this.now().toISOString();
    const alerts = this.deps.alerts;
    const saved = await this.save(
      row,
      {
        state: JSON.stringify(state),
        status: 'emergency',
        red_flags: JSON.stringify(flags),
        triage: JSON.stringify(triage),
        artifact_id: artifactId,
        finished_at: at,
      },
      alerts
        ? async (store) => {
            await raiseEmergencyAlert(store, alerts.settings, {
              kind: 'intake-red-flag',
              patientId: row.patient_id,
              intakeId: row.id,
              artifactId,
              rules: flags.map((flag) => flag.id),
              triage: triage.level,
              at,
            });
          }
        : undefined,
    );
    alerts?.notify();
    await this.deps.audit.append(
      auditEvent(linkActor(row, requestId), 'intake.red_flag', {
        entityType: 'intake',
        entityId: row.id,
        patientId: row.patient_id,
        details: { flags: flags.map((flag) => flag.id), artifactId },
      }),
    );
    return this.view(saved, state, null);
  }

  /** The patient finishes: differential, triage and the structured history as a draft artifact. The link is spent. */
  async finish(token: string, requestId?: string | null): Promise<IntakeView> {
    const row = await this.rowByToken(token);
    const status = this.statusOf(row);
    if (status !== 'open') throw closed(status);
    const state = JSON.parse(row.state) as InterviewState;
    if (!state.answers.some((answer) => answer.section === 'chief-complaint')) {
      throw new SuwenError('VALIDATION_FAILED', 'Nothing answered yet', { params: { summary: 'answer at least the main problem first' } });
    }
    const facts = factsOf(state);
    const { differential } = rankDifferential(
      this.ddx,
      { age: state.age, sex: state.sex, evidence: facts.evidence, denied: facts.denied },
      { limit: 10 },
    );
    const triage = triageIntake({ redFlags: [], facts, differential });
    const artifactId = await this.writeDraft(row, state, [], triage, differential);
    const saved = await this.save(row, {
      status: 'finished',
      triage: JSON.stringify(triage),
      artifact_id: artifactId,
      finished_at: this.now().toISOString(),
    });
    await this.deps.audit.append(
      auditEvent(linkActor(row, requestId), 'intake.finish', {
        entityType: 'intake',
        entityId: row.id,
        patientId: row.patient_id,
        details: { triage: triage.level, answers: state.answers.length, artifactId },
      }),
    );
    return this.view(saved, state, null);
  }

  private async writeDraft(
    row: Row,
    state: InterviewState,
    redFlags: RedFlagHit[],
    triage: TriageResult,
    differential: DifferentialEntry[],
  ): Promise<string> {
    const history = renderHistory(state, { differential, triage, redFlags, language: state.language });
    const artifact = await this.deps.artifacts.create(
      {
        kind: 'intake-history',
        workflow: 'intake',
        patientId: row.patient_id,
        encounterId: row.encounter_id,
        input: { intake: row.id, answers: state.answers.map((answer) => [answer.questionId, answer.value ?? null]) },
        content: {
          title: state.language === 'zh' ? `诊前问诊病史（${TRIAGE_ZH[triage.level]}）` : `Pre-visit history (${triage.level})`,
          text: history.markdown,
          sections: history.sections,
          triage,
          redFlags,
          differential: differential.slice(0, 5),
          intakeId: row.id,
          header: DRAFT_HEADER,
        },
        sources: [
          { type: 'other', ref: `intake:${row.id}`, label: 'Patient-completed interview' },
          ...differential
            .slice(0, 5)
            .map((entry) => ({ type: 'knowledge' as const, ref: `ddxplus:${entry.condition}`, label: 'DDXPlus condition model' })),
        ],
        guardrails: [
          ...redFlags.map((flag) => ({
            code: `red-flag:${flag.id}`,
            severity: 'critical' as const,
            message: flag.label.en,
            text: flag.label,
          })),
          {
            code: `triage:${triage.level}`,
            severity: triage.level === 'emergency' ? ('critical' as const) : ('info' as const),
            message: triage.reason.en,
            text: triage.reason,
          },
        ],
      },
      null,
    );
    return artifact.id;
  }

  async listForPatient(actor: Actor, patientId: string): Promise<IntakeSummary[]> {
    await this.deps.access.check(actor, patientId, 'intake.list');
    const rows = await listIntakeSessionsForPatient(this.deps.store, patientId, 50);
    return rows.map((row) => this.summary(row));
  }

  async detail(actor: Actor, id: string): Promise<IntakeSummary & { state: InterviewState }> {
    const row = await findIntakeSession(this.deps.store, id);
    if (!row) throw new SuwenError('NOT_FOUND', 'Intake not found', { params: { resource: 'intake' } });
    await this.deps.access.check(actor, row.patient_id, 'intake.read', { type: 'intake', id });
    return { ...this.summary(row), state: JSON.parse(row.state) as InterviewState };
  }

  private summary(row: Row): IntakeSummary {
    const state = JSON.parse(row.state) as InterviewState;
    return {
      id: row.id,
      patientId: row.patient_id,
      encounterId: row.encounter_id,
      status: this.statusOf(row),
      language: row.language as IntakeLanguage,
      mode: row.mode as IntakeMode,
      redFlags: JSON.parse(row.red_flags) as RedFlagHit[],
      triage: row.triage ? (JSON.parse(row.triage) as TriageResult) : null,
      artifactId: row.artifact_id,
      answers: state.answers.length,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      finishedAt: row.finished_at,
    };
  }
}

const CHIEF_COMPLAINT = 'frame:chief-complaint';

/** The form's list of presenting symptoms, for the model to map a told complaint onto. */
function complaintChoice(question: IntakeQuestion, language: IntakeLanguage): IntakeQuestion {
  const options = loadHistoryFrame().chiefComplaints.map((complaint) => ({ value: complaint.value, label: complaint.label[language] }));
  return { ...question, kind: 'choice', options };
}

const STATUS_WORDS: Record<IntakeStatus, string> = {
  open: 'open / 进行中',
  emergency: 'stopped for an emergency / 因紧急情况已停止',
  finished: 'completed / 已完成',
  expired: 'expired / 已过期',
  cancelled: 'cancelled / 已取消',
};

function closed(status: IntakeStatus): SuwenError {
  return new SuwenError('INTAKE_CLOSED', `Intake is ${status}`, { params: { status: STATUS_WORDS[status] } });
}

const TRIAGE_ZH: Record<TriageResult['level'], string> = {
  emergency: '急诊',
  urgent: '当日就诊',
  soon: '尽快就诊',
  routine: '常规就诊',
  'self-care': '居家自我护理',
};
