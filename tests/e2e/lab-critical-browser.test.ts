/**
 * Issue 23 item 4 in a real browser against the real server: a pasted troponin I of 450 ng/L and
 * T of 500 ng/L show a critical badge (not "High"), the myocardial-injury pattern in the critical
 * tone with its cited source, and the report's own printed range marked as such; platelets 356
 * against a printed 150–400 are normal. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile({ startTimeoutMs: 120_000 });

const REPORT = `项目\t结果\t单位\t参考范围
高敏肌钙蛋白I(hs-cTnI)\t450\tng/L\t<34.2
高敏肌钙蛋白T(hs-cTnT)\t500\tng/L\t<14
血小板计数(PLT)\t356\t×10⁹/L\t150-400
肌酐(Cr)\t2.1\tmg/dL\t0.7-1.3`;

describe('Critical lab results on the report page', () => {
  for (const [locale, messages] of [
    ['zh-CN', zh],
    ['en', en],
  ] as const) {
    it(`shows troponin 450 / 500 ng/L as critical with the myocardial-injury pattern (${locale})`, async () => {
      const { context, page } = await h().openPage(locale);
      try {
        await h().signIn(page, 'clinician');
        await page.goto(`${h().baseUrl}/#/report`);
        await page.getByTestId('report-text').fill(REPORT);
        await page.getByTestId('report-interpret').click();
        await page.getByTestId('report-results').waitFor();

        const row = (labId: string) => page.locator(`[data-testid="lab-result"]:has(a[href$="/knowledge/lab/${labId}"])`);
        for (const labId of ['troponin-i-hs', 'troponin-t-hs']) {
          expect(await row(labId).getAttribute('data-flag')).toBe('critical-high');
          const badge = row(labId).getByTestId('lab-flag');
          expect(await badge.textContent()).toContain(msg(messages, 'labs.flags.critical-high'));
          expect(await badge.getAttribute('class')).toContain('badge-critical');
          expect(await row(labId).getByTestId('lab-range-own').textContent()).toBe(msg(messages, 'labs.ownRange'));
        }
        // The printed 150–400 is the range used: 356 is normal, not "High" against 125–350.
        expect(await row('platelets').getAttribute('data-flag')).toBe('normal');
        // Converted without false precision: 2.1 mg/dL → 186 µmol/L, not 185.64.
        expect(await row('creatinine').getByTestId('lab-si-value').textContent()).toBe('186');
        expect(await row('creatinine').getByTestId('lab-range').textContent()).toBe('62–115');

        const pattern = page.locator('[data-testid="lab-pattern"][data-id="myocardial-injury"]');
        expect(await pattern.getAttribute('data-severity')).toBe('critical');
        expect(await pattern.locator('.badge-critical').textContent()).toBe(msg(messages, 'labs.patternNames.myocardial-injury'));
        expect(await pattern.textContent()).toMatch(locale === 'en' ? /consider acute MI.*12-lead ECG/ : /需考虑急性心肌梗死.*心电图/);
        expect(await pattern.getByTestId('citation').textContent()).toMatch(/Fourth Universal Definition/);
        expect(await page.getByTestId('lab-pattern').first().getAttribute('data-id')).toBe('myocardial-injury');

        await page.addStyleTag({ content: '.app-header { position: static !important; }' });
        await page.getByTestId('report-result').screenshot({ path: join(RESULTS, `report-troponin-critical-${locale}.png`) });
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});
