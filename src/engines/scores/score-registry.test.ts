import { describe, expect, it } from 'vitest';
import { bilingualSchema, citationSchema } from '../../knowledge/index.js';
import { computeScore, describeScore, getScore, listScores, suggestScores } from './score-registry.js';

const CJK = /[\u4e00-\u9fff]/;

describe('score registry', () => {
  it('holds at least 24 scores with unique kebab-case ids', () => {
    const ids = listScores().map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(24);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(listScores().map((s) => [s.id, s] as const))('%s has bilingual names, labels, bands and a valid source', (_id, score) => {
    expect(bilingualSchema.parse(score.names).zh).toMatch(CJK);
    bilingualSchema.parse(score.summary);
    expect(citationSchema.safeParse(score.source).success).toBe(true);
    for (const ref of score.references ?? []) expect(citationSchema.safeParse(ref).success).toBe(true);
    expect(score.aliases.some((a) => CJK.test(a))).toBe(true);
    expect(score.bands.length).toBeGreaterThan(0);
    for (const band of score.bands) {
      expect(bilingualSchema.parse(band.label).zh).toMatch(CJK);
      bilingualSchema.parse(band.meaning);
    }
    for (const field of score.fields) {
      expect(field.label.zh).toMatch(CJK);
      for (const opt of field.options ?? []) bilingualSchema.parse(opt.label);
    }
  });

  it('finds scores by alias, ignoring case, spaces, subscripts and hyphens, in Chinese too', () => {
    expect(getScore('CHADS-VASc')?.id).toBe('cha2ds2-vasc');
    expect(getScore('CHA₂DS₂-VASc')?.id).toBe('cha2ds2-vasc');
    expect(getScore('curb65')?.id).toBe('curb-65');
    expect(getScore('eGFR')?.id).toBe('egfr-ckd-epi-2021');
    expect(getScore('肾小球滤过率')?.id).toBe('egfr-ckd-epi-2021');
    expect(getScore('格拉斯哥昏迷评分')?.id).toBe('gcs');
    expect(getScore('qtc')?.id).toBe('corrected-qt-bazett');
    expect(getScore('no such score')).toBeUndefined();
  });

  it('computes through an alias', () => {
    const out = computeScore('CURB65', {
      confusion: true,
      urea: 8,
      ureaUnit: 'mmol/L',
      respiratoryRate: 30,
      systolicBp: 85,
      diastolicBp: 50,
      age: 80,
    });
    expect(out).toMatchObject({ ok: true, result: { scoreId: 'curb-65', value: 5, band: { id: 'high' } } });
  });

  it('lists every problem at once with bilingual messages and never throws', () => {
    const out = computeScore('wells-pe', { heartRate: 900, haemoptysis: 'yes', typo: true });
    expect(out.ok).toBe(false);
    if (out.ok || out.error.code !== 'invalid-input') throw new Error('expected invalid input');
    const byField = Object.fromEntries(out.error.issues.map((i) => [i.field, i.code]));
    expect(byField).toMatchObject({
      heartRate: 'out-of-range',
      haemoptysis: 'wrong-type',
      clinicalSignsDvt: 'missing',
      typo: 'unknown-field',
    });
    for (const issue of out.error.issues) {
      expect(issue.message.en.length).toBeGreaterThan(5);
      expect(issue.message.zh).toMatch(CJK);
    }
  });

  it('rejects input that is not an object, NaN and Infinity without throwing', () => {
    for (const raw of [null, 'abc', 42, undefined]) expect(computeScore('gcs', raw).ok).toBe(false);
    const out = computeScore('qsofa', { respiratoryRate: Number.NaN, systolicBp: Number.POSITIVE_INFINITY, alteredMentation: false });
    expect(!out.ok && out.error.code === 'invalid-input' && out.error.issues.map((i) => i.field)).toEqual([
      'respiratoryRate',
      'systolicBp',
    ]);
  });

  it('answers an unknown score with close matches', () => {
    const out = computeScore('CHADSVAS', {});
    expect(out.ok).toBe(false);
    if (out.ok || out.error.code !== 'unknown-score') throw new Error('expected unknown score');
    expect(out.error.suggestions[0]).toBe('cha2ds2-vasc');
    expect(out.error.message.zh).toMatch(CJK);
    expect(suggestScores('news')).toContain('news2');
    expect(suggestScores('zzzzzzzzzzzz')).toEqual([]);
  });
});

describe('describeScore', () => {
  it('describes inputs with type, unit, bounds and labelled options for the web form', () => {
    const d = describeScore('news2');
    expect(d?.source.title).toMatch(/Royal College of Physicians/);
    const hr = d?.inputs.find((f) => f.name === 'heartRate');
    expect(hr).toMatchObject({ type: 'number', unit: '/min', min: 20, max: 300 });
    const avpu = d?.inputs.find((f) => f.name === 'consciousness');
    expect(avpu?.options?.map((o) => o.value)).toContain('alert');
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('describes unit-dependent bounds and defaults', () => {
    const egfr = describeScore('egfr');
    expect(egfr?.inputs.find((f) => f.name === 'creatinine')?.unitBounds?.byUnit['umol/L']).toEqual({ min: 8, max: 2650 });
    expect(describeScore('bmi')?.inputs.find((f) => f.name === 'criteria')).toMatchObject({ optional: true, default: 'who' });
  });

  it('returns a copy the caller cannot use to alter the registry, and undefined for an unknown score', () => {
    const d = describeScore('gcs');
    if (d) d.inputs.length = 0;
    expect(describeScore('gcs')?.inputs).toHaveLength(3);
    expect(describeScore('nope')).toBeUndefined();
  });
});
