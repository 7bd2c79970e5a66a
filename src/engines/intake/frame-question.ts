/** Frame questions as the patient sees them, and a patient's answer read against one. */
import type { Bilingual } from '../../knowledge/index.js';
import { answerError, joinLabels, NO, type ReadResult, readMulti, readScale, YES } from './answer-reading.js';
import { readComplaintText } from './complaint-text.js';
import { type FrameOption, type FrameQuestion, type HistoryFrame, OTHER_COMPLAINT } from './history-frame.js';
import type { IntakeLanguage, IntakeQuestion } from './intake-types.js';
import { FRAME_PREFIX } from './recorded-facts.js';

export type InterviewMode = 'form' | 'model';

const OTHER_LABEL: Bilingual = { en: 'Something else (describe it in words)', zh: '其他（请用文字描述）' };
const NONE_VALUE = 'none';
const MORE_GROUP = { id: 'more', label: { en: 'More symptoms', zh: '更多症状' } };

type OfferedOption = FrameOption & { more?: boolean };

/**
 * The options offered now. The chief complaint lists the curated complaints, "something else",
 * then the rarer DDXPlus presenting symptoms under "more symptoms"; a checklist leaves out boxes
 * whose DDXPlus question was already answered.
 */
export function frameOptions(frame: HistoryFrame, q: FrameQuestion, askedCodes: ReadonlySet<string>): OfferedOption[] {
  if (q.id === 'chief-complaint') {
    const option = (c: HistoryFrame['chiefComplaints'][number]): OfferedOption => ({
      value: c.value,
      label: c.label,
      evidence: c.evidence,
      ...(c.more ? { more: true } : {}),
    });
    return [
      ...frame.chiefComplaints.filter((c) => !c.more).map(option),
      { value: OTHER_COMPLAINT, label: OTHER_LABEL },
      ...frame.chiefComplaints.filter((c) => c.more).map(option),
    ];
  }
  return (q.options ?? []).filter((o) => !(o.code && askedCodes.has(o.code)));
}

/** Evidence a typed complaint establishes: pain (E_53) and, when named plainly, its character (E_54). */
function typedComplaintEvidence(text: string | undefined): string[] {
  const read = readComplaintText(text);
  return read.pain ? ['E_53', ...read.character.map((v) => `E_54_@_${v}`)] : [];
}

export function frameIntakeQuestion(
  frame: HistoryFrame,
  q: FrameQuestion,
  context: { language: IntakeLanguage; mode: InterviewMode; askedCodes: ReadonlySet<string> },
): IntakeQuestion {
  const { language } = context;
  // With a model connected the patient describes the complaint in words; the model maps it.
  const kind = q.id === 'chief-complaint' && context.mode === 'model' ? 'text' : q.kind;
  const out: IntakeQuestion = { id: `${FRAME_PREFIX}${q.id}`, section: q.section, kind, text: q.text[language], optional: q.optional };
  if (q.help) out.help = q.help[language];
  if (kind === 'choice' || kind === 'multi')
    out.options = frameOptions(frame, q, context.askedCodes).map((o) => ({
      value: o.value,
      label: o.label[language],
      ...(o.more ? { group: MORE_GROUP.label[language], groupId: MORE_GROUP.id } : {}),
    }));
  if (kind === 'scale') {
    out.min = q.min ?? 0;
    out.max = q.max ?? 10;
  }
  return out;
}

function readText(q: FrameQuestion, id: string, value: unknown, text: string | undefined): ReadResult {
  const typed = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : (text?.trim() ?? '');
  if (value !== undefined && typeof value !== 'string' && !(q.numeric && typeof value === 'number')) {
    return answerError('wrong-kind', id, 'Expected text', '请填写文字');
  }
  if (!typed) return answerError('missing-value', id, 'The answer is empty', '回答为空');
  if (q.numeric) {
    const n = Number(typed.replace(',', '.'));
    if (!Number.isFinite(n)) return answerError('wrong-kind', id, 'Expected a number', '请填写数字');
    if (n < q.numeric.min || n > q.numeric.max) {
      return answerError(
        'out-of-range',
        id,
        `Expected a number from ${q.numeric.min} to ${q.numeric.max}`,
        `请填写 ${q.numeric.min} 到 ${q.numeric.max} 之间的数字`,
      );
    }
    return { ok: true, reading: { value: n, display: { en: String(n), zh: String(n) }, evidence: [], denied: [] } };
  }
  return { ok: true, reading: { value: typed, display: { en: typed, zh: typed }, evidence: [], denied: [] } };
}

