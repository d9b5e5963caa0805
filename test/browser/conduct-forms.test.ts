/**
 * Two forms of conducting an evaluation in a real browser, on one app: the lead evaluator edits an item
 * of the evidence register (its title and subareas, keeping the uploaded file, then replacing it) and
 * sees the changed item in the register; the new-evaluation form warns about a second evaluation of the
 * same municipality and year, naming the existing one with a link to it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SYSTEM, type Viewer } from '../../src/domain/access.ts';
import { viewerOf } from '../../src/services/user.service.ts';
import { assertAccessible, demoEmail, signIn, startTestApp, type TestApp } from './harness.ts';

void describe('webbappen: underlag ändras, samma år varnas', () => {
  let app: TestApp;
  let page: Page;
  let id = '';
  let lead: Viewer;

  before(async () => {
    app = await startTestApp({ accounts: true });
    const s = app.runtime.services;
    const u = (await s.users.listUsers({ viewer: SYSTEM })).find((x) => x.email === demoEmail('evaluator'));
    assert.ok(u);
    lead = viewerOf({ id: u.id, role: u.role, municipalityCode: u.municipalityCode, name: u.name });
    const e = await s.evaluations.createEvaluation({ input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2031 }, viewer: lead });
    id = e.id;
    await s.workflow.setAssignments({ id, expectedVersion: e.version, list: [{ userId: u.id, isLead: true }], viewer: lead });
    page = await app.newPage();
    await signIn(page, 'evaluator');
  });
  after(async () => {
    assert.deepEqual(app?.pageErrors ?? [], []);
    await app?.close();
  });

  void it('edits an evidence item: title and subareas with the file kept, then a new file', async () => {
    await page.goto(`/utvarderingar/${id}/underlag`);
    await page.getByLabel('Titel', { exact: true }).fill('Budget 2031');
    await page.getByLabel('Delområden', { exact: true }).fill('1.1');
    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'budget.txt', mimeType: 'text/plain', buffer: Buffer.from('Budget 2031 med mål, KF 2030-11-20\n') });
    await page.getByRole('button', { name: 'Spara underlaget' }).click();
    const row = page.getByTestId('evidence-row');
    await row.getByRole('link', { name: 'budget.txt' }).waitFor();

    await page.getByRole('button', { name: 'Ändra Budget 2031' }).click();
    const form = page.getByRole('region', { name: 'Ändra underlaget Budget 2031' });
    await form.getByText('Nu bifogad: budget.txt.', { exact: false }).waitFor();
    await form.getByLabel('Titel', { exact: true }).fill('Budget och plan 2031–2033');
    await form.getByLabel('Delområden', { exact: true }).fill('1.1, 2.3');
    await assertAccessible(page, 'ändra underlag');
    await form.getByRole('button', { name: 'Spara ändringarna' }).click();
    await row.getByRole('rowheader', { name: 'Budget och plan 2031–2033' }).waitFor();
    assert.equal(await row.getByRole('cell', { name: '1.1, 2.3' }).count(), 1);
    assert.equal(await row.getByRole('link', { name: 'budget.txt' }).count(), 1, 'the file is kept when no new one is chosen');
    const [kept] = (await app.runtime.services.evidence.listEvidence({ id, viewer: lead })).items;
    assert.equal(kept?.version, 2);

    await page.getByRole('button', { name: 'Ändra Budget och plan 2031–2033' }).click();
    const again = page.getByRole('region', { name: 'Ändra underlaget Budget och plan 2031–2033' });
    await again.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'budget-rev.txt', mimeType: 'text/plain', buffer: Buffer.from('Reviderad budget 2031, KF 2031-02-10\n') });
    await again.getByRole('button', { name: 'Spara ändringarna' }).click();
    await row.getByRole('link', { name: 'budget-rev.txt' }).waitFor();
    assert.equal(await page.getByTestId('evidence-row').count(), 1);
    const [replaced] = (await app.runtime.services.evidence.listEvidence({ id, viewer: lead })).items;
    assert.deepEqual([replaced?.version, replaced?.title, replaced?.subareaIds, replaced?.file?.fileName], [3, 'Budget och plan 2031–2033', ['1.1', '2.3'], 'budget-rev.txt']);
  });

  void it('warns about an evaluation of the same municipality and year and links to it', async () => {
    await page.goto('/utvarderingar/ny');
    const field = page.getByRole('searchbox', { name: 'Kommun' });
    await field.fill('Burl');
    await page.locator('.search-results').getByRole('button', { name: /^Burlöv/ }).click();
    await page.getByText('Vald: Burlöv (1231)').waitFor();
    await page.getByRole('textbox', { name: 'År' }).fill('2031');
    const warning = page.getByTestId('same-year-warning');
    await warning.getByText(`Det finns redan en utvärdering av Burlöv 2031: ${id}`, { exact: false }).waitFor();
    await assertAccessible(page, 'ny utvärdering samma år');
    await warning.getByRole('link', { name: 'Öppna den' }).click();
    await page.waitForURL(`**/utvarderingar/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Burlöv 2031' }).waitFor();
  });
});
