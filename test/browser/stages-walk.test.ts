/**
 * Three people walk one evaluation through its stages in a real browser: the lead evaluator leaves the
 * agreement stage (with a reason for what is missing), the municipality contact answers from the
 * worklist on a phone, the second evaluator finds the scoring sheet waiting, the municipality comments
 * on the shared draft (also on one strength, at its place), the lead answers and resolves the threads and
 * publishes. Scoring and consensus
 * themselves are covered by independent-scoring.test.ts and are done through the services here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { SYSTEM, type Viewer } from '../../src/domain/access.ts';
import type { Stage } from '../../src/domain/stages.ts';
import { viewerOf } from '../../src/services/user.service.ts';
import { assertAccessible, DEMO_PASSWORDS, demoEmail, signIn, startTestApp, type TestApp } from './harness.ts';

const SECOND = 'utvarderare2@demo.kompass.se';

void describe('webbappen: en utvärdering genom stegen med tre användare', () => {
  let app: TestApp;
  let id = '';
  let lead: Viewer;
  let second: Viewer;
  const scores = (factor: number) => Object.fromEntries(FRAMEWORK_2020.areas.flatMap((a) => a.subareas.map((s) => [s.id, Math.round((s.max ?? 10) * factor)])));

  const move = async (to: Stage, viewer: Viewer, reason?: string) => {
    const s = app.runtime.services.stages;
    const { version } = await s.getStage({ id, viewer });
    await s.moveStage({ id, expectedVersion: version, to, viewer, ...(reason ? { reason } : {}) });
  };

  const signInAs = async (role: 'evaluator' | 'municipality', email?: string): Promise<Page> => {
    const page = await app.newPage({ width: role === 'municipality' ? 375 : 1280 });
    if (!email) {
      await signIn(page, role);
      return page;
    }
    await page.goto('/logga-in');
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORDS.evaluator);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByTestId('user-menu').waitFor();
    return page;
  };

  before(async () => {
    app = await startTestApp({ accounts: true });
    const s = app.runtime.services;
    const users = await s.users.listUsers({ viewer: SYSTEM });
    const find = (email: string) => {
      const u = users.find((x) => x.email === email);
      assert.ok(u, email);
      return viewerOf({ id: u.id, role: u.role, municipalityCode: u.municipalityCode, name: u.name });
    };
    lead = find(demoEmail('evaluator'));
    second = find(SECOND);
    const e = await s.evaluations.createEvaluation({ input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2031 }, viewer: lead });
    id = e.id;
    await s.workflow.setAssignments({ id, expectedVersion: e.version, list: [{ userId: lead.userId ?? '', isLead: true }, { userId: second.userId ?? '', isLead: false }], viewer: lead });
  });
  after(async () => {
    assert.deepEqual(app?.pageErrors ?? [], []);
    await app?.close();
  });

  void it('the lead sees the next step on the start page and leaves the agreement stage with a reason', async () => {
    const page = await signInAs('evaluator');
    await page.goto('/');
    const work = page.getByTestId('worklist');
    await work.getByText('För utvärderingen vidare till frågeunderlag skickat').waitFor();
    await work.getByRole('link', { name: 'Burlöv 2031' }).click();
    const panel = page.getByTestId('stage-panel');
    await panel.getByTestId('stage-missing').getByText('Datum för överenskommelsen med kommunen är inte angivet.').waitFor();
    const forward = panel.getByRole('button', { name: 'Gå vidare till frågeunderlag skickat' });
    assert.equal(await forward.isDisabled(), true, 'a gap needs a reason first');
    await panel.getByLabel('Varför går ni vidare ändå? (sparas i historiken)').fill('Avtalet skrivs under nästa vecka');
    await assertAccessible(page, 'arbetsgång');
    await forward.click();
    await page.getByTestId('stage-current').getByText('Kommunen ska agera', { exact: false }).waitFor();
    assert.match((await page.getByTestId('stage-current').textContent()) ?? '', /Frågeunderlag skickat/);
  });

  void it('the municipality contact answers from the worklist on a phone', async () => {
    const page = await signInAs('municipality');
    await page.goto('/');
    const work = page.getByTestId('worklist');
    await work.getByText('Besvara frågeunderlaget').waitFor();
    await assertAccessible(page, 'att göra (kommun)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 375 px screen`);
    await work.getByRole('button', { name: 'Meddela att frågeunderlaget är besvarat' }).click();
    await work.getByText('Tack! Utvärderarna har fått besked.').waitFor();
    const stage = await app.runtime.services.stages.getStage({ id, viewer: lead });
    assert.equal(stage.stage, 'questionnaire_answered');
  });

  void it('the second evaluator finds the scoring sheet waiting', async () => {
    const s = app.runtime.services;
    await move('document_review', second, 'Svaren kom på papper');
    await move('interviews', second);
    await s.interviews.createSession({ id, input: { day: '2031-05-04', startsAt: '09:00', endsAt: '16:00', place: 'Kommunhuset', groupName: 'Förvaltningschefer', roles: ['seniorOfficials'], people: 28 }, viewer: lead });
    const ev = await s.evaluations.getEvaluation({ id, viewer: lead });
    await s.evaluations.updateEvaluationFacts({ id, expectedVersion: ev.version, patch: { reportDate: '2031-05-20' }, viewer: lead });
    await move('independent_scoring', second);
    await s.independentScores.saveIndependentScores({ id, scores: scores(0.5), submitted: true, viewer: lead });
    const page = await signInAs('evaluator', SECOND);
    await page.goto('/');
    await page.getByTestId('work-submit_sheet').getByText('Lämna in din oberoende bedömning').waitFor();
    // The sheets diverge; the team agrees on the lead's scores.
    await s.independentScores.saveIndependentScores({ id, scores: scores(0.8), submitted: true, viewer: second });
    await move('consensus', second);
    const current = await s.evaluations.getEvaluation({ id, viewer: lead });
    await s.independentScores.recordConsensus({ id, expectedVersion: current.version, items: Object.entries(scores(0.5)).map(([subareaId, value]) => ({ subareaId, value, reason: 'Enades' })), viewer: lead });
    await move('report_draft', lead);
    const drafted = await s.evaluations.getEvaluation({ id, viewer: lead });
    await s.evaluations.updateArea({ id, number: 2, expectedVersion: drafted.version, patch: { strengths: ['Tydliga mål i budgeten', 'Öppna nämndsammanträden'] }, viewer: lead });
    await move('shared_for_review', second, 'Texterna skrivs efter återkopplingen');
  });

  void it('the municipality comments on the shared draft and on a strength; the lead answers, resolves the threads and publishes', async () => {
    const kim = await signInAs('municipality');
    await kim.goto(`/utvarderingar/${id}`);
    const comments = kim.getByTestId('comments');
    await comments.getByRole('textbox', { name: 'Ny kommentar' }).fill('Stämmer antalet intervjuade?');
    await comments.getByRole('button', { name: 'Skicka kommentar' }).click();
    await comments.getByTestId('comment-thread').getByText('Stämmer antalet intervjuade?').waitFor();
    // A comment on one strength, at its place in area 2; the thread quotes the strength.
    await kim.getByRole('button', { name: 'Kommentera styrka 2 i område 2' }).click();
    const item = kim.getByTestId('item-threads-strength-2-2');
    await item.getByRole('textbox', { name: 'Kommentar om styrka 2 i område 2' }).fill('Bara två av nämnderna sammanträder öppet.');
    await item.getByRole('button', { name: 'Skicka kommentar' }).click();
    await item.getByTestId('comment-quote').getByText('Öppna nämndsammanträden').waitFor();
    assert.equal(await item.getByTestId('thread-resolve').count(), 1, 'whoever started a thread may resolve it');
    await assertAccessible(kim, 'kommentar om en styrka (kommun)');
    const overflow = await kim.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 375 px screen`);

    const page = await signInAs('evaluator');
    await page.goto(`/utvarderingar/${id}`);
    // The comment is in the lead's notifications in the app too: the bell counts it, the list names it.
    await page.getByTestId('notification-bell').and(page.getByLabel(/^Aviseringar, \d+ olästa$/)).waitFor();
    const thread = page.getByTestId('comments').getByTestId('comment-thread').first();
    await thread.getByRole('button', { name: 'Svara' }).click();
    await thread.getByLabel(/^Svar till /).fill('Ja, 28 personer.');
    await thread.getByRole('button', { name: 'Skicka svar' }).click();
    await thread.getByText('Ja, 28 personer.').waitFor();
    await thread.getByTestId('thread-resolve').click();
    await thread.getByTestId('thread-state').getByText(/Löst av/).waitFor();
    const itemThread = page.getByTestId('item-threads-strength-2-2').getByTestId('comment-thread');
    await itemThread.getByText('Bara två av nämnderna sammanträder öppet.').waitFor();
    await itemThread.getByRole('button', { name: 'Svara' }).click();
    await itemThread.getByLabel(/^Svar till /).fill('Vi skriver om styrkan.');
    await itemThread.getByRole('button', { name: 'Skicka svar' }).click();
    await itemThread.getByText('Vi skriver om styrkan.').waitFor();
    await itemThread.getByTestId('thread-resolve').click();
    await itemThread.getByTestId('thread-state').getByText(/Löst av/).waitFor();
    await page.getByTestId('item-thread-links').getByRole('link', { name: 'styrka 2 i område 2' }).waitFor();
    const [stored] = (await app.runtime.services.workflow.listComments({ id, viewer: lead })).filter((c) => c.item !== null && c.parentId === null);
    assert.deepEqual(stored?.item, { kind: 'strength', index: 1, text: 'Öppna nämndsammanträden' });
    assert.ok(stored?.resolvedAt, 'the thread on the strength is resolved');
    await assertAccessible(page, 'kommentarstrådar');

    const st = await app.runtime.services.stages.getStage({ id, viewer: lead });
    await app.runtime.services.stages.updateStageDetails({ id, expectedVersion: st.version, patch: { feedbackMeetingDate: '2031-06-01', feedbackNotes: 'Genomgång med kommunledningen.' }, viewer: lead });
    await move('feedback_meeting', lead);
    await page.reload();
    const panel = page.getByTestId('stage-panel');
    await panel.getByLabel('Varför går ni vidare ändå? (sparas i historiken)').fill('Texterna levereras som bilaga');
    await panel.getByRole('button', { name: 'Gå vidare till publicerad' }).click();
    await page.getByTestId('stage-current').getByText('Utvärderingen är klar', { exact: false }).waitFor();
    assert.equal((await app.runtime.services.evaluations.getEvaluation({ id, viewer: SYSTEM })).status, 'published');
  });
});
