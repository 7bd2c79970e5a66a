/**
 * Chinese typos and abbreviations in a real browser (issue 23 item 8 follow-up): the knowledge
 * search says what an abbreviation stands for (“心梗” = 心肌梗死), a short Chinese word does not hit
 * an unrelated entry (痛风), the drug box marks a sound-alike suggestion, and the medication check
 * reads 华法令 and 阿斯匹林 as warfarin and aspirin and says so — in Chinese then English.
 * Screenshots go to test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile();
/** A translation with its {{placeholders}} filled. */
const say = (messages: typeof zh, key: string, values: Record<string, string>) =>
  msg(messages, key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

describe('Chinese typos and abbreviations in a browser', () => {
  it('shows an abbreviation hit with its full form, and finds nothing for a straddling fragment', async () => {
    const { context, page } = await h().openPage('zh-CN');
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/knowledge?q=${encodeURIComponent('心梗')}`);
      const hit = page.locator('[data-testid=kb-hit][data-id=possible-nstemi-stemi]');
      await hit.waitFor();
      const note = hit.getByTestId('kb-hit-match');
      expect(await note.getAttribute('data-match')).toBe('alias');
      expect(await note.textContent()).toBe(say(zh, 'knowledge.aliasMatch', { short: '心梗', full: '心肌梗死' }));
      await page.screenshot({ path: join(RESULTS, 'knowledge-alias-zh.png'), fullPage: true });
      await page.getByTestId('lang-en').click();
      await expect.poll(() => note.textContent()).toBe(say(en, 'knowledge.aliasMatch', { short: '心梗', full: '心肌梗死' }));

      await page.goto(`${h().baseUrl}/#/knowledge?q=${encodeURIComponent('痛风')}`);
      await expect.poll(() => page.getByTestId('knowledge-page').textContent()).toContain(say(en, 'knowledge.noHits', { q: '痛风' }));
      expect(await page.getByTestId('kb-hit').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('reads 华法令 and 阿斯匹林 in the medication check as warfarin and aspirin, and says so', async () => {
    const { context, page } = await h().openPage('zh-CN');
    try {
      await h().signIn(page, 'clinician');
      await page.getByTestId('nav-medications').click();
      await page.getByTestId('medications-page').waitFor();
      // The drug box offers 华法林 for 华法令 and marks it as a close match.
      await page.getByTestId('med-name-0').fill('华法令');
      const option = page.getByTestId('drug-option').first();
      await option.waitFor();
      expect(await option.textContent()).toContain('华法林');
      expect(await option.getByTestId('drug-option-close').textContent()).toContain(
        say(zh, 'medications.closeTo', { typed: '华法令', name: '华法林' }),
      );
      await page.screenshot({ path: join(RESULTS, 'medications-typo-suggest-zh.png'), fullPage: true });
      // Typed names left as they are are still read as the drug meant.
      await page.getByTestId('med-name-0').press('Escape');
      await page.getByTestId('med-name-1').fill('阿斯匹林');
      await page.getByTestId('med-name-1').press('Escape');
      await page.getByTestId('med-check').click();
      const readAs = page.locator('[data-testid=med-finding][data-kind=name-read-as]');
      await readAs.first().waitFor();
      expect(await readAs.count()).toBe(2);
      expect(await readAs.first().locator('.finding-title').textContent()).toContain('华法林');
      expect(await page.locator('[data-testid=med-finding][data-kind=interaction]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(RESULTS, 'medications-typo-zh.png'), fullPage: true });
      await page.getByTestId('lang-en').click();
      await expect.poll(() => readAs.first().locator('.finding-title').textContent()).toContain('read as Warfarin');
    } finally {
      await context.close();
    }
  }, 90_000);
});
