/**
 * The history-taking interview: chief complaint, the present-illness frame, DDXPlus questions
 * chosen by expected information gain, then past, medication, allergy, personal, menstrual and
 * family history and a short review of systems. Pure functions over a plain-JSON state; the
 * DDXPlus posterior is rebuilt from the recorded answers on every call (ddx-replay.ts).
 */
import { type DdxModel, type IntakeState, planNextQuestion } from '../ddx/index.js';
import { type AnswerError, answerError, type ReadResult } from './answer-reading.js';
import { readComplaintText } from './complaint-text.js';
import { DDX_PREFIX, ddxQuestion, readDdxAnswer } from './ddx-question.js';
import { replayDdx } from './ddx-replay.js';
import { frameIntakeQuestion, type InterviewMode, readFrameAnswer } from './frame-question.js';
import { chiefComplaint, type FrameQuestion, type HistoryFrame, loadHistoryFrame, OTHER_COMPLAINT } from './history-frame.js';
import type { HistorySection, IntakeAnswerInput, IntakeFacts, IntakeLanguage, IntakeQuestion, RecordedAnswer } from './intake-types.js';
import { FRAME_PREFIX, type FrameValue, factsFromAnswers, frameAnswers, summarizeAnswers } from './recorded-facts.js';

/** DDXPlus questions per interview (pain details asked in the present-illness slot included). */
export const DEFAULT_MAX_DDX_QUESTIONS = 15;

export type InterviewPhase = HistorySection | 'ddx' | 'done';

export interface InterviewState {
  version: 1;
  age: number;
  sex: 'M' | 'F';
  language: IntakeLanguage;
  mode: InterviewMode;
  /** Where the next question comes from ('done' once nothing is left). */
  phase: InterviewPhase;
  maxDdxQuestions: number;
  answers: RecordedAnswer[];
}

export interface StartOptions {
  age: number;
  sex: 'M' | 'F';
  language: IntakeLanguage;
  mode: InterviewMode;
  maxDdxQuestions?: number;
}

export function startInterview(options: StartOptions): InterviewState {
  return {
    version: 1,
    age: options.age,
    sex: options.sex,
    language: options.language,
    mode: options.mode,
    phase: 'chief-complaint',
    maxDdxQuestions: options.maxDdxQuestions ?? DEFAULT_MAX_DDX_QUESTIONS,
    answers: [],
  };
}

interface Context {
  frame: HistoryFrame;
  ddx: IntakeState;
  byId: Record<string, FrameValue>;
  answeredIds: Set<string>;
  askedCodes: Set<string>;
}

function contextOf(state: InterviewState, model: DdxModel): Context {
  const frame = loadHistoryFrame();
  const summary = summarizeAnswers(state.answers);
  const ddx = replayDdx(model, state, state.answers);
  const askedCodes = new Set([...summary.askedCodes, ...ddx.asked]);
  return {
    frame,
    ddx,
    byId: frameAnswers(state.answers, frame, summary),
    answeredIds: new Set(state.answers.map((a) => a.questionId)),
    askedCodes,
  };
}

function complaintValue(byId: Record<string, FrameValue>): string | undefined {
  const v = byId['chief-complaint'];
  if (v === undefined) return undefined;
  return chiefComplaint(v) ? (v as string) : OTHER_COMPLAINT;
}

/** The body region the complaint names: chest pain → chest; a typed "胸口疼" → chest. */
function complaintRegion(state: InterviewState): string | undefined {
  const cc = state.answers.find((a) => a.questionId === `${FRAME_PREFIX}chief-complaint` && !a.skipped);
  if (!cc) return undefined;
  return chiefComplaint(cc.value)?.region ?? readComplaintText(cc.text ?? (typeof cc.value === 'string' ? cc.value : '')).region;
}

/** The DDXPlus question with the patient's sex (pain-map areas) and, for the pain site, the complaint's region opened. */
function askDdx(model: DdxModel, state: InterviewState, code: string): IntakeQuestion | undefined {
  const region = code === 'E_55' ? complaintRegion(state) : undefined;
  return ddxQuestion(model, code, state.language, { sex: state.sex, ...(region ? { openGroups: [region] } : {}) });
}

/** Whether a frame question applies to this patient and the answers so far. */
function applies(q: FrameQuestion, state: InterviewState, ctx: Context): boolean {
  const w = q.when;
  if (!w) return true;
  if (w.sex && w.sex !== state.sex) return false;
  if (w.minAge !== undefined && state.age < w.minAge) return false;
  if (w.maxAge !== undefined && state.age > w.maxAge) return false;
  if (w.chiefComplaint && !w.chiefComplaint.includes(complaintValue(ctx.byId) ?? '')) return false;
  if (w.answer && ctx.byId[w.answer.id] !== w.answer.equals) return false;
  return true;
}

