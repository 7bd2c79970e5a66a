import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectRedFlags } from './detect-red-flags.js';
import { RED_FLAG_RULES, type RedFlagId } from './red-flag-rules.js';

/**
 * The red-flag evaluation sets (data/red-flags-eval/, written before the rules they test):
 * colloquial zh/en emergency messages that must fire their rules, and everyday look-alikes that
 * must fire nothing. Each message is the only free text of an otherwise empty intake.
 */

interface EvalCase {
  id: string;
  lang: 'zh' | 'en';
  text: string;
  expect: RedFlagId[];
}

const DIR = path.resolve(import.meta.dirname, '../../../data/red-flags-eval');
const LANGS = ['zh', 'en'] as const;
const MAX_FALSE_ALARM_RATE = 0.1;

function load(file: string): EvalCase[] {
  return readFileSync(path.join(DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalCase);
}

function fired(text: string): string[] {
  return detectRedFlags({ evidence: [], denied: [], answers: {}, texts: [text] }).map((h) => h.id);
}

/** The first set (the original eleven rules) and the second (the emergencies added after it). */
const emergencies = [...load('emergencies.jsonl'), ...load('emergencies-2.jsonl')];
const lookalikes = [...load('lookalikes.jsonl'), ...load('lookalikes-2.jsonl')];
const ruleIds = new Set<string>(RED_FLAG_RULES.map((r) => r.id));

function pct(n: number, of: number): string {
  return `${n}/${of} = ${((100 * n) / of).toFixed(1)}%`;
}

describe('red-flag evaluation sets', () => {
  it('are well formed: unique ids, known rules, emergencies expect a rule, look-alikes none', () => {
    const ids = [...emergencies, ...lookalikes].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of emergencies) {
      expect(c.expect.length, c.id).toBeGreaterThan(0);
      for (const id of c.expect) expect(ruleIds.has(id), `${c.id}: ${id}`).toBe(true);
    }
    for (const c of lookalikes) expect(c.expect, c.id).toEqual([]);
  });

  it.each(LANGS)('recall on the %s emergency messages is 1.0', (lang) => {
    const cases = emergencies.filter((c) => c.lang === lang);
    const missed = cases.flatMap((c) => {
      const got = fired(c.text);
      const lacking = c.expect.filter((id) => !got.includes(id));
      return lacking.length === 0 ? [] : [`${c.id} ${c.text} — missing ${lacking.join(', ')}`];
    });
    console.log(`red-flag recall (${lang}): ${pct(cases.length - missed.length, cases.length)}`);
    for (const rule of RED_FLAG_RULES) {
      const ofRule = cases.filter((c) => c.expect.includes(rule.id));
      const ok = ofRule.filter((c) => !missed.some((m) => m.startsWith(`${c.id} `)));
      if (ofRule.length > 0) console.log(`  ${rule.id}: ${pct(ok.length, ofRule.length)}`);
    }
    if (missed.length > 0) console.log(`  missed:\n    ${missed.join('\n    ')}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(missed).toEqual([]);
  });

  it.each(LANGS)('false alarms on the %s look-alikes stay at or under 10 percent', (lang) => {
    const cases = lookalikes.filter((c) => c.lang === lang);
    const alarms = cases.flatMap((c) => {
      const got = fired(c.text);
      return got.length === 0 ? [] : [`${c.id} ${c.text} — fired ${got.join(', ')}`];
    });
    console.log(`red-flag false alarms (${lang}): ${pct(alarms.length, cases.length)}`);
    if (alarms.length > 0) console.log(`  fired:\n    ${alarms.join('\n    ')}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(alarms.length / cases.length).toBeLessThanOrEqual(MAX_FALSE_ALARM_RATE);
  });
});

/**
 * The third set (data/red-flags-eval/third/, written blind by another session, committed before
 * the engine was generalised on it): emergencies carry a clinical category, not rule ids, so a
 * hit is any red flag firing; a look-alike must fire nothing. Per-language, per-category figures
 * are printed so a failure names the category that slipped.
 */
interface ThirdCase {
  id: string;
  lang: 'zh' | 'en';
  category: string;
  text: string;
}

function loadThird(file: string): ThirdCase[] {
  return readFileSync(path.join(DIR, 'third', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ThirdCase);
}

const thirdEmergencies = loadThird('emergencies.jsonl');
const thirdLookalikes = loadThird('lookalikes.jsonl');

describe('red-flag third set (blind training wording)', () => {
  it('has 16 categories with emergencies in both languages', () => {
    const categories = new Set(thirdEmergencies.map((c) => c.category));
    expect(categories.size).toBe(16);
    for (const lang of LANGS) expect(thirdEmergencies.filter((c) => c.lang === lang).length).toBeGreaterThan(0);
  });

  it.each(LANGS)('some red flag fires on every %s emergency (recall 1.0)', (lang) => {
    const cases = thirdEmergencies.filter((c) => c.lang === lang);
    const missed = cases.filter((c) => fired(c.text).length === 0);
    console.log(`third set recall (${lang}): ${pct(cases.length - missed.length, cases.length)}`);
    for (const category of [...new Set(cases.map((c) => c.category))].sort()) {
      const ofCategory = cases.filter((c) => c.category === category);
      const miss = missed.filter((c) => c.category === category);
      console.log(`  ${category}: ${pct(ofCategory.length - miss.length, ofCategory.length)}`);
    }
    if (missed.length > 0) console.log(`  missed:\n    ${missed.map((c) => `${c.id} [${c.category}] ${c.text}`).join('\n    ')}`);
    expect(missed.map((c) => `${c.id} [${c.category}]`)).toEqual([]);
  });

  it.each(LANGS)('false alarms on the %s look-alikes stay at or under 10 percent', (lang) => {
    const cases = thirdLookalikes.filter((c) => c.lang === lang);
    const alarms = cases.flatMap((c) => {
      const got = fired(c.text);
      return got.length === 0 ? [] : [`${c.id} [${c.category}] ${c.text} — fired ${got.join(', ')}`];
    });
    console.log(`third set false alarms (${lang}): ${pct(alarms.length, cases.length)}`);
    if (alarms.length > 0) console.log(`  fired:\n    ${alarms.join('\n    ')}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(alarms.length / cases.length).toBeLessThanOrEqual(MAX_FALSE_ALARM_RATE);
  });
});
