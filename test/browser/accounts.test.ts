/**
 * Accounts in a real browser with real sessions and the demo accounts: signing in and out, what each
 * role is offered (public, evaluator, municipality user, administrator), the review workflow with
 * comments, the history with before → after, user administration with a one-time reset link.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, demoIds, screenshotPath, signIn, startTestApp, type DemoIds, type TestApp } from './harness.ts';

interface EvaluationBody {
  id: string;
  status: string;
  scores: Record<string, number>;
  supersededById: string | null;
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-link').waitFor();
}

void describe('webbappen: konton, roller och historik', () => {
  let app: TestApp;
  let ids: DemoIds;
  let draftId = '';
  const shots = process.env.KOMPASS_SCREENSHOTS === '1';

  before(async () => {
    app = await startTestApp({ accounts: true });
    ids = await demoIds(app);
  });
  after(async () => {
    await app?.close();
  });

  void it('anonym: bara läsning, redigeringsadress leder till inloggning, fel lösenord ger samma besked', async () => {
    const page = await app.newPage();
    await page.goto(`/utvarderingar/${ids.burlov2020}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Redigera' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Ny utvärdering' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Importera rapport' }).count(), 0);
    assert.equal(await page.getByTestId('workflow').count(), 0);
    assert.equal(await page.getByTestId('history').count(), 0);
    await page.goto('/kommuner/1231');
    await page.getByRole('heading', { level: 1, name: 'Burlöv' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Ny utvärdering för Burlöv' }).count(), 0);

    // An edit URL sends the visitor to sign-in, and back there afterwards.
    await page.goto(`/utvarderingar/${ids.burlov2020}/redigera`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    assert.match(page.url(), /\/logga-in\?till=%2Futvarderingar%2F[^%]+%2Fredigera$/);
    await assertAccessible(page, 'logga in');

    // Wrong password and unknown account: the same message from the server.
    await page.getByLabel('E-postadress').fill('utvarderare@demo.kompass.se');
    await page.getByLabel('Lösenord', { exact: true }).fill('fel-lösenord-123');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    const error = page.getByTestId('sign-in-error');
    await error.getByText('Inloggningen misslyckades').waitFor();
    const wrongPassword = (await error.textContent()) ?? '';
    await page.getByLabel('E-postadress').fill('finns-inte@demo.kompass.se');
    await page.getByLabel('Lösenord', { exact: true }).fill('fel-lösenord-123');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'sign-in-error');
    assert.equal((await error.textContent()) ?? '', wrongPassword);
    assert.match(wrongPassword, /E-postadressen eller lösenordet är fel/);
    await assertAccessible(page, 'logga in med fel');

    // Too many attempts (429): its own heading over the server's message.
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({ status: 429, contentType: 'application/problem+json', body: JSON.stringify({ title: 'För många försök', status: 429, detail: 'För många inloggningsförsök från din adress. Vänta 15 minuter och försök igen.' }) }),
    );
    await page.getByLabel('Lösenord', { exact: true }).fill('vad-som-helst-1');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await error.getByText('För många inloggningsförsök', { exact: true }).waitFor();
    await page.unroute('**/api/auth/login');

    // Keyboard only: type, Tab, type, Enter; then back on the edit URL it came from.
    await page.getByLabel('E-postadress').fill('');
    await page.getByLabel('E-postadress').focus();
    await page.keyboard.type('utvarderare@demo.kompass.se');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Eva-testlösenord-2024');
    await page.keyboard.press('Enter');
    await page.getByText('Utvärderingen är publicerad').waitFor();
    assert.match(page.url(), new RegExp(`/utvarderingar/${ids.burlov2020}/redigera$`));
    const menu = page.getByTestId('user-menu');
    assert.match((await menu.textContent()) ?? '', /Eva Utvärderare.*Utvärderare/);
    // The user menu opens and closes with the keyboard.
    await menu.focus();
    await page.keyboard.press('Enter');
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await page.getByRole('link', { name: 'Byt lösenord' }).waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'user-menu');
    // Evaluators have no user administration.
    assert.equal(await page.getByRole('link', { name: 'Användare' }).count(), 0);
    await page.goto('/anvandare');
    await page.getByText('Din roll (Utvärderare) kan inte använda den här sidan.').waitFor();
  });

  void it('utvärderare: rättelse, ändrar en poäng och sparar, delar för granskning, loggar ut', async () => {
    const page = await app.newPage();
    await signIn(page, 'evaluator');
    await page.goto(`/utvarderingar/${ids.burlov2020}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    await page.getByTestId('start-correction').click();
    await page.getByTestId('score-grid').waitFor();
    draftId = /utvarderingar\/([^/]+)\/redigera/.exec(page.url())?.[1] ?? '';
    assert.ok(draftId && draftId !== ids.burlov2020);

    const input = page.getByLabel('1.2 Kommunens information till medborgarna');
    assert.equal(await input.inputValue(), '8');
    await input.fill('9,5');
    await page.getByTestId('save').click();
    await page.getByText(/^Sparat /).waitFor();

    await page.getByRole('link', { name: 'Tillbaka till utvärderingen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    await page.getByTestId('supersedes-note').getByRole('link', { name: 'Visa originalet' }).waitFor();
    const workflow = page.getByTestId('workflow');
    await workflow.getByRole('button', { name: 'Dela för granskning' }).click();
    const confirm = page.getByTestId('confirm-status');
    await confirm.getByText(/Kommunens användare kan då läsa det och kommentera/).waitFor();
    await assertAccessible(page, 'bekräfta status');
    await confirm.getByRole('button', { name: 'Ja, dela för granskning' }).click();
    await workflow.getByText('Status ändrad till Granskas.').waitFor();
    await workflow.getByRole('button', { name: 'Tillbaka till utkast' }).waitFor();
    const stored = await app.api<EvaluationBody>(`/api/evaluations/${draftId}`);
    // Not visible to the public while in review.
    assert.equal(stored.status, 404);

    await signOut(page);
    await page.goto(`/utvarderingar/${draftId}/redigera`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  });

  void it('kommunanvändare: läser det delade utkastet utan att kunna ändra, och kommenterar', async () => {
    assert.ok(draftId);
    const page = await app.newPage();
    await signIn(page, 'municipality');
    assert.match((await page.getByTestId('user-menu').textContent()) ?? '', /Kommunanvändare/);
    await page.goto(`/utvarderingar/${draftId}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    assert.equal((await page.locator('[data-testid=subarea-table-1] tr[data-subarea="1.2"] td[data-cell=achieved]').textContent())?.trim(), '9,5');
    assert.equal(await page.getByRole('link', { name: 'Redigera' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Ny utvärdering' }).count(), 0);
    const workflow = page.getByTestId('workflow');
    await workflow.getByText('Kommunens användare kan läsa och kommentera men inte ändra utvärderingen.').waitFor();
    assert.equal(await workflow.getByRole('button').count(), 0);

    const comments = page.getByTestId('comments');
    await comments.getByText('Inga kommentarer ännu.').waitFor();
    await comments.getByRole('button', { name: 'Skicka kommentar' }).click();
    await comments.getByText('Skriv en kommentar först.').waitFor();
    await comments.getByRole('textbox', { name: 'Ny kommentar' }).fill('Siffran för 1.2 stämmer med vår egen uppföljning.');
    await comments.getByLabel('Gäller område (valfritt)').selectOption('1');
    await comments.getByRole('button', { name: 'Skicka kommentar' }).click();
    await comments.getByText('Kommentaren är skickad.').waitFor();
    await comments.locator('.comment-list').getByText('Siffran för 1.2 stämmer med vår egen uppföljning.').waitFor();
    assert.match((await comments.locator('.comment-list li').first().textContent()) ?? '', /Kim Kvalitetssamordnare.*om område 1/);
    await assertAccessible(page, 'kommentarer');

    // The edit URL explains instead of showing a form the server would refuse.
    await page.goto(`/utvarderingar/${draftId}/redigera`);
    await page.getByText('Din roll (Kommunanvändare) kan inte använda den här sidan.').waitFor();
    assert.equal(await page.getByTestId('score-grid').count(), 0);
  });

  void it('historik: poängändringen före → efter, status och kommentar; publicering ersätter originalet', async () => {
    assert.ok(draftId);
    const page = await app.newPage();
    await signIn(page, 'evaluator');
    await page.goto(`/utvarderingar/${draftId}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2020' }).waitFor();
    // The evaluator sees the municipality's comment.
    await page.getByTestId('comments').getByText('Siffran för 1.2 stämmer med vår egen uppföljning.').waitFor();

    const history = page.getByTestId('history');
    const scoreChange = history.locator('li[data-action=set_scores] [data-change="scores.1.2"]');
    await scoreChange.waitFor();
    assert.match((await scoreChange.textContent()) ?? '', /^Poäng 1\.2: 8 →\s*till\s*9,5$/);
    assert.match((await history.locator('li[data-action=set_scores] .history-head').textContent()) ?? '', /poäng ändrade.*Eva Utvärderare/);
    const status = history.locator('li[data-action=change_status] [data-change=status]');
    assert.match((await status.textContent()) ?? '', /Status: Utkast →\s*till\s*Granskas/);
    await history.locator('li[data-action=comment]').getByText('Siffran för 1.2 stämmer').waitFor();
    await history.locator('li[data-action=correction_of]').waitFor();
    await assertAccessible(page, 'historik');
    if (shots) await history.screenshot({ path: screenshotPath('history.png') });

    // Publishing the correction (the evaluator started it and leads it) marks the original as superseded.
    await page.getByTestId('workflow').getByRole('button', { name: 'Publicera' }).click();
    await page.getByTestId('confirm-status').getByText(/Den ersätter den tidigare publicerade utvärderingen/).waitFor();
    await page.getByTestId('confirm-status').getByRole('button', { name: 'Ja, publicera' }).click();
    await page.getByTestId('workflow').getByText('Status ändrad till Publicerad.').waitFor();
    const original = await app.api<EvaluationBody>(`/api/evaluations/${ids.burlov2020}`);
    assert.equal(original.body.supersededById, draftId);
    await page.goto(`/utvarderingar/${ids.burlov2020}`);
    await page.getByTestId('superseded-note').getByRole('link', { name: 'Visa rättelsen' }).click();
    await page.waitForURL(new RegExp(`/utvarderingar/${draftId}$`));
  });

  void it('administratör: skapar en kommunanvändare med engångslänk, som väljer lösenord och loggar in', async () => {
    const anon = await app.newPage();
    await anon.goto('/anvandare');
    await anon.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();

    const page = await app.newPage();
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    const table = page.getByTestId('users-table');
    await table.locator('tr[data-user="burlov@demo.kompass.se"]').waitFor();
    await assertAccessible(page, 'användare');

    const form = page.getByTestId('create-user');
    await form.getByLabel('Namn').fill('Bo Boråsare');
    await form.getByLabel('E-post').fill('bo@boras.example');
    await form.getByLabel('Roll').selectOption('municipality');
    await form.getByRole('button', { name: 'Skapa användare' }).click();
    await form.getByText('Välj kommunen som kommunanvändaren hör till.').waitFor();
    await form.getByRole('searchbox', { name: 'Kommun' }).fill('Borås');
    await form.getByRole('button', { name: /^Borås 1490$/ }).click();
    await form.getByText('Vald: Borås (1490)').waitFor();
    await form.getByRole('button', { name: 'Skapa användare' }).click();
    const link = page.getByTestId('reset-link');
    await link.getByText('Engångslänk för Bo Boråsare').waitFor();
    const url = await link.getByTestId('reset-link-url').inputValue();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/aterstall-losenord#token=.{20,}$/);
    const row = table.locator('tr[data-user="bo@boras.example"]');
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /1490.*aktiv.*inget lösenord ännu/);
    await assertAccessible(page, 'användare med länk');
    if (shots) await page.screenshot({ path: screenshotPath('users.png'), fullPage: true });

    // The new user opens the link, chooses a password and signs in with it.
    const bo = await app.newPage();
    await bo.goto(url.replace(/^http:\/\/[^/]+/, ''));
    await bo.getByRole('heading', { level: 1, name: 'Välj nytt lösenord' }).waitFor();
    assert.equal(new URL(bo.url()).hash, '', 'koden ska tas bort ur adressfältet');
    await assertAccessible(bo, 'återställ lösenord');
    await bo.getByLabel('Nytt lösenord', { exact: true }).fill('kort');
    await bo.getByLabel('Upprepa nytt lösenord', { exact: true }).fill('kort');
    await bo.getByRole('button', { name: 'Spara nytt lösenord' }).click();
    await bo.getByText('Lösenordet måste ha minst 10 tecken.').waitFor();
    await bo.getByLabel('Nytt lösenord', { exact: true }).fill('Sjuhärad-vinter-2024');
    await bo.getByLabel('Upprepa nytt lösenord', { exact: true }).fill('Sjuhärad-vinter-2024');
    await bo.getByRole('button', { name: 'Spara nytt lösenord' }).click();
    await bo.getByText('Lösenordet är sparat. Logga in med ditt nya lösenord.').waitFor();
    await bo.getByRole('link', { name: 'Logga in' }).first().click();
    await bo.getByLabel('E-postadress').fill('bo@boras.example');
    await bo.getByLabel('Lösenord', { exact: true }).fill('Sjuhärad-vinter-2024');
    await bo.getByRole('button', { name: 'Logga in', exact: true }).click();
    await bo.getByTestId('user-menu').getByText('Bo Boråsare').waitFor();

    // Changing one's own password.
    await bo.goto('/konto/losenord');
    await bo.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
    await bo.getByLabel('Nuvarande lösenord').fill('fel-lösenord-99');
    await bo.getByLabel('Nytt lösenord', { exact: true }).fill('Sjuhärad-sommar-2025');
    await bo.getByLabel('Upprepa nytt lösenord', { exact: true }).fill('Sjuhärad-sommar-2025');
    await bo.getByRole('button', { name: 'Byt lösenord' }).click();
    await bo.getByText('Det nuvarande lösenordet är fel.').waitFor();
    await bo.getByLabel('Nuvarande lösenord').fill('Sjuhärad-vinter-2024');
    await bo.getByLabel('Nytt lösenord', { exact: true }).fill('Sjuhärad-sommar-2025');
    await bo.getByLabel('Upprepa nytt lösenord', { exact: true }).fill('Sjuhärad-sommar-2025');
    await bo.getByRole('button', { name: 'Byt lösenord' }).click();
    await bo.getByText('Lösenordet är bytt.').waitFor();

    // Disable the account and change a role from the list.
    await row.getByRole('button', { name: 'Spärra Bo Boråsare' }).click();
    await row.getByText('spärrad').waitFor();
    await row.getByRole('button', { name: 'Aktivera Bo Boråsare' }).waitFor();
    await row.getByRole('combobox', { name: 'Roll för Bo Boråsare' }).selectOption('evaluator');
    await page.getByText('Bo Boråsare är uppdaterad.').waitFor();
    // A reset link for an existing user.
    await table.locator('tr[data-user="burlov@demo.kompass.se"]').getByRole('button', { name: /^Återställningslänk/ }).click();
    await link.getByText('Engångslänk för Kim Kvalitetssamordnare (Burlöv)').waitFor();
    assert.deepEqual(app.pageErrors, []);
  });
});
