/**
 * "Differential & next tests" and "Treatment options" on the chart's decision panel, in a real
 * browser against the real server (no model): the demo clinician opens a demo patient with
 * hypertension on the problem list, sees the differential (or the message that there is no
 * intake to rank from), then compares the hypertension options side by side, one of them flagged
 * by the medication check against the patient's current medicines. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PatientCareGaps } from '../../src/workflows/decision/care-gaps.js';
import type { DiagnosisListing, TreatmentComparison } from '../../src/workflows/decision/treatment-options.js';
import { en, harnessForFile, type Messages, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile();

/** A demo patient with hypertension on the problem list and an option the medication check flags. */
async function findPatient(page: Page): Promise<string> {
  const api = `${h().baseUrl}/api/v1`;
  const list = (await (await page.request.get(`${api}/patients?limit=50`)).json()) as { items: { id: string }[] };
  for (const { id } of list.items) {
    const listing = (await (await page.request.get(`${api}/patients/${id}/decision/treatments`)).json()) as {
      diagnoses: DiagnosisListing[];
    };
    if (!listing.diagnoses.some((d) => d.id === 'hypertension' && d.inRecord)) continue;
    const compared = (await (
      await page.request.post(`${api}/patients/${id}/decision/treatments`, { data: { diagnosis: 'hypertension' } })
    ).json()) as TreatmentComparison;
    if (compared.options.some((option) => option.worst !== null)) return id;
  }
  throw new Error('No demo patient with hypertension and a flagged option');
}

async function checkPanel(page: Page, messages: Messages, screenshot: string) {
  await h().signIn(page, 'clinician');
  const patientId = await findPatient(page);
  await page.goto(`${h().baseUrl}/#/patients/${encodeURIComponent(patientId)}`);
  await page.getByTestId('decision-card').waitFor();
  expect(await page.getByTestId('decision-tab-differential').textContent()).toBe(msg(messages, 'decisionDdx.tabs.differential'));

  // The differential: ranked candidates, or the message that there is no intake to rank from.
  const differential = page.waitForResponse((r) => r.url().includes('/decision/differential') && r.request().method() === 'GET');
  await page.getByTestId('decision-tab-differential').click();
  const body = (await (await differential).json()) as { status: string; message: { en: string; zh: string } | null };
  if (body.status === 'no-intake') {
    const shown = await page.getByTestId('ddx-no-intake').textContent();
    expect(shown).toBe(messages === zh ? body.message?.zh : body.message?.en);
  } else {
    await page.getByTestId('ddx-candidate').first().waitFor();
    expect(await page.getByTestId('ddx-test').count()).toBeGreaterThan(0);
  }

  // Treatment options side by side, hypertension preselected as it is on the problem list.
  await page.getByTestId('decision-tab-treatments').click();
  await page.getByTestId('treatment-compare').waitFor();
  await page.waitForFunction(
    () => document.querySelector<HTMLSelectElement>('[data-testid="treatment-diagnosis"]')?.value === 'hypertension',
  );
  await page.getByTestId('treatment-compare').click();
  await page.getByTestId('treatment-result').waitFor();
  expect(await page.getByTestId('treatment-framing').textContent()).toMatch(
    messages === zh ? /^可供讨论的治疗选项/ : /^Options to discuss/,
  );
  const options = page.getByTestId('treatment-option');
  expect(await options.count()).toBe(4);
  const flagged = page.locator('[data-testid="treatment-option"]:not([data-worst="none"])');
  expect(await flagged.count()).toBeGreaterThan(0);
  const first = flagged.first();
  expect(await first.getByTestId('treatment-finding').count()).toBeGreaterThan(0);
  const badge = first.locator('header [data-testid="severity-badge"]');
  expect(await badge.textContent()).toBe(msg(messages, `medications.severity.${await badge.getAttribute('data-severity')}`));
  expect(await first.getByTestId('citation').count()).toBeGreaterThan(0);

  await page.addStyleTag({ content: '.app-header { position: static !important; }' });
  await page.getByTestId('decision-card').screenshot({ path: join(RESULTS, screenshot) });
}

describe('Differential and treatment options on the chart', () => {
  it('shows the differential state and flagged treatment options side by side (English)', async () => {
    const { context, page } = await h().openPage('en');
    try {
      await checkPanel(page, en, 'decision-ddx-en.png');
    } finally {
      await context.close();
    }
  }, 90_000);

  it('works in Chinese at phone width without horizontal scrolling', async () => {
    const { context, page } = await h().openPage('zh-CN', { width: 390, height: 844 });
    try {
      await checkPanel(page, zh, 'decision-ddx-zh-phone.png');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('lists care gaps on the chart, each opening to its reason and guideline (Chinese)', async () => {
    const { context, page } = await h().openPage('zh-CN');
    try {
      await h().signIn(page, 'clinician');
      const api = `${h().baseUrl}/api/v1`;
      const list = (await (await page.request.get(`${api}/patients?limit=50`)).json()) as { items: { id: string }[] };
      let found: PatientCareGaps | undefined;
      for (const { id } of list.items) {
        const result = (await (await page.request.get(`${api}/patients/${id}/care-gaps`)).json()) as PatientCareGaps;
        if (result.gaps.length > 0) {
          found = result;
          break;
        }
      }
      if (!found) throw new Error('No demo patient with a care gap today');
      await page.goto(`${h().baseUrl}/#/patients/${encodeURIComponent(found.patientId)}`);
      const card = page.getByTestId('chart-care-gaps');
      await card.getByTestId('care-gap').first().waitFor();
      expect(await card.getByTestId('care-gap').count()).toBe(found.gaps.length);
      const first = card.getByTestId('care-gap').first();
      expect(await first.getAttribute('data-rule')).toBe(found.gaps[0]?.ruleId);
      await first.locator('summary').click();
      expect(await first.getByTestId('care-gap-reason').textContent()).toBe(found.gaps[0]?.reason.zh);
      expect(await first.getByTestId('care-gap-source').textContent()).toContain(found.gaps[0]?.source.publication ?? '?');
      await page.addStyleTag({ content: '.app-header { position: static !important; }' });
      await card.screenshot({ path: join(RESULTS, 'care-gaps-zh.png') });
    } finally {
      await context.close();
    }
  }, 90_000);
});