/** Reads one answer to a frame question: value checked against the kind and options, evidence implied. */
export function readFrameAnswer(
  frame: HistoryFrame,
  q: FrameQuestion,
  input: { value?: unknown; text?: string },
  context: { mode: InterviewMode; askedCodes: ReadonlySet<string> },
): ReadResult {
  const id = `${FRAME_PREFIX}${q.id}`;
  const { value } = input;
  const options = frameOptions(frame, q, context.askedCodes);
  const modelComplaint = q.id === 'chief-complaint' && context.mode === 'model';
  if (q.kind === 'text' || (modelComplaint && (value === undefined || !options.some((o) => o.value === value)))) {
    if (modelComplaint && value !== undefined && typeof value !== 'string')
      return answerError('wrong-kind', id, 'Expected text', '请填写文字');
    const read = readText(q, id, modelComplaint && typeof value === 'string' ? value : value, input.text);
    if (read.ok && modelComplaint) read.reading.evidence = typedComplaintEvidence(String(read.reading.value ?? ''));
    return read;
  }
  if (value === undefined) return answerError('missing-value', id, 'Please choose an answer', '请选择一个答案');
  switch (q.kind) {
    case 'yes-no': {
      if (typeof value !== 'boolean') return answerError('wrong-kind', id, 'Expected yes or no', '请回答“是”或“否”');
      const implied = (value ? q.yes : q.no) ?? {};
      return { ok: true, reading: { value, display: value ? YES : NO, evidence: implied.evidence ?? [], denied: implied.denied ?? [] } };
    }
    case 'scale': {
      const read = readScale(id, value, q.min ?? 0, q.max ?? 10);
      if (!read.ok) return read;
      return {
        ok: true,
        reading: { value: read.n, display: { en: `${read.n}/${q.max ?? 10}`, zh: `${read.n}分` }, evidence: [], denied: [] },
      };
    }
    case 'choice': {
      if (typeof value !== 'string') return answerError('wrong-kind', id, 'Expected one of the options', '请选择一个选项');
      const option = options.find((o) => o.value === value);
      if (!option) return answerError('invalid-option', id, `'${value}' is not one of the options`, `“${value}”不是可选项`);
      const typed = value === OTHER_COMPLAINT ? input.text?.trim() : undefined;
      const label = typed ? { en: typed, zh: typed } : option.label;
      const evidence = typed && q.id === 'chief-complaint' ? typedComplaintEvidence(typed) : (option.evidence ?? []);
      return { ok: true, reading: { value, display: label, evidence, denied: option.denied ?? [] } };
    }
    case 'multi': {
      const read = readMulti(id, value, new Set(options.map((o) => o.value)));
      if (!read.ok) return read;
      const ticked = new Set(read.ticked);
      if (ticked.has(NONE_VALUE) && ticked.size > 1) {
        return answerError(
          'invalid-option',
          id,
          '"None of these" cannot be ticked with other options',
          '“以上都没有”不能与其他选项同时选择',
        );
      }
      const chosen = options.filter((o) => ticked.has(o.value));
      const evidence = chosen.flatMap((o) => (o.code ? [o.code] : []));
      const denied = q.uncheckedDenies ? options.filter((o) => o.code && !ticked.has(o.value)).map((o) => o.code ?? '') : [];
      return {
        ok: true,
        reading: {
          value: read.ticked,
          display: joinLabels(
            chosen.map((o) => o.label),
            { en: 'None', zh: '无' },
          ),
          evidence,
          denied,
        },
      };
    }
    default:
      return answerError('wrong-kind', id, 'Unsupported question kind', '不支持的题型');
  }
}
