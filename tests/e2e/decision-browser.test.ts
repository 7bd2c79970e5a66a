/**
 * "Ask about a case" in a real browser against the real server and a scripted OpenAI-compatible
 * model: the demo clinician asks a question on a chart and sees the rule alerts, the PICO framing,
 * the draft answer, each claim with its source chips, and the claim citing an unknown id marked
 * unsupported. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../src/model/testing/index.js';
import { type E2eHarness, en, type Messages, msg, RESULTS, startHarness, zh } from './e2e-harness.js';

let harness: E2eHarness | undefined;
let model: ScriptedModelServer | undefined;

function h(): E2eHarness {
  if (!harness) throw new Error('Harness not started');
  return harness;
}

/** The model's structured reply: one claim citing the record (R1), one citing an id that was never given (X9). */
function reply(language: 'en' | 'zh') {
  const zhReply = language === 'zh';
  return {
    pico: {
      population: zhReply ? '本例患者' : 'This patient',
      intervention: zhReply ? '开始使用布洛芬' : 'Starting ibuprofen',
      comparison: zhReply ? '对乙酰氨基酚' : 'Paracetamol',
      outcome: zhReply ? '疼痛缓解与肾脏安全' : 'Pain relief and renal safety',
    },
    answer: zhReply ? '草稿：先核对肾功能与合并用药。' : 'Draft: check renal function and current medications first.',
    considerations: [zhReply ? '近期肾功能结果' : 'Recent renal function results'],
    claims: [
      { text: zhReply ? '病历中有相关记录。' : 'The record documents a relevant finding.', sourceIds: ['R1'] },
      { text: zhReply ? '一项没有来源的论断。' : 'A claim with no real source.', sourceIds: ['X9'] },
    ],
  };
}

beforeAll(async () => {
  model = await startScriptedModelServer({ defaultReply: () => ({ kind: 'json', value: reply('en') }) });
  harness = await startHarness({ env: { SUWEN_MODEL_BASE_URL: model.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' } });
}, 90_000);

afterAll(async () => {
  await harness?.stop();
  await model?.close();
}, 30_000);

/** Signs in as the clinician, opens the first patient's chart and asks one question; returns the server's answer. */
async function ask(page: Page, question: string) {
  await h().signIn(page, 'clinician');
  await page.goto(`${h().baseUrl}/#/patients`);
  await page.getByTestId('patient-row').first().locator('a').click();
  await page.getByTestId('decision-card').waitFor();
  await page.getByTestId('decision-question').fill(question);
  const response = page.waitForResponse((r) => r.url().endsWith('/decision/ask') && r.request().method() === 'POST');
  await page.getByTestId('decision-ask').click();
  const answered = await response;
  expect(answered.status()).toBe(200);
  const body = (await answered.json()) as { alerts: unknown[]; sources: { id: string; label: string }[]; artifactId: string | null };
  await page.getByTestId('decision-result').waitFor();
  return body;
}

/** A screenshot of the whole card; the sticky header is unstuck so it does not cover the tall card. */
async function shoot(page: Page, name: string) {
  await page.addStyleTag({ content: '.app-header { position: static !important; }' });
  await page.getByTestId('decision-card').screenshot({ path: join(RESULTS, name) });
}

async function checkResult(page: Page, messages: Messages, body: Awaited<ReturnType<typeof ask>>) {
  expect(await page.getByTestId('decision-card-heading').textContent()).toBe(msg(messages, 'decision.title'));
  expect(await page.getByTestId('decision-draft-note').textContent()).toBe(msg(messages, 'decision.draftNote'));
  // Rule alerts come first and are all there, whatever the model said.
  if (body.alerts.length > 0) expect(await page.getByTestId('decision-alert').count()).toBe(body.alerts.length);
  else await page.getByTestId('decision-no-alerts').waitFor();
  await page.getByTestId('decision-pico').waitFor();
  expect(await page.getByTestId('decision-answer').textContent()).toMatch(/^(Draft|草稿)/);

  const claims = page.getByTestId('decision-claim');
  expect(await claims.count()).toBe(2);
  const supported = claims.nth(0);
  const unsupported = claims.nth(1);
  expect(await supported.getAttribute('data-supported')).toBe('true');
  expect(await supported.getByTestId('decision-unsupported').count()).toBe(0);
  expect(await unsupported.getAttribute('data-supported')).toBe('false');
  expect(await unsupported.getByTestId('decision-unsupported').textContent()).toBe(msg(messages, 'decision.unsupported'));

  // The R1 chip names its source on hover (title) and on click.
  const r1 = body.sources.find((s) => s.id === 'R1');
  if (!r1) throw new Error('The server gave no R1 source for this chart');
  const chip = supported.getByTestId('decision-claim-source');
  expect(await chip.textContent()).toBe('R1');
  expect(await chip.getAttribute('title')).toBe(r1.label);
  await chip.click();
  expect(await supported.getByTestId('decision-source-detail').textContent()).toContain(r1.label);
  expect(await page.getByTestId('decision-source').count()).toBe(body.sources.length);

  if (body.artifactId) {
    expect(await page.getByTestId('decision-artifact-link').getAttribute('href')).toBe(`#/inbox/${encodeURIComponent(body.artifactId)}`);
  }
}

describe('Decision support on the chart', () => {
  it('shows the alerts, the draft answer and each claim with its sources, marking the unsupported one (English)', async () => {
    const { context, page } = await h().openPage('en');
    try {
      const body = await ask(page, 'Is it safe to start ibuprofen for this patient?');
      await checkResult(page, en, body);
      const last = model?.requests.at(-1);
      expect(JSON.stringify(last?.body)).toContain('Is it safe to start ibuprofen');
      await shoot(page, 'decision-panel-en.png');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows the same panel in Chinese', async () => {
    model?.enqueue({ kind: 'json', value: reply('zh') });
    const { context, page } = await h().openPage('zh-CN');
    try {
      const body = await ask(page, '该患者可以开始使用布洛芬吗？');
      await checkResult(page, zh, body);
      await shoot(page, 'decision-panel-zh.png');
    } finally {
      await context.close();
    }
  }, 60_000);
});
