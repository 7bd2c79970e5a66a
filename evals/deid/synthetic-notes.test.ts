import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHI_TYPES, type PhiType } from '../../src/privacy/index.js';
import { isLuhnValid, isValidIdCard, toAsciiDigits } from './checksums.js';
import { parseDeidJsonl } from './deid-doc.js';
import { decoy, NoteBuilder, note, phi } from './note-builder.js';
import { generateDeidCorpus } from './synthetic-notes.js';
import { DEID_CORPUS_FILES, DEID_EVAL_DIR, renderDeidCorpus } from './write-corpus.js';

const zh = generateDeidCorpus({ seed: 7, count: 300, lang: 'zh' });
const en = generateDeidCorpus({ seed: 7, count: 300, lang: 'en' });

// What each planted type must look like once sliced out by its gold offsets.
const SHAPES: Record<PhiType, RegExp> = {
  NAME: /^[\p{L}][\p{L}' ,.-]*$/u,
  DATE: /\d|[〇一二三四五六七八九十]/,
  AGE: /^(9\d|1\d\d)$/,
  PHONE: /^[+(\d][\d+ ().-]*\d( ext\. \d+)?$/,
  ID_CARD: /^(\d{17}[\dX]|\d{15})$/,
  PASSPORT: /^[A-Z]{0,2}\d{7,9}$/,
  SSN: /^\d{3}[ -]?\d{2}[ -]?\d{4}$/,
  MRN: /^[A-Z]{0,2}[\d-]{6,}$/,
  ADDRESS: /\d/,
  EMAIL: /^[\w.-]+@[\w.-]+\.[a-z]+$/,
  URL: /^(https?:\/\/|www\.)\S+$/,
  IP: /^\d{1,3}(\.\d{1,3}){3}$/,
  ORGANIZATION: /^\S.*\S$/,
  BANK_CARD: /^\d{4}([ -]?\d{4}){3}(\d{3}| ?\d{3})?$/,
  INSURANCE: /^[A-Z\d-]{9,}$/,
  LICENSE_PLATE: /^[\p{Script=Han}]?[A-Z\d][A-Z\d· -]{4,}$/u,
  DEVICE_ID: /^([A-Z]{2,3}\d{6,9}[HS]?|\d{15}|([\dA-F]{2}[:-]){5}[\dA-F]{2})$/,
};

describe('generateDeidCorpus', () => {
  it('is deterministic, and note i does not depend on count', () => {
    expect(generateDeidCorpus({ seed: 7, count: 300, lang: 'zh' })).toEqual(zh);
    expect(generateDeidCorpus({ seed: 7, count: 5, lang: 'en' })).toEqual(en.slice(0, 5));
    expect(generateDeidCorpus({ seed: 8, count: 5, lang: 'en' })).not.toEqual(en.slice(0, 5));
  });

  it('gold offsets slice exactly the planted values, with the shape of their type', () => {
    for (const note of [...zh, ...en]) {
      for (const span of note.spans) {
        const value = toAsciiDigits(note.text.slice(span.start, span.end));
        expect(value.trim(), `${note.id} ${span.type}`).toBe(value);
        expect(value, `${note.id} ${span.type}`).toMatch(SHAPES[span.type]);
      }
    }
  });

  it('never lets a decoy overlap a gold span', () => {
    for (const note of [...zh, ...en]) {
      for (const d of note.decoys)
        expect(
          note.spans.some((s) => s.start < d.end && d.start < s.end),
          note.id,
        ).toBe(false);
    }
  });

  it('plants every PHI type (SSN only in English, 身份证号 only in Chinese) and every decoy kind', () => {
    const types = (notes: typeof zh) => new Set(notes.flatMap((n) => n.spans.map((s) => s.type)));
    expect([...types(en)].sort()).toEqual(PHI_TYPES.filter((t) => t !== 'ID_CARD').sort());
    expect([...types(zh)].sort()).toEqual(PHI_TYPES.filter((t) => t !== 'SSN').sort());
    const kinds = new Set(zh.flatMap((n) => n.decoys.map((d) => d.kind)));
    expect(kinds.size).toBe(9);
  });

  it('plants 身份证号 with valid GB 11643 check codes, and Luhn-valid bank cards and IMEIs', () => {
    const values = (type: PhiType) =>
      [...zh, ...en].flatMap((n) => n.spans.filter((s) => s.type === type).map((s) => toAsciiDigits(n.text.slice(s.start, s.end))));
    const ids = values('ID_CARD').filter((v) => v.length === 18);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(isValidIdCard(id), id).toBe(true);
    for (const card of values('BANK_CARD')) expect(isLuhnValid(card), card).toBe(true);
    const imeis = values('DEVICE_ID').filter((v) => /^\d{15}$/.test(v));
    expect(imeis.length).toBeGreaterThan(10);
    for (const imei of imeis) expect(isLuhnValid(imei), imei).toBe(true);
  });

  it('reuses the patient name within a note', () => {
    const repeats = zh.filter((n) => {
      const names = n.spans.filter((s) => s.type === 'NAME').map((s) => n.text.slice(s.start, s.end));
      return names.length !== new Set(names).size;
    });
    expect(repeats.length).toBeGreaterThan(zh.length / 2);
  });

  it('writes Chinese notes without ASCII spaces between Han characters', () => {
    for (const note of zh) expect(note.text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
  });
});

describe('NoteBuilder', () => {
  it('records offsets as pieces are appended', () => {
    const doc = new NoteBuilder().add(note`患者${phi('NAME', '张伟')}，${decoy('age-under-90', '65')}岁。`).build('t', 'zh');
    expect(doc).toEqual({
      id: 't',
      lang: 'zh',
      text: '患者张伟，65岁。',
      spans: [{ type: 'NAME', start: 2, end: 4 }],
      decoys: [{ kind: 'age-under-90', start: 5, end: 7 }],
    });
  });
});

describe('shipped corpora', () => {
  it.each(['zh', 'en'] as const)('data/deid-eval %s file is what write-corpus.ts generates, and parses', (lang) => {
    const shipped = readFileSync(join(DEID_EVAL_DIR, DEID_CORPUS_FILES[lang]), 'utf8');
    expect(shipped).toBe(renderDeidCorpus(lang));
    expect(parseDeidJsonl(shipped, DEID_CORPUS_FILES[lang])).toHaveLength(300);
  });
});
