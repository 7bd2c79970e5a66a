import { describe, expect, it } from 'vitest';
import { citationSchema } from '../../knowledge/index.js';
import type { IntakeFacts } from '../intake/index.js';
import { detectRedFlags } from './detect-red-flags.js';
import { RED_FLAG_RULES, type RedFlagId } from './red-flag-rules.js';

function facts(partial: Partial<IntakeFacts>): IntakeFacts {
  return { evidence: [], denied: [], answers: {}, texts: [], ...partial };
}

const ANSWER_CASES: [string, Partial<IntakeFacts>, RedFlagId][] = [
  ['chest pain frame + sweating E_50', { answers: { 'chest-pain': true }, evidence: ['E_50'] }, 'cardiac-chest-pain'],
  ['upper-chest pain E_55_@_V_101 + breathlessness E_66', { evidence: ['E_53', 'E_55_@_V_101', 'E_66'] }, 'cardiac-chest-pain'],
  ['chest pain + heavy character E_54_@_V_183', { evidence: ['E_55_@_V_29', 'E_54_@_V_183'] }, 'cardiac-chest-pain'],
  ['chest pain radiating to the jaw E_57_@_V_121', { evidence: ['E_55_@_V_56', 'E_57_@_V_121'] }, 'cardiac-chest-pain'],
  ['face droop frame', { answers: { 'face-droop': true } }, 'stroke-signs'],
  ['arm weakness frame', { answers: { 'arm-weakness': true } }, 'stroke-signs'],
  ['speech difficulty frame', { answers: { 'speech-difficulty': true } }, 'stroke-signs'],
  ['sudden one-sided facial weakness E_156', { answers: { onset: 'sudden' }, evidence: ['E_156'] }, 'stroke-signs'],
  ['throat swelling frame', { answers: { 'throat-swelling': true } }, 'anaphylaxis'],
  ['allergen E_42 + wheeze E_214', { evidence: ['E_42', 'E_214'] }, 'anaphylaxis'],
  ['allergen E_42 + breathing difficulty', { evidence: ['E_42', 'E_66'] }, 'anaphylaxis'],
  ['vomiting blood frame', { answers: { 'vomiting-blood': true } }, 'severe-bleeding'],
  ['vomiting blood E_210', { evidence: ['E_210'] }, 'severe-bleeding'],
  ['heavy bleeding', { answers: { bleeding: 'heavy' } }, 'severe-bleeding'],
  ['black stool + fainted', { answers: { 'black-stool': true, fainted: true } }, 'severe-bleeding'],
  ['fever E_91 + confusion frame', { evidence: ['E_91'], answers: { confusion: true } }, 'sepsis-signs'],
  ['temperature 38.6 + confused lately E_39', { evidence: ['E_39'], answers: { temperature: 38.6 } }, 'sepsis-signs'],
  ['temperature 35.2 + confusion', { answers: { temperature: 35.2, confusion: true } }, 'sepsis-signs'],
  ['suicidal thoughts', { answers: { 'suicidal-thoughts': true } }, 'suicidal-ideation'],
  ['pregnant + vaginal bleeding', { answers: { pregnant: true, 'vaginal-bleeding': true } }, 'pregnancy-warning'],
  ['facts.pregnant + severe lower-belly pain 8/10', { pregnant: true, evidence: ['E_55_@_V_187', 'E_56_@_8'] }, 'pregnancy-warning'],
  ['weeks-pregnant 12 + vaginal bleeding', { answers: { 'weeks-pregnant': 12, 'vaginal-bleeding': true } }, 'pregnancy-warning'],
  ['infant 0.1 y with 38.0 °C', { age: 0.1, answers: { temperature: 38 } }, 'infant-fever'],
  ['infant 0.2 y with reported fever E_91', { age: 0.2, evidence: ['E_91'] }, 'infant-fever'],
  ['sudden 10/10 forehead pain', { answers: { onset: 'sudden', severity: 10 }, evidence: ['E_55_@_V_89'] }, 'thunderclap-headache'],
  ['fainted frame', { answers: { fainted: true } }, 'consciousness-seizure'],
  ['loss of consciousness with convulsions E_43', { evidence: ['E_43'] }, 'consciousness-seizure'],
  ['acute confusion frame', { answers: { confusion: true } }, 'consciousness-seizure'],
  ['severe breathing difficulty frame', { answers: { 'breathing-difficulty': true } }, 'severe-breathing'],
];

const QUIET_CASES: [string, Partial<IntakeFacts>][] = [
  ['chest pain alone', { answers: { 'chest-pain': true } }],
  ['sweating and breathlessness without chest pain', { evidence: ['E_50', 'E_66'] }],
  ['one-sided facial weakness without sudden onset', { answers: { onset: 'weeks' }, evidence: ['E_156'] }],
  ['allergen without airway or breathing signs', { evidence: ['E_42'] }],
  ['black stool without fainting', { answers: { 'black-stool': true } }],
  ['light bleeding', { answers: { bleeding: 'light' } }],
  ['fever alone', { answers: { temperature: 39 } }],
  ['vaginal bleeding when not pregnant', { answers: { pregnant: false, 'vaginal-bleeding': true } }],
  ['infant of exactly 3 months with fever', { age: 0.25, answers: { temperature: 38.5 } }],
  ['infant with 37.9 °C', { age: 0.1, answers: { temperature: 37.9 } }],
  ['sudden headache 7/10', { answers: { onset: 'sudden', severity: 7 }, evidence: ['E_55_@_V_89'] }],
  ['answered no to every screening question', { answers: { 'suicidal-thoughts': false, fainted: false, 'face-droop': false } }],
];

describe('detectRedFlags on structured answers', () => {
  it.each(ANSWER_CASES)('fires on %s', (_name, partial, id) => {
    const hits = detectRedFlags(facts(partial));
    expect(hits.map((h) => h.id)).toContain(id);
    expect(hits.find((h) => h.id === id)?.trigger).toBe('answer');
  });

  it.each(QUIET_CASES)('stays quiet on %s', (_name, partial) => {
    expect(detectRedFlags(facts(partial))).toEqual([]);
  });

  it('has one rule per id, a valid citation, and labels and reasons in both languages', () => {
    const ids = RED_FLAG_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RED_FLAG_RULES) {
      expect(citationSchema.safeParse(rule.source).success).toBe(true);
      expect(rule.label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.label.en).toMatch(/[a-z]/i);
      expect(rule.whenAll.length).toBeGreaterThan(0);
    }
  });

  it('reports several flags together, in rule order', () => {
    const hits = detectRedFlags(facts({ answers: { 'suicidal-thoughts': true, 'face-droop': true } }));
    expect(hits.map((h) => h.id)).toEqual(['stroke-signs', 'suicidal-ideation']);
  });
});
