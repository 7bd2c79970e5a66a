import type { IntakeFacts } from '../intake/index.js';
import { closeFindings, type RedFlagFinding } from './red-flag-findings.js';

/**
 * Red-flag findings from the structured answers: the interview's frame questions (ids without the
 * `frame:` prefix) and DDXPlus evidence codes (data/ddxplus/release_evidences.json). DDXPlus
 * multi-choice values arrive as `E_55_@_V_101`, scales as `E_56_@_8`.
 */

/** DDXPlus E_55 pain locations on the front/side of the chest: upper chest, lower chest, side of chest R/L. */
const CHEST_SITES = ['V_101', 'V_29', 'V_55', 'V_56'];
/** E_55 abdominal sites: belly, epigastric, iliac fossa R/L, hypochondrium R/L, flank R/L, pubis. */
const ABDOMINAL_SITES = ['V_187', 'V_197', 'V_87', 'V_88', 'V_103', 'V_104', 'V_84', 'V_85', 'V_153'];
/** E_55 head sites: forehead, top of head, occiput, back of head, temples R/L. */
const HEAD_SITES = ['V_89', 'V_62', 'V_124', 'V_25', 'V_166', 'V_167'];
/** E_57 radiation to the arms or jaw: biceps, triceps, forearm (R/L), jaw, under the jaw. */
const ARM_JAW_SITES = ['V_30', 'V_31', 'V_177', 'V_178', 'V_27', 'V_28', 'V_121', 'V_163'];
/** E_152 swelling of the lips, tongue or throat: lips, vermilion, tongue, uvula, pharynx. */
const AIRWAY_SITES = ['V_116', 'V_117', 'V_188', 'V_189', 'V_61', 'V_162', 'V_115', 'V_148'];

/**
 * Pain 7–10 on a 0–10 numeric rating scale is "severe" (Serlin RC et al., Pain 1995;61:277–84,
 * cut-points 1–4 / 5–6 / 7–10).
 */
export const SEVERE_PAIN_SCORE = 7;
/** "Worst ever" for a sudden headache: 9–10 of 10 (our reading of NHS "sudden, severe, worst ever"). */
export const WORST_PAIN_SCORE = 9;
/** Fever ≥ 38 °C (NICE NG143 §1.2 table 1; NICE NG51). */
export const FEVER_C = 38;
/** Tympanic temperature < 36 °C is a sepsis risk criterion (NICE NG51 §1.4, moderate-to-high risk). */
export const LOW_TEMPERATURE_C = 36;
/** "Younger than 3 months" (NICE NG143 table 1, red: age 0–3 months with temperature ≥ 38 °C). */
export const YOUNG_INFANT_YEARS = 0.25;

function has(facts: IntakeFacts, code: string): boolean {
  return facts.evidence.includes(code);
}

function hasValue(facts: IntakeFacts, code: string, values: readonly string[]): boolean {
  return values.some((v) => facts.evidence.includes(`${code}_@_${v}`));
}

/** The highest number recorded for a DDXPlus scale (E_56_@_8 → 8), or undefined. */
function scaleValue(facts: IntakeFacts, code: string): number | undefined {
  let best: number | undefined;
  for (const e of facts.evidence) {
    if (!e.startsWith(`${code}_@_`)) continue;
    const n = Number(e.slice(code.length + 3));
    if (Number.isFinite(n)) best = best === undefined ? n : Math.max(best, n);
  }
  return best;
}

function yes(facts: IntakeFacts, id: string): boolean {
  return facts.answers[id] === true;
}

function num(facts: IntakeFacts, id: string): number | undefined {
  const v = facts.answers[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The patient's pain score, from the frame severity answer or DDXPlus E_56, whichever is higher. */
export function painScore(facts: IntakeFacts): number | undefined {
  const scores = [num(facts, 'severity'), scaleValue(facts, 'E_56')].filter((n): n is number => n !== undefined);
  return scores.length === 0 ? undefined : Math.max(...scores);
}

/** Every finding the structured answers establish, with implied findings added. */
export function findAnswerFindings(facts: IntakeFacts): Set<RedFlagFinding> {
  const f = new Set<RedFlagFinding>();
  const add = (finding: RedFlagFinding, when: boolean): void => {
    if (when) f.add(finding);
  };
  const sudden = facts.answers['onset'] === 'sudden';
  const pain = painScore(facts);
  const temperature = num(facts, 'temperature');

  add('chest-pain', yes(facts, 'chest-pain') || hasValue(facts, 'E_55', CHEST_SITES) || has(facts, 'E_14'));
  add('sweating', has(facts, 'E_50'));
  add('breathless', has(facts, 'E_66'));
  // The frame question asks about severe difficulty breathing now (NHS: "can't get words out").
  add('severe-breathless', yes(facts, 'breathing-difficulty'));
  add('crushing-chest-pain', hasValue(facts, 'E_54', ['V_183']));
  add('pain-to-arm-or-jaw', hasValue(facts, 'E_57', ARM_JAW_SITES));
  // DDXPlus E_156/E_63/E_176 include resolved or long-standing weakness; count them only when sudden.
  add('face-droop', yes(facts, 'face-droop') || (sudden && has(facts, 'E_156')));
  add('arm-weakness', yes(facts, 'arm-weakness') || (sudden && has(facts, 'E_176')));
  add('speech-difficulty', yes(facts, 'speech-difficulty') || (sudden && has(facts, 'E_63')));
  add('airway-swelling', yes(facts, 'throat-swelling') || (has(facts, 'E_42') && hasValue(facts, 'E_152', AIRWAY_SITES)));
  add('allergen-exposure', has(facts, 'E_42'));
  add('wheeze', has(facts, 'E_214') || has(facts, 'E_112') || has(facts, 'E_194'));
  add('vomiting-blood', yes(facts, 'vomiting-blood') || has(facts, 'E_210'));
  add('heavy-bleeding', facts.answers['bleeding'] === 'heavy');
  add('black-stool', yes(facts, 'black-stool') || has(facts, 'E_140'));
  add('fainted', yes(facts, 'fainted') || has(facts, 'E_159'));
  add('seizure', has(facts, 'E_43'));
  add('acute-confusion', yes(facts, 'confusion'));
  add('confusion', has(facts, 'E_39'));
  add('fever', has(facts, 'E_91') || (temperature !== undefined && temperature >= FEVER_C));
  add('low-temperature', temperature !== undefined && temperature < LOW_TEMPERATURE_C);
  add('suicidal-ideation', yes(facts, 'suicidal-thoughts'));
  const weeks = num(facts, 'weeks-pregnant');
  add('pregnant', facts.pregnant === true || yes(facts, 'pregnant') || has(facts, 'E_167') || (weeks !== undefined && weeks > 0));
  add('vaginal-bleeding', yes(facts, 'vaginal-bleeding'));
  add('severe-abdominal-pain', hasValue(facts, 'E_55', ABDOMINAL_SITES) && pain !== undefined && pain >= SEVERE_PAIN_SCORE);
  add('young-infant', facts.age !== undefined && facts.age >= 0 && facts.age < YOUNG_INFANT_YEARS);
  add('thunderclap-headache', sudden && hasValue(facts, 'E_55', HEAD_SITES) && pain !== undefined && pain >= WORST_PAIN_SCORE);
  return closeFindings(f);
}
