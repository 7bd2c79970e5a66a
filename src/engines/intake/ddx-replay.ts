/**
 * Rebuilds the DDXPlus posterior from the recorded answers (the interview state is plain JSON;
 * the posterior is never stored). First answer per code wins; a follow-up counts only while its
 * parent is answered yes, as the model describes follow-ups given the parent (likelihood-model.ts).
 */
import { applyAnswer, createIntakeState, type DdxModel, type IntakeAnswer, type IntakeState } from '../ddx/index.js';
import type { RecordedAnswer } from './intake-types.js';

function intakeAnswersOf(model: DdxModel, answer: RecordedAnswer): IntakeAnswer[] {
  const values = new Map<string, string[]>();
  const out: IntakeAnswer[] = [];
  for (const atom of answer.evidence) {
    const [code = '', value] = atom.split('_@_');
    const ev = model.byCode.get(code);
    if (!ev) continue;
    if (ev.type === 'B') out.push({ code, present: true });
    else if (value !== undefined && ev.valueIndex.has(value)) values.set(code, [...(values.get(code) ?? []), value]);
  }
  for (const [code, v] of values) out.push({ code, values: v });
  for (const code of answer.denied) {
    const ev = model.byCode.get(code);
    if (!ev || answer.evidence.some((a) => a === code || a.startsWith(`${code}_@_`))) continue;
    out.push(ev.type === 'B' ? { code, present: false } : { code, values: [ev.defaultValue] });
  }
  return out;
}

/** The posterior after every recorded answer; DDXPlus questions (`ddx:`) count toward the planner's cap. */
export function replayDdx(model: DdxModel, patient: { age: number; sex: 'M' | 'F' }, answers: readonly RecordedAnswer[]): IntakeState {
  const state = createIntakeState(model, patient);
  for (const answer of answers) {
    const isDdx = answer.questionId.startsWith('ddx:');
    if (isDdx) {
      const code = answer.questionId.slice(4);
      state.questionCount++;
      // A skipped question is not asked again, and tells the posterior nothing.
      if (answer.skipped) {
        state.asked.add(code);
        continue;
      }
    }
    for (const a of intakeAnswersOf(model, answer)) {
      const ev = model.byCode.get(a.code);
      if (!ev || state.asked.has(a.code)) continue;
      if (ev.parent && model.byCode.has(ev.parent) && !state.present.has(ev.parent)) continue;
      applyAnswer(model, state, a, false);
    }
  }
  return state;
}
