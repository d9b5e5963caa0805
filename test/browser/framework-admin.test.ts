/**
 * Framework administration in a real browser: the administrator opens the list of versions (with the
 * evaluations using each), edits a subarea title, and a maximum below points already scored is refused
 * naming the evaluation it would break, with a link to it. Axe clean at 1280 and 375 px, no sideways scroll.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible, demoIds, screenshotPath, startTestApp, type DemoIds, type TestApp } from './harness.ts';

interface Fw {
  version: number;
  areas: Array<{ number: number; subareas: Array<{ id: string; title: string; max: number | null }> }>;
}

void describe('webbappen: ramverksadministration', () => {
  let app: TestApp;
  let ids: DemoIds;
  const shots = process.env.KOMPASS_SCREENSHOTS === '1';

  before(async () => {
    app = await startTestApp();
    ids = await demoIds(app);
  });
  after(async () => {
    await app?.close();
  });

  void it('listan, en ändrad titel och ett max under given poäng som vägras med utvärderingen namngiven', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Ramverk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ramverksversioner' }).waitFor();
    const row = page.getByTestId('frameworks-table').getByRole('row').filter({ hasText: 'kk2020' });
    const { body: list } = await app.api<{ items: Array<{ id: string; evaluationCount: number }> }>('/api/admin/frameworks');
    const used = list.items.find((f) => f.id === 'kk2020')?.evaluationCount ?? 0;
    assert.ok(used >= 1);
    assert.match((await row.textContent()) ?? '', new RegExp(`${used}`));
    await assertAccessible(page, 'ramverkslistan');

    await row.getByRole('link').click();
    await page.getByTestId('framework-page').waitFor();
    await page.getByTestId('framework-evaluations').getByRole('link', { name: 'Burlöv 2020' }).waitFor();
    const form = page.getByTestId('framework-edit');
    await form.locator('summary').first().click();
    const title = form.getByLabel('Titel, delområde 1.1', { exact: true });
    await title.fill('Strategi för demokratiutveckling och information (ändrad)');
    await form.getByLabel('Titel på engelska, delområde 1.1 (inofficiell översättning)', { exact: true }).fill('Strategy for democracy and information (edited)');
    await form.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    const { body: saved } = await app.api<Fw>('/api/frameworks/kk2020');
    assert.equal(saved.areas[0]?.subareas[0]?.title, 'Strategi för demokratiutveckling och information (ändrad)');
    const { body: titles } = await app.api<{ frameworks: Record<string, { subareas: Record<string, string> }> }>('/api/framework-titles/en');
    assert.equal(titles.frameworks.kk2020?.subareas['1.1'], 'Strategy for democracy and information (edited)');

    // A maximum below Burlöv 2020's points in 1.1 (the area still sums to 100): refused, Burlöv named and linked.
    const { body: burlov } = await app.api<{ scores: Record<string, number> }>(`/api/evaluations/${ids.burlov2020}`);
    const scored = burlov.scores['1.1'] ?? 0;
    assert.ok(scored >= 2, 'Burlöv 2020 has points in 1.1');
    const [s11, s12] = saved.areas[0]?.subareas ?? [];
    assert.ok(s11?.max && s12?.max);
    const lowered = Math.floor(scored) - 1;
    await form.locator('summary').first().click(); // the form is rebuilt from the stored version after a save
    await form.getByLabel('Max, delområde 1.1', { exact: true }).fill(String(lowered));
    await form.getByLabel('Max, delområde 1.2', { exact: true }).fill(String(s12.max + s11.max - lowered));
    await form.getByRole('button', { name: 'Spara ändringarna' }).click();
    const refusal = page.getByTestId('framework-refusal');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', new RegExp(`Burlöv 2020: Delområde 1\\.1: .* poäng är mer än max ${lowered}`));
    await refusal.getByRole('link', { name: 'Burlöv 2020' }).waitFor();
    const { body: unchanged } = await app.api<Fw>('/api/frameworks/kk2020');
    assert.equal(unchanged.areas[0]?.subareas[0]?.max, s11.max, 'nothing written');
    assert.equal(unchanged.version, saved.version);
    await assertAccessible(page, 'ramverk med vägrad ändring');
    if (shots) await page.screenshot({ path: screenshotPath('framework-admin.png'), fullPage: false });

    // The same page on a phone: no sideways scroll, axe clean.
    await page.setViewportSize({ width: 375, height: 900 });
    await refusal.waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal page scroll at 375 px');
    await assertAccessible(page, 'ramverk 375 px');
    await page.goto('/ramverk');
    await page.getByTestId('frameworks-table').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'list: no horizontal page scroll at 375 px');
    await assertAccessible(page, 'ramverkslistan 375 px');

    // The edited translation is what an English reader sees (titles are loaded with the language).
    const english = await app.newPage({ anonymous: true });
    await english.addInitScript(() => window.localStorage.setItem('kompass.lang', 'en'));
    await english.goto(`/utvarderingar/${ids.burlov2020}`);
    await english.getByText('Strategy for democracy and information (edited)').first().waitFor();
    assert.deepEqual(app.pageErrors, []);
  });
});
