/**
 * The emergency worklist in a real browser against the real server (issue 23 item 5): a patient's
 * phone intake stops on a red flag; the clinician's header badge count goes up (with a Web Audio
 * beep, none when muted in settings) and the emergency appears pinned above the inbox until
 * acknowledged. Then the differential for that patient uses the stopped intake (labelled partial)
 * or the findings the clinician enters. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en, harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile();

/** Counts the oscillators the page starts: each beep is two tones. */
const COUNT_BEEPS = () => {
  const w = window as unknown as { __tones: number; AudioContext: typeof AudioContext };
  w.__tones = 0;
  const Original = w.AudioContext;
  w.AudioContext = class extends Original {
    override createOscillator(): OscillatorNode {
      const oscillator = super.createOscillator();
      const start = oscillator.start.bind(oscillator);
      oscillator.start = (when?: number) => {
        w.__tones++;
        start(when);
      };
      return oscillator;
    }
  };
};

const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);
const badgeCount = async (page: Page) => Number(await page.getByTestId('emergency-badge').getAttribute('data-count'));

/** The patient opens a fresh link on a phone and types an emergency as the main problem. */
async function redFlagFromPhone(clinician: Page, browser: Browser, patientId: string, text: string): Promise<void> {
  const created = await clinician.request.post(`${h().baseUrl}/api/v1/intake`, { data: { patientId, language: 'zh' } });
  expect(created.status()).toBe(201);
  const { path } = (await created.json()) as { path: string };
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  try {
    const page = await phone.newPage();
    await page.goto(`${h().baseUrl}${path}`);
    await page.locator('[data-testid=intake-option][data-value=other]').click();
    await page.getByTestId('intake-other-text').fill(text);
    await page.getByTestId('intake-next').click();
    await page.getByTestId('intake-emergency').waitFor();
  } finally {
    await phone.close();
  }
}

