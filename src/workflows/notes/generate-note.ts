import type { ArtifactService } from '../../audit/artifacts.js';
import type { Actor } from '../../auth/actor.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import {
  buildExtractiveNote,
  buildOutpatientHeader,
  type ClinicalDocument,
  checkNote,
  defaultVisitNoteFormat,
  type NoteLanguage,
  type NoteSection,
  type Omission,
  type OutpatientHeaderFields,
  resolveSupport,
  SupportIndex,
  type Transcript,
  unsupportedSentences,
  type VisitNoteFormat,
} from '../../engines/notes/index.js';
import { type ModelGateway, patientDataContext } from '../../model/index.js';
import { assertAiConsent } from '../../record/consent.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { findPatientDemographics, patientExists, patientHasEncounter } from '../../record/patient-lookups.js';
import { ageInYears } from '../../record/patient-queries.js';
import { findPatientEncounterRow } from '../../record/stay-queries.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import type { Store } from '../../store/database.js';
import { modelNoteTitle } from './note-format-guide.js';
import { type NoteTranscriptInput, readNoteTranscript } from './note-input.js';
import { storeNoteArtifact } from './store-note-artifact.js';
import { writeModelNote } from './write-model-note.js';

export const NOTE_MODES = ['auto', 'model', 'extractive'] as const;
export type NoteMode = (typeof NOTE_MODES)[number];

export interface GenerateNoteDeps {
  store: Store;
  /** The record's access door: a note filed on a chart is checked and audited there. */
  access: PatientAccess;
  models: ModelGateway;
  artifacts: ArtifactService;
  knowledge: KnowledgeEngines;
}

export interface GenerateNoteInput extends NoteTranscriptInput {
  /** The note's language; the transcript's when absent (a note in the other language on request). */
  outputLanguage?: NoteLanguage;
  format?: VisitNoteFormat;
  patientId?: string | null;
  encounterId?: string | null;
  mode?: NoteMode;
  actor: Actor;
  /** The caller's language, for validation messages (defaults to the transcript's). */
  messageLanguage?: NoteLanguage;
}

export interface NoteChecks {
  omissions: Omission[];
  unsupported: number;
  medicationCheck: unknown;
}

export interface GenerateNoteCallbacks {
  onTranscript?: (transcript: Transcript) => Promise<void> | void;
  /** Each section, its support resolved, as soon as it is ready. */
  onSection?: (section: NoteSection) => Promise<void> | void;
  onChecks?: (checks: NoteChecks) => Promise<void> | void;
  signal?: AbortSignal;
}

export interface GenerateNoteResult {
  artifactId: string;
  document: ClinicalDocument;
  transcript: Transcript;
  /** Where the time went: `modelMs` waiting on the model, the rest is Suwen's own work (checks and storing among it). */
  timings: { totalMs: number; modelMs: number; checkMs: number; storeMs: number };
}

/** A validated request, ready to write: every 4xx problem is found before anything streams. */
export interface PreparedNote {
  input: GenerateNoteInput;
  transcript: Transcript;
  language: NoteLanguage;
  format: VisitNoteFormat;
  method: 'model' | 'extractive';
  started: number;
  /** 门诊病历 notes: what the header says (from the chart when the note is filed on a patient, else blanks). */
  header: OutpatientHeaderFields | null;
}

/**
 * The 门诊病历 header's fields from the record: name, sex, age at the visit, the encounter's service
 * (科别) and date. Read after the access check of prepareNote, never shown to a model: the header
 * is added by code after the model has written the note.
 */
async function headerFields(deps: GenerateNoteDeps, input: GenerateNoteInput): Promise<OutpatientHeaderFields> {
  if (!input.patientId) return {};
  const patient = await findPatientDemographics(deps.store, input.patientId);
  if (!patient) return {};
  const encounter = input.encounterId ? await findPatientEncounterRow(deps.store, input.patientId, input.encounterId) : undefined;
  const visitDate = encounter?.period_start ?? null;
  let department: string | null = null;
  if (encounter) {
    const resource = JSON.parse(encounter.resource) as { serviceType?: { text?: string; coding?: { display?: string }[] } };
    department = resource.serviceType?.text ?? resource.serviceType?.coding?.find((coding) => coding.display)?.display ?? null;
  }
  return {
    name: patient.name,
    sex: patient.gender,
    age: ageInYears(patient.birthDate, visitDate ? new Date(visitDate) : new Date()),
    department,
    visitDate,
  };
}

/** Sentence ids S1…Sn in document order (the header is added in front of a built note). */
function renumber(sections: NoteSection[]): NoteSection[] {
  let next = 1;
  return sections.map((section) => ({ ...section, sentences: section.sentences.map((sentence) => ({ ...sentence, id: `S${next++}` })) }));
}

/**
 * Checks a note request and reads its transcript: VALIDATION_FAILED (in the caller's language)
 * for an empty or oversized transcript, NOT_FOUND for an unknown patient or encounter,
 * MODEL_NOT_CONFIGURED when a model is demanded and none is connected, CONSENT_REQUIRED before a
 * model sees a patient's consultation.
 */