type Pending = { question: IntakeQuestion; phase: InterviewPhase } | null;

/** The DDXPlus question to ask in a frame slot (pain details once pain is present), if any. */
function slotCode(q: FrameQuestion, ctx: Context): string | undefined {
  return q.ddxInstead && ctx.ddx.present.has(q.ddxInstead.ifPresent) ? q.ddxInstead.code : undefined;
}

function pendingQuestion(state: InterviewState, model: DdxModel, ctx: Context): Pending {
  const language = state.language;
  const laterStarted = state.answers.some((a) => {
    const q = a.questionId.startsWith(FRAME_PREFIX)
      ? ctx.frame.questions.find((f) => `${FRAME_PREFIX}${f.id}` === a.questionId)
      : undefined;
    return q !== undefined && q.section !== 'chief-complaint' && q.section !== 'present-illness';
  });
  let ddxDone = laterStarted;
  for (const q of ctx.frame.questions) {
    if (!ddxDone && q.section !== 'chief-complaint' && q.section !== 'present-illness') {
      ddxDone = true;
      const plan = planNextQuestion(model, ctx.ddx, { maxQuestions: state.maxDdxQuestions });
      const next = plan.question && askDdx(model, state, plan.question.code);
      if (next) return { question: next, phase: 'ddx' };
    }
    const code = slotCode(q, ctx);
    if (code) {
      const next = ctx.ddx.asked.has(code) ? undefined : askDdx(model, state, code);
      if (next) return { question: next, phase: q.section };
      continue;
    }
    if (ctx.answeredIds.has(`${FRAME_PREFIX}${q.id}`) || !applies(q, state, ctx)) continue;
    // Already answered by the chief complaint (chest pain → "any chest pain?") or a DDXPlus answer.
    if (q.id !== 'chief-complaint' && q.id in ctx.byId) continue;
    if (q.skipIfAsked?.every((c) => ctx.askedCodes.has(c))) continue;
    const question = frameIntakeQuestion(ctx.frame, q, { language, mode: state.mode, askedCodes: ctx.askedCodes });
    // A checklist whose every box is already answered has nothing left to ask.
    if (question.kind === 'multi' && (question.options ?? []).every((o) => o.value === 'none')) continue;
    return { question, phase: q.section };
  }
  return null;
}

/** The next question, or done. */
export function nextQuestion(state: InterviewState, model: DdxModel): { question: IntakeQuestion } | { done: true } {
  const pending = pendingQuestion(state, model, contextOf(state, model));
  return pending ? { question: pending.question } : { done: true };
}

export type AnswerResult = { ok: true; state: InterviewState; recorded: RecordedAnswer } | { ok: false; error: AnswerError };

function readAnswer(state: InterviewState, model: DdxModel, ctx: Context, input: IntakeAnswerInput): ReadResult | { ok: true; skip: true } {
  const id = input.questionId;
  if (id.startsWith(DDX_PREFIX)) {
    const ev = model.byCode.get(id.slice(DDX_PREFIX.length));
    if (!ev) return answerError('unknown-question', id, `Unknown question '${id}'`, `未知问题“${id}”`);
    if (ev.parent && model.byCode.has(ev.parent) && !ctx.ddx.present.has(ev.parent)) {
      return answerError(
        'not-applicable',
        id,
        'This follow-up question applies only after a yes to its main question',
        '这是追问，只有在前一个问题回答“是”之后才适用',
      );
    }
    if (input.skipped) return { ok: true, skip: true };
    if (input.value === undefined && input.text && state.mode === 'model')
      return { ok: true, reading: { display: { en: input.text, zh: input.text }, evidence: [], denied: [] } };
    if (input.value === undefined) return answerError('missing-value', id, 'Please give an answer or skip', '请回答或选择跳过');
    return readDdxAnswer(ev, input.value);
  }
  const q = id.startsWith(FRAME_PREFIX) ? ctx.frame.questions.find((f) => f.id === id.slice(FRAME_PREFIX.length)) : undefined;
  if (!q) return answerError('unknown-question', id, `Unknown question '${id}'`, `未知问题“${id}”`);
  if (!applies(q, state, ctx))
    return answerError('not-applicable', id, 'This question does not apply to this patient', '此问题不适用于该患者');
  if (input.skipped) {
    if (!q.optional) return answerError('not-optional', id, 'This question needs an answer', '此问题必须回答');
    return { ok: true, skip: true };
  }
  return readFrameAnswer(ctx.frame, q, { value: input.value, text: input.text }, { mode: state.mode, askedCodes: ctx.askedCodes });
}

