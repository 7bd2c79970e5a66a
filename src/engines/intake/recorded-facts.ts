/**
 * What the recorded answers say, read without the DDXPlus model: the evidence established and
 * denied, and the frame answers by id — including those read off a DDXPlus answer when the frame
 * question was skipped as redundant (fever from E_91, chest pain from the pain location E_55).
 */
import { chiefComplaint, type HistoryFrame, loadHistoryFrame } from './history-frame.js';
import type { IntakeFacts, RecordedAnswer } from './intake-types.js';

export const FRAME_PREFIX = 'frame:';

export type FrameValue = string | number | boolean | string[];

export interface AnswerSummary {
  /** Codes with a recorded answer (yes/no or value), skipped ones excluded. */
  answeredCodes: Set<string>;
  presentCodes: Set<string>;
  /** C/M values given per code. */
  values: Map<string, string[]>;
  evidence: string[];
  denied: string[];
  /** DDXPlus questions asked (answered or skipped). */
  askedCodes: Set<string>;
}

export function summarizeAnswers(answers: readonly RecordedAnswer[]): AnswerSummary {
  const answeredCodes = new Set<string>();
  const presentCodes = new Set<string>();
  const askedCodes = new Set<string>();
  const values = new Map<string, string[]>();
  const evidence = new Set<string>();
  const denied = new Set<string>();
  for (const a of answers) {
    if (a.questionId.startsWith('ddx:')) askedCodes.add(a.questionId.slice(4));
    for (const atom of a.evidence) {
      const [code = '', value] = atom.split('_@_');
      evidence.add(atom);
      answeredCodes.add(code);
      presentCodes.add(code);
      if (value !== undefined) values.set(code, [...(values.get(code) ?? []), value]);
    }
    for (const code of a.denied) {
      denied.add(code);
      answeredCodes.add(code);
    }
  }
  for (const code of answeredCodes) askedCodes.add(code);
  return {
    answeredCodes,
    presentCodes,
    values,
    evidence: [...evidence],
    denied: [...denied].filter((c) => !presentCodes.has(c)),
    askedCodes,
  };
}

/** Frame answers by id (no prefix): what the patient answered, then what DDXPlus answers imply. */
export function frameAnswers(
  answers: readonly RecordedAnswer[],
  frame: HistoryFrame = loadHistoryFrame(),
  summary = summarizeAnswers(answers),
): Record<string, FrameValue> {
  const out: Record<string, FrameValue> = {};
  for (const a of answers) {
    if (!a.questionId.startsWith(FRAME_PREFIX) || a.skipped || a.value === undefined) continue;
    const id = a.questionId.slice(FRAME_PREFIX.length);
    out[id] = a.value;
    // A complaint answers some frame questions itself: chest pain → "any chest pain?" yes.
    if (id === 'chief-complaint') Object.assign(out, chiefComplaint(a.value, frame)?.frame ?? {});
    const q = frame.questions.find((f) => f.id === id);
    // Review-of-systems boxes become per-item yes/no facts (fever, weight-loss, …).
    if (q?.kind === 'multi' && q.section === 'review-of-systems' && Array.isArray(a.value)) {
      const ticked = new Set(a.value);
      for (const o of q.options ?? [])
        if (o.value !== 'none' && !(o.code && summary.answeredCodes.has(o.code) && !ticked.has(o.value)))
          out[o.value] = ticked.has(o.value);
    }
  }
  const derive = (key: string, code: string, values?: string[]) => {
    if (key in out || !summary.answeredCodes.has(code)) return;
    out[key] = values ? (summary.values.get(code) ?? []).some((v) => values.includes(v)) : summary.presentCodes.has(code);
  };
  for (const q of frame.questions) {
    if (q.deriveFrom) derive(q.id, q.deriveFrom.code, q.deriveFrom.values);
    if (q.kind === 'multi' && q.section === 'review-of-systems') for (const o of q.options ?? []) if (o.code) derive(o.value, o.code);
  }
  return out;
}

/** Every free text the patient typed, oldest first. */
export function textsOf(answers: readonly RecordedAnswer[]): string[] {
  const texts: string[] = [];
  for (const a of answers) {
    // Text questions store what was typed in `text` as well as in `value`.
    if (a.text?.trim()) texts.push(a.text.trim());
  }
  return texts;
}

/** The facts the safety rules read after every answer. */
export function factsFromAnswers(answers: readonly RecordedAnswer[], patient: { age?: number; sex?: 'M' | 'F' }): IntakeFacts {
  const summary = summarizeAnswers(answers);
  const byId = frameAnswers(answers, loadHistoryFrame(), summary);
  const facts: IntakeFacts = { evidence: summary.evidence, denied: summary.denied, answers: byId, texts: textsOf(answers) };
  if (patient.age !== undefined) facts.age = patient.age;
  if (patient.sex !== undefined) facts.sex = patient.sex;
  if (typeof byId.pregnant === 'boolean') facts.pregnant = byId.pregnant;
  return facts;
}
