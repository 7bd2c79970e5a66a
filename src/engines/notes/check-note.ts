/**
 * The checks every visit note gets before a clinician sees it: each sentence's citations
 * validated and scored against the transcript (unsupported sentences flagged), facts said but
 * not written listed as possible omissions, and the medications mentioned run through the
 * knowledge base's medication check (interactions, duplicates, allergy cross-reactivity) into
 * `extras.medicationCheck`. Pure: no model, no database.
 */
import { checkMedications, type MedicationCheckResult } from '../medication/index.js';
import type { ClinicalDocument, Transcript } from './clinical-document.js';
import { createFactExtractor } from './clinical-facts.js';
import type { KnowledgeEnginesLike } from './engines-like.js';
import { documentFacts, omissionsFromFacts, transcriptFacts } from './find-omissions.js';
import { type ResolveSupportOptions, resolveSupport, SupportIndex } from './provenance.js';

export type CheckNoteOptions = ResolveSupportOptions;

/** The medications and allergies behind the medication check, drug ids as the knowledge base names them. */
export interface NoteMedicationCheck {
  /** Drug ids found in the note or the transcript, first mention first. */
  medications: string[];
  /** Allergies stated in the transcript or the note (drug ids or allergen keys). */
  allergies: string[];
  /** Absent when no medication was mentioned. */
  result?: MedicationCheckResult;
}

function medicationCheck(
  engines: KnowledgeEnginesLike,
  facts: readonly { kind: string; key: string; negated: boolean; question: boolean }[],
): NoteMedicationCheck {
  const medications = [...new Set(facts.filter((fact) => fact.kind === 'medication').map((fact) => fact.key))].slice(0, 100);
  const allergies = [
    ...new Set(
      facts
        .filter((fact) => fact.kind === 'allergy' && !fact.negated && !fact.question && fact.key !== 'none')
        .map((fact) => (fact.key.startsWith('drug:') ? fact.key.slice(5) : fact.key)),
    ),
  ].slice(0, 50);
  if (medications.length === 0) return { medications, allergies };
  const result = checkMedications(engines.medications, { medications: medications.map((name) => ({ name })), allergies });
  return { medications, allergies, result };
}

/** Resolves support, lists omissions and checks the medications of a note against its transcript. */
export function checkNote(
  transcript: Transcript,
  doc: ClinicalDocument,
  engines: KnowledgeEnginesLike,
  options: CheckNoteOptions = {},
): ClinicalDocument {
  const index = new SupportIndex(transcript.turns);
  const resolved = resolveSupport(doc, index, options);
  const extract = createFactExtractor(engines.medications);
  const said = transcriptFacts(transcript, extract);
  const written = documentFacts(resolved, extract);
  const omissions = omissionsFromFacts(said, written);
  const check = medicationCheck(engines, [...written, ...said.map((entry) => entry.fact)]);
  return { ...resolved, omissions, extras: { ...(resolved.extras ?? {}), medicationCheck: check } };
}
