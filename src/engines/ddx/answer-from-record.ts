import type { IntakeAnswer } from './intake-state.js';
import type { PatientAnswers } from './likelihood-model.js';
import type { DdxModel } from './load-ddx-model.js';

/** Answers a question the way a DDXPlus patient's record implies (absent → no / the default value): the simulated patient of the intake evaluations. */
export function answerFromRecord(model: DdxModel, record: PatientAnswers, code: string): IntakeAnswer {
  const ev = model.byCode.get(code);
  if (!ev || ev.type === 'B') return { code, present: record.present.has(code) };
  return { code, values: record.values.get(code) ?? [ev.defaultValue] };
}
