/** Reading pages in a real browser: start, municipality, evaluation (Burlöv 2020), language switch, keyboard. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, demoApp, publicScreenshot, waitForCharts } from './harness.ts';

void describe('webbappen: läsande sidor', () => {
  const demo = demoApp();

  void it('startsidan listar utvärderingar, söker kommun och filtrerar', async () => {
    const page = await demo.app.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Utvärderingar' }).waitFor();
    const rows = page.locator('[data-testid=evaluation-list] tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 7, "six published demo evaluations and the Göteborg demo shared for review");
    await assertAccessible(page, 'start');

    await page.getByRole('searchbox', { name: 'Sök kommun' }).fill('Burl');
    const hit = page.locator('.search-results a', { hasText: 'Burlöv' });
    await hit.waitFor();
    await page.getByRole('searchbox', { name: 'Sök kommun' }).fill('1880');
    await page.locator('.search-results a', { hasText: 'Örebro' }).waitFor();

    await page.getByRole('combobox', { name: 'År' }).selectOption('2010');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=evaluation-list] tbody tr').length === 2);
    assert.match(page.url(), /ar=2010/);
    await page.getByRole('combobox', { name: 'Version' }).selectOption('kk2020');
    await page.getByText('Inga utvärderingar matchar filtret.').waitFor();
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=evaluation-list] tbody tr').length === 7);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('published');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=evaluation-list] tbody tr').length === 6);
    await assertAccessible(page, 'start med filter');
  });

  void it('Burlöv 2020: fakta, totalpoäng, områdespoäng, delområdestabeller och diagram med datatabeller', async () => {
    const page = await demo.app.newPage();
    await page.goto(`/utvarderingar/${demo.ids.burlov2020}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    await waitForCharts(page);
    assert.equal((await page.getByTestId('total-score').textContent())?.trim(), '595');
    const areaScores = await page.locator('[data-testid=area-overview] tbody td[data-cell=score]').allTextContents();
    assert.deepEqual(areaScores.map((s) => s.trim()), ['79', '72', '80', '73', '70', '68', '78', '75']);
    const facts = (await page.getByTestId('facts').textContent()) ?? '';
    assert.match(facts, /2020-12-08/);
    assert.match(facts, /december 2020/);
    assert.match(facts, /Kommunens 2:a utvärdering/);
    assert.match(facts, /cirka 40 personer/);
    // Subarea table: Uppnått / Max / Procent in Swedish format.
    const row = page.locator('[data-testid=subarea-table-1] tr[data-subarea="1.3"]');
    assert.deepEqual((await row.locator('td').allTextContents()).map((s) => s.trim()), ['25', '30', '83\u00a0%']);
    // Strengths and improvements side by side.
    await page.locator('#omrade-1 .list-box.strengths li').first().waitFor();
    assert.ok((await page.locator('#omrade-1 .list-box.improvements li').count()) > 0);
    // Every chart has an accessible name and a data table behind it.
    for (const testId of ['area-bar-chart', 'profile-radar-chart']) {
      const fig = page.getByTestId(testId);
      const label = await fig.locator('.chart').getAttribute('aria-label');
      assert.ok(label && label.length > 20, `${testId} saknar textalternativ`);
      await fig.locator('summary').click();
      assert.equal(await fig.locator('table tbody tr').count(), 8);
    }
    // Report downloads.
    assert.match((await page.getByRole('link', { name: 'PDF' }).getAttribute('href')) ?? '', /report\.pdf$/);
    assert.match((await page.getByRole('link', { name: 'Word' }).getAttribute('href')) ?? '', /report\.docx$/);
    await assertAccessible(page, 'utvärdering');

    await publicScreenshot(demo.app, page.url(), 'evaluation.png', 1750);
  });

  void it('okända poäng visas som okända, inte som noll (Örebro 2015)', async () => {
    const page = await demo.app.newPage();
    await page.goto(`/utvarderingar/${demo.ids.orebro2015}`);
    await page.getByRole('heading', { level: 1, name: 'Örebro 2015' }).waitFor();
    const first = page.locator('[data-testid=area-overview] tbody tr[data-area="1"] td[data-cell=score]');
    assert.equal((await first.textContent())?.replace(/\s+/g, ''), '–okänt');
    const sub = page.locator('[data-testid=subarea-table-1] tr[data-subarea="1.1"] td[data-cell=achieved]');
    assert.match((await sub.textContent()) ?? '', /okänt/);
    await assertAccessible(page, 'utvärdering med okända värden');
  });

  void it('kommunsidan: utvärderingar i tidsordning, trenddiagram och not om versioner', async () => {
    const page = await demo.app.newPage();
    await page.goto('/kommuner/1880');
    await page.getByRole('heading', { level: 1, name: 'Örebro' }).waitFor();
    await waitForCharts(page);
    const years = await page.locator('[data-testid=municipality-evaluations] tbody th').allTextContents();
    assert.deepEqual(years.map((y) => y.trim()), ['oktober 2015', '2012', '2010']);
    const totals = await page.locator('[data-testid=municipality-evaluations] tbody td strong').allTextContents();
    assert.deepEqual(totals.map((t) => t.trim()), ['650', '615', '515']);
    await page.getByTestId('trend-chart').locator('summary').click();
    assert.equal(await page.getByTestId('trend-chart').locator('tbody tr').count(), 3);
    await assertAccessible(page, 'kommun');
  });

  void it('kommunsidan markerar versionsbyte när en kommun har utvärderingar i två versioner', async () => {
    // Burlöv gets an older evaluation in the 2010 version; the page then says the scores are only partly comparable.
    const created = await demo.app.api<{ id: string }>('/api/evaluations', {
      method: 'POST',
      json: { municipalityCode: '1231', frameworkId: 'kk2010', year: 2014, status: 'draft', statedTotal: 480 },
    });
    assert.equal(created.status, 201);
    const page = await demo.app.newPage();
    await page.goto('/kommuner/1231');
    await page.getByRole('heading', { level: 1, name: 'Burlöv' }).waitFor();
    await waitForCharts(page);
    await page.getByText(/bara delvis jämförbara/).waitFor();
    await page.getByText('Ny version: Kommunkompassen 2020').waitFor();
    await assertAccessible(page, 'kommun med två versioner');
    const del = await demo.app.api(`/api/evaluations/${created.body.id}?expectedVersion=1`, { method: 'DELETE' });
    assert.equal(del.status, 204);
  });

  void it('språkväljaren (svenska, engelska, norska) sparas och sätter <html lang>', async () => {
    const page = await demo.app.newPage();
    await page.goto(`/utvarderingar/${demo.ids.burlov2020}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    const languages = page.getByRole('group', { name: 'Språk' });
    assert.equal(await languages.getByRole('button', { name: 'Svenska' }).getAttribute('aria-pressed'), 'true');
    await languages.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Results per area' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.reload();
    await page.getByRole('heading', { name: 'Results per area' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await assertAccessible(page, 'evaluation (English)');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Norsk bokmål' }).click();
    await page.getByRole('heading', { name: 'Resultater per område' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    await page.reload();
    await page.getByRole('heading', { name: 'Resultater per område' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    await assertAccessible(page, 'evaluation (Norwegian)');
    await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { name: 'Resultat per område' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  });

  void it('tangentbord: hopplänk, meny och länkar nås med Tab och Enter', async () => {
    const page = await demo.app.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Hoppa till innehållet');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => location.hash), '#main');
    // Walk to the first evaluation link with Tab and open it with Enter.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Burlöv 2020');
    }
    assert.ok(found, 'länken Burlöv 2020 nåddes inte med Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });

  void it('okänd adress ger en sida som säger det', async () => {
    const page = await demo.app.newPage();
    await page.goto('/finns/inte');
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await assertAccessible(page, '404');
    assert.deepEqual(demo.app.pageErrors, []);
  });
});
