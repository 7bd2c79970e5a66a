/**
 * Chinese clinical content (issue 23 item 2): the demo clinician, with 简体中文 chosen, opens a
 * demo patient's chart, the medication check from the chart, the review inbox and a discharge
 * summary, and reads diagnosis, lab and drug names, interaction titles and advice, and units in
 * Chinese — with the English original one click away. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile();

/** The demo patient on lisinopril + hydrochlorothiazide + naproxen, with essential hypertension and one inpatient stay. */
const PATIENT_GIVEN_NAME = 'Yvone';
/** The demo patient on insulin, metoprolol, lisinopril, nitroglycerin, tacrolimus (pairwise ANSM interactions). */
const INTERACTIONS_GIVEN_NAME = 'Marine';
/** A demo patient allergic to tree nuts, mould and co-trimoxazole. */
const ALLERGY_GIVEN_NAME = 'Elisa';

const CJK = /[\u4e00-\u9fff]/g;
/** Share of the letters that are Chinese characters (drug names in Latin script are allowed, prose is not). */
function chineseShare(text: string): number {
  const letters = text.replace(/[\s\d\p{P}\p{S}]/gu, '');
  if (letters.length === 0) return 0;
  return (text.match(CJK)?.length ?? 0) / letters.length;
}

async function patientId(page: Page, given = PATIENT_GIVEN_NAME): Promise<string> {
  const list = (await (await page.request.get(`${h().baseUrl}/api/v1/patients?limit=50`)).json()) as {
    items: { id: string; name: string }[];
  };
  const found = list.items.find((p) => p.name.includes(given));
  if (!found) throw new Error(`No demo patient named ${given}`);
  return found.id;
}

async function shoot(page: Page, name: string) {
  await page.addStyleTag({ content: '.app-header { position: static !important; }' });
  await page.screenshot({ path: join(RESULTS, name), fullPage: true });
}

/** A bilingual text shows Chinese; its "original" button reveals the English it was translated from. */
async function expectOriginalOneClickAway(scope: Locator, chinese: RegExp, english: RegExp) {
  const holder = scope.getByTestId('bilingual').filter({ hasText: chinese }).first();
  await holder.waitFor();
  expect(await holder.getByTestId('bilingual-text').textContent()).toMatch(chinese);
  expect(await holder.getByTestId('bilingual-original').count()).toBe(0);
  await holder.getByTestId('bilingual-toggle').click();
  expect(await holder.getByTestId('bilingual-original').textContent()).toMatch(english);
}

