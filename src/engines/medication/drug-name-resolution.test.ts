import { beforeAll, describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../knowledge/index.js';
import { checkMedications } from './check-medications.js';
import { MedicationIndex } from './medication-index.js';

let index: MedicationIndex;
beforeAll(() => {
  index = new MedicationIndex(getKnowledgeBase());
});

/** Issue 23 item 8 follow-up: Chinese drug names typed with an input-method slip in the medication check. */
describe('medication check: Chinese drug names with a typo', () => {
  it.each([
    ['阿斯匹林', 'aspirin', '阿司匹林'],
    ['华法令', 'warfarin', '华法林'],
    ['二甲双瓜', 'metformin', '二甲双胍'],
    ['二甲双瓜片', 'metformin', '二甲双胍'],
    ['阿斯匹林肠溶片 100mg', 'aspirin', '阿司匹林'],
    ['地高心', 'digoxin', '地高辛'],
  ])('reads %s as %s, naming the name it was read as', (typed, id, name) => {
    expect(index.resolve(typed)).toMatchObject({ id, matchedBy: 'fuzzy', matchedName: name });
  });

  it('keeps names written correctly as exact matches', () => {
    expect(index.resolve('阿司匹林')).toMatchObject({ id: 'aspirin', matchedBy: 'curated' });
    expect(index.resolve('阿司匹林')?.matchedName).toBeUndefined();
  });

  it('asks instead of choosing when two drugs are about as close (克拉霉素 or 克林霉素?)', () => {
    expect(index.resolve('克波霉素')).toBeUndefined();
    expect(index.suggest('克波霉素')).toEqual(expect.arrayContaining(['克拉霉素', '克林霉素']));
    // Both within the typo allowance, equally far (a rhyme each): aciclovir or valaciclovir?
    expect(index.resolve('拉昔洛韦')).toBeUndefined();
    expect(index.suggest('拉昔洛韦')).toEqual(expect.arrayContaining(['阿昔洛韦', '伐昔洛韦']));
    expect(index.resolve('阿那普利')).toBeUndefined();
    expect(index.suggest('阿那普利')).toEqual(expect.arrayContaining(['贝那普利', '依那普利']));
  });

  it('does not turn everyday words into a drug, nor suggest unrelated names for them', () => {
    for (const word of ['学校', '心情', '头孢']) {
      expect(index.resolve(word), word).toBeUndefined();
      expect(index.suggest(word), word).toEqual([]);
    }
  });

  it('checks the drug it read, says so in a finding, and asks about a close call', () => {
    const result = checkMedications(index, { medications: [{ name: '华法令' }, { name: '阿斯匹林' }, { name: '克波霉素' }] });
    expect(result.medications.map((m) => m.drugId)).toEqual(['warfarin', 'aspirin', undefined]);
    expect(result.medications[0]).toMatchObject({ matchedBy: 'fuzzy', matchedName: '华法林' });
    // The warfarin + aspirin interaction runs on the names as read.
    expect(result.findings.some((f) => f.kind === 'interaction' && f.medications.includes(0) && f.medications.includes(1))).toBe(true);
    const readAs = result.findings.filter((f) => f.kind === 'name-read-as');
    expect(readAs.map((f) => f.medications)).toEqual([[0], [1]]);
    expect(readAs[0]?.title.zh).toContain('华法林');
    expect(readAs[0]?.title.en).toContain('华法令');
    expect(result.medications[2]?.suggestions).toEqual(expect.arrayContaining(['克拉霉素', '克林霉素']));
    expect(result.findings.find((f) => f.kind === 'unrecognised-drug')?.medications).toEqual([2]);
  });
});
