/** Goda exempel: filter by subarea, free-text search, shareable address, empty state, keyboard and axe. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, demoApp, screenshotPath, settled, settledValue } from './harness.ts';

void describe('webbappen: goda exempel', () => {
  const demo = demoApp();

  void it('nås från menyn och filtrerar på delområde 1.3: Burlövs beskrivning med procent och länk', async () => {
    const page = await demo.app.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Goda exempel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Goda exempel' }).waitFor();
    assert.match(page.url(), /\/goda-exempel$/);
    const cards = page.locator('[data-testid=example-list] .example-card');
    await cards.first().waitFor();
    assert.match((await page.getByTestId('example-count').textContent()) ?? '', /^(Visar \d+ av )?\d+ träffar$/);
    // The newest framework version is chosen by default.
    assert.equal(await page.getByRole('combobox', { name: 'Version' }).inputValue(), 'kk2020');
    await assertAccessible(page, 'goda exempel');

    await page.getByRole('combobox', { name: 'Delområde' }).selectOption('1.3');
    await page.waitForURL(/subarea=1\.3/);
    assert.equal(await settledValue(page.getByRole('combobox', { name: 'Område', exact: true }), '1'), '1');
    const narrative = cards.filter({ hasText: 'infrastrukturprojekt' });
    await narrative.waitFor();
    assert.equal(await settled(() => cards.count(), 1), 1);
    assert.equal(await settled(async () => (await page.getByTestId('example-count').textContent())?.trim(), '1 träff'), '1 träff');
    const text = (await narrative.textContent()) ?? '';
    assert.match(text, /Beskrivning/);
    assert.match(text, /1\.3 /);
    assert.match(text, /83\u00a0% av poängen i delområdet/);
    const link = narrative.getByRole('link', { name: 'Burlöv 2020' });
    assert.equal(await link.getAttribute('href'), `/utvarderingar/${demo.ids.burlov2020}#d-1.3`);
    await page.getByText('Styrkor gäller ett helt område').waitFor();
    await assertAccessible(page, 'goda exempel, delområde 1.3');

    // The hit opens the evaluation at its paragraph.
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    const paragraph = page.locator('#d-1\\.3');
    await paragraph.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'd-1.3');
    assert.match((await paragraph.textContent()) ?? '', /infrastrukturprojekt/);
    assert.equal(await paragraph.evaluate((el) => el.classList.contains('passage-target')), true);
  });

  void it('sökning markerar orden, filter på län och år står i adressen, alla versioner kan väljas', async () => {
    const page = await demo.app.newPage();
    await page.goto('/goda-exempel');
    await page.locator('[data-testid=example-list] .example-card').first().waitFor();
    await page.getByRole('searchbox', { name: 'Sök i texterna' }).fill('dialog');
    await page.waitForURL(/q=dialog/);
    const excerpt = page.locator('.example-card', { hasText: 'infrastrukturprojekt' }).getByTestId('example-excerpt');
    // The card is already listed before the search answers (without marks): wait for the search's excerpt.
    await excerpt.locator('mark').first().waitFor();
    assert.deepEqual(await excerpt.locator('mark').allTextContents(), ['Dialogen']);
    // Burlöv is in Skåne (county 12): that county keeps the hits, Stockholm (01) has none.
    await page.getByRole('combobox', { name: 'Län' }).selectOption('12');
    await page.waitForURL(/county=12/);
    await excerpt.waitFor();
    await page.getByRole('combobox', { name: 'Län' }).selectOption('01');
    await page.getByText('Inga goda exempel hittades').waitFor();
    await page.getByRole('combobox', { name: 'Län' }).selectOption('');
    await page.getByLabel('Från år').fill('2021');
    await page.waitForURL(/yearFrom=2021/);
    await page.getByText('Inga goda exempel hittades').waitFor();
    await page.getByLabel('Från år').fill('2020');
    await excerpt.waitFor();
    await page.getByRole('combobox', { name: 'Version' }).selectOption('all');
    await page.waitForURL(/framework=all/);
    await page.getByText('Områden och delområden skiljer sig mellan versionerna').waitFor();
    await excerpt.waitFor();
    await assertAccessible(page, 'goda exempel, markerade ord och filter');
  });

  void it('utvärderingssidans delområdesrad länkar till goda exempel för just det delområdet', async () => {
    const page = await demo.app.newPage();
    await page.goto(`/utvarderingar/${demo.ids.burlov2020}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    const row = page.locator('[data-testid=subarea-table-1] tr[data-subarea="1.3"]');
    const link = row.getByRole('link', { name: 'Goda exempel för 1.3 Medborgarnas möjlighet till dialog med politiken' });
    assert.equal(await link.getAttribute('href'), '/goda-exempel?framework=kk2020&subarea=1.3');
    // The number cells stay as they were.
    assert.deepEqual((await row.locator('td').allTextContents()).map((s) => s.trim()), ['25', '30', '83\u00a0%']);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Goda exempel' }).waitFor();
    // The subarea choices exist once the framework has loaded.
    assert.equal(await settledValue(page.getByRole('combobox', { name: 'Version' }), 'kk2020'), 'kk2020');
    assert.equal(await settledValue(page.getByRole('combobox', { name: 'Delområde' }), '1.3'), '1.3');
    const cards = page.locator('[data-testid=example-list] .example-card');
    await cards.filter({ hasText: 'infrastrukturprojekt' }).waitFor();
    assert.equal(await cards.count(), 1);
    for (const text of await cards.allTextContents()) assert.match(text, /1\.3 /);
  });

  void it('fritext "basuppdrag" hittar Burlövs styrka och hamnar i adressen', async () => {
    const page = await demo.app.newPage();
    await page.goto('/goda-exempel');
    await page.locator('[data-testid=example-list] .example-card').first().waitFor();
    await page.getByRole('searchbox', { name: 'Sök i texterna' }).fill('basuppdrag');
    await page.waitForURL(/q=basuppdrag/);
    const card = page.locator('.example-card', { hasText: 'Basuppdrag som tydliggör chefers roller' });
    await card.waitFor();
    assert.equal(await settled(() => page.locator('.example-card').count(), 1), 1);
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Styrka/);
    assert.match(text, /Område 8/);
    assert.match(text, /Burlöv 2020/);
    assert.match(text, /\d+\u00a0% av poängen i området/);
    await assertAccessible(page, 'goda exempel, fritext');

    await page.getByRole('searchbox', { name: 'Sök i texterna' }).fill('');
    await page.getByRole('combobox', { name: 'Område', exact: true }).selectOption('1');
    await page.locator('.example-card', { hasText: 'infrastrukturprojekt' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('good-examples.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1300 } });
  });

  void it('en delad adress återställer filtren; tomt resultat förklaras och filtret kan rensas med tangentbordet', async () => {
    const page = await demo.app.newPage();
    await page.goto('/goda-exempel?framework=kk2020&subarea=1.3&kind=strength');
    await page.getByText('Inga goda exempel hittades').waitFor();
    await page.getByText('Styrkor anges för hela områden').waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Delområde' }).inputValue(), '1.3');
    assert.equal(await page.getByRole('combobox', { name: 'Typ' }).inputValue(), 'strength');
    assert.equal((await page.getByTestId('example-count').textContent())?.trim(), 'Inga träffar');
    await assertAccessible(page, 'goda exempel, tomt');

    const reset = page.locator('.example-empty').getByRole('button', { name: 'Rensa filter' });
    await reset.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=example-list] .example-card').first().waitFor();
    assert.equal(new URL(page.url()).search, '?framework=kk2020');

    // Typing in the search box searches; Tab moves on to the filters.
    await page.getByRole('searchbox', { name: 'Sök i texterna' }).focus();
    await page.keyboard.type('samverkan');
    await page.waitForURL(/q=samverkan/);
    await page.locator('.example-card', { hasText: 'Samverkan med grannkommuner' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('id')?.endsWith('-fw')), true);
  });

  void it('"Visa fler" hämtar nästa sida och flyttar fokus till första nya exemplet (API:t ersatt med 45 utpekade exempel)', async () => {
    const page = await demo.app.newPage();
    // The demo data has fewer hits than a page, so the answer is stubbed here to exercise paging.
    await page.route('**/api/good-examples?*', async (route) => {
      const url = new URL(route.request().url());
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const total = 45;
      const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
        kind: 'good-example',
        evaluationId: demo.ids.burlov2020,
        municipality: { code: '1231', name: 'Burlöv' },
        year: 2020,
        frameworkId: 'kk2020',
        areaNumber: 1,
        areaTitle: 'Samspel mellan förtroendevalda och medborgare',
        subareaId: '1.3',
        subareaTitle: 'Medborgarnas möjlighet till dialog med politiken',
        example: { code: '1880', name: 'Örebro' },
        text: `Exempel nummer ${offset + i + 1}`,
        excerpt: [{ text: `Exempel nummer ${offset + i + 1}`, hit: false }],
        anchor: `g-1-${offset + i + 1}`,
        percent: 90,
        rank: null,
      }));
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items, count: total, countIsLowerBound: false }) });
    });
    await page.goto('/goda-exempel?subarea=1.3&kind=good-example');
    const cards = page.locator('[data-testid=example-list] .example-card');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 20);
    assert.equal((await page.getByTestId('example-count').textContent())?.trim(), 'Visar 20 av 45 träffar');
    const first = (await cards.first().textContent()) ?? '';
    assert.match(first, /Gott exempel/);
    assert.match(first, /Exempel: Örebro/);
    assert.match(first, /90\u00a0% av poängen i delområdet/);

    const more = page.getByRole('button', { name: 'Visa fler' });
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Exempel nummer 21') === true);
    assert.equal(await cards.count(), 40);
    await more.click();
    await page.getByText('Exempel nummer 45').waitFor();
    assert.equal((await page.getByTestId('example-count').textContent())?.trim(), '45 träffar');
    assert.equal(await more.count(), 0);
    await assertAccessible(page, 'goda exempel, flera sidor');
    assert.deepEqual(demo.app.pageErrors, []);
  });
});
