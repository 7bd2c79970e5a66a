/**
 * The shapes every clinical-writing path shares: a consultation transcript split into speaker
 * turns, and a clinical document (visit note or discharge summary) made of sections of sentences,
 * each sentence naming what supports it. Notes, discharge summaries, the PDF and FHIR exports and
 * the web workspace all read and write these types; keep them stable.
 */
import { z } from 'zod';

export const NOTE_LANGUAGES = ['zh', 'en'] as const;
export type NoteLanguage = (typeof NOTE_LANGUAGES)[number];

export const SPEAKERS = ['doctor', 'patient', 'other'] as const;
export type Speaker = (typeof SPEAKERS)[number];

/** One speaker turn. Ids are `T1`, `T2`, … in transcript order; provenance points at them. */
export const transcriptTurnSchema = z.object({
  id: z.string().regex(/^T\d+$/),
  speaker: z.enum(SPEAKERS),
  /** The label as written in the transcript ("Doctor", "医生", "[patient]"), for display. */
  speakerLabel: z.string().max(100),
  text: z.string().max(20_000),
  /** Seconds from the start of the recording, when the transcript came from audio. */
  startS: z.number().nonnegative().optional(),
  endS: z.number().nonnegative().optional(),
});
export type TranscriptTurn = z.infer<typeof transcriptTurnSchema>;

export interface Transcript {
  language: NoteLanguage;
  turns: TranscriptTurn[];
}

/** Outpatient record (门诊病历, per《病历书写基本规范》) and SOAP section keys. */
export const ZH_OUTPATIENT_SECTIONS = [
  'chief_complaint', // 主诉
  'present_illness', // 现病史
  'past_history', // 既往史
  'allergy_history', // 过敏史
  'physical_exam', // 体格检查
  'investigations', // 辅助检查
  'preliminary_diagnosis', // 初步诊断
  'plan', // 处理意见
] as const;
export const SOAP_SECTIONS = ['subjective', 'objective', 'assessment', 'plan'] as const;
/** Discharge summary (出院小结) section keys. */
export const DISCHARGE_SECTIONS = [
  'admission_diagnoses',
  'past_history',
  'discharge_diagnoses',
  'procedures',
  'hospital_course',
  'key_results',
  'medication_reconciliation',
  'condition_at_discharge',
  'follow_up',
  'patient_instructions',
] as const;

export type NoteFormat = 'zh-outpatient' | 'soap' | 'discharge-summary';

/** What a sentence rests on: transcript turns (notes) or record facts (discharge summaries). */
export const sentenceSupportSchema = z.object({
  /** Transcript turn ids (`T3`) or record fact ids (`R12`) the sentence cites. */
  sourceIds: z.array(z.string().max(40)).max(20),
  /**
   * `supported`: every cited id exists and the cited text shares the sentence's content words;
   * `unsupported`: no citation, an unknown id, or nothing in the cited text backs it — a possible
   * hallucination the reviewer must check; `computed`: built from the record by code, not a model;
   * `clinician`: written or edited by the reviewing clinician, who vouches for it (cites nothing).
   */
  status: z.enum(['supported', 'unsupported', 'computed', 'clinician']),
  /** 0–1 lexical support of the sentence by its cited sources (CJK bigrams / English stems). */
  score: z.number().min(0).max(1),
});

export const noteSentenceSchema = z.object({
  /** `S1`, `S2`, … unique within the document. */
  id: z.string().regex(/^S\d+$/),
  text: z.string().min(1).max(4000),
  support: sentenceSupportSchema,
});
export type NoteSentence = z.infer<typeof noteSentenceSchema>;

export const noteSectionSchema = z.object({
  key: z.string().min(1).max(60),
  /** Heading in the document's language (主诉, Subjective, 出院诊断 …). */
  title: z.string().min(1).max(200),
  sentences: z.array(noteSentenceSchema).max(500),
  /** Set when the section is a marked placeholder (e.g. the hospital course without a model). */
  placeholder: z.boolean().optional(),
});
export type NoteSection = z.infer<typeof noteSectionSchema>;

export const OMISSION_KINDS = ['medication', 'allergy', 'symptom', 'vital', 'result', 'pregnancy', 'dose', 'follow_up'] as const;
export type OmissionKind = (typeof OMISSION_KINDS)[number];

/** Something said in the consultation that the note does not mention. */
export const omissionSchema = z.object({
  kind: z.enum(OMISSION_KINDS),
  /** The mention as found in the transcript ("metformin 500 mg", "sulfa (hives)", "BP 150/90", "leukocytes 2+"). */
  text: z.string().max(500),
  turnIds: z.array(z.string()).max(50),
});
export type Omission = z.infer<typeof omissionSchema>;

export const clinicalDocumentSchema = z.object({
  format: z.enum(['zh-outpatient', 'soap', 'discharge-summary']),
  language: z.enum(NOTE_LANGUAGES),
  title: z.string().max(500),
  /** `model`: written by a language model; `extractive`: transcript sentences sorted by rules;
   * `computed`: built from the record (discharge summary without a model narrative). */
  method: z.enum(['model', 'extractive', 'computed']),
  sections: z.array(noteSectionSchema).max(40),
  omissions: z.array(omissionSchema).max(500).default([]),
  /** Free-form per-document extras (e.g. the medication check's findings, reconciliation rows). */
  extras: z.record(z.string(), z.unknown()).optional(),
});
export type ClinicalDocument = z.infer<typeof clinicalDocumentSchema>;

/** A document as plain text (section headings, one sentence per line): the artifact's `text`. */
export function documentToText(doc: ClinicalDocument): string {
  return doc.sections.map((section) => [section.title, ...section.sentences.map((sentence) => sentence.text)].join('\n')).join('\n\n');
}
