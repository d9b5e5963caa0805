/** Comparisons across framework versions (through the concordance, or totals only) and the benchmarks page, in a real browser. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, demoApp, publicScreenshot, waitForCharts } from './harness.ts';

interface Concordance {
  pairs: Array<{ level: string; from: string; to: string; relation: string }>;
  notes: string;
  version: number;
}

/** Row area (reference version) → the area of the other evaluation shown in that row ('' = none). */
const counterparts = (page: Page, evaluationId: string) =>
  page.evaluate(
    (id) =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-testid=compare-table] tbody tr')].map((tr) => [tr.getAttribute('data-area'), tr.querySelector(`td[data-evaluation="${id}"]`)?.getAttribute('data-counterpart') ?? '']),
      ),
    evaluationId,
  );

void describe('webbappen: jämförelser mellan metodversioner och jämförelsetal', () => {
  const demo = demoApp();

  void it('jämförelse 2020 mot 2010: områdena paras genom konkordansen, aldrig efter nummer; utan konkordans bara totalpoäng med förbehåll', async () => {
    const { body: conc } = await demo.app.api<Concordance>('/api/concordances/kk2020/kk2010');
    const expected = Object.fromEntries(conc.pairs.filter((p) => p.level === 'area').map((p) => [p.from, p.to]));
    const page = await demo.app.newPage({ height: 1000 });
    await page.goto(`/jamfor?ids=${demo.ids.burlov2020},${demo.ids.orebro2015}`);
    await waitForCharts(page);
    assert.match((await page.getByTestId('version-note').textContent()) ?? '', /konkordansen/);
    assert.equal(await page.getByTestId('compare-table').getAttribute('data-mode'), 'concordance');
    const shown = await counterparts(page, demo.ids.orebro2015);
    assert.deepEqual(shown, Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8'].map((n) => [n, expected[n] ?? ''])));
    // 2020 area 5 "Brukarens fokus" is compared with 2010 area 2 "Tillgänglighet och brukarorientering", not with 2010 area 5.
    assert.equal(shown['5'], '2');
    const row5 = page.locator('[data-testid=compare-table] tbody tr[data-area="5"]');
    assert.match((await row5.textContent()) ?? '', /Tillgänglighet och brukarorientering/);
    await assertAccessible(page, 'jämförelse mellan versioner');

    // Without a concordance (an administrator empties it): totals only, with the caveat.
    const emptied = await demo.app.api<Concordance>('/api/concordances/kk2020/kk2010', { method: 'PUT', json: { pairs: [], notes: conc.notes, expectedVersion: conc.version } });
    assert.equal(emptied.status, 200);
    try {
      await page.reload();
      await waitForCharts(page);
      await page.locator('[data-testid=compare-table][data-mode=totals-only]').waitFor();
      assert.match((await page.getByTestId('version-note').textContent()) ?? '', /ingen konkordans/);
      assert.equal(await page.locator('[data-testid=compare-table] tbody tr').count(), 0, 'no area rows at all');
      assert.deepEqual((await page.getByTestId('compare-total').allTextContents()).map((s) => s.trim()), ['595', '650']);
      await assertAccessible(page, 'jämförelse utan konkordans');
    } finally {
      const restored = await demo.app.api<Concordance>('/api/concordances/kk2020/kk2010', { method: 'PUT', json: { pairs: conc.pairs, notes: conc.notes, expectedVersion: emptied.body.version } });
      assert.equal(restored.status, 200);
    }
  });

  void it('jämförelsetal: fördelning per område, kommunens placering i länet, öppna data; tillgängligt och utan sidledes rullning på 375 px', async () => {
    const page = await demo.app.newPage({ height: 1100 });
    await page.goto('/jamforelsetal?framework=kk2010');
    await page.getByRole('heading', { level: 1, name: 'Jämförelsetal' }).waitFor();
    await waitForCharts(page);
    const total = page.locator('[data-testid=bench-table] tfoot tr[data-key=total] td');
    assert.equal((await total.first().textContent())?.trim(), '5', 'n: the five published 2010-revision demo evaluations');
    await page.getByLabel('Kommun', { exact: true }).fill('Örebro');
    await page.getByRole('button', { name: /Örebro/ }).first().click();
    await page.getByTestId('bench-rank-summary').waitFor();
    assert.match((await page.getByTestId('bench-rank-summary').textContent()) ?? '', /Örebro har plats 1 av 1 i Örebro län/);
    assert.ok(await page.getByRole('link', { name: 'CSV' }).first().getAttribute('href'));
    await assertAccessible(page, 'jämförelsetal');
    await publicScreenshot(demo.app, page.url(), 'benchmarks.png', 1600);

    const phone = await demo.app.newPage({ width: 375, height: 900 });
    await phone.goto('/jamforelsetal?framework=kk2010&municipality=1880');
    await waitForCharts(phone);
    await phone.getByTestId('bench-standing').waitFor();
    const o = await phone.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
    assert.ok(o.sw <= o.cw, `scrollWidth ${o.sw} > clientWidth ${o.cw}`);
    await assertAccessible(phone, 'jämförelsetal 375 px');
    assert.deepEqual(demo.app.pageErrors, []);
  });
});
