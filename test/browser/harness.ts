/**
 * Browser-test harness: the real app in-process (fresh in-memory PGlite with the demo data, the built
 * web app from web/dist) on a free port, Debian Chromium through playwright-core, and axe-core.
 *
 * Two modes: open access (default; every request acts as the system and the web app is told it is an
 * administrator, so page tests need no sign-in) and `{ accounts: true }`: the real session resolver with
 * the demo accounts and known passwords (DEMO_PASSWORDS), for tests of signing in, roles and the audit trail.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { after, before } from 'node:test';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { openAccessResolver } from '../../src/http/context.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import { evaluationIdOf, type ListedEvaluation } from '../helpers/app.ts';
import { pgliteTarget } from '../helpers/db.ts';
import type { AccountRole } from '../../src/domain/access.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../src/services/demo-accounts.service.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const webDist = path.join(root, 'web/dist');
export const screenshotDir = path.join(root, 'docs/screenshots');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.KOMPASS_CHROMIUM ?? '/usr/bin/chromium';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** Passwords of the demo accounts in `{ accounts: true }` mode. */
export const DEMO_PASSWORDS: Record<AccountRole, string> = {
  admin: 'Ada-testlösenord-2024',
  evaluator: 'Eva-testlösenord-2024',
  municipality: 'Kim-testlösenord-2024',
};

export function demoEmail(role: AccountRole): string {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  assert.ok(a, `inget demokonto för ${role}`);
  return a.email;
}

/** What GET /api/auth/me answers the web app in open-access mode (the server itself has no session there). */
const OPEN_ACCESS_ME = {
  user: { id: '00000000-0000-4000-8000-000000000000', email: 'test@kompass.invalid', name: 'Testadministratör', role: 'admin', municipalityCode: null },
  csrfToken: null,
  csrfHeader: 'x-csrf-token',
  sso: { enabled: false, label: null, loginUrl: null },
};

export interface TestApp {
  baseUrl: string;
  /** True when the app runs with real sessions and the demo accounts. */
  accounts: boolean;
  runtime: Runtime;
  browser: Browser;
  /** Uncaught errors of any page opened through newPage(); tests assert it stays empty. */
  pageErrors: string[];
  /** A fresh browser context (own storage) and page with Swedish locale and a desktop viewport. */
  newPage(opts?: { width?: number; height?: number; anonymous?: boolean }): Promise<Page>;
  /** JSON from the running API. */
  api<T>(pathname: string, init?: { method?: string; json?: unknown }): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startTestApp(opts: { accounts?: boolean } = {}): Promise<TestApp> {
  const accounts = opts.accounts === true;
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    throw new Error('web/dist saknas: bygg webbappen först (npm run build:web), eller kör node scripts/test.mjs browser.');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-browser-'));
  const config = loadConfig({ LOG_LEVEL: 'warn', KOMPASS_DATA_DIR: dataDir }, { port: 0, host: '127.0.0.1', webDist });
  // The demo data, restored from a saved copy (built once per version of the code).
  const runtime = await openRuntime(config, await pgliteTarget('demo'));
  if (accounts) await seedDemoAccounts(runtime.services, { passwords: DEMO_PASSWORDS });
  // Open access: these tests cover the web app's pages; signing in is tested in accounts.test.ts.
  const app = await buildApp({
    config: runtime.config,
    database: runtime.database,
    services: runtime.services,
    logger: false,
    ...(accounts ? {} : { resolveViewer: openAccessResolver }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    baseUrl,
    accounts,
    runtime,
    browser,
    pageErrors,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
        // Lets the tests inject axe-core into pages served with a strict Content-Security-Policy.
        bypassCSP: true,
      });
      contexts.push(context);
      // anonymous: the page sees nobody signed in (the public view, used for the README screenshots).
      if (!accounts && !opts.anonymous) {
        await context.route('**/api/auth/me', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(OPEN_ACCESS_ME) }));
      }
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
      if (process.env.KOMPASS_BROWSER_DEBUG) {
        page.on('response', (res) => {
          if (res.status() >= 400 || res.request().method() !== 'GET') void res.text().then((body) => console.log(`${res.status()} ${res.request().method()} ${res.url()} ${body.slice(0, 400)}`));
        });
      }
      return page;
    },
    async api<T>(pathname: string, init: { method?: string; json?: unknown } = {}) {
      const res = await fetch(`${baseUrl}${pathname}`, {
        method: init.method ?? 'GET',
        headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------- axe-core ----------

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) and fails on serious or critical violations. */
export async function assertAccessible(page: Page, label: string): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  const all = violations as AxeViolation[];
  const bad = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (vs: AxeViolation[]) =>
    vs.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join(' ') ?? ''}`).join('\n')}`).join('\n');
  const minor = all.filter((v) => !bad.includes(v));
  if (minor.length > 0) console.log(`axe (${label}): ${minor.length} mindre anmärkningar\n${describe(minor)}`);
  assert.equal(bad.length, 0, `axe (${label}): allvarliga eller kritiska brister:\n${describe(bad)}`);
  return all;
}

