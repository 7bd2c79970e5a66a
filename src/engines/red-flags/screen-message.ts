import type { IntakeFacts, RedFlagHit, TriageResult } from '../intake/index.js';
import { detectRedFlags } from './detect-red-flags.js';
import type { RedFlagId } from './red-flag-rules.js';
import { triageIntake } from './triage.js';

/** What one screened message shows: whether a red flag fired, which rules, and the triage. */
export interface MessageScreen {
  redFlag: boolean;
  /** Rule ids in rule order (red-flag-rules.ts). */
  rules: RedFlagId[];
  hits: RedFlagHit[];
  triage: TriageResult;
}

const NO_FACTS: IntakeFacts = { evidence: [], denied: [], answers: {}, texts: [] };

/**
 * Screens a patient's message for red flags — the one function behind the phone intake's check
 * on every typed answer, `suwen redflags` and (later) the patient assistant. Chinese and English
 * phrases are always both tried (patients mix languages), so no language is needed. `facts` are
 * what an interview already knows; the message is added to their texts. Deterministic, no model.
 *
 * @example
 * screenMessage('胸口压榨样疼痛1小时，向左臂放射，伴大汗').rules; // ['cardiac-chest-pain']
 */
export function screenMessage(text: string, facts: IntakeFacts = NO_FACTS): MessageScreen {
  const message = text.trim();
  const all: IntakeFacts = message === '' ? facts : { ...facts, texts: [...facts.texts, message] };
  const hits = detectRedFlags(all);
  const triage = triageIntake({ redFlags: hits, facts: all, differential: [] });
  return { redFlag: hits.length > 0, rules: hits.map((hit) => hit.id as RedFlagId), hits, triage };
}
