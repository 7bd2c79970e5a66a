import { describe, expect, it } from 'vitest';
import { bilingualSchema, citationSchema } from '../../knowledge/index.js';
import { PROCEDURES, RADIATION_LEVELS } from './imaging-procedures.js';
import { describeImagingScenario, evaluateImaging, listImagingScenarios, suggestImagingScenarios } from './imaging-registry.js';

const CJK = /[\u4e00-\u9fff]/;

/** A valid input for each scenario built from its form description: first option, lowest number, false. */
function sampleInput(id: string, pick: 'min' | 'max'): Record<string, unknown> {
  const d = describeImagingScenario(id);
  if (!d) throw new Error(id);
  return Object.fromEntries(
    d.inputs.map((f) => [
      f.name,
      f.type === 'boolean'
        ? pick === 'max'
        : f.type === 'choice'
          ? f.options?.[pick === 'min' ? 0 : f.options.length - 1]?.value
          : pick === 'min'
            ? f.min
            : f.max,
    ]),
  );
}

describe('imaging registry', () => {
  it('lists the nine scenarios with unique kebab-case ids', () => {
    const ids = listImagingScenarios().map((s) => s.id);
    expect(ids).toEqual([
      'breast',
      'headache',
      'low-back-pain',
      'suspected-pe',
      'minor-head-injury',
      'ankle-injury',
      'knee-injury',
      'suspected-appendicitis',
      'renal-colic',
    ]);
  });

  it.each(listImagingScenarios().map((s) => [s.id] as const))('%s has bilingual names, form labels and valid sources', (id) => {
    const d = describeImagingScenario(id);
    if (!d) throw new Error(id);
    expect(bilingualSchema.parse(d.names).zh).toMatch(CJK);
    expect(bilingualSchema.parse(d.summary).zh).toMatch(CJK);
    expect(citationSchema.safeParse(d.source).success).toBe(true);
    for (const ref of d.references) expect(citationSchema.safeParse(ref).success).toBe(true);
    expect(d.aliases.some((a) => CJK.test(a))).toBe(true);
    for (const f of d.inputs) {
      expect(bilingualSchema.parse(f.label).zh).toMatch(CJK);
      for (const o of f.options ?? []) expect(bilingualSchema.parse(o.label).zh).toMatch(CJK);
    }
  });

  it.each(listImagingScenarios().flatMap((s) => [[s.id, 'min'] as const, [s.id, 'max'] as const]))(
    '%s (%s inputs) rates options with a source, a radiation level and a bilingual reason',
    (id, pick) => {
      const out = evaluateImaging(id, sampleInput(id, pick));
      if (!out.ok) throw new Error(JSON.stringify(out.error));
      expect(out.result.recommendations.length).toBeGreaterThan(0);
      expect(citationSchema.safeParse(out.result.source).success).toBe(true);
      for (const r of out.result.recommendations) {
        expect(['usually-appropriate', 'may-be-appropriate', 'usually-not-appropriate']).toContain(r.rating);
        expect(bilingualSchema.parse(r.reason).zh).toMatch(CJK);
        expect(bilingualSchema.parse(r.procedure.name).zh).toMatch(CJK);
        expect(citationSchema.safeParse(r.source).success).toBe(true);
        expect(citationSchema.safeParse(r.radiation.source).success).toBe(true);
        expect(Object.keys(RADIATION_LEVELS)).toContain(r.radiation.level);
      }
      const rule = out.result.decisionRule;
      if (rule) {
        expect(citationSchema.safeParse(rule.source).success).toBe(true);
        bilingualSchema.parse(rule.name);
        bilingualSchema.parse(rule.outcome);
        for (const c of rule.criteriaMet) bilingualSchema.parse(c);
      }
    },
  );

  it('gives ultrasound and MRI no radiation and CT a medium level (ACR RRL)', () => {
    for (const p of PROCEDURES.values()) {
      if (/^(us|mri)-/.test(p.id)) expect(p.radiation).toBe('none');
      if (/^ct/.test(p.id)) expect(p.radiation).toBe('medium');
    }
  });

  it('finds scenarios by alias in either language', () => {
    expect(evaluateImaging('Canadian CT Head Rule', { bad: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', scenarioId: 'minor-head-injury' },
    });
    expect(describeImagingScenario('肾绞痛')?.id).toBe('renal-colic');
    expect(describeImagingScenario('Ottawa ankle rules')?.id).toBe('ankle-injury');
    expect(describeImagingScenario('no such thing')).toBeUndefined();
  });

  it('answers an unknown scenario with a bilingual message and suggestions, without throwing', () => {
    expect(evaluateImaging('ankle', {})).toMatchObject({ ok: false, error: { code: 'unknown-scenario', suggestions: ['ankle-injury'] } });
    const unknown = evaluateImaging('ottawa', {});
    if (unknown.ok || unknown.error.code !== 'unknown-scenario') throw new Error('expected unknown scenario');
    expect(unknown.error.suggestions).toEqual(['ankle-injury', 'knee-injury']);
    expect(unknown.error.message.zh).toMatch(CJK);
    expect(suggestImagingScenarios('zzzz')).toHaveLength(9);
    expect(evaluateImaging(42 as unknown as string, {}).ok).toBe(false);
  });

  it('reports every bad field at once, bilingual, and never throws', () => {
    const out = evaluateImaging('suspected-pe', { wellsScore: 20, perc: 'maybe', pregnant: 'yes', typo: true });
    if (out.ok || out.error.code !== 'invalid-input') throw new Error('expected invalid input');
    const byField = Object.fromEntries(out.error.issues.map((i) => [i.field, i.code]));
    expect(byField).toEqual({
      wellsScore: 'out-of-range',
      perc: 'not-an-option',
      pregnant: 'wrong-type',
      dDimer: 'missing',
      contrastContraindicated: 'missing',
      typo: 'unknown-field',
    });
    for (const i of out.error.issues) expect(bilingualSchema.parse(i.message).zh).toMatch(CJK);
  });

  it.each([null, undefined, 'text', 7, []])('rejects a non-object input (%s) without throwing', (raw) => {
    for (const s of listImagingScenarios()) {
      const out = evaluateImaging(s.id, raw);
      expect(out.ok).toBe(false);
    }
  });

  it('rejects a fractional GCS in the head-injury form', () => {
    const out = evaluateImaging('minor-head-injury', { ...sampleInput('minor-head-injury', 'min'), gcs: 14.5 });
    if (out.ok || out.error.code !== 'invalid-input') throw new Error('expected invalid input');
    expect(out.error.issues).toEqual([expect.objectContaining({ field: 'gcs', code: 'not-an-integer' })]);
  });

  it('returns copies, so callers cannot change the registry', () => {
    const d = describeImagingScenario('breast');
    if (!d) throw new Error('breast');
    d.names.en = 'changed';
    expect(describeImagingScenario('breast')?.names.en).not.toBe('changed');
  });
});
