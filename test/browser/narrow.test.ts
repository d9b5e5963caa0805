/**
 * The public portal on a phone: at 375 and 320 px no page scrolls sideways (wide tables scroll inside a
 * labelled, focusable region or become cards), axe reports no violation of any impact, touch targets of
 * the main controls are at least 44 px, and in Swedish, English and Norwegian no other language is shown outside `lang`-marked
 * content (framework titles come translated, evaluation texts keep lang="sv"). Takes the narrow
 * screenshots for the README.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { titleTable } from '../../src/catalog/framework-translations.ts';
import { sv } from '../../web/src/i18n/sv.ts';
import { en } from '../../web/src/i18n/en.ts';
import { nb } from '../../web/src/i18n/nb.ts';
import { demoIds, screenshotPath, startTestApp, type DemoIds, type TestApp } from './harness.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core with the WCAG 2.0/2.1 A and AA rules; every violation counts, whatever its impact. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

async function open(app: TestApp, url: string, width: number, opts: { lang?: string; signedIn?: boolean } = {}): Promise<Page> {
  const page = await app.newPage({ width, height: 800, anonymous: !opts.signedIn });
  if (opts.lang) await page.addInitScript((l) => window.localStorage.setItem('kompass.lang', l), opts.lang);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  return page;
}

/** The phrase as whole words ("E-postadress" is not in Norwegian "E-postadresse"). */
function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

const overflow = (page: Page) => page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));

