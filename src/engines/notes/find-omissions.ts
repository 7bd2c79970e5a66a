/**
 * Possible omissions: medications, doses, allergies (with the reaction said with them), symptoms,
 * vitals, results (point-of-care tests such as a urine dipstick, pregnancy test or fingerstick
 * glucose, and common laboratory values), pregnancy status and follow-up instructions said in the
 * consultation that the note does not mention. Facts are compared by key (see
 * clinical-facts.ts), so "two weeks" in the transcript is covered by "2 weeks" in the note and
 * 阿司匹林 by aspirin. Something said as absent ("denies chest pain", "无过敏") is never reported
 * as a missing positive finding; a stated "no known allergies" is reported only when the note
 * says nothing about allergies at all.
 */
import type { ClinicalDocument, Omission, OmissionKind, Transcript } from './clinical-document.js';
import { type ClinicalFact, createFactExtractor, type FactExtractor } from './clinical-facts.js';
import type { KnowledgeEnginesLike } from './engines-like.js';

const MAX_OMISSIONS = 500;

/** Facts per turn of a transcript, in turn order. */
export function transcriptFacts(transcript: Transcript, extract: FactExtractor): { turnId: string; fact: ClinicalFact }[] {
  return transcript.turns.flatMap((turn) => extract(turn.text).map((fact) => ({ turnId: turn.id, fact })));
}

/** Every fact the note's sentences mention (stated or negated). */
export function documentFacts(doc: ClinicalDocument, extract: FactExtractor): ClinicalFact[] {
  return doc.sections.flatMap((section) => section.sentences.flatMap((sentence) => extract(sentence.text)));
}

/** Whether a transcript fact is a statement the note should carry. */
function reportable(fact: ClinicalFact): boolean {
  if (fact.kind === 'problem') return false;
  // A reaction is reported with its allergy ("sulfa (hives)"), not as a complaint of the visit.
  if (fact.allergyReaction) return false;
  // A medication asked about was still discussed; a symptom asked about was not reported.
  if (fact.question && fact.kind !== 'medication' && fact.kind !== 'dose') return false;
  if (fact.kind === 'allergy') return true;
  return !fact.negated;
}

/** Omissions given pre-extracted facts (checkNote extracts once and reuses them). */
export function omissionsFromFacts(said: readonly { turnId: string; fact: ClinicalFact }[], written: readonly ClinicalFact[]): Omission[] {
  const mentioned = new Set(written.map((fact) => `${fact.kind}|${fact.key}`));
  const noteMentionsAllergy = written.some((fact) => fact.kind === 'allergy');
  const writtenAllergyTags = new Set(written.flatMap((fact) => fact.groups ?? []));
  // A reaction is covered when the note names it anywhere (with the allergy or as a symptom).
  const writtenSymptoms = new Set(written.flatMap((fact) => (fact.kind === 'symptom' ? [fact.key] : (fact.reactions ?? []))));
  const withReactions = (fact: ClinicalFact) => (fact.reactionText?.length ? `${fact.text} (${fact.reactionText.join(', ')})` : fact.text);
  const omittedMedications = new Set<string>();
  const byKey = new Map<string, Omission>();
  for (const { turnId, fact } of said) {
    if (!reportable(fact)) continue;
    const id = `${fact.kind}|${fact.key}`;
    const allergyWritten =
      fact.kind === 'allergy' && (mentioned.has(id) || Boolean(fact.groups?.some((tag) => writtenAllergyTags.has(tag))));
    if (allergyWritten) {
      // The allergen is in the note; its reaction must be too ("sulfa" alone drops "hives, lips swelled").
      const missing = (fact.reactions ?? []).filter((reaction) => !writtenSymptoms.has(reaction));
      if (missing.length === 0) continue;
      const existing = byKey.get(id);
      if (existing) {
        if (!existing.turnIds.includes(turnId) && existing.turnIds.length < 50) existing.turnIds.push(turnId);
      } else byKey.set(id, { kind: 'allergy', text: withReactions(fact), turnIds: [turnId] });
      continue;
    }
    if (mentioned.has(id)) continue;
    if (fact.kind === 'allergy' && fact.key === 'none' && noteMentionsAllergy) continue;
    // Symptoms and problems share words ("depression", "anxiety"): a note naming it either way covers it.
    if (fact.kind === 'symptom' && mentioned.has(`problem|${fact.key}`)) continue;
    if (fact.kind === 'medication') omittedMedications.add(fact.key);
    const existing = byKey.get(id);
    if (existing) {
      if (!existing.turnIds.includes(turnId) && existing.turnIds.length < 50) existing.turnIds.push(turnId);
      continue;
    }
    byKey.set(id, { kind: fact.kind as OmissionKind, text: fact.kind === 'allergy' ? withReactions(fact) : fact.text, turnIds: [turnId] });
  }
  const omissions: Omission[] = [];
  for (const [id, omission] of byKey) {
    // A dose of a medication the note leaves out entirely is folded into that medication's entry.
    if (omission.kind === 'dose') {
      const drug = id.slice('dose|'.length).split(':')[0] ?? '';
      const medication = byKey.get(`medication|${drug}`);
      if (omittedMedications.has(drug) && medication) {
        if (!medication.text.includes(omission.text)) medication.text = omission.text;
        continue;
      }
    }
    omissions.push(omission);
    if (omissions.length >= MAX_OMISSIONS) break;
  }
  return omissions;
}

/** Facts in the transcript that the note does not mention (see the module comment). */
export function findOmissions(transcript: Transcript, doc: ClinicalDocument, engines?: KnowledgeEnginesLike): Omission[] {
  const extract = createFactExtractor(engines?.medications);
  return omissionsFromFacts(transcriptFacts(transcript, extract), documentFacts(doc, extract));
}