function questionTexts(model: DdxModel, ctx: Context, id: string): { section: HistorySection; question: { en: string; zh: string } } {
  if (id.startsWith(DDX_PREFIX)) {
    const ev = model.byCode.get(id.slice(DDX_PREFIX.length));
    return { section: ev?.antecedent ? 'past-history' : 'present-illness', question: ev?.label ?? { en: id, zh: id } };
  }
  const q = ctx.frame.questions.find((f) => `${FRAME_PREFIX}${f.id}` === id);
  return { section: q?.section ?? 'present-illness', question: q?.text ?? { en: id, zh: id } };
}

/**
 * Validates and records one answer; never throws on bad input. Answering a question again
 * replaces the earlier answer in place.
 */
export function answerQuestion(state: InterviewState, model: DdxModel, input: IntakeAnswerInput, now: Date = new Date()): AnswerResult {
  if (typeof input !== 'object' || input === null || typeof input.questionId !== 'string') {
    return answerError('unknown-question', '', 'Missing question id', '缺少问题编号');
  }
  const ctx = contextOf(state, model);
  const read = readAnswer(state, model, ctx, input);
  if (!read.ok) return read;
  const { section, question } = questionTexts(model, ctx, input.questionId);
  const typed =
    !('skip' in read) && typeof read.reading.value === 'string' && isTypedText(ctx, input.questionId, read.reading.value)
      ? read.reading.value
      : undefined;
  const text = input.text?.trim() || typed;
  const recorded: RecordedAnswer =
    'skip' in read
      ? {
          questionId: input.questionId,
          section,
          question,
          display: { en: 'Skipped', zh: '未回答（跳过）' },
          skipped: true,
          evidence: [],
          denied: [],
          at: now.toISOString(),
        }
      : {
          questionId: input.questionId,
          section,
          question,
          display: read.reading.display,
          evidence: read.reading.evidence,
          denied: read.reading.denied,
          at: now.toISOString(),
        };
  if (!('skip' in read) && read.reading.value !== undefined) recorded.value = read.reading.value;
  if (text) recorded.text = text;
  const at = state.answers.findIndex((a) => a.questionId === input.questionId);
  const answers = at >= 0 ? state.answers.map((a, i) => (i === at ? recorded : a)) : [...state.answers, recorded];
  const next: InterviewState = { ...state, answers };
  const pending = pendingQuestion(next, model, contextOf(next, model));
  return { ok: true, state: { ...next, phase: pending?.phase ?? 'done' }, recorded };
}

/** A text question's value is what the patient typed (a chief complaint in words included). */
function isTypedText(ctx: Context, id: string, value: string): boolean {
  const q = ctx.frame.questions.find((f) => `${FRAME_PREFIX}${f.id}` === id);
  if (q?.id === 'chief-complaint') return value !== OTHER_COMPLAINT && !chiefComplaint(value);
  return q?.kind === 'text';
}

/** Typical number of DDXPlus questions the planner asks before it stops (simulate-form-interview figures). */
const TYPICAL_DDX_QUESTIONS = 8;

/** Questions asked so far and a rough count of those left (frame questions that may apply + DDXPlus budget). */
export function progress(state: InterviewState): { asked: number; estimatedRemaining: number } {
  const frame = loadHistoryFrame();
  const answered = new Set(state.answers.map((a) => a.questionId));
  const ddxAsked = state.answers.filter((a) => a.questionId.startsWith(DDX_PREFIX)).length;
  const remainingFrame = frame.questions.filter((q) => {
    if (answered.has(`${FRAME_PREFIX}${q.id}`) || q.when?.answer || q.when?.chiefComplaint) return false;
    const w = q.when;
    return !w || ((!w.sex || w.sex === state.sex) && (w.minAge ?? 0) <= state.age && state.age <= (w.maxAge ?? 200));
  }).length;
  const ddxDone = state.phase !== 'chief-complaint' && state.phase !== 'present-illness' && state.phase !== 'ddx';
  const remainingDdx = ddxDone ? 0 : Math.max(0, Math.min(state.maxDdxQuestions, TYPICAL_DDX_QUESTIONS) - ddxAsked);
  return { asked: state.answers.length, estimatedRemaining: state.phase === 'done' ? 0 : remainingFrame + remainingDdx };
}

/** The facts the safety net reads (evidence, denied, frame answers by id, typed texts). */
export function factsOf(state: InterviewState, patient: { age?: number; sex?: 'M' | 'F' } = state): IntakeFacts {
  return factsFromAnswers(state.answers, patient);
}