/** Waits until every ECharts container on the page has drawn its SVG. */
/** A screenshot of a page as the public sees it (nobody signed in), for the README. */
export async function publicScreenshot(app: TestApp, url: string, name: string, height: number): Promise<void> {
  const page = await app.newPage({ anonymous: true });
  await page.goto(url);
  await waitForCharts(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
  await page.context().close();
}

export async function waitForCharts(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('.chart')];
    return charts.length > 0 && charts.every((c) => c.querySelector('svg') !== null);
  });
}

export interface DemoIds {
  burlov2020: string;
  orebro2015: string;
  boras2013: string;
  boras2010: string;
}

export async function demoIds(app: TestApp): Promise<DemoIds> {
  const { body } = await app.api<{ items: ListedEvaluation[] }>('/api/evaluations?limit=100');
  const find = (code: string, year: number) => evaluationIdOf(body.items, code, year);
  return { burlov2020: find('1231', 2020), orebro2015: find('1880', 2015), boras2013: find('1490', 2013), boras2010: find('1490', 2010) };
}

/**
 * The app with the demo data for the tests of the enclosing `describe`: started (and the demo
 * evaluations' ids looked up) before them, closed after them. Read `app` and `ids` inside the tests.
 */
export function demoApp(): { readonly app: TestApp; readonly ids: DemoIds } {
  let started: { app: TestApp; ids: DemoIds } | undefined;
  let app: TestApp | undefined;
  before(async () => {
    app = await startTestApp();
    started = { app, ids: await demoIds(app) };
  });
  after(async () => {
    await app?.close();
  });
  const get = () => {
    assert.ok(started, 'the demo app is started in before()');
    return started;
  };
  return {
    get app() {
      return get().app;
    },
    get ids() {
      return get().ids;
    },
  };
}

/** Signs in through the sign-in page and waits for the header to show the user. */
export async function signIn(page: Page, role: AccountRole, from = '/logga-in'): Promise<void> {
  if (!page.url().includes('/logga-in')) await page.goto(from);
  await page.getByLabel('E-postadress').fill(demoEmail(role));
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORDS[role]);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByTestId('user-menu').waitFor();
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, name);
}

/**
 * Reads `read()` until it gives `expected` (or the time is up) and returns the last reading. A
 * navigation updates the address before React has rendered the new state, and a list being searched
 * re-renders while the answers arrive, so a value read once right after a wait may still be stale.
 */
export async function settled<T>(read: () => Promise<T>, expected: T, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let now = await read();
  while (now !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    now = await read();
  }
  return now;
}

/** `settled` for the value a form control shows. */
export const settledValue = (control: Locator, value: string, timeoutMs?: number): Promise<string> => settled(() => control.inputValue(), value, timeoutMs);
