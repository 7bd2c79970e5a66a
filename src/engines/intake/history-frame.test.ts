import { describe, expect, it } from 'vitest';
import { loadDdxModel } from '../ddx/index.js';
import { loadHistoryFrame } from './history-frame.js';

const SAFETY_IDS = [
  'chief-complaint',
  'onset',
  'severity',
  'location',
  'character',
  'radiation',
  'timing',
  'aggravating',
  'relieving',
  'temperature',
  'past-history',
  'surgeries',
  'medications',
  'allergies',
  'drug-allergy',
  'smoking',
  'alcohol',
  'occupation',
  'family-history',
  'pregnant',
  'weeks-pregnant',
  'last-menstrual-period',
  'vaginal-bleeding',
  'suicidal-thoughts',
  'breathing-difficulty',
  'chest-pain',
  'confusion',
  'fainted',
];

describe('the history frame', () => {
  const frame = loadHistoryFrame();
  const model = loadDdxModel();

  it('has every id the safety net reads', () => {
    const ids = frame.questions.map((q) => q.id);
    for (const id of SAFETY_IDS) expect(ids, id).toContain(id);
  });

  it('maps answers only to DDXPlus evidence that exists, and lists about 25 chief complaints that are not antecedents', () => {
    const codes = frame.questions
      .flatMap((q) => [
        ...(q.options ?? []).flatMap((o) => [o.code, ...(o.evidence ?? []), ...(o.denied ?? [])]),
        ...(q.yes?.evidence ?? []),
        ...(q.no?.denied ?? []),
        ...(q.skipIfAsked ?? []),
        q.deriveFrom?.code,
        q.ddxInstead?.code,
      ])
      .filter((c): c is string => c !== undefined);
    for (const code of codes) expect(model.byCode.has(code), code).toBe(true);
    expect(frame.chiefComplaints.length).toBeGreaterThanOrEqual(25);
    for (const c of frame.chiefComplaints) {
      for (const code of c.evidence) expect(model.byCode.get(code)?.antecedent, `${c.value}: ${code}`).toBe(false);
      for (const id of Object.keys(c.frame ?? {}))
        expect(
          frame.questions.some((q) => q.id === id || q.options?.some((o) => o.value === id)),
          id,
        ).toBe(true);
    }
  });
});
