import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getClinicalNames, NAMES_DIR } from './clinical-names.js';

const names = getClinicalNames();
const CJK = /[\u4e00-\u9fff]/;

describe('Chinese names for record codes', () => {
  it('names every condition code of the demo record in Chinese, keeping the English display', () => {
    const lines = readFileSync(path.resolve(NAMES_DIR, '../../demo/synthea-10/Condition.000.ndjson'), 'utf8').trim().split('\n');
    const missing: string[] = [];
    for (const line of lines) {
      const coding = (JSON.parse(line) as { code: { coding: { system: string; code: string; display: string }[] } }).code.coding[0];
      if (!coding) continue;
      const found = names.condition(coding);
      if (!found || !CJK.test(found.zh)) missing.push(`${coding.code} ${coding.display}`);
      else expect(found.en).toBe(coding.display);
    }
    expect(missing).toEqual([]);
    expect(names.condition({ system: 'http://snomed.info/sct', code: '59621000', display: 'Essential hypertension (disorder)' })).toEqual({
      en: 'Essential hypertension (disorder)',
      zh: '原发性高血压',
    });
  });

  it('names ICD-10 codes by the curated condition, then by category, and gives the chapter', () => {
    expect(names.condition({ code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' })?.zh).toBe('2型糖尿病');
    expect(names.condition({ code: 'I10', display: 'Essential (primary) hypertension' })?.zh).toMatch(/高血压/);
    expect(names.icd10Chapter('I10')).toEqual({ en: 'Diseases of the circulatory system', zh: '循环系统疾病' });
    expect(names.icd10Chapter('Z85.3')?.zh).toBe('影响健康状态和与保健机构接触的因素');
    // Unknown codes stay English only: no invented name.
    expect(names.condition({ code: '999999999', display: 'Something rare' })).toBeUndefined();
  });

  it('names the demo labs and vital signs by LOINC code', () => {
    for (const [code, zh] of [
      ['4548-4', '糖化血红蛋白'],
      ['2160-0', '肌酐'],
      ['718-7', '血红蛋白'],
      ['8480-6', '收缩压'],
      ['29463-7', '体重'],
      ['8867-4', '心率'],
    ] as const) {
      expect(names.observation(code, 'x')).toEqual({ en: 'x', zh });
    }
    expect(names.observation('0000-0', 'Unknown test')).toBeUndefined();
  });

  it('writes a medication line with ingredient, salt, strength and form in Chinese', () => {
    expect(names.medication('lisinopril 10 MG Oral Tablet')?.zh).toBe('赖诺普利 10 mg 口服片');
    expect(names.medication('Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray')?.zh).toBe('硝酸甘油 0.4 mg/揿 黏膜喷雾剂');
    expect(names.medication('24 HR tacrolimus 1 MG Extended Release Oral Tablet')?.zh).toBe('他克莫司 1 mg 24小时缓释片');
    expect(names.medication('Fexofenadine hydrochloride 30 MG Oral Tablet')?.zh).toBe('盐酸非索非那定 30 mg 口服片');
    expect(names.medication('Acetaminophen 325 MG Oral Tablet [Tylenol]')?.zh).toBe('对乙酰氨基酚 325 mg 口服片（Tylenol）');
    expect(
      names.medication('insulin isophane, human 70 UNT/ML / insulin, regular, human 30 UNT/ML Injectable Suspension [Humulin]')?.zh,
    ).toBe('低精蛋白人胰岛素 70 单位/mL / 常规人胰岛素 30 单位/mL 注射用混悬液（Humulin）');
    expect(names.medication('Unheardofumab 5 MG Injectable Solution')).toBeUndefined();
  });

  it('never shows a half-translated medication line: every demo line is all Chinese (bar units, brands, codes) or left in English', () => {
    const lines = readFileSync(path.resolve(NAMES_DIR, '../../demo/synthea-10/MedicationRequest.000.ndjson'), 'utf8').trim().split('\n');
    const displays = new Set<string>();
    for (const line of lines) {
      const coding = (JSON.parse(line) as { medicationCodeableConcept?: { coding?: { display?: string }[] } }).medicationCodeableConcept
        ?.coding?.[0];
      if (coding?.display) displays.add(coding.display);
    }
    const mixed: string[] = [];
    let named = 0;
    for (const display of displays) {
      const zh = names.medication(display)?.zh;
      if (!zh) continue;
      named += 1;
      // Left over: a Latin word of 3+ letters outside the brand's brackets and not part of a code or unit.
      const rest = zh.replace(/（[^）]*）/g, '').replace(/\b[A-Z]*\d[\w.]*\b/g, '');
      if (/[A-Za-z]{3,}/.test(rest)) mixed.push(`${display} → ${zh}`);
    }
    expect(mixed).toEqual([]);
    expect(named).toBeGreaterThanOrEqual(30);
    // The salt stays: naproxen sodium 220 mg is not naproxen 220 mg (issue 23 item 3).
    expect(names.medication('Naproxen sodium 220 MG Oral Tablet')?.zh).toBe('萘普生钠 220 mg 口服片');
    expect(names.medication('24 HR metoprolol succinate 100 MG Extended Release Oral Tablet')?.zh).toBe(
      '琥珀酸美托洛尔 100 mg 24小时缓释片',
    );
  });

  it('gives Chinese generic names for interaction-vocabulary drugs without a curated entry', () => {
    expect(names.drugZh('insulin')).toBe('胰岛素');
    expect(names.drugZh('sotalol')).toBe('索他洛尔');
    expect(names.drugZh('no-such-drug')).toBeUndefined();
    expect(names.medication('Sotalol Hydrochloride 80 MG Oral Tablet')?.zh).toBe('盐酸索他洛尔 80 mg 口服片');
  });

  it('names encounter types with or without their SNOMED tag', () => {
    expect(names.encounterType('Encounter for problem (procedure)')).toEqual({ en: 'Encounter for problem (procedure)', zh: '因病就诊' });
    expect(names.encounterType('Encounter for problem')?.zh).toBe('因病就诊');
    expect(names.encounterType('Something else')).toBeUndefined();
  });

  it('names allergy substances and reactions', () => {
    expect(names.allergen('Tree nut (substance)')?.zh).toBe('坚果');
    expect(names.allergen('House dust mite (organism)')?.zh).toBe('屋尘螨');
    expect(names.allergen('Aspirin')?.zh).toBe('阿司匹林');
    expect(names.condition({ display: 'Allergic angioedema (disorder)' })?.zh).toBe('变应性血管性水肿');
    expect(names.allergen('Unobtainium')).toBeUndefined();
  });
});
