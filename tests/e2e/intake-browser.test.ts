/**
 * History taking in a real browser against the real server: the clinician makes a Chinese link on
 * the chart; the patient opens it on a phone (390×844, touch, no cookies, English browser) and
 * answers through to the end, or types a red-flag phrase and gets the emergency screen; the
 * clinician then sees the outcome on the chart card. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile();

/** Signs in as the demo clinician, opens the first patient's chart and makes a Chinese intake link. */
async function clinicianWithLink(): Promise<{ page: Page; browser: Browser; url: string; close: () => Promise<void> }> {
  const { context, page } = await h().openPage('zh-CN');
  await h().signIn(page, 'clinician');
  await page.goto(`${h().baseUrl}/#/patients`);
  await page.getByTestId('patient-row').first().locator('a').click();
  await page.getByTestId('intake-card').waitFor();
  expect(await page.getByTestId('intake-card-heading').textContent()).toBe(msg(zh, 'intakes.title'));
  await page.getByTestId('intake-language-select').selectOption('zh');
  await page.getByTestId('intake-create').click();
  const url = await page.getByTestId('intake-url').inputValue();
  expect(url).toMatch(new RegExp(`^${h().baseUrl}/#/intake/[A-Za-z0-9_-]{20,64}$`));
  await page.getByTestId('intake-qr').waitFor();
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind the context');
  return { page, browser, url, close: () => context.close() };
}

/** A phone with an English browser and no cookies: the page must switch to the interview's Chinese by itself. */
async function openOnPhone(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('intake-page').waitFor();
  await expect.poll(() => page.getByTestId('intake-language').textContent()).toBe(msg(zh, 'intake.languageLabel'));
  // Public page: no sign-in form, no clinician header or menus.
  expect(await page.getByTestId('login-username').count()).toBe(0);
  expect(await page.getByTestId('current-user').count()).toBe(0);
  expect(await page.locator('.app-header').count()).toBe(0);
  return { context, page };
}

async function version(page: Page): Promise<string | null> {
  return page.getByTestId('intake-page').getAttribute('data-version');
}

/** Answers the current question sensibly: no to yes/no, 3 on a scale, "none" on a checklist, skip free text. */
async function answerCurrent(page: Page): Promise<void> {
  const question = page.getByTestId('intake-question');
  const kind = (await question.getAttribute('data-kind')) ?? 'text';
  const id = await question.getAttribute('data-question');
  switch (kind) {
    case 'choice':
      if (id === 'frame:chief-complaint')
        await question
          .getByTestId('intake-option')
          .filter({ hasText: /^咳嗽$/ })
          .click();
      else await question.locator('[data-testid=intake-option]:not([data-value=other])').first().click();
      return;
    case 'yes-no':
      await page.getByTestId('intake-no').click();
      return;
    case 'scale':
      await page.locator('[data-testid=intake-scale][data-value="3"]').click();
      return;
    case 'multi': {
      const none = page.locator('[data-testid=intake-check][data-value=none]');
      if ((await none.count()) > 0) {
        await none.check();
        await page.getByTestId('intake-next').click();
      } else {
        await page.getByTestId('intake-none').click();
      }
      return;
    }
    default:
      if ((await page.getByTestId('intake-skip').count()) > 0) {
        await page.getByTestId('intake-skip').click();
      } else {
        await page.getByTestId('intake-text').fill('无');
        await page.getByTestId('intake-next').click();
      }
  }
}

