/**
 * The medication check opened from a demo chart, in a real browser (issue 23 item 3): the demo
 * patient on lisinopril + hydrochlorothiazide + naproxen sodium 220 mg gets one "triple whammy"
 * alert, no low-dose flag, an eGFR computed from her creatinine with the method named, and the
 * record's frequencies in the form — in Chinese, then English. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile();

/** Demo patient Cummings51 (data/demo/synthea-10): lisinopril, hydrochlorothiazide, naproxen sodium 220 mg; creatinine 0.81 mg/dL. */
const CUMMINGS = '6a4160eb-a793-2f86-2302-378626f46cce';

describe('the medication check from the chart, in a browser', () => {
  it('shows one triple-whammy alert, the computed eGFR and the record frequencies, in Chinese then English', async () => {
    const { context, page } = await h().openPage('zh-CN');
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/medications?patient=${CUMMINGS}`);
      await page.getByTestId('med-context').waitFor();
      const egfr = page.getByTestId('context-egfr');
      expect(await egfr.getAttribute('data-method')).toBe('ckd-epi-2021');
      expect(await egfr.textContent()).toContain('CKD-EPI 2021');
      expect(await egfr.textContent()).toContain('肌酐');
      expect(await page.getByTestId('context-crcl').textContent()).toContain('Cockcroft-Gault');

      const combination = page.locator('[data-testid=med-finding][data-kind=combination]');
      await combination.waitFor();
      expect(await combination.count()).toBe(1);
      expect(await combination.textContent()).toContain('急性肾损伤');
      expect(await combination.textContent()).toContain(msg(zh, 'medications.kinds.combination'));
      expect(await page.locator('[data-testid=med-finding][data-kind=interaction]').count()).toBe(0);
      expect(await page.locator('[data-testid=med-finding][data-kind=dose-below-usual]').count()).toBe(0);

      const frequencies = await page
        .locator('input[data-testid^=med-frequency-]')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      expect(frequencies.filter((value) => value === 'daily').length).toBeGreaterThanOrEqual(2);
      // How naproxen sodium 220 mg was read: as 200 mg naproxen.
      expect(await page.locator('body').textContent()).toContain('萘普生钠，相当于萘普生 200 mg');
      await page.screenshot({ path: join(RESULTS, 'medications-triple-whammy-zh.png'), fullPage: true });

      await page.getByTestId('lang-en').click();
      await expect.poll(() => combination.textContent()).toContain('Acute kidney injury');
      expect(await egfr.textContent()).toContain('computed with CKD-EPI 2021');
      await page.screenshot({ path: join(RESULTS, 'medications-triple-whammy-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 120_000);
});
