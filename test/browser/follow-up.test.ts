/**
 * Follow-up in a real browser: Burlöv's municipality user makes the action plan from Burlöv 2020's
 * improvement opportunities, adds actions, sets statuses and a subarea, records an indicator value with
 * a target, imports a Kolada file (a bad one first), makes a report-back and downloads its DOCX, which
 * LibreOffice turns into a PDF whose text has the decision proposal and an action's status. Also the
 * plan at 375 px and the associations page; axe on each.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SYSTEM } from '../../src/domain/access.ts';
import { assertAccessible, demoIds, signIn, startTestApp, type TestApp } from './harness.ts';

const kolada = (values: unknown[]) => Buffer.from(JSON.stringify({ count: values.length, values }));

void describe('webbappen: handlingsplan, indikatorer och återrapportering', () => {
  let app: TestApp;
  let burlov = '';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-follow-up-'));

  before(async () => {
    app = await startTestApp({ accounts: true });
    burlov = (await demoIds(app)).burlov2020;
  });
  after(async () => {
    await app?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  void it('the municipality user makes the plan, works on it and gets a report-back document', async () => {
    const page = await app.newPage();
    await signIn(page, 'municipality');
    await page.goto(`/utvarderingar/${burlov}/handlingsplan`);
    await page.getByRole('button', { name: 'Skapa handlingsplan från förbättringsmöjligheterna' }).click();
    const rows = page.getByTestId('plan-item');
    await rows.first().waitFor();
    const evaluation = await app.runtime.services.evaluations.getEvaluation({ id: burlov, viewer: SYSTEM });
    const opportunities = evaluation.areas.flatMap((a) => a.improvements);
    assert.equal(await rows.count(), opportunities.length, 'one item per improvement opportunity');

    // First item: an action with responsible and dates, status ongoing, tied to subarea 1.1.
    const first = rows.nth(0);
    assert.match((await first.textContent()) ?? '', new RegExp(opportunities[0] ?? 'x'));
    await first.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await first.getByLabel('Åtgärd', { exact: true }).fill('Sända fullmäktige på webben från hösten');
    await first.getByLabel('Ansvarig', { exact: true }).fill('Anna Kanslichef');
    await first.getByLabel('Enhet/nämnd').fill('Kommunstyrelsen');
    await first.getByLabel('Start').fill('2021-03-01');
    await first.getByLabel('Planerat klart').fill('2021-09-30');
    await first.getByLabel('Status').selectOption({ label: 'Pågår' });
    await first.getByLabel('Kopplad till delområde').selectOption('1.1');
    // An unsaved edit in the second row survives saving the first.
    const second = rows.nth(1);
    await second.getByLabel('Kommentar').fill('Utreds under våren.');
    await first.getByRole('button', { name: 'Spara punkten' }).click();
    await first.getByText('Sparat.').waitFor();
    assert.equal(await second.getByLabel('Kommentar').inputValue(), 'Utreds under våren.');
    // Second item: done.
    await second.getByLabel('Status').selectOption({ label: 'Klar' });
    await second.getByRole('button', { name: 'Spara punkten' }).click();
    await second.getByText('Sparat.').waitFor();

    let plan = await app.runtime.services.actionPlans.getActionPlanForEvaluation({ evaluationId: burlov, viewer: SYSTEM });
    assert.equal(plan.items[0]?.status, 'ongoing');
    assert.equal(plan.items[0]?.subareaId, '1.1');
    assert.deepEqual(plan.items[0]?.actions.map((a) => [a.text, a.responsible, a.unit, a.start, a.plannedDone]), [['Sända fullmäktige på webben från hösten', 'Anna Kanslichef', 'Kommunstyrelsen', '2021-03-01', '2021-09-30']]);
    assert.equal(plan.items[1]?.status, 'done');
    assert.equal(plan.items[1]?.comment, 'Utreds under våren.');

    // Plan details: cadence half-yearly.
    await page.getByText(/^Planens uppgifter/).click();
    const settings = page.getByRole('form', { name: 'Planens uppgifter' });
    await settings.getByLabel('Diarienummer').fill('KS 2021/17');
    await settings.getByLabel('Återrapportering').selectOption({ label: 'Varje halvår' });
    await settings.getByRole('button', { name: 'Spara uppgifterna' }).click();
    // The plan details' own status: another "Sparat." on the page (an item saved before) would not wait for this save.
    await page.locator('details.plan-settings').getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
    plan = await app.runtime.services.actionPlans.getActionPlanForEvaluation({ evaluationId: burlov, viewer: SYSTEM });
    assert.equal(plan.cadence, 'half-yearly');
    assert.equal(plan.caseNumber, 'KS 2021/17');

    // An indicator with a value and a target tied to the first item.
    const newIndicator = page.getByRole('form', { name: 'Ny indikator' });
    await newIndicator.getByRole('textbox', { name: 'Ny indikator' }).fill('Andel som följer fullmäktige');
    await newIndicator.getByLabel('Enhet').fill('%');
    await newIndicator.getByRole('button', { name: 'Lägg till indikator' }).click();
    const card = page.getByTestId('indicator').filter({ hasText: 'Andel som följer fullmäktige' });
    await card.waitFor();
    await card.getByLabel('År', { exact: true }).fill('2021');
    await card.getByLabel('Värde', { exact: true }).fill('12,5');
    await card.getByRole('button', { name: 'Registrera värde' }).click();
    await card.getByRole('img', { name: /2021: 12,5/ }).waitFor();
    await card.getByLabel('Målvärde').fill('25');
    await card.getByLabel('Målår').fill('2023');
    await card.getByLabel('Åtgärdspunkt').selectOption({ index: 1 });
    await card.getByRole('button', { name: 'Lägg till mål' }).click();
    await card.getByText(/kopplat till:/).waitFor();

    // A Kolada file with an error is refused with the entry named; a good one is imported.
    const file = page.getByLabel('Importera värden (Kolada-JSON eller CSV)');
    await file.setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: kolada([{ kpi: 'N00945', municipality: '1231', period: 2020, values: [{ gender: 'X', status: '', value: 3 }] }]) });
    await page.getByRole('list', { name: 'Fel i filen' }).waitFor();
    assert.match((await page.getByRole('list', { name: 'Fel i filen' }).textContent()) ?? '', /X/);
    await file.setInputFiles({ name: 'kolada.json', mimeType: 'application/json', buffer: kolada([{ kpi: 'N00945', municipality: '1231', period: 2020, values: [{ gender: 'T', status: '', value: 71 }] }]) });
    await page.getByText('Filen är importerad.').waitFor();
    await page.getByTestId('indicator').filter({ hasText: 'N00945' }).waitFor();
    const indicators = await app.runtime.services.indicators.listIndicators({ municipalityCode: '1231', viewer: SYSTEM });
    assert.deepEqual(indicators.find((i) => i.name === 'Andel som följer fullmäktige')?.values.map((v) => [v.period, v.value]), [[2021, 12.5]]);
    assert.deepEqual(indicators.find((i) => i.kpi === 'N00945')?.values.map((v) => [v.period, v.value]), [[2020, 71]]);

    await assertAccessible(page, 'handlingsplan med indikatorer');

    // The report-back and its DOCX, read back through LibreOffice.
    await page.getByLabel(/^Förslag till beslut/).last().fill('Återrapporteringen läggs till handlingarna.\nKommunstyrelsen följer upp arbetet i oktober.');
    await page.getByRole('button', { name: 'Gör återrapportering' }).click();
    await page.getByText('Återrapportering 1 är skapad.').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Återrapportering 1 som DOCX' }).click();
    const docx = path.join(tmp, 'aterrapportering.docx');
    await (await download).saveAs(docx);
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], { stdio: 'ignore', timeout: 180_000 });
    const text = execFileSync('pdftotext', ['-layout', path.join(tmp, 'aterrapportering.pdf'), '-'], { encoding: 'utf8' });
    assert.match(text, /Förslag till beslut/);
    assert.match(text, /Kommunstyrelsen följer upp arbetet i oktober/);
    assert.match(text, /Sända fullmäktige på webben från hösten/);
    assert.match(text, /pågår/i, "the first item's status");
    assert.match(text, /KS 2021\/17/);
    await assertAccessible(page, 'handlingsplan med återrapportering');
    await page.context().close();
  });

  void it('the plan works at 375 px, and the associations page is accessible', async () => {
    const page = await app.newPage({ width: 375, height: 800 });
    await signIn(page, 'municipality');
    await page.goto(`/utvarderingar/${burlov}/handlingsplan`);
    await page.getByTestId('plan-item').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling at 375 px (${overflow} px)`);
    const box = await page.getByTestId('plan-item').first().getByRole('button', { name: 'Spara punkten' }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, 'the save button is on screen');
    await assertAccessible(page, 'handlingsplan 375 px');
    await page.getByRole('link', { name: 'Vilka åtgärder går med högre poäng i alla kommuner?' }).click();
    await page.getByRole('heading', { name: 'Vilka åtgärder går med högre poäng?' }).waitFor();
    await page.getByText(/inte att åtgärderna orsakade förändringen|inga kommuner med en handlingsplan/).first().waitFor();
    await assertAccessible(page, 'samband');
    assert.deepEqual(app.pageErrors, []);
    await page.context().close();
  });
});
