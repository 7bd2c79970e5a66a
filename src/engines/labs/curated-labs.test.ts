import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curatedLabSchema } from '../../knowledge/index.js';
import { normaliseLabKey } from './lab-index.js';
import { loadCuratedLabs } from './testing-labs.js';

const raw = JSON.parse(readFileSync(new URL('../../../data/knowledge/curated/labs.json', import.meta.url), 'utf8')) as unknown[];
const labs = loadCuratedLabs();

describe('curated labs.json', () => {
  it('holds at least 125 labs', () => {
    expect(labs.length).toBeGreaterThanOrEqual(125);
  });

  it('validates every lab against the schema', () => {
    for (const entry of raw) expect(curatedLabSchema.safeParse(entry).success).toBe(true);
  });

  it('has unique ids', () => {
    expect(new Set(labs.map((l) => l.id)).size).toBe(labs.length);
  });

  it('gives every lab at least one range, and every range and critical block a citation', () => {
    for (const lab of labs) {
      expect(lab.ranges.length, lab.id).toBeGreaterThan(0);
      for (const range of lab.ranges) {
        expect(range.source.title.length, lab.id).toBeGreaterThan(3);
        expect(range.low !== undefined || range.high !== undefined, lab.id).toBe(true);
        if (range.low !== undefined && range.high !== undefined) expect(range.low, lab.id).toBeLessThan(range.high);
      }
      if (lab.critical) {
        expect(lab.critical.source.title.length, lab.id).toBeGreaterThan(3);
        expect(lab.critical.low !== undefined || lab.critical.high !== undefined, lab.id).toBe(true);
      }
    }
  });

  it('places critical limits outside the reference ranges', () => {
    for (const lab of labs) {
      for (const range of lab.ranges) {
        if (lab.critical?.low !== undefined && range.low !== undefined) expect(lab.critical.low, lab.id).toBeLessThan(range.low);
        if (lab.critical?.high !== undefined && range.high !== undefined) expect(lab.critical.high, lab.id).toBeGreaterThan(range.high);
      }
    }
  });

  it('gives a factor exactly when there is a conventional unit that needs one', () => {
    for (const lab of labs) expect(lab.conventionalToSi === undefined, lab.id).toBe(lab.conventionalUnit === undefined);
  });

  it('never lets two labs claim the same name, synonym or LOINC code', () => {
    const owner = new Map<string, string>();
    for (const lab of labs) {
      const keys = new Set([lab.id, lab.names.en, lab.names.zh, ...lab.synonyms, ...lab.loinc].map(normaliseLabKey));
      for (const key of keys) {
        const prior = owner.get(key);
        expect(prior === undefined || prior === lab.id, `${key}: ${prior} vs ${lab.id}`).toBe(true);
        owner.set(key, lab.id);
      }
    }
  });

  it('carries the LOINC codes Synthea uses', () => {
    const codes = new Set(labs.flatMap((l) => l.loinc));
    for (const code of [
      '2951-2',
      '2823-3',
      '2160-0',
      '2339-0',
      '718-7',
      '4548-4',
      '6690-2',
      '777-3',
      '2093-3',
      '18262-6',
      '2085-9',
      '2571-8',
      '33914-3',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it('has a Chinese name for every lab', () => {
    for (const lab of labs) expect(/[\u4e00-\u9fff]/.test(lab.names.zh), lab.id).toBe(true);
  });
});
