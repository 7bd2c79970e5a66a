import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDdxModel, MODEL_PATH, serializeDdxModel, splitPatients } from './build-model.js';
import { loadDdxplusData, loadValidatePatients } from './ddxplus-data.js';

const data = loadDdxplusData();
const patients = loadValidatePatients(data);

describe('splitPatients', () => {
  it('splits 80/20 into disjoint sets, the same way every time', () => {
    const a = splitPatients(patients);
    const b = splitPatients(patients);
    expect(a.train.length).toBe(Math.round(patients.length * 0.8));
    expect(a.train.length + a.heldOut.length).toBe(patients.length);
    expect(new Set([...a.train, ...a.heldOut]).size).toBe(patients.length);
    expect(b.heldOut.slice(0, 20)).toEqual(a.heldOut.slice(0, 20));
  });
});

describe('buildDdxModel', () => {
  const model = buildDdxModel(data, patients);

  it('matches the committed data/ddxplus/model.json (rebuild with npx tsx src/engines/ddx/build-model.ts)', () => {
    expect(serializeDdxModel(model)).toBe(readFileSync(MODEL_PATH, 'utf8'));
  });

  it('estimates 19 conditions from patients and 30 from their symptom lists, priors summing to 1', () => {
    expect(model.conditions.filter((c) => c.source === 'patients')).toHaveLength(19);
    expect(model.conditions.filter((c) => c.source === 'listing')).toHaveLength(30);
    expect(model.conditions.reduce((s, c) => s + c.prior, 0)).toBeCloseTo(1, 3);
  });

  it('gives a listed evidence of a listing-only condition the listed rate and an unlisted one the low rate', () => {
    const i = model.conditions.findIndex((c) => c.name === 'Spontaneous pneumothorax');
    const rate = (code: string) => model.evidences.find((e) => e.code === code)?.p[i]?.[0];
    expect(rate('E_66')).toBeCloseTo(0.65, 6); // shortness of breath: listed
    expect(rate('E_201')).toBeCloseTo(0.015, 6); // cough: not listed
  });

  it('keeps categorical answers normalised', () => {
    for (const ev of model.evidences.filter((e) => e.type === 'C')) {
      for (const row of ev.p) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    }
  });
});
