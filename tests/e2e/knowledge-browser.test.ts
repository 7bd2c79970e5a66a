/**
 * The knowledge pages in a real browser against the real server: the knowledge browser (zh
 * search → drug page), the medication checker (interaction and renal findings), the chart's
 * "Check medications" and "Interpret labs", and a score calculator — in Chinese and English,
 * with a phone-width pass. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, harnessForFile, msg, RESULTS, zh } from './e2e-harness.js';

const h = harnessForFile();

describe('the knowledge pages in a browser', () => {
  it('finds 华法林 in the knowledge browser and shows its doses, renal rules and sources, in Chinese then English', async () => {
    const { context, page } = await h().openPage('zh-CN');
    try {
      await h().signIn(page, 'clinician');
      await page.getByTestId('nav-knowledge').click();
      await page.getByTestId('knowledge-page').waitFor();
      expect(await page.locator('h1').textContent()).toBe(msg(zh, 'knowledge.title'));

      await page.getByTestId('kb-search').fill('华法林');
      const drugHit = page.locator('[data-testid=kb-hit][data-kind=drug][data-id=warfarin]');
      await drugHit.waitFor();
      // The query is kept in the address, so the search can be bookmarked.
      expect(decodeURIComponent(page.url())).toContain('#/knowledge?q=华法林');
      await page.screenshot({ path: join(RESULTS, 'knowledge-search-zh.png'), fullPage: true });

      await drugHit.locator('a').click();
      await page.getByTestId('drug-detail').waitFor();
      await page.getByTestId('dose-row').first().waitFor();
      expect(await page.getByTestId('drug-name').textContent()).toContain('华法林');
      expect(await page.getByTestId('drug-doses').textContent()).toContain(msg(zh, 'drug.maxDaily'));
      expect(await page.getByTestId('drug-doses').getByTestId('citation').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(RESULTS, 'knowledge-drug-zh.png'), fullPage: true });

      await page.getByTestId('lang-en').click();
      await expect.poll(() => page.getByTestId('drug-doses-heading').textContent()).toBe(msg(en, 'drug.doses'));
      expect(await page.getByTestId('drug-name').textContent()).toMatch(/^Warfarin/);
      await page.screenshot({ path: join(RESULTS, 'knowledge-drug-en.png'), fullPage: true });

      // A typo still finds the drug (the engine is typo-tolerant).
      await page.goto(`${h().baseUrl}/#/knowledge?q=warfrin`);
      await page.locator('[data-testid=kb-hit][data-kind=drug][data-id=warfarin]').waitFor();
      await page.getByTestId('kb-credits').waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);

  it('checks warfarin + aspirin + ibuprofen at eGFR 25 and shows an interaction and a renal finding with sources', async () => {
    const { context, page } = await h().openPage('en');
    try {
      await h().signIn(page, 'clinician');
      await page.getByTestId('nav-medications').click();
      await page.getByTestId('medications-page').waitFor();

      // The name box suggests drugs from the knowledge base as one types.
      await page.getByTestId('med-name-0').fill('warfa');
      await page.getByTestId('drug-option').first().waitFor();
      await page.getByTestId('drug-option').first().click();
      expect(await page.getByTestId('med-name-0').inputValue()).toBe('Warfarin');
      await page.getByTestId('med-dose-0').fill('5 mg');
      await page.getByTestId('med-frequency-0').fill('qd');
      await page.getByTestId('med-name-1').fill('aspirin');
      await page.getByTestId('med-add').click();
      await page.getByTestId('med-name-2').fill('ibuprofen');
      await page.getByTestId('med-dose-2').fill('400 mg');
      await page.getByTestId('med-frequency-2').fill('tid');
      await page.getByTestId('med-egfr').fill('25');
      await page.getByTestId('med-allergies-input').fill('penicillin');
      await page.getByTestId('med-allergies-input').press('Enter');
      await page.getByTestId('med-check').click();

      const findings = page.getByTestId('med-finding');
      await findings.first().waitFor();
      expect(await page.locator('[data-testid=med-finding][data-kind=interaction]').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid=med-finding][data-kind=renal]').count()).toBeGreaterThan(0);
      // Most severe first, and every finding names its source.
      const order = ['contraindicated', 'major', 'moderate', 'minor', 'info'];
      const severities = await findings.evaluateAll((items) => items.map((item) => item.getAttribute('data-severity') ?? ''));
      expect(severities.map((s) => order.indexOf(s))).toEqual([...severities.map((s) => order.indexOf(s))].sort((a, b) => a - b));
      expect(await page.getByTestId('med-findings').getByTestId('citation').count()).toBe(await findings.count());
      expect(await page.getByTestId('severity-badge').first().textContent()).toBe(msg(en, `medications.severity.${severities[0]}`));
      await page.screenshot({ path: join(RESULTS, 'medications-en.png'), fullPage: true });
      // The menu with every clinician page still fits a laptop screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);

      // The same result in Chinese: titles come from the engine in the interface language.
      await page.getByTestId('lang-zh-CN').click();
      await expect
        .poll(() => page.locator('[data-testid=med-finding][data-kind=renal] .finding-title').first().textContent())
        .toMatch(/肾/);
      await page.screenshot({ path: join(RESULTS, 'medications-zh.png'), fullPage: true });

      // A refused input shows the server's message and the field it is about.
      await page.getByTestId('med-egfr').fill('900');
      await page.getByTestId('med-check').click();
      await page.getByTestId('check-error').waitFor();
      expect(await page.getByTestId('check-error').textContent()).toContain('egfr');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('opens the medication check and the lab interpretation from a chart, with the context used', async () => {
    const { context, page } = await h().openPage('en');
    try {
      await h().signIn(page, 'clinician');
      await page.getByTestId('patient-row').first().locator('a').click();
      await page.getByTestId('chart-problems').waitFor();

      await page.getByTestId('interpret-labs').click();
      const card = page.getByTestId('chart-lab-interpretation');
      await card.locator('[data-testid=lab-interpretation], .empty-state').first().waitFor();
      await card.screenshot({ path: join(RESULTS, 'chart-lab-interpretation.png') });

      // The chart also opens the report interpreter for this patient.
      const report = page.getByTestId('interpret-report');
      expect(await report.textContent()).toBe(msg(en, 'chart.interpretReport'));
      expect(await report.getAttribute('href')).toMatch(/^#\/report\?patient=[^&]+$/);
      await report.click();
      await page.getByTestId('report-page').waitFor();
      await page.goBack();
      await page.getByTestId('chart-problems').waitFor();

      await page.getByTestId('check-medications').click();
      await page.getByTestId('medications-page').waitFor();
      expect(page.url()).toMatch(/#\/medications\?patient=/);
      await page.getByTestId('med-context').waitFor();
      expect(await page.getByTestId('med-context').textContent()).toContain('eGFR');
      await page.screenshot({ path: join(RESULTS, 'medications-from-chart.png'), fullPage: true });

      // The standalone interpreter reads pasted results in mixed units and languages.
      await page.getByTestId('nav-labs').click();
      await page.getByTestId('labs-page').waitFor();
      await page.locator('.lab-paste summary').click();
      await page.getByTestId('lab-paste').fill('Na 128 mmol/L\nK 6.3 mmol/L\n肌酐 2.1 mg/dL\nHb 92 g/L');
      await page.getByTestId('lab-paste-read').click();
      await page.getByTestId('lab-interpret').click();
      await page.getByTestId('lab-result-card').waitFor();
      const flags = await page.getByTestId('lab-result').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-flag')));
      expect(flags).toHaveLength(4);
      expect(flags[0]).toMatch(/low/);
      expect(flags[1]).toMatch(/high/);
      expect(await page.getByTestId('lab-pattern').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(RESULTS, 'labs-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('computes CHA₂DS₂-VASc, shows the band and source, and names the fields of a refused input', async () => {
    const { context, page } = await h().openPage('zh-CN', { width: 390, height: 844 });
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/calculators`);
      await page.getByTestId('score-filter').fill('CHA2DS2');
      const item = page.locator('[data-testid=score-item][data-id=cha2ds2-vasc]');
      await item.waitFor();
      await item.locator('a').click();
      await page.getByTestId('score-form').waitFor();

      // Compute with nothing filled: the server names each missing field.
      await page.getByTestId('score-compute').click();
      await page.getByTestId('score-error').waitFor();
      expect(await page.getByTestId('field-error').count()).toBeGreaterThan(0);

      await page.getByTestId('score-input-age').fill('76');
      await page.getByTestId('score-input-sex').selectOption('female');
      await page.getByTestId('score-input-hypertension').check();
      await page.getByTestId('score-compute').click();
      await page.getByTestId('score-result').waitFor();
      // Age ≥75 (2) + female (1) + hypertension (1) = 4 (Lip et al., Chest 2010).
      expect(await page.getByTestId('score-value').textContent()).toBe('4');
      expect(await page.getByTestId('score-band').textContent()).toBe('高危');
      expect(await page.getByTestId('score-result').getByTestId('citation').count()).toBe(1);
      await page.screenshot({ path: join(RESULTS, 'calculator-phone-zh.png'), fullPage: true });

      // Nothing on the phone-width page is wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await context.close();
    }
  }, 60_000);
});
