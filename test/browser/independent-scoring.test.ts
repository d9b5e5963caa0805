/**
 * Independent scoring in a real browser: the second evaluator scores on their own without seeing the
 * lead's scores, submits, then sees every score, the spread and the divergences; the lead records an
 * agreed score with its reason.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { SYSTEM } from '../../src/domain/access.ts';
import { viewerOf } from '../../src/services/user.service.ts';
import { assertAccessible, demoEmail, startTestApp, type TestApp } from './harness.ts';

const SECOND = { email: 'sara.andra@test.kompass.se', password: 'Sara-testlösenord-2031', name: 'Sara Andra' };
const subareas = FRAMEWORK_2020.areas.flatMap((a) => a.subareas.map((s) => ({ id: s.id, title: s.heading ?? s.title, max: s.max ?? 10 })));

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByTestId('user-menu').waitFor();
}

void describe('webbappen: oberoende bedömning och konsensus', () => {
  let app: TestApp;
  let id = '';

  before(async () => {
    app = await startTestApp({ accounts: true });
    const s = app.runtime.services;
    const second = await s.users.createUser({ input: { email: SECOND.email, name: SECOND.name, role: 'evaluator', password: SECOND.password }, viewer: SYSTEM });
    const lead = (await s.users.listUsers({ viewer: SYSTEM })).find((u) => u.email === demoEmail('evaluator'));
    assert.ok(lead);
    const leadViewer = viewerOf({ id: lead.id, role: 'evaluator', municipalityCode: null, name: lead.name });
    const e = await s.evaluations.createEvaluation({ input: { municipalityCode: '1283', frameworkId: 'kk2020', year: 2031 }, viewer: leadViewer });
    id = e.id;
    await s.workflow.setAssignments({ id, expectedVersion: e.version, list: [{ userId: lead.id, isLead: true }, { userId: second.id, isLead: false }], viewer: leadViewer });
    await s.independentScores.saveIndependentScores({ id, scores: Object.fromEntries(subareas.map((x) => [x.id, Math.round(x.max * 0.5)])), submitted: true, viewer: leadViewer });
  });
  after(async () => {
    await app?.close();
  });

  void it('the second evaluator scores without seeing the lead, submits, then sees the spread', async () => {
    const page = await app.newPage();
    await signInAs(page, SECOND.email, SECOND.password);
    await page.goto(`/utvarderingar/${id}`);
    const panel = page.getByTestId('independent-scoring');
    await panel.getByRole('heading', { name: 'Oberoende bedömning och konsensus' }).waitFor();
    assert.match((await panel.textContent()) ?? '', /Eva Utvärderare: inlämnad/);
    assert.equal(await page.getByTestId('consensus-1.1').count(), 0, 'no team scores before submitting');
    const submit = panel.getByRole('button', { name: 'Lämna in bedömningen' });
    assert.equal(await submit.isDisabled(), true);
    await panel.getByLabel(/^1\.1 /).fill('999');
    await panel.getByText(/Delområde 1\.1: högst \d+ poäng/).waitFor();
    for (const s of subareas) await panel.getByLabel(new RegExp(`^${s.id.replace('.', '\\.')} `)).fill(String(Math.round(s.max * 0.9)).replace('.', ','));
    await assertAccessible(page, 'oberoende bedömning');
    await submit.click();
    const row = page.getByTestId('consensus-1.1');
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    assert.match(text, /Du: \d+/);
    assert.match(text, /Eva Utvärderare: \d+/);
    assert.match(text, /skiljer sig/);
    await assertAccessible(page, 'konsensus');
  });

  void it('the lead records an agreed score with a reason; it becomes the evaluation score', async () => {
    const page = await app.newPage();
    await signInAs(page, demoEmail('evaluator'), 'Eva-testlösenord-2024');
    await page.goto(`/utvarderingar/${id}`);
    const row = page.getByTestId('consensus-1.1');
    await row.waitFor();
    await page.getByLabel('Överenskommen poäng för delområde 1.1').fill('7');
    await page.getByLabel('Motivering för delområde 1.1').fill('Enades efter genomgång av protokollen.');
    await page.getByRole('button', { name: 'Spara överenskomna poäng (1)' }).click();
    await page.getByRole('button', { name: 'Spara överenskomna poäng (0)' }).waitFor();
    const ev = await app.runtime.services.evaluations.getEvaluation({ id, viewer: SYSTEM });
    assert.equal(ev.scores['1.1'], 7);
    assert.deepEqual(app.pageErrors, []);
  });
});