describe('Emergency worklist: badge, sound, pinned in the inbox', () => {
  it("a patient's red-flag intake raises the clinician's badge count and is pinned in the inbox until acknowledged", async () => {
    const { context, page } = await h().openPage('en');
    await context.addInitScript(COUNT_BEEPS);
    const browser = context.browser() as Browser;
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/inbox`);
      await page.getByTestId('emergency-badge').waitFor();
      const before = await badgeCount(page);
      const list = (await (await page.request.get(`${h().baseUrl}/api/v1/patients?limit=5`)).json()) as { items: { id: string }[] };
      const patientId = list.items[0]?.id ?? '';

      await redFlagFromPhone(page, browser, patientId, '胸口很痛，一直出冷汗');
      await expect.poll(() => badgeCount(page), { timeout: 25_000, interval: 500 }).toBe(before + 1);
      expect(await page.getByTestId('emergency-badge-count').textContent()).toBe(String(before + 1));
      await expect.poll(() => tones(page), { timeout: 5_000 }).toBe(2);

      // Pinned above the drafts, naming the red flag; the table of drafts comes after it.
      const pinned = page.getByTestId('emergency-item').first();
      await pinned.waitFor();
      expect(await pinned.getByTestId('emergency-rules').textContent()).toContain('Possible heart attack');
      expect(await page.getByTestId('emergency-worklist').locator('h2').textContent()).toContain(msg(en, 'alerts.pinnedTitle'));
      const order = await page.evaluate(() => {
        const worklist = document.querySelector('[data-testid=emergency-worklist]');
        const table = document.querySelector('[data-testid=artifact-table]');
        return worklist && table ? worklist.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
      });
      expect(order).toBeGreaterThan(0);
      await page.addStyleTag({ content: '.app-header { position: static !important; }' });
      await page.screenshot({ path: join(RESULTS, 'emergency-worklist-en.png') });

      // Acknowledged: it leaves the pinned list and the badge count drops at once.
      const alertId = await pinned.getAttribute('data-alert-id');
      await pinned.getByTestId('emergency-acknowledge').click();
      await expect.poll(() => page.locator(`[data-alert-id="${alertId}"]`).count()).toBe(0);
      await expect.poll(() => badgeCount(page), { timeout: 10_000 }).toBe(before);

      // Muted in settings: the next emergency still counts, silently.
      await page.goto(`${h().baseUrl}/#/settings`);
      await page.getByTestId('alert-sound-toggle').uncheck();
      await redFlagFromPhone(page, browser, patientId, '胸口很痛，一直出冷汗');
      await expect.poll(() => badgeCount(page), { timeout: 25_000, interval: 500 }).toBe(before + 1);
      expect(await tones(page)).toBe(2);

      // The same worklist in Chinese.
      const zhPage = await h().openPage('zh-CN');
      try {
        await h().signIn(zhPage.page, 'clinician');
        await zhPage.page.goto(`${h().baseUrl}/#/inbox`);
        const item = zhPage.page.getByTestId('emergency-item').first();
        await item.waitFor();
        expect(await item.getByTestId('emergency-rules').textContent()).toContain('疑似急性心肌梗死');
        expect(await item.getByTestId('emergency-acknowledge').textContent()).toBe(msg(zh, 'alerts.acknowledge'));
        expect(await zhPage.page.getByTestId('emergency-badge').getAttribute('title')).toBe(`${before + 1} 条危急情况待确认`);
        await zhPage.page.addStyleTag({ content: '.app-header { position: static !important; }' });
        await zhPage.page.screenshot({ path: join(RESULTS, 'emergency-worklist-zh.png') });
      } finally {
        await zhPage.context.close();
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the differential ranks from the stopped intake and from findings the clinician enters', async () => {
    const { context, page } = await h().openPage('en');
    try {
      await h().signIn(page, 'clinician');
      const list = (await (await page.request.get(`${h().baseUrl}/api/v1/patients?limit=5`)).json()) as { items: { id: string }[] };
      const patientId = list.items[1]?.id ?? '';
      await redFlagFromPhone(page, context.browser() as Browser, patientId, '胸口很痛，一直出冷汗');
      await page.goto(`${h().baseUrl}/#/patients/${encodeURIComponent(patientId)}`);
      await page.getByTestId('decision-card').waitFor();
      await page.getByTestId('decision-tab-differential').click();
      await page.getByTestId('ddx-findings-editor').waitFor();
      // Not "no finished intake": the stopped intake is named, and findings can be entered.
      const stopped = (await page.getByTestId('ddx-no-intake').count()) ? 'ddx-no-intake' : 'ddx-partial-intake';
      expect(await page.getByTestId(stopped).textContent()).toMatch(/stopped early on a red flag/);

      await page.getByTestId('ddx-finding-search').fill('fever');
      await page.getByTestId('ddx-finding-add').first().click();
      await page.getByTestId('ddx-finding-search').fill('咳嗽');
      await page.getByTestId('ddx-finding-add').first().click();
      expect(await page.getByTestId('ddx-entered-finding').count()).toBe(2);
      const ranked = page.waitForResponse((r) => r.url().includes('/decision/differential') && r.request().method() === 'POST');
      await page.getByTestId('ddx-rank-findings').click();
      const body = (await (await ranked).json()) as { status: string; sources: { id: string; type: string }[] };
      expect(body.status).toBe('ranked');
      expect(body.sources.filter((source) => source.type === 'clinician').map((source) => source.id)).toEqual(['C1', 'C2']);
      await page.getByTestId('ddx-candidate').first().waitFor();
      const chips = await page.getByTestId('ddx-source-chip').allTextContents();
      expect(chips).toContain('C1');
      await page.addStyleTag({ content: '.app-header { position: static !important; }' });
      await page.getByTestId('decision-card').screenshot({ path: join(RESULTS, 'differential-clinician-findings-en.png') });
    } finally {
      await context.close();
    }
  }, 90_000);
});
