/**
 * Report interpretation and imaging appropriateness in a real browser against the real server:
 * a pasted Chinese lab report and a photographed one (rendered in the test, read by the embedded
 * OCR) give the same flags and a patient version that says when to see a doctor; the imaging page
 * rates CT head for a low-risk minor head injury with its source. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderLabReportImage } from '../../src/workflows/decision/testing/lab-report-image.js';
import { en, harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile({ startTimeoutMs: 120_000 });

const ZH_REPORT = `项目\t结果\t单位\t参考范围
血红蛋白(HGB)\t98\tg/L\t130-175\t↓
钾(K)\t6.2\tmmol/L\t3.5-5.3\t↑
钠(Na)\t138\tmmol/L\t137-147`;

/** lab id → flag, as the results table shows them. */
async function flags(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('report-results').waitFor();
  const rows = page.getByTestId('lab-result');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const link = (await row.locator('a').first().getAttribute('href')) ?? '';
    out[decodeURIComponent(link.split('/').pop() ?? '')] = (await row.getAttribute('data-flag')) ?? '';
  }
  return out;
}

describe('Report interpretation and imaging appropriateness pages', () => {
  it('interprets a pasted Chinese lab report, then the same report photographed (zh)', async () => {
    const { context, page } = await h().openPage('zh-CN');
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/report`);
      expect(await page.locator('h1').textContent()).toBe(msg(zh, 'report.title'));
      await page.getByTestId('report-text').fill(ZH_REPORT);
      await page.getByTestId('report-interpret').click();
      const pasted = await flags(page);
      expect(pasted).toMatchObject({ haemoglobin: 'low', sodium: 'normal' });
      expect(['high', 'critical-high']).toContain(pasted.potassium);
      const patient = (await page.getByTestId('report-patient-summary').textContent()) ?? '';
      expect(patient).toContain('血红蛋白');
      expect(patient).toMatch(/就医/);
      expect(await page.getByTestId('report-clinician-summary').textContent()).toContain('偏低');
      await page.addStyleTag({ content: '.app-header { position: static !important; }' });
      await page.getByTestId('report-result').screenshot({ path: join(RESULTS, 'report-pasted-zh.png') });

      const photo = await renderLabReportImage({ format: 'jpeg', tiltDegrees: 2 });
      const answered = page.waitForResponse((r) => r.url().endsWith('/decision/report/image'));
      await page.getByTestId('report-photo').setInputFiles({ name: 'report.jpg', mimeType: 'image/jpeg', buffer: photo });
      expect((await answered).status()).toBe(200);
      await page.getByTestId('report-ocr').waitFor();
      const read = await flags(page);
      expect(read).toMatchObject({ haemoglobin: 'low', sodium: 'normal', platelets: 'normal', creatinine: 'normal' });
      expect(read.potassium).toBe(pasted.potassium);
      expect(await page.getByTestId('report-ocr-lines').textContent()).toMatch(/血红蛋白.*98/);
      await page.getByTestId('report-result').screenshot({ path: join(RESULTS, 'report-photo-zh.png') });
    } finally {
      await context.close();
    }
  }, 90_000);

  it('rates CT head for a low-risk minor head injury as usually not appropriate, with the Canadian CT Head Rule as source (en)', async () => {
    const { context, page } = await h().openPage('en');
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/imaging`);
      await page.getByTestId('imaging-scenario').selectOption('minor-head-injury');
      await page.getByTestId('imaging-form').waitFor();
      await page.getByTestId('score-input-age').fill('40');
      await page.getByTestId('score-input-gcs').fill('15');
      await page.getByTestId('score-input-locAmnesiaOrDisorientation').check();
      await page.getByTestId('imaging-rate').click();
      const ct = page.locator('[data-testid="imaging-recommendation"][data-procedure="ct-head"]');
      await ct.waitFor();
      expect(await ct.getAttribute('data-rating')).toBe('usually-not-appropriate');
      expect(await ct.textContent()).toContain(msg(en, 'imaging.ratings.usually-not-appropriate'));
      expect(await ct.textContent()).toMatch(/☢☢☢/);
      expect(await page.getByTestId('imaging-rule').textContent()).toMatch(/Canadian CT Head Rule.*Low risk/);
      expect(await ct.getByTestId('citation').textContent()).toMatch(/Stiell IG/);
      await page.addStyleTag({ content: '.app-header { position: static !important; }' });
      await page.getByTestId('imaging-page').screenshot({ path: join(RESULTS, 'imaging-head-injury-en.png') });
    } finally {
      await context.close();
    }
  }, 60_000);
});