export async function prepareNote(deps: GenerateNoteDeps, input: GenerateNoteInput): Promise<PreparedNote> {
  const started = performance.now();
  const transcript = readNoteTranscript(input, input.messageLanguage ?? input.language ?? 'en');
  const language = input.outputLanguage ?? transcript.language;
  const format = input.format ?? defaultVisitNoteFormat(language);
  const mode = input.mode ?? 'auto';
  if (mode === 'model' && !deps.models.configured) throw new SuwenError('MODEL_NOT_CONFIGURED', 'No model configured');
  const method = mode === 'extractive' || !deps.models.configured ? 'extractive' : 'model';
  if (input.patientId) {
    await deps.access.check(input.actor, input.patientId, 'notes.generate');
    if (!(await patientExists(deps.store, input.patientId))) throw notFound('patient');
    if (input.encounterId && !(await patientHasEncounter(deps.store, input.patientId, input.encounterId))) throw notFound('encounter');
    if (method === 'model') await assertAiConsent(deps.store, input.patientId);
  } else if (input.encounterId) {
    throw new SuwenError('VALIDATION_FAILED', 'encounterId needs patientId', {
      params: {
        summary: (input.messageLanguage ?? 'en') === 'zh' ? '指定就诊时须同时指定患者（patientId）' : 'encounterId requires patientId',
      },
    });
  }
  const header = format === 'zh-outpatient' ? await headerFields(deps, input) : null;
  return { input, transcript, language, format, method, started, header };
}

/** Writes, checks and stores the note of a prepared request, reporting each stage as it happens. */
export async function writeNote(
  deps: GenerateNoteDeps,
  prepared: PreparedNote,
  callbacks: GenerateNoteCallbacks = {},
): Promise<GenerateNoteResult> {
  const { input, transcript, language, format, method } = prepared;
  await callbacks.onTranscript?.(transcript);
  const header = prepared.header ? renumber([buildOutpatientHeader(prepared.header, language)])[0] : undefined;
  if (header) await callbacks.onSection?.(header);
  const index = new SupportIndex(transcript.turns.map((turn) => ({ id: turn.id, text: turn.text })));
  let draft: ClinicalDocument;
  let model: Awaited<ReturnType<typeof writeModelNote>> | null = null;
  // A consultation is patient data whether or not it is filed on a chart.
  const context = patientDataContext('notes.write-note', input);
  if (method === 'model') {
    const shell: ClinicalDocument = {
      format,
      language,
      title: modelNoteTitle(format, language),
      method: 'model',
      sections: [],
      omissions: [],
    };
    model = await writeModelNote({
      model: deps.models.model(context),
      transcript,
      format,
      language,
      firstSentenceNumber: (header?.sentences.length ?? 0) + 1,
      ...(callbacks.signal ? { signal: callbacks.signal } : {}),
      onSection: async (section) => {
        const [resolved] = resolveSupport({ ...shell, sections: [section] }, index).sections;
        if (resolved) await callbacks.onSection?.(resolved);
      },
    });
    draft = { ...shell, sections: header ? [header, ...model.sections] : model.sections };
  } else {
    const built = buildExtractiveNote(transcript, { format, language });
    draft = header ? { ...built, sections: renumber([header, ...built.sections]) } : built;
    for (const section of header ? draft.sections.slice(1) : draft.sections) await callbacks.onSection?.(section);
  }
  // Let the sections already sent leave the socket before the checks take the event loop.
  if (callbacks.onSection) await new Promise((resolve) => setImmediate(resolve));
  const checkStarted = performance.now();
  const checked = checkNote(transcript, draft, deps.knowledge);
  // Support is lexical: a note in one language cannot share words with a transcript in the other,
  // so its sentences mostly read as unsupported. Say so rather than let the flags mislead.
  const document: ClinicalDocument =
    language === transcript.language ? checked : { ...checked, extras: { ...checked.extras, supportCheck: 'cross-language' } };
  const checkMs = performance.now() - checkStarted;
  const checks: NoteChecks = {
    omissions: document.omissions,
    unsupported: unsupportedSentences(document).length,
    medicationCheck: document.extras?.medicationCheck ?? null,
  };
  await callbacks.onChecks?.(checks);
  const storeStarted = performance.now();
  const artifact = await storeNoteArtifact(deps.artifacts, {
    document,
    transcript,
    patientId: input.patientId ?? null,
    encounterId: input.encounterId ?? null,
    actorId: input.actor.userId,
    model: model ? { id: deps.models.profile().id, version: deps.models.profile().modelName } : null,
    prompt: model?.prompt ?? null,
    privacy: context.privacy ?? null,
    latencyMs: storeStarted - prepared.started,
    tokensIn: model?.tokensIn ?? null,
    tokensOut: model?.tokensOut ?? null,
  });
  const totalMs = performance.now() - prepared.started;
  const timings = { totalMs, modelMs: model?.modelMs ?? 0, checkMs, storeMs: performance.now() - storeStarted };
  await deps.access.recordChange(input.actor, 'artifact.create', {
    entityType: 'artifact',
    entityId: artifact.id,
    patientId: input.patientId ?? null,
    details: { kind: 'clinical-note', method: document.method },
  });
  return { artifactId: artifact.id, document, transcript, timings };
}

/**
 * Consultation → note: the transcript as speaker turns; a model writes the note as cited
 * sentences per section (streamed section by section), or without one an extractive note is
 * built from the transcript by rules (labelled as such); then every sentence's support is
 * checked, omissions and medications are checked, and the draft is stored for review.
 */
export async function generateNote(
  deps: GenerateNoteDeps,
  input: GenerateNoteInput,
  callbacks: GenerateNoteCallbacks = {},
): Promise<GenerateNoteResult> {
  return writeNote(deps, await prepareNote(deps, input), callbacks);
}
