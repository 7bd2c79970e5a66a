/**
 * The standard history frame (data/intake/history-frame.json): the questions every history asks
 * besides the DDXPlus ones, in record order, with the DDXPlus evidence an answer establishes
 * where an exact DDXPlus question exists. Frame ids are stable: the safety net reads them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema, citationSchema } from '../../knowledge/index.js';

export const HISTORY_FRAME_PATH = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../data/intake/history-frame.json');

const codes = z.array(z.string().regex(/^E_\d+$/));
const implication = z.object({ evidence: codes.optional(), denied: codes.optional() }).strict();

const optionSchema = z
  .object({
    value: z.string().min(1),
    label: bilingualSchema,
    /** Multi: the DDXPlus yes/no evidence this box stands for (ticked → present). */
    code: z
      .string()
      .regex(/^E_\d+$/)
      .optional(),
    /** Choice: what picking this option establishes. */
    evidence: codes.optional(),
    denied: codes.optional(),
  })
  .strict();

const sectionSchema = z.enum([
  'chief-complaint',
  'present-illness',
  'past-history',
  'medications',
  'allergies',
  'personal-social',
  'menstrual-obstetric',
  'family-history',
  'review-of-systems',
]);

const frameQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z-]*$/),
    section: sectionSchema,
    kind: z.enum(['text', 'yes-no', 'choice', 'multi', 'scale']),
    optional: z.boolean(),
    text: bilingualSchema,
    help: bilingualSchema.optional(),
    options: z.array(optionSchema).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Text questions that take a number (temperature, weeks of pregnancy). */
    numeric: z.object({ min: z.number(), max: z.number() }).strict().optional(),
    /** Multi: boxes left unticked deny their DDXPlus code (checklist semantics). */
    uncheckedDenies: z.boolean().optional(),
    /** Asked only when these hold. `chiefComplaint`: chief-complaint option values (`other` = free text). */
    when: z
      .object({
        sex: z.enum(['M', 'F']).optional(),
        minAge: z.number().optional(),
        maxAge: z.number().optional(),
        chiefComplaint: z.array(z.string()).optional(),
        answer: z
          .object({ id: z.string(), equals: z.union([z.string(), z.boolean()]) })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** When the DDXPlus evidence `ifPresent` is present, ask DDXPlus question `code` in this slot instead. */
    ddxInstead: z.object({ ifPresent: z.string(), code: z.string() }).strict().optional(),
    /** Redundant once every one of these DDXPlus questions was answered. */
    skipIfAsked: codes.optional(),
    /** The frame answer read off a DDXPlus answer (yes/no; for M evidence: any of `values` ticked). */
    deriveFrom: z
      .object({ code: z.string(), values: z.array(z.string()).optional() })
      .strict()
      .optional(),
    yes: implication.optional(),
    no: implication.optional(),
  })
  .strict();

export type FrameQuestion = z.infer<typeof frameQuestionSchema>;
export type FrameOption = z.infer<typeof optionSchema>;

/**
 * A chief complaint on the form: its value (the DDXPlus code where one code says it, a slug where
 * several complaints share one, e.g. chest pain and headache both establish pain E_53), the
 * DDXPlus evidence choosing it establishes, the body region its pain sits in (opened first on the
 * pain map), frame answers it gives (chest pain answers "any chest pain?"), and whether it sits
 * under "more symptoms".
 */
const complaintSchema = z
  .object({
    value: z.string().regex(/^(E_\d+|[a-z][a-z-]*)$/),
    label: bilingualSchema,
    evidence: codes,
    region: z.string().optional(),
    frame: z.record(z.string(), z.boolean()).optional(),
    /** How the history names it ("胸痛", "chest pain"). */
    term: bilingualSchema.optional(),
    more: z.boolean().optional(),
  })
  .strict();

export type ChiefComplaint = z.infer<typeof complaintSchema>;

const frameSchema = z
  .object({
    version: z.literal(1),
    source: citationSchema,
    chiefComplaints: z.array(complaintSchema).min(1),
    questions: z.array(frameQuestionSchema).min(1),
  })
  .strict();

export type HistoryFrame = z.infer<typeof frameSchema>;

/** The id of the chief-complaint option that means "something else, in my own words". */
export const OTHER_COMPLAINT = 'other';

let cached: HistoryFrame | undefined;

/** Loads and validates the frame (cached per process); throws on a malformed file. */
export function loadHistoryFrame(path: string = HISTORY_FRAME_PATH): HistoryFrame {
  if (cached && path === HISTORY_FRAME_PATH) return cached;
  const frame = frameSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const ids = new Set<string>();
  for (const q of frame.questions) {
    if (ids.has(q.id)) throw new Error(`history-frame.json: duplicate question id '${q.id}'`);
    ids.add(q.id);
    if ((q.kind === 'choice' || q.kind === 'multi') && q.id !== 'chief-complaint' && !q.options?.length) {
      throw new Error(`history-frame.json: ${q.id} needs options`);
    }
  }
  const values = new Set<string>();
  for (const c of frame.chiefComplaints) {
    if (values.has(c.value) || c.value === OTHER_COMPLAINT) throw new Error(`history-frame.json: duplicate complaint '${c.value}'`);
    values.add(c.value);
  }
  if (path === HISTORY_FRAME_PATH) cached = frame;
  return frame;
}

/** The listed chief complaint with this value; an older stored value (a DDXPlus code) is its own complaint. */
export function chiefComplaint(value: unknown, frame: HistoryFrame = loadHistoryFrame()): ChiefComplaint | undefined {
  if (typeof value !== 'string') return undefined;
  const listed = frame.chiefComplaints.find((c) => c.value === value);
  if (listed) return listed;
  return /^E_\d+$/.test(value) ? { value, label: { en: value, zh: value }, evidence: [value] } : undefined;
}

/** The frame question with this id (without the `frame:` prefix). */
export function frameQuestion(id: string, frame: HistoryFrame = loadHistoryFrame()): FrameQuestion | undefined {
  return frame.questions.find((q) => q.id === id);
}
