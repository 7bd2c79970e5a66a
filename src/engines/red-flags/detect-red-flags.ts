import type { IntakeFacts, RedFlagHit } from '../intake/index.js';
import { findAnswerFindings } from './find-answer-findings.js';
import { findTextFindings } from './find-text-findings.js';
import { closeFindings, type RedFlagFinding } from './red-flag-findings.js';
import { RED_FLAG_RULES, type RedFlagRule } from './red-flag-rules.js';

/**
 * The interview's deterministic safety net: runs after every answer and returns every red flag the
 * facts so far show, in rule order. A rule fires on the structured answers alone (`trigger:
 * 'answer'`) or, failing that, on answers and free text together (`trigger: 'text'`) — so chest
 * pain typed in the complaint and sweating ticked on a form still fire together.
 *
 * @example
 * detectRedFlags({ evidence: [], denied: [], answers: {}, texts: ['胸口很痛还出冷汗'] })[0]?.id; // 'cardiac-chest-pain'
 */
export function detectRedFlags(facts: IntakeFacts): RedFlagHit[] {
  const fromAnswers = findAnswerFindings(facts);
  const fromText = new Set<RedFlagFinding>();
  for (const text of textsOf(facts)) for (const f of findTextFindings(text)) fromText.add(f);
  const all = closeFindings(new Set([...fromAnswers, ...fromText]));
  const hits: RedFlagHit[] = [];
  for (const rule of RED_FLAG_RULES) {
    const trigger = firesOn(rule, fromAnswers) ? 'answer' : firesOn(rule, all) ? 'text' : undefined;
    if (trigger === undefined) continue;
    hits.push({ id: rule.id, label: rule.label, reason: rule.reason, source: rule.source, trigger });
  }
  return hits;
}

function firesOn(rule: RedFlagRule, found: ReadonlySet<RedFlagFinding>): boolean {
  return rule.whenAll.some((set) => set.every((f) => found.has(f)));
}

/** The patient's free texts plus a typed chief complaint when the workflow did not copy it to texts. */
function textsOf(facts: IntakeFacts): string[] {
  const texts = [...facts.texts];
  const complaint = facts.answers['chief-complaint'];
  if (typeof complaint === 'string' && !texts.includes(complaint)) texts.push(complaint);
  return texts;
}
