/**
 * The web app in a real browser against the real server: sign-in, the patient list, a chart,
 * the language switch, the review inbox, and a patient kept to their own chart.
 *
 * Needs Chromium (`apt-get install chromium`, or SUWEN_CHROMIUM=/path/to/chrome).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eHarness, en, msg, RESULTS, startHarness, zh } from './e2e-harness.js';

let harness: E2eHarness | undefined;
let baseUrl = '';

function h(): E2eHarness {
  if (!harness) throw new Error('Harness not started');
  return harness;
}

const openPage = (locale: 'en' | 'zh-CN') => h().openPage(locale);
const signIn = (page: Page, role: string) => h().signIn(page, role);

beforeAll(async () => {
  harness = await startHarness();
  baseUrl = harness.baseUrl;
  expect(harness.accounts.length).toBeGreaterThan(0);
}, 90_000);

afterAll(async () => {
  await harness?.stop();
}, 30_000);

describe('the web app in a browser', () => {
  it('lets a clinician browse patients, read a chart in both languages and open the review inbox', async () => {
    const { context, page } = await openPage('zh-CN');
    try {
      await signIn(page, 'clinician');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

      // The list shows every patient of the demo set on its first page.
      const total = await page.evaluate(async () => {
        const response = await fetch('/api/v1/patients?limit=100');
        return ((await response.json()) as { total: number }).total;
      });
      expect(total).toBeGreaterThanOrEqual(10);
      await expect.poll(() => page.getByTestId('patient-row').count()).toBe(total);

      await page.getByTestId('patient-row').first().locator('a').click();
      const heading = page.getByTestId('chart-problems-heading');
      await heading.waitFor();
      expect(await page.getByTestId('chart-problems').isVisible()).toBe(true);
      expect(await heading.textContent()).toBe(msg(zh, 'chart.problems'));

      await page.getByTestId('lang-en').click();
      await expect.poll(() => heading.textContent()).toBe(msg(en, 'chart.problems'));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.evaluate(() => window.localStorage.getItem('suwen.locale'))).toBe('en');

      await page.getByTestId('lang-zh-CN').click();
      await expect.poll(() => heading.textContent()).toBe(msg(zh, 'chart.problems'));
      await page.screenshot({ path: join(RESULTS, 'chart.png'), fullPage: true });

      // Consent is shown on the chart, and a clinician can change it (with history).
      const consent = page.getByTestId('chart-consent');
      await consent.scrollIntoViewIfNeeded();
      const research = consent.getByTestId('consent-research');
      const wasChecked = await research.isChecked();
      await research.click();
      await expect.poll(() => research.isChecked()).toBe(!wasChecked);
      await consent.getByTestId('consent-history').waitFor();

      // The whole encounter history is reachable from the chart, a page at a time.
      const encounters = page.getByTestId('chart-encounters');
      const before = await encounters.locator('li').count();
      await encounters.locator('button[aria-expanded]').first().click();
      const older = encounters.getByTestId('load-older');
      if ((await older.count()) > 0) {
        const shown = await encounters.locator('li').count();
        await older.click();
        await expect.poll(() => encounters.locator('li').count()).toBeGreaterThan(shown);
      }
      expect(await encounters.locator('li').count()).toBeGreaterThanOrEqual(before);

      await page.getByTestId('nav-inbox').click();
      await page.getByTestId('inbox-page').waitFor();
      expect(await page.locator('h1').textContent()).toBe(msg(zh, 'inbox.title'));
      await page.locator('[data-testid=artifact-row], .empty-state').first().waitFor();
      await page.screenshot({ path: join(RESULTS, 'inbox.png'), fullPage: true });

      // The de-identification page highlights identifiers in pasted text.
      await page.getByTestId('nav-deid').click();
      await page.getByTestId('deid-input').fill('患者张三，电话13812345678，2024年3月5日入院，既往帕金森病。');
      await page.getByTestId('deid-run').click();
      await page.getByTestId('deid-findings').waitFor();
      const marks = page.getByTestId('phi-mark');
      await expect.poll(() => marks.count()).toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('deid-output').textContent()).not.toContain('张三');
      expect(await page.getByTestId('deid-output').textContent()).toContain('帕金森病');
      await page.screenshot({ path: join(RESULTS, 'deid.png'), fullPage: true });

      // No model is configured in this test: settings says so and names the settings to use.
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('no-model').waitFor();
      expect(await page.getByTestId('no-model').textContent()).toContain('SUWEN_MODEL_BASE_URL');
      await page.screenshot({ path: join(RESULTS, 'settings.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 45_000);

  it('keeps a patient to their own chart and shows the server’s refusal in their language', async () => {
    const { context, page } = await openPage('en');
    try {
      await signIn(page, 'patient');
      const me = await page.evaluate(async () => {
        const response = await fetch('/api/v1/auth/me');
        return ((await response.json()) as { user: { patientId: string | null } }).user;
      });
      expect(me.patientId).toBeTruthy();
      await page.waitForURL((url) => url.hash === `#/patients/${me.patientId}`);
      await page.getByTestId('chart-problems').waitFor();
      expect(await page.getByTestId('nav-patients').count()).toBe(0);

      // The patient list is the server's to refuse (403); the page shows its localized message.
      await page.goto(`${baseUrl}/#/patients`);
      const error = page.getByTestId('error-message');
      await error.waitFor();
      const refusal = (locale: string) =>
        page.evaluate(async (lang) => {
          const response = await fetch('/api/v1/patients', { headers: { 'Accept-Language': lang } });
          return { status: response.status, body: (await response.json()) as { error: { message: string } } };
        }, locale);
      const english = await refusal('en');
      const chinese = await refusal('zh-CN');
      expect(english.status).toBe(403);
      expect(chinese.body.error.message).not.toBe(english.body.error.message);
      expect(await error.textContent()).toContain(english.body.error.message);

      await page.getByTestId('lang-zh-CN').click();
      await expect.poll(() => error.textContent()).toContain(chinese.body.error.message);
      // A refusal is not a lost session: the patient is still signed in.
      expect(await page.getByTestId('current-user').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 45_000);
});
