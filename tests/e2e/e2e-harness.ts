/**
 * What the browser tests share: a real server on a free port with a throw-away data folder and
 * the demo accounts, headless Debian Chromium, sign-in, and the web app's translation strings.
 *
 * Needs Chromium (`apt-get install chromium`, or SUWEN_CHROMIUM=/path/to/chrome).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');
const CHROMIUM = process.env.SUWEN_CHROMIUM ?? '/usr/bin/chromium';

export type Messages = { [key: string]: string | Messages };
export const en = JSON.parse(readFileSync(join(ROOT, 'web/src/i18n/en.json'), 'utf8')) as Messages;
export const zh = JSON.parse(readFileSync(join(ROOT, 'web/src/i18n/zh-CN.json'), 'utf8')) as Messages;

/** A string from the web app's translation files, e.g. `msg(en, 'chart.problems')`. */
export function msg(messages: Messages, key: string): string {
  const value = key
    .split('.')
    .reduce<string | Messages | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), messages);
  if (typeof value !== 'string') throw new Error(`No translation for ${key}`);
  return value;
}

export interface DemoAccount {
  role: string;
  username: string;
  password: string;
}

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

/** A running server and browser for one test file; `stop()` in afterAll. */
export interface E2eHarness {
  baseUrl: string;
  accounts: DemoAccount[];
  account(role: string): DemoAccount;
  /** A fresh browser context with the interface language preset, as a returning user has it. */
  openPage(locale: 'en' | 'zh-CN', viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, role: string): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra environment for the server, e.g. a scripted model's `SUWEN_MODEL_BASE_URL`. */
  env?: Record<string, string>;
  /** How long `harnessForFile` lets the start take (building the web app included). */
  startTimeoutMs?: number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<E2eHarness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set SUWEN_CHROMIUM`);
  }
  buildWebAppIfStale();
  mkdirSync(RESULTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'suwen-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let serverLog = '';
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SUWEN_DATA_DIR: dataDir,
      SUWEN_PORT: String(port),
      SUWEN_HOST: '127.0.0.1',
      SUWEN_DEMO: '1',
      SUWEN_LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
  });

  let browser: Browser | undefined;
  let accounts: DemoAccount[] = [];
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${serverLog}`);
      if (Date.now() > deadline) throw new Error(`The server did not answer /api/v1/health within 30 s:\n${serverLog}`);
      const ok = await fetch(`${baseUrl}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const demo = (await (await fetch(`${baseUrl}/api/v1/demo`)).json()) as { demo: boolean; accounts: DemoAccount[] };
    if (!demo.demo) throw new Error('The server is not in demo mode');
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
  } catch (error) {
    await stop();
    throw error;
  }

  const account = (role: string) => {
    const found = accounts.find((a) => a.role === role);
    if (!found) throw new Error(`No demo account for ${role}`);
    return found;
  };
  const started = browser;
  return {
    baseUrl,
    accounts,
    account,
    async openPage(locale, viewport = { width: 1280, height: 800 }) {
      const context = await started.newContext({ viewport, locale });
      await context.addInitScript((l) => window.localStorage.setItem('suwen.locale', l), locale);
      const page = await context.newPage();
      return { context, page };
    },
    async signIn(page, role) {
      const { username, password } = account(role);
      await page.goto(`${baseUrl}/#/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      // Attached, not visible: on a phone the user's name sits in the collapsed menu.
      await page.getByTestId('current-user').waitFor({ state: 'attached' });
    },
    stop,
  };
}

/**
 * One harness for the whole test file: started before its tests, stopped after them. Returns the
 * accessor the tests call (it throws if a test runs before the harness is up).
 */
export function harnessForFile(options: HarnessOptions = {}): () => E2eHarness {
  let harness: E2eHarness | undefined;
  beforeAll(async () => {
    harness = await startHarness(options);
  }, options.startTimeoutMs ?? 90_000);
  afterAll(async () => {
    await harness?.stop();
  }, 30_000);
  return () => {
    if (!harness) throw new Error('Harness not started');
    return harness;
  };
}
