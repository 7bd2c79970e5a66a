/**
 * The web app in a real browser against the real server: sign-in, the patient list, a chart,
 * the language switch, the review inbox, and a patient kept to their own chart.
 *
 * Needs Chromium (`apt-get install chromium`, or SUWEN_CHROMIUM=/path/to/chrome).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'test-results');
const CHROMIUM = process.env.SUWEN_CHROMIUM ?? '/usr/bin/chromium';

type Messages = { [key: string]: string | Messages };
const en = JSON.parse(readFileSync(join(ROOT, 'web/src/i18n/en.json'), 'utf8')) as Messages;
const zh = JSON.parse(readFileSync(join(ROOT, 'web/src/i18n/zh-CN.json'), 'utf8')) as Messages;

/** A string from the web app's translation files, e.g. `msg(en, 'chart.problems')`. */
function msg(messages: Messages, key: string): string {
  const value = key
    .split('.')
    .reduce<string | Messages | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), messages);
  if (typeof value !== 'string') throw new Error(`No translation for ${key}`);
  return value;
}

interface DemoAccount {
  role: string;
  username: string;
  password: string;
}

let server: ChildProcess | undefined;
let serverLog = '';
let dataDir = '';
let baseUrl = '';
let browser: Browser | undefined;
let accounts: DemoAccount[] = [];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds `web/dist` when it is missing or older than the app's sources. */
function buildWebAppIfStale(): void {
  const index = join(ROOT, 'web/dist/index.html');
  const sources = [join(ROOT, 'web/src'), join(ROOT, 'web/index.html'), join(ROOT, 'web/vite.config.ts')];
  if (existsSync(index) && Math.max(...sources.map(newestMtime)) <= statSync(index).mtimeMs) return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) {
      throw new Error(`The server exited with code ${server.exitCode}:\n${serverLog}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /api/v1/health within ${timeoutMs} ms:\n${serverLog}`);
}

function account(role: string): DemoAccount {
  const found = accounts.find((a) => a.role === role);
  if (!found) throw new Error(`No demo account for ${role}`);
  return found;
}

/** A fresh browser context with the interface language preset, as a returning user has it. */
async function openPage(locale: 'en' | 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error('Browser not started');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  await context.addInitScript((l) => window.localStorage.setItem('suwen.locale', l), locale);
  const page = await context.newPage();
  return { context, page };
}

async function signIn(page: Page, role: string): Promise<void> {
  const { username, password } = account(role);
  await page.goto(`${baseUrl}/#/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set SUWEN_CHROMIUM`);
  }
  buildWebAppIfStale();
  mkdirSync(RESULTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'suwen-e2e-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SUWEN_DATA_DIR: dataDir,
      SUWEN_PORT: String(port),
      SUWEN_HOST: '127.0.0.1',
      SUWEN_DEMO: '1',
      SUWEN_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  await waitForHealth(30_000);

  const demo = (await (await fetch(`${baseUrl}/api/v1/demo`)).json()) as { demo: boolean; accounts: DemoAccount[] };
  expect(demo.demo).toBe(true);
  accounts = demo.accounts;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server?.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