void describe('webbappen på en smal skärm (375 och 320 px)', () => {
  let app: TestApp;
  let ids: DemoIds;
  let pages: Record<string, { url: string; signedIn?: boolean }>;
  before(async () => {
    app = await startTestApp();
    ids = await demoIds(app);
    pages = {
      start: { url: '/' },
      municipality: { url: '/kommuner/1880' },
      evaluation: { url: `/utvarderingar/${ids.burlov2020}` },
      'evaluation-unknown': { url: `/utvarderingar/${ids.orebro2015}` },
      compare: { url: `/jamfor?ids=${ids.burlov2020},${ids.orebro2015},${ids.boras2013}` },
      'good-examples': { url: '/goda-exempel' },
      'sign-in': { url: '/logga-in' },
      edit: { url: `/utvarderingar/${ids.burlov2020}/redigera`, signedIn: true },
    };
  });
  after(async () => {
    await app?.close();
  });

  for (const width of [375, 320]) {
    void it(`${width} px: ingen sidleds rullning och inga axe-anmärkningar på någon sida`, async () => {
      const problems: string[] = [];
      for (const [name, p] of Object.entries(pages)) {
        const page = await open(app, p.url, width, { signedIn: p.signedIn === true });
        const o = await overflow(page);
        if (o.sw > o.cw) problems.push(`${name}: scrollWidth ${o.sw} > clientWidth ${o.cw}`);
        // Every region that scrolls sideways is labelled and reachable by keyboard.
        const regions = await page.evaluate(() =>
          [...document.querySelectorAll('.table-wrap')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => ({ role: e.getAttribute('role'), label: e.getAttribute('aria-label'), tab: e.getAttribute('tabindex') })),
        );
        for (const r of regions) if (r.role !== 'region' || !r.label || r.tab !== '0') problems.push(`${name}: scrolling table without a labelled focusable region ${JSON.stringify(r)}`);
        for (const v of await axeViolations(page)) problems.push(`${name}: ${v}`);
        if (width === 375 && ['start', 'evaluation', 'compare', 'municipality', 'good-examples', 'sign-in', 'edit'].includes(name)) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: screenshotPath(`${name}-375.png`), clip: { x: 0, y: 0, width: 375, height: 1400 }, fullPage: true });
        }
        await page.context().close();
      }
      assert.deepEqual(problems, []);
    });
  }

  void it('375 px: startsidans lista blir kort där status och totalpoäng syns utan att rulla', async () => {
    const page = await open(app, '/', 375);
    const row = page.locator('[data-testid=evaluation-list] tbody tr').first();
    await row.waitFor();
    for (const label of ['Status', 'Totalpoäng']) {
      const cell = row.locator(`td[data-label="${label}"]`);
      const box = await cell.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `${label} syns inte inom skärmen: ${JSON.stringify(box)}`);
    }
    await page.context().close();
  });

  void it('375 px: knappar och länkar i sidhuvudet är minst 44 px höga', async () => {
    const page = await open(app, `/utvarderingar/${ids.burlov2020}`, 375);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main .button, header .nav-link, main select, main input[type=search]')]
        .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 30), h: e.getBoundingClientRect().height }))
        .filter((x) => x.h > 0 && x.h < 44),
    );
    assert.deepEqual(small, []);
    await page.context().close();
  });

  void it('375 px: diagrammen har korta etiketter (områdets nummer) och hela namnen i datatabellen', async () => {
    const page = await open(app, `/utvarderingar/${ids.burlov2020}`, 375);
    await page.waitForFunction(() => document.querySelectorAll('.chart svg').length >= 2);
    const bar = page.getByTestId('area-bar-chart');
    const texts = await bar.locator('svg text').allTextContents();
    assert.ok(!texts.some((t) => t.includes('Samhällsutveckling')), 'long names are not squeezed into the bar chart');
    // Each drawn label lies inside the chart (nothing clipped at the edges).
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('.chart')].flatMap((c) => {
        const box = c.getBoundingClientRect();
        return [...c.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)).map((r) => `${Math.round(r.left)}-${Math.round(r.right)}`);
      }),
    );
    assert.deepEqual(clipped, []);
    await bar.locator('summary').click();
    assert.match((await bar.locator('table').textContent()) ?? '', /2\. Samhällsutveckling/);
    await page.context().close();
  });

  // For each language: the interface strings of the other languages that differ from the language's own
  // (for Swedish: the English ones), and the 2020 framework titles in the other languages, must not appear
  // outside `lang`-marked content. Also axe at 1280 px in each language.
  const areaTitles = (l: 'sv' | 'en' | 'nb') => FRAMEWORK_2020.areas.map((a) => (l === 'sv' ? a.title : (titleTable('kk2020', l)?.areas[a.number] ?? a.title)));
  for (const [lang, own, others, otherLangs] of [
    ['sv', sv, [en], ['en']],
    ['en', en, [sv, nb], ['sv', 'nb']],
    ['nb', nb, [sv, en], ['sv', 'en']],
  ] as const) {
    void it(`på ${lang}: inga gränssnittstexter eller områdesnamn på andra språk utanför innehåll märkt lang`, async () => {
      const ownTitles = areaTitles(lang);
      const foreign = new Set<string>(otherLangs.flatMap((l) => areaTitles(l)).filter((title) => !ownTitles.includes(title)));
      for (const other of others)
        for (const [k, v] of Object.entries(other)) if (v !== own[k as keyof typeof own] && v.length >= 8 && !v.includes('{') && !Object.values(own).includes(v)) foreign.add(v);
      const leaks: string[] = [];
      for (const [name, p] of Object.entries(pages)) {
        if (name === 'edit') continue;
        const page = await open(app, p.url, 1280, { lang });
        await page.waitForTimeout(300);
        assert.equal(await page.getAttribute('html', 'lang'), lang, name);
        const text = await page.evaluate((l) => {
          const clone = document.body.cloneNode(true) as HTMLElement;
          clone.querySelectorAll(`[lang]:not([lang^="${l}"])`).forEach((e) => e.remove());
          return clone.innerText;
        }, lang);
        for (const s of foreign) if (containsPhrase(text, s)) leaks.push(`${name}: "${s}"`);
        for (const v of await axeViolations(page)) leaks.push(`${name} (axe, ${lang}): ${v}`);
        await page.context().close();
      }
      assert.deepEqual(leaks, []);
    });
  }
});