describe('Chinese clinical content', () => {
  it('shows the chart, the medication check, the inbox and a discharge summary in Chinese, the English one click away', async () => {
    const { context, page } = await h().openPage('zh-CN');
    try {
      await h().signIn(page, 'clinician');
      const id = await patientId(page);

      // Chart: diagnoses, drugs and labs by their Chinese names.
      await page.goto(`${h().baseUrl}/#/patients/${encodeURIComponent(id)}`);
      await page.getByTestId('chart-page').waitFor();
      const problems = page.getByTestId('chart-problems');
      await problems.getByText('原发性高血压').first().waitFor();
      expect(await problems.textContent()).not.toContain('(disorder)');
      await expectOriginalOneClickAway(problems, /原发性高血压/, /Essential hypertension/);
      const medications = page.getByTestId('chart-medications');
      const medicationText = (await medications.textContent()) ?? '';
      for (const name of ['赖诺普利', '氢氯噻嗪', '萘普生']) expect(medicationText).toContain(name);
      expect(medicationText).not.toContain('Oral Tablet');
      const labs = page.getByTestId('chart-labs');
      const labText = (await labs.textContent()) ?? '';
      for (const name of ['糖化血红蛋白', '肌酐', '收缩压', '体重', '心率']) expect(labText).toContain(name);
      expect(labText).not.toContain('Hemoglobin A1c');
      // Another patient's allergies: substances, reactions and categories in Chinese.
      const allergic = await patientId(page, ALLERGY_GIVEN_NAME);
      await page.goto(`${h().baseUrl}/#/patients/${encodeURIComponent(allergic)}`);
      const allergies = page.getByTestId('chart-allergies');
      await allergies.getByText('坚果').first().waitFor();
      const allergyText = (await allergies.textContent()) ?? '';
      expect(allergyText).not.toMatch(/\((substance|organism|finding|disorder)\)/);
      await page.goto(`${h().baseUrl}/#/patients/${encodeURIComponent(id)}`);
      await page.getByTestId('chart-problems').waitFor();
      const encounterText = (await page.getByTestId('chart-encounters').textContent()) ?? '';
      expect(encounterText).toMatch(/因病就诊|一般体格检查|健康检查就诊/);
      expect(encounterText).not.toMatch(/Encounter for problem|General examination of patient/);
      await shoot(page, 'chinese-chart-zh.png');

      // Medication check from the chart: the ACE inhibitor + diuretic + NSAID alert names the drugs in Chinese.
      await page.getByTestId('check-medications').click();
      await page.getByTestId('medications-page').waitFor();
      const combination = page.locator('[data-testid="med-finding"][data-kind="combination"]');
      await combination.first().waitFor();
      const combinationTitle = (await combination.locator('.finding-title').first().textContent()) ?? '';
      for (const name of ['赖诺普利', '氢氯噻嗪', '萘普生']) expect(combinationTitle).toContain(name);
      await shoot(page, 'chinese-medication-check-zh.png');

      // Another patient's pairwise interactions: titles, mechanisms and advice in Chinese.
      const other = await patientId(page, INTERACTIONS_GIVEN_NAME);
      await page.goto(`${h().baseUrl}/#/patients/${encodeURIComponent(other)}`);
      await page.getByTestId('check-medications').click();
      await page.getByTestId('medications-page').waitFor();
      const interactions = page.locator('[data-testid="med-finding"][data-kind="interaction"]');
      await interactions.first().waitFor();
      const titles = await interactions.locator('.finding-title').allTextContents();
      expect(titles.some((title) => title.includes('美托洛尔'))).toBe(true);
      for (const title of titles) expect(chineseShare(title), title).toBeGreaterThan(0.6);
      for (const detail of await interactions.locator('.finding-detail').allTextContents()) {
        expect(chineseShare(detail), detail).toBeGreaterThan(0.6);
      }
      for (const advice of await interactions.locator('.finding-management').allTextContents()) {
        expect(chineseShare(advice), advice).toBeGreaterThan(0.6);
      }
      await expectOriginalOneClickAway(interactions.first(), CJK, /[A-Za-z]{4,}/);
      expect(await page.getByTestId('med-context').textContent()).toMatch(/\d+ 岁/);
      await shoot(page, 'chinese-medication-interactions-zh.png');

      // Review inbox: the safety-check text in Chinese only.
      await page.goto(`${h().baseUrl}/#/inbox`);
      const table = page.getByTestId('artifact-table');
      await table.waitFor();
      const inboxText = (await table.textContent()) ?? '';
      expect(inboxText).toContain('演示数据');
      expect(inboxText).not.toContain('Demo data');
      expect(inboxText).not.toContain('record.summary');
      await shoot(page, 'chinese-inbox-zh.png');

      // Discharge summary of the inpatient stay, drafted in Chinese from the record.
      const encounters = (await (await page.request.get(`${h().baseUrl}/api/v1/patients/${id}/encounters?limit=200`)).json()) as {
        items: { id: string; classCode: string | null; end: string | null }[];
      };
      const stay = encounters.items.find((e) => e.classCode === 'IMP' && e.end);
      if (!stay) throw new Error('The demo patient has no ended inpatient stay');
      await page.goto(`${h().baseUrl}/#/discharge?patient=${id}&encounter=${stay.id}`);
      await page.getByTestId('discharge-page').waitFor();
      await page.getByRole('button', { name: msg(zh, 'discharge.computedOnly') }).click();
      await page.getByTestId('discharge-generate').click();
      await page.getByTestId('note-review').waitFor();
      const diagnoses = page.locator('[data-testid="note-section"][data-section-key$="_diagnoses"]');
      const diagnosisText = (await diagnoses.allTextContents()).join('\n');
      expect(diagnosisText).toMatch(CJK);
      expect(diagnosisText).not.toContain('(disorder)');
      expect(diagnosisText).toContain('原发性高血压（Essential hypertension）');
      await shoot(page, 'chinese-discharge-zh.png');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('labels units in Chinese in the score calculators', async () => {
    const { context, page } = await h().openPage('zh-CN');
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/calculators/cha2ds2-vasc`);
      await page.getByTestId('score-form').waitFor();
      const form = (await page.getByTestId('score-form').textContent()) ?? '';
      expect(form).toContain('（岁）');
      expect(form).not.toContain('years');
      await shoot(page, 'chinese-calculator-units-zh.png');
    } finally {
      await context.close();
    }
  }, 60_000);
});
