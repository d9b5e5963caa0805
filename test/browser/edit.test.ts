/** Editing in a real browser: correction of Burlöv 2020, live validation, save and reload, the stale-save conflict, Markdown safety. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, demoIds, startTestApp, type DemoIds, type TestApp } from './harness.ts';

interface EvaluationBody {
  id: string;
  version: number;
  status: string;
  scores: Record<string, number>;
  areas: Array<{ number: number; strengths: string[]; narratives: Record<string, string> }>;
}

async function openEditor(page: Page, id: string): Promise<void> {
  await page.goto(`/utvarderingar/${id}/redigera`);
  await page.getByTestId('score-grid').waitFor();
}

void describe('webbappen: redigera', () => {
  let app: TestApp;
  let ids: DemoIds;
  let draftId = '';
  before(async () => {
    app = await startTestApp();
    ids = await demoIds(app);
  });
  after(async () => {
    await app?.close();
  });

  void it('läser Burlöv 2020, skapar en rättelse, ändrar ett delområde med validering, sparar och ser det efter omladdning', async () => {
    const page = await app.newPage();
    await page.goto(`/utvarderingar/${ids.burlov2020}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    const row = page.locator('[data-testid=subarea-table-1] tr[data-subarea="1.2"] td[data-cell=achieved]');
    assert.equal((await row.textContent())?.trim(), '8');

    await page.getByRole('link', { name: 'Redigera' }).click();
    await page.getByText('Utvärderingen är publicerad').waitFor();
    await assertAccessible(page, 'redigera publicerad');
    await page.getByTestId('create-correction').click();
    await page.getByTestId('score-grid').waitFor();
    draftId = /utvarderingar\/([^/]+)\/redigera/.exec(page.url())?.[1] ?? '';
    assert.ok(draftId && draftId !== ids.burlov2020, 'rättelsen ska vara en ny utvärdering');

    const input = page.getByLabel('1.2 Kommunens information till medborgarna');
    assert.equal(await input.inputValue(), '8');
    assert.equal((await page.getByTestId('live-total').textContent())?.trim(), '595');

    // Above the maximum: message at once, field marked invalid, totals no longer count it.
    await input.fill('11');
    const message = page.getByText('Delområde 1.2: 11 poäng är mer än max 10.');
    await message.waitFor();
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.equal((await page.getByTestId('live-area-1').textContent())?.replace(/\s+/g, ''), '–okänt');
    await assertAccessible(page, 'redigera med valideringsfel');
    // Saving is refused with a summary that links to the field.
    await page.getByTestId('save').click();
    await page.getByTestId('error-summary').waitFor();
    await page.getByTestId('error-summary').getByRole('link').click();
    await page.waitForFunction(() => document.activeElement?.id === 'poang-1-2');

    // A decimal with comma; totals update live.
    await input.fill('9,5');
    await message.waitFor({ state: 'detached' });
    assert.equal((await page.getByTestId('live-area-1').textContent())?.trim(), '80,5');
    assert.equal((await page.getByTestId('live-total').textContent())?.trim(), '596,5');
    // A decimal with point is accepted too.
    await page.getByLabel('1.4 Transparens kring resultat').fill('6.0');
    assert.match((await page.getByTestId('save-state').textContent()) ?? '', /Osparade ändringar \(1\)/);

    await page.getByTestId('save').click();
    await page.getByText(/^Sparat /).waitFor();
    await page.reload();
    await page.getByTestId('score-grid').waitFor();
    assert.equal(await page.getByLabel('1.2 Kommunens information till medborgarna').inputValue(), '9,5');
    const stored = await app.api<EvaluationBody>(`/api/evaluations/${draftId}`);
    assert.equal(stored.body.scores['1.2'], 9.5);
    assert.equal(stored.body.status, 'draft');

    await page.goto(`/utvarderingar/${draftId}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    assert.equal((await page.locator('[data-testid=subarea-table-1] tr[data-subarea="1.2"] td[data-cell=achieved]').textContent())?.trim(), '9,5');
    assert.equal((await page.locator('[data-testid=subarea-table-1] tr[data-subarea="1.2"] td').nth(2).textContent())?.trim(), '95\u00a0%');
  });

  void it('texter: Markdown med förhandsgranskning körs aldrig som skript; styrkor i ordning', async () => {
    assert.ok(draftId);
    const page = await app.newPage();
    await openEditor(page, draftId);
    await page.getByRole('tab', { name: 'Texter per område' }).click();
    await page.getByTestId('area-texts').waitFor();
    await assertAccessible(page, 'redigera texter');
    const narrative = page.getByRole('textbox', { name: 'Iakttagelser, 1.1 Strategi för demokratiutveckling och information', exact: true });
    await narrative.fill('**Fet** text <img src=x onerror="window.__xss=1"><script>window.__xss=2</script> [länk](javascript:window.__xss=3)');
    await page.getByTestId('berattelse-1-1-preview').click();
    const preview = page.locator('.md-preview').first();
    await preview.locator('strong', { hasText: 'Fet' }).waitFor();
    assert.equal(await preview.locator('script').count(), 0);
    assert.equal(await preview.locator('[onerror]').count(), 0);
    const href = await preview.locator('a').getAttribute('href');
    assert.ok(!href || !href.startsWith('javascript:'), `farlig länk: ${href}`);
    await page.locator('a', { hasText: 'länk' }).click({ trial: true }).catch(() => undefined);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);

    // Strengths: add one and move it to the top with the keyboard-operable buttons.
    const strengths = page.getByRole('group', { name: 'Styrkor' });
    await strengths.getByRole('button', { name: 'Lägg till punkt' }).click();
    const items = strengths.locator('textarea');
    const n = await items.count();
    await items.nth(n - 1).fill('Ny styrka överst');
    for (let i = n; i > 1; i--) await strengths.getByRole('button', { name: `Flytta punkt ${i} upp` }).click();
    assert.equal(await items.nth(0).inputValue(), 'Ny styrka överst');
    await page.getByTestId('save').click();
    await page.getByText(/^Sparat /).waitFor();
    const stored = await app.api<EvaluationBody>(`/api/evaluations/${draftId}`);
    const area1 = stored.body.areas.find((a) => a.number === 1);
    assert.equal(area1?.strengths[0], 'Ny styrka överst');
    assert.match(area1?.narratives['1.1'] ?? '', /\*\*Fet\*\*/);

    // The evaluation page renders the narrative without running it.
    await page.goto(`/utvarderingar/${draftId}`);
    await page.locator('#omrade-1 .narrative strong', { hasText: 'Fet' }).waitFor();
    assert.equal(await page.locator('#omrade-1 .narrative script, #omrade-1 .narrative [onerror]').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });

  void it('fakta och utvärderare sparas; flikar nås med piltangenter', async () => {
    const page = await app.newPage();
    await openEditor(page, draftId);
    await page.getByRole('tab', { name: 'Poäng' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('area-texts').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'flik-texter');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('facts-form').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Fakta');
    // Status is not edited here: it changes in the evaluation page's workflow panel (rules and confirmation).
    assert.equal(await page.getByTestId('facts-form').getByRole('combobox', { name: 'Status' }).count(), 0);
    assert.match((await page.getByTestId('facts-status').textContent()) ?? '', /Status: Utkast/);
    assert.equal(await page.getByTestId('facts-status').getByRole('link', { name: 'Till utvärderingssidan' }).getAttribute('href'), `/utvarderingar/${draftId}`);
    await assertAccessible(page, 'redigera fakta');
    await page.getByLabel('Antal intervjuade').fill('fyrtio');
    await page.getByText('Antal intervjuade: skriv ett heltal.').waitFor();
    await page.getByLabel('Antal intervjuade').fill('42');
    await page.getByRole('button', { name: 'Lägg till utvärderare' }).click();
    await page.locator('#utvarderare-1-namn').fill('Anna Andersson');
    await page.locator('#utvarderare-1-org').fill('Lunds kommun');
    await page.getByTestId('save').click();
    await page.getByText(/^Sparat /).waitFor();
    await page.goto(`/utvarderingar/${draftId}`);
    const facts = (await page.getByTestId('facts').textContent()) ?? '';
    assert.match(facts, /cirka 42 personer/);
    assert.match(facts, /Anna Andersson, Lunds kommun/);
  });

  void it('konflikt: en inaktuell kopia visar vem som ändrat vad, och inget skrivet går förlorat', async () => {
    const alice = await app.newPage();
    const bob = await app.newPage();
    await openEditor(alice, draftId);
    await openEditor(bob, draftId);

    // Bob changes 1.3 and saves first.
    await bob.getByLabel('1.3 Medborgarnas möjlighet till dialog med politiken').fill('27');
    await bob.getByTestId('save').click();
    await bob.getByText(/^Sparat /).waitFor();

    // Alice, on the stale copy, changes 1.5 and saves: conflict.
    await alice.getByLabel('1.5 Förutsättningar för politiken').fill('28,5');
    await alice.getByTestId('save').click();
    const conflict = alice.getByTestId('conflict');
    await conflict.waitFor();
    await conflict.getByText('Någon annan har ändrat utvärderingen').waitFor();
    const text = (await conflict.textContent()) ?? '';
    assert.match(text, /Poäng 1\.3/);
    assert.match(text, /27/);
    await assertAccessible(alice, 'konflikt');
    // Alice's typing is still there.
    assert.equal(await alice.getByLabel('1.5 Förutsättningar för politiken').inputValue(), '28,5');

    await conflict.getByRole('button', { name: 'Ladda om och behåll mina ändringar' }).click();
    await conflict.waitFor({ state: 'detached' });
    assert.equal(await alice.getByLabel('1.3 Medborgarnas möjlighet till dialog med politiken').inputValue(), '27');
    assert.equal(await alice.getByLabel('1.5 Förutsättningar för politiken').inputValue(), '28,5');
    await alice.getByTestId('save').click();
    await alice.getByText(/^Sparat /).waitFor();

    const stored = await app.api<EvaluationBody>(`/api/evaluations/${draftId}`);
    assert.equal(stored.body.scores['1.3'], 27);
    assert.equal(stored.body.scores['1.5'], 28.5);
  });

  void it('ett misslyckat sparande behåller det som skrivits', async () => {
    const page = await app.newPage();
    await openEditor(page, draftId);
    await page.route('**/api/evaluations/*/scores', (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Serverfel', status: 500, detail: 'Tillfälligt fel.' }) }));
    await page.getByLabel('2.1 Strategiskt arbete').fill('12,25');
    await page.getByTestId('save').click();
    await page.getByTestId('save-error').getByText(/Tillfälligt fel\. Det du skrivit finns kvar\./).waitFor();
    assert.equal(await page.getByLabel('2.1 Strategiskt arbete').inputValue(), '12,25');
    await page.unroute('**/api/evaluations/*/scores');
    await page.getByTestId('save').click();
    await page.getByText(/^Sparat /).waitFor();
    const stored = await app.api<EvaluationBody>(`/api/evaluations/${draftId}`);
    assert.equal(stored.body.scores['2.1'], 12.25);
  });

  void it('ny utvärdering för en kommun och version', async () => {
    const page = await app.newPage();
    await page.goto('/kommuner/1490');
    await page.getByRole('link', { name: 'Ny utvärdering för Borås' }).click();
    await page.getByText('Vald: Borås (1490)').waitFor();
    await assertAccessible(page, 'ny utvärdering');
    // The shared municipality picker: typing replaces the preset choice, a result button chooses.
    const field = page.getByRole('searchbox', { name: 'Kommun' });
    assert.equal(await field.inputValue(), 'Borås');
    await field.fill('Burl');
    await page.locator('.search-results').getByRole('button', { name: /^Burlöv/ }).click();
    await page.getByText('Vald: Burlöv (1231)').waitFor();
    assert.equal(await field.inputValue(), 'Burlöv');
    await field.fill('1490');
    assert.equal(await page.getByText('Vald: Burlöv (1231)').count(), 0);
    await page.locator('.search-results').getByRole('button', { name: /^Borås/ }).click();
    await page.getByText('Vald: Borås (1490)').waitFor();
    await page.getByLabel('Metodversion').selectOption('kk2020');
    await page.getByRole('textbox', { name: 'År' }).fill('2022');
    await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
    await page.getByTestId('score-grid').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Redigera Borås 2022' }).waitFor();
    assert.deepEqual(app.pageErrors, []);
  });
});
