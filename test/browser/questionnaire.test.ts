/**
 * The questionnaire in a real browser: the municipality contact answers halfway with an attachment,
 * saves, comes back, submits (then it is read-only); the lead evaluator sees the answer beside the
 * subarea being scored. Axe on every page of the feature, and no sideways scrolling at 375 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { viewerOf } from '../../src/services/user.service.ts';
import { SYSTEM } from '../../src/domain/access.ts';
import { assertAccessible, demoEmail, signIn, startTestApp, type TestApp } from './harness.ts';

const ANSWER = 'Fullmäktige antog en strategi för demokratiutveckling i mars 2031; kommunstyrelsen följer upp den varje år.';

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 1, `${label}: the page scrolls sideways by ${over} px at 375 px`);
}

void describe('webbappen: frågeunderlaget', () => {
  let app: TestApp;
  let id = '';

  before(async () => {
    app = await startTestApp({ accounts: true });
    const s = app.runtime.services;
    const lead = (await s.users.listUsers({ viewer: SYSTEM })).find((u) => u.email === demoEmail('evaluator'));
    assert.ok(lead);
    const leadViewer = viewerOf({ id: lead.id, role: 'evaluator', municipalityCode: null, name: lead.name });
    const e = await s.evaluations.createEvaluation({ input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2031 }, viewer: leadViewer });
    id = e.id;
    await s.workflow.setAssignments({ id, expectedVersion: e.version, list: [{ userId: lead.id, isLead: true }], viewer: leadViewer });
    await s.interviews.createSession({ id, input: { day: '2031-05-04', startsAt: '09:00', endsAt: '10:30', place: 'KS-salen', groupName: 'Kommunstyrelsens presidium', roles: ['politicians'], people: 3 }, viewer: leadViewer });
  });
  after(async () => {
    await app?.close();
  });

  void it('the municipality answers halfway with an attachment, saves, comes back and submits', async () => {
    const page = await app.newPage();
    await signIn(page, 'municipality');
    await page.getByRole('link', { name: 'Frågeunderlag', exact: true }).click();
    await page.getByRole('link', { name: 'Burlöv 2031' }).click();
    const q = page.getByTestId('question-1.1-1');
    await q.waitFor();
    await q.getByRole('textbox').first().fill(ANSWER);
    await q.getByLabel(/^Bifoga fil/).setInputFiles({ name: 'strategi.txt', mimeType: 'text/plain', buffer: Buffer.from('Strategi för demokratiutveckling, KF 2031-03-15\n') });
    await q.getByRole('link', { name: 'strategi.txt' }).waitFor();
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Svaren är sparade.' }).waitFor();
    await assertAccessible(page, 'frågeunderlag');

    await page.reload();
    await page.getByTestId('question-1.1-1').waitFor();
    assert.equal(await page.getByTestId('question-1.1-1').getByRole('textbox').first().inputValue(), ANSWER);
    assert.equal(await page.getByTestId('questionnaire-status').textContent(), 'Påbörjat');
    await page.setViewportSize({ width: 375, height: 800 });
    await noSidewaysScroll(page, 'frågeunderlag');
    await page.getByRole('button', { name: 'Lämna in', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Frågeunderlaget är inlämnat.' }).waitFor();
    assert.equal(await page.getByTestId('questionnaire-status').textContent(), 'Inlämnat');
    assert.equal(await page.getByTestId('question-1.1-1').getByRole('textbox').first().getAttribute('readonly'), '');
    assert.equal(await page.getByRole('button', { name: 'Spara', exact: true }).count(), 0, 'no save after submitting');

    // The interview schedule is shared with the municipality (without the evaluators' notes).
    await page.goto(`/utvarderingar/${id}/intervjuer`);
    await page.getByTestId('interview-session').waitFor();
    assert.match((await page.getByTestId('interviewees').textContent()) ?? '', /3 intervjuade/);
    assert.equal(await page.getByRole('heading', { name: 'Lägg till intervjupass' }).count(), 0);
    await noSidewaysScroll(page, 'intervjuplan');
    await assertAccessible(page, 'intervjuplan (kommunen)');
  });

  void it('the lead evaluator sees the answer beside the subarea being scored, and the evidence and interview pages pass axe', async () => {
    const page = await app.newPage();
    await signIn(page, 'evaluator');
    await page.goto(`/utvarderingar/${id}`);
    const material = page.getByTestId('material-1.1');
    await material.waitFor();
    await material.locator('summary').click();
    await material.getByText(ANSWER).waitFor();
    await material.getByRole('link', { name: 'strategi.txt' }).waitFor();
    await assertAccessible(page, 'bedömning med svar');

    await page.goto(`/utvarderingar/${id}/underlag`);
    await page.getByLabel('Titel', { exact: true }).fill('Budget och verksamhetsplan 2031');
    await page.getByLabel('Beslutande organ').fill('Kommunfullmäktige');
    await page.getByLabel('Delområden').fill('3.2, 3.3');
    await page.getByRole('button', { name: 'Spara underlaget' }).click();
    await page.getByTestId('evidence-row').waitFor();
    await assertAccessible(page, 'underlag');
    await page.goto(`/utvarderingar/${id}/intervjuer`);
    await page.getByRole('heading', { name: 'Lägg till intervjupass' }).waitFor();
    await assertAccessible(page, 'intervjuplan (utvärderare)');
    assert.deepEqual(app.pageErrors, []);
  });

  void it('an administrator edits the question bank of a subarea', async () => {
    const page = await app.newPage();
    await signIn(page, 'admin');
    await page.goto('/ramverk/kk2020/fragor');
    await page.getByTestId('question-bank-page').waitFor();
    await page.locator('summary').first().click();
    await page.getByRole('button', { name: 'Lägg till fråga i 1.2' }).click();
    const section = page.getByRole('region', { name: /^1\.2 / });
    const boxes = section.getByRole('textbox', { name: /^Fråga \d+$/ });
    await boxes.last().fill('Hur når informationen dem som inte läser kommunens webbplats?');
    await page.getByRole('button', { name: 'Spara frågorna i 1.2' }).click();
    await page.getByRole('status').filter({ hasText: 'Frågorna i 1.2 är sparade.' }).waitFor();
    await assertAccessible(page, 'frågebank');
    const bank = await app.runtime.services.questionnaires.getQuestionBank({ frameworkId: 'kk2020', viewer: SYSTEM });
    assert.equal(bank.areas[0]?.subareas[1]?.questions.at(-1)?.text, 'Hur når informationen dem som inte läser kommunens webbplats?');
  });
});
