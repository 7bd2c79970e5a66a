/**
 * Issue 23 item 1, the case that started it: a patient on the phone intake in 简体中文 chooses 其他
 * and types "胸口压榨样疼痛1小时，向左臂放射，伴大汗". Before the fix no emergency screen came and
 * the interview ran all 37 questions. Now the emergency screen must come at once (no further
 * question), and the clinician must see the red flag on the chart's intake card and on the
 * intake's own page, with the words that raised it. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

// Other helpers change web/ at the same time, so the harness may rebuild the app before starting.
const h = harnessForFile({ startTimeoutMs: 300_000 });

const COMPLAINT = '胸口压榨样疼痛1小时，向左臂放射，伴大汗';

describe('the Chinese chest-pain case on the phone intake', () => {
  it('stops the interview at once with the 120 screen, and the clinician sees 疑似急性心肌梗死 on the chart and the intake page', async () => {
    const { context, page: chart } = await h().openPage('zh-CN');
    try {
      await h().signIn(chart, 'clinician');
      await chart.goto(`${h().baseUrl}/#/patients`);
      await chart.getByTestId('patient-row').first().locator('a').click();
      await chart.getByTestId('intake-card').waitFor();
      await chart.getByTestId('intake-language-select').selectOption('zh');
      await chart.getByTestId('intake-create').click();
      const url = await chart.getByTestId('intake-url').inputValue();

      const browser = context.browser();
      if (!browser) throw new Error('No browser behind the context');
      const phoneContext = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      });
      try {
        const phone = await phoneContext.newPage();
        await phone.goto(url);
        const question = phone.getByTestId('intake-question');
        await question.waitFor();
        expect(await question.getAttribute('data-question')).toBe('frame:chief-complaint');
        const other = phone.locator('[data-testid=intake-option][data-value=other]');
        expect(await other.textContent()).toContain('其他');
        await other.click();
        await phone.getByTestId('intake-other-text').fill(COMPLAINT);
        await phone.getByTestId('intake-next').click();

        // At once: the emergency screen replaces the interview after this first answer.
        await phone.getByTestId('intake-emergency').waitFor({ timeout: 15_000 });
        expect(await phone.getByTestId('intake-page').getAttribute('data-status')).toBe('emergency');
        expect(await phone.getByTestId('intake-emergency-message').textContent()).toBe('请立即拨打 120 或前往最近的急诊。');
        expect(await phone.getByTestId('intake-call').getAttribute('href')).toBe('tel:120');
        expect(await phone.getByTestId('intake-question').count()).toBe(0);
        expect(await phone.getByTestId('intake-finish').count()).toBe(0);
        const advice = await phone.getByTestId('intake-emergency-advice').locator('li').allTextContents();
        expect(advice).toContain('请停止活动、坐下休息，不要自己开车去医院。');
        await phone.screenshot({ path: join(RESULTS, 'intake-redflag-zh-phone-emergency.png'), fullPage: true });

        // A reload never brings the interview back.
        await phone.reload();
        await phone.getByTestId('intake-emergency').waitFor();
        expect(await phone.getByTestId('intake-question').count()).toBe(0);
      } finally {
        await phoneContext.close();
      }

      // The clinician's chart: the intake stopped as an emergency, with the red flag and triage.
      await chart.getByTestId('intake-refresh').click();
      const row = chart.locator('[data-testid=intake-row][data-status=emergency]').first();
      await row.waitFor();
      expect(await row.getByTestId('intake-status').textContent()).toBe(msg(zh, 'intakes.status.emergency'));
      expect(await row.getByTestId('intake-red-flag').allTextContents()).toContain('疑似急性心肌梗死');
      expect(await row.locator('[data-testid=intake-triage][data-level=emergency]').count()).toBe(1);
      await chart.getByTestId('intake-card').screenshot({ path: join(RESULTS, 'intake-redflag-zh-clinician-card.png') });

      // The intake's page: the red flag with its reason and source.
      await row.getByTestId('intake-answers-link').click();
      const flags = chart.getByTestId('intake-red-flags');
      await flags.waitFor();
      expect(await flags.textContent()).toContain('疑似急性心肌梗死');
      expect(await flags.textContent()).toContain('压榨样胸痛');
      // …and the words that raised it: the doctor must see what the patient typed, not only the label.
      const complaint = chart.locator('[data-testid=intake-answer][data-question="frame:chief-complaint"]');
      await complaint.waitFor();
      expect(await complaint.textContent()).toContain(COMPLAINT);
      await chart.screenshot({ path: join(RESULTS, 'intake-redflag-zh-clinician-intake.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 300_000);
});