describe('history taking in a browser', () => {
  it('a patient answers a Chinese interview on a phone to the end, and the clinician sees the finished intake with triage and its draft', async () => {
    const clinician = await clinicianWithLink();
    const phone = await openOnPhone(clinician.browser, clinician.url);
    try {
      const { page } = phone;
      await page.getByTestId('intake-question').waitFor();
      expect(await page.getByTestId('intake-question').getAttribute('data-question')).toBe('frame:chief-complaint');
      expect(await page.getByTestId('intake-disclaimer').textContent()).toContain('120');
      await page.screenshot({ path: join(RESULTS, 'intake-phone-question-zh.png'), fullPage: true });

      const seen = new Set<string>();
      for (let i = 0; i < 120; i++) {
        if ((await page.getByTestId('intake-finish').count()) > 0) break;
        const question = page.getByTestId('intake-question');
        seen.add((await question.getAttribute('data-kind')) ?? '');
        if ((await question.getAttribute('data-kind')) === 'scale' && !seen.has('scale-shot')) {
          seen.add('scale-shot');
          expect(await page.getByTestId('intake-scale').count()).toBe(11);
        }
        const before = await version(page);
        await answerCurrent(page);
        await expect.poll(() => version(page), { timeout: 10_000 }).not.toBe(before);
        expect(await page.getByTestId('intake-page').getAttribute('data-status')).toBe('open');
      }
      expect([...seen]).toEqual(expect.arrayContaining(['choice', 'scale', 'yes-no', 'multi', 'text']));
      await page.getByTestId('intake-finish').click();
      await page.getByTestId('intake-done').waitFor();
      expect(await page.getByTestId('intake-done').textContent()).toContain(msg(zh, 'intake.done.title'));
      await page.screenshot({ path: join(RESULTS, 'intake-phone-done-zh.png'), fullPage: true });

      // Back on the chart: the finished intake with its triage, then its answers and its draft.
      const chart = clinician.page;
      await chart.getByTestId('intake-refresh').click();
      const row = chart.locator('[data-testid=intake-row][data-status=finished]').first();
      await row.waitFor();
      expect(await row.getByTestId('intake-triage').count()).toBe(1);
      expect(await row.getByTestId('intake-status').textContent()).toBe(msg(zh, 'intakes.status.finished'));
      await chart.getByTestId('intake-card').screenshot({ path: join(RESULTS, 'intake-clinician-card.png') });

      await row.getByTestId('intake-answers-link').click();
      await chart.getByTestId('intake-answers').waitFor();
      const complaint = chart.locator('[data-testid=intake-answer][data-question="frame:chief-complaint"]');
      expect(await complaint.textContent()).toContain('咳嗽');
      expect(await chart.getByTestId('intake-answer').count()).toBeGreaterThan(5);
      await chart.getByTestId('intake-triage-card').waitFor();

      await chart.getByTestId('intake-draft-link').click();
      await chart.getByTestId('artifact-page').waitFor();
      await chart.getByTestId('artifact-content').waitFor();
      expect(await chart.locator('h1').first().textContent()).toContain('诊前问诊病史');
    } finally {
      await phone.context.close();
      await clinician.close();
    }
  }, 180_000);

  it('chest pain on a phone: no "do you have pain?", plain pain words, and a short pain map with the chest opened (< 1200 px tall)', async () => {
    const clinician = await clinicianWithLink();
    const phone = await openOnPhone(clinician.browser, clinician.url);
    try {
      const { page } = phone;
      const question = page.getByTestId('intake-question');
      await question.waitFor();
      // Curated complaints first; the rarer DDXPlus symptoms sit under one closed "more symptoms" section.
      const complaints = await question.locator(':scope > fieldset > [data-testid=intake-option]').allTextContents();
      expect(complaints).toEqual(expect.arrayContaining(['胸痛', '腹痛', '头痛', '咳嗽', '发热']));
      expect(complaints.length).toBeLessThanOrEqual(20);
      expect(await page.locator('[data-testid=intake-group][data-group=more]').getAttribute('open')).toBeNull();
      await page.screenshot({ path: join(RESULTS, 'intake-phone-complaints-zh.png'), fullPage: true });
      const start = await version(page);
      await question
        .getByTestId('intake-option')
        .filter({ hasText: /^胸痛$/ })
        .click();
      await expect.poll(() => version(page)).not.toBe(start);

      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        const id = (await question.getAttribute('data-question')) ?? '';
        seen.push(id);
        if (id === 'ddx:E_55') break;
        const before = await version(page);
        if (id === 'ddx:E_54') {
          const words = await question
            .getByTestId('intake-check')
            .evaluateAll((boxes) => boxes.map((b) => b.parentElement?.textContent ?? ''));
          expect(words.join('、')).toMatch(/压榨样/);
          expect(words.join('、')).toMatch(/刺痛/);
          // Sharp, not crushing: chest pain with a crushing character is a red flag and ends the interview.
          await page.locator('[data-testid=intake-check][data-value=V_192]').check();
          await page.getByTestId('intake-next').click();
        } else await answerCurrent(page);
        await expect.poll(() => version(page), { timeout: 10_000 }).not.toBe(before);
      }
      expect(seen).not.toContain('ddx:E_53');
      expect(seen.at(-1)).toBe('ddx:E_55');

      // The pain map: nine regions, the chest opened, a phone screen or so tall.
      const groups = question.getByTestId('intake-group');
      expect(await groups.count()).toBe(9);
      expect(await page.locator('[data-testid=intake-group][data-group=chest]').getAttribute('open')).not.toBeNull();
      expect(await page.locator('[data-testid=intake-group][data-group=abdomen]').getAttribute('open')).toBeNull();
      expect(await question.getByTestId('intake-check').count()).toBeLessThanOrEqual(50);
      expect(await question.textContent()).not.toMatch(/palace|ischio|jambier|髂骨翼|处女膜/);
      const box = await question.boundingBox();
      console.log(`pain-location question height at 390×844: ${box?.height.toFixed(0)} px`);
      expect(box?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(1200);
      await page.screenshot({ path: join(RESULTS, 'intake-phone-pain-map-zh.png'), fullPage: true });

      await page.locator('[data-testid=intake-check][data-value=chest-left]').check();
      expect(await page.locator('[data-group=chest] .intake-group-count').textContent()).toBe('已选 1 项');
      const before = await version(page);
      await page.getByTestId('intake-next').click();
      await expect.poll(() => version(page), { timeout: 10_000 }).not.toBe(before);
      expect(await page.getByTestId('intake-page').getAttribute('data-status')).toBe('open');
    } finally {
      await phone.context.close();
      await clinician.close();
    }
  }, 180_000);

  it('a red-flag phrase in the chief complaint stops the interview with the 120 emergency screen, and the card shows the emergency', async () => {
    const clinician = await clinicianWithLink();
    const phone = await openOnPhone(clinician.browser, clinician.url);
    try {
      const { page } = phone;
      await page.locator('[data-testid=intake-option][data-value=other]').click();
      await page.getByTestId('intake-other-text').fill('胸口很痛，一直出冷汗');
      await page.getByTestId('intake-next').click();
      await page.getByTestId('intake-emergency').waitFor();
      expect(await page.getByTestId('intake-emergency-message').textContent()).toBe('请立即拨打 120 或前往最近的急诊。');
      expect(await page.getByTestId('intake-call').getAttribute('href')).toBe('tel:120');
      expect(await page.getByTestId('intake-question').count()).toBe(0);
      expect(await page.getByTestId('intake-finish').count()).toBe(0);
      // Actions below the call, without repeating it.
      const advice = await page.getByTestId('intake-emergency-advice').locator('li').allTextContents();
      expect(advice.length).toBeGreaterThan(0);
      expect(advice).not.toContain('请立即拨打 120 或前往最近的急诊。');
      await page.screenshot({ path: join(RESULTS, 'intake-phone-emergency-zh.png') });

      // Opening the link again shows the same screen, never the next question.
      await page.reload();
      await page.getByTestId('intake-emergency').waitFor();
      expect(await page.getByTestId('intake-question').count()).toBe(0);

      // A link that does not exist says so plainly.
      await page.goto(`${h().baseUrl}/#/intake/${'x'.repeat(32)}`);
      await page.locator('[data-testid=intake-closed][data-reason=not-found]').waitFor();

      const chart = clinician.page;
      await chart.getByTestId('intake-refresh').click();
      const row = chart.locator('[data-testid=intake-row][data-status=emergency]').first();
      await row.waitFor();
      expect(await row.getByTestId('intake-status').textContent()).toBe(msg(zh, 'intakes.status.emergency'));
      expect(await row.getByTestId('intake-red-flag').count()).toBeGreaterThan(0);
      expect(await row.locator('[data-testid=intake-triage][data-level=emergency]').count()).toBe(1);
    } finally {
      await phone.context.close();
      await clinician.close();
    }
  }, 120_000);
});
