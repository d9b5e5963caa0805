/** Import preview with corrections in a real browser: move an unsorted item, reassign a text, save, see it on the draft. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedPath } from '../unit/importer/seeds.ts';
import { assertAccessible, startTestApp, type TestApp } from './harness.ts';

void describe('webbappen: rätta importen innan den sparas', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app?.close();
  });

  void it('Borås 2013: flytta en osorterad punkt till Styrkor, flytta en text till ett annat delområde, spara och se det på utkastet', async () => {
    const page = await app.newPage({ height: 1200 });
    await page.goto('/importera');
    await page.getByLabel('Rapportfil').setInputFiles(seedPath('002'));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-review').waitFor({ timeout: 60_000 });
    // The texts are shown, not only counts; area 3's items from the flattened table are listed.
    const unsorted = page.getByTestId('import-list-3-unsorted');
    const items = (await unsorted.getByTestId('import-item').allTextContents()).map((s) => s.trim());
    assert.ok(items.some((s) => s.startsWith('Rutiner för uppföljning')), items.join(' | '));
    assert.ok((await page.getByTestId('import-list-3-improvements').textContent())?.includes('kontrollera'));
    await assertAccessible(page, 'import med rättelser');

    // Keyboard-usable controls with labels: move the item, reassign 1.1's text to 1.4.
    await page.getByLabel('Flytta "Rutiner för uppföljning" till').selectOption('strengths');
    assert.ok((await page.getByTestId('import-list-3-strengths').textContent())?.includes('Rutiner för uppföljning'));
    assert.ok(!(await unsorted.textContent())?.includes('Rutiner för uppföljning'));
    // Areas without anything to check start folded; open area 1 from the keyboard.
    await page.getByTestId('import-area-1').locator('summary').focus();
    await page.keyboard.press('Enter');
    const text11 = (await page.getByTestId('import-texts-1').getByTestId('import-text').first().textContent()) ?? '';
    assert.match(text11, /Borås har ambitioner att utveckla demokratin/);
    await page.getByLabel('Texten under 1.1 hör till delområde').selectOption('1.4');
    await page.getByTestId('import-corrections').waitFor();
    assert.match((await page.getByTestId('import-corrections').textContent()) ?? '', /2 ändringar/);

    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    const href = (await page.getByRole('link', { name: 'Öppna utvärderingen' }).getAttribute('href')) ?? '';
    const id = /\/utvarderingar\/([^/]+)/.exec(href)?.[1];
    assert.ok(id, href);

    // On the draft: the item is a strength of area 3, the text is under 1.4 and no longer under 1.1.
    const res = await app.api<{ source: { corrected?: { count: number } }; areas: Array<{ number: number; strengths: string[]; narratives: Record<string, string> }> }>(`/api/evaluations/${id}`);
    assert.equal(res.status, 200);
    const ev = res.body;
    assert.equal(ev.source.corrected?.count, 2);
    const a3 = ev.areas.find((a) => a.number === 3);
    assert.ok(a3?.strengths.includes('Rutiner för uppföljning'));
    const a1 = ev.areas.find((a) => a.number === 1);
    assert.match(a1?.narratives['1.4'] ?? '', /Borås har ambitioner att utveckla demokratin/);
    assert.equal(a1?.narratives['1.1'] ?? '', '');
    await page.goto(`/utvarderingar/${id}`);
    await page.getByText('Rutiner för uppföljning').first().waitFor();
    assert.deepEqual(app.pageErrors, []);
  });
});
