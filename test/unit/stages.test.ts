import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTransition, effectiveStage, missingBeforeNext, nextStage, previousStage, STAGE_STATUS, STAGES, whoMustAct, type StageFacts } from '../../src/domain/stages.ts';

const complete: StageFacts = {
  status: 'draft',
  team: [
    { userId: 'a', name: 'Anna', isLead: true },
    { userId: 'b', name: 'Bo', isLead: false },
  ],
  agreementDate: '2026-01-10',
  feedbackMeetingDate: '2026-05-01',
  feedbackNotes: 'Genomfört.',
  interviews: 30,
  reportDate: '2026-05-20',
  sheets: [
    { userId: 'a', name: 'Anna', submitted: true },
    { userId: 'b', name: 'Bo', submitted: true },
  ],
  missingAgreement: [],
  areas: [1, 2, 3, 4, 5, 6, 7, 8].map((number) => ({ number, summary: true, strengths: 2, improvements: 1 })),
  openThreads: 0,
  publishProblem: null,
};

void describe('evaluation stages', () => {
  void test('every stage belongs to one status, in order draft → review → published', () => {
    const order = STAGES.map((s) => STAGE_STATUS[s]);
    assert.deepEqual([...new Set(order)], ['draft', 'review', 'published']);
    assert.equal(nextStage('request'), 'questionnaire_sent');
    assert.equal(nextStage('published'), null);
    assert.equal(previousStage('published'), null);
  });

  void test('the stage shown always fits the status', () => {
    assert.equal(effectiveStage(null, 'draft'), 'request');
    assert.equal(effectiveStage('consensus', 'draft'), 'consensus');
    assert.equal(effectiveStage('consensus', 'review'), 'shared_for_review');
    assert.equal(effectiveStage('feedback_meeting', 'draft'), 'report_draft');
    assert.equal(effectiveStage('interviews', 'published'), 'published');
    assert.equal(effectiveStage(null, 'review'), 'shared_for_review');
  });

  void test('independent scoring is left only once every sheet is submitted, and says who has not', () => {
    const f = { ...complete, sheets: [{ userId: 'a', name: 'Anna', submitted: true }, { userId: 'b', name: 'Bo', submitted: false }] };
    const missing = missingBeforeNext('independent_scoring', f);
    assert.equal(missing.length, 1);
    assert.match(missing[0]?.message ?? '', /Bo/);
    assert.deepEqual(whoMustAct('independent_scoring', f).names, ['Bo']);
    const refused = checkTransition('independent_scoring', 'consensus', f, 'vi vill vidare');
    assert.equal(refused.ok, false, 'a hard check cannot be overridden');
  });

  void test('soft gaps stop a step until filled or overridden with a reason; hard ones (consensus, publication) never', () => {
    const noTexts = { ...complete, areas: complete.areas.map((a) => (a.number === 3 ? { ...a, strengths: 0 } : a)) };
    const r = checkTransition('report_draft', 'shared_for_review', noTexts, null);
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.message.includes('Område 3'));
    const o = checkTransition('report_draft', 'shared_for_review', noTexts, 'Område 3 skrivs klart efter mötet');
    assert.ok(o.ok && o.overridden.map((c) => c.key).includes('texts'));
    const noConsensus = { ...complete, missingAgreement: ['2.1'], publishProblem: 'Teamet är inte överens.' };
    const p = checkTransition('feedback_meeting', 'published', noConsensus, 'ändå');
    assert.equal(p.ok, false);
    assert.ok(!p.ok && p.message.includes('2.1'));
  });

  void test('one step forward or back, never a jump, and nothing after publication', () => {
    assert.equal(checkTransition('request', 'interviews', complete, null).ok, false);
    assert.equal(checkTransition('interviews', 'document_review', { ...complete, team: [] }, null).ok, true);
    assert.equal(checkTransition('published', 'feedback_meeting', complete, null).ok, false);
    assert.equal(checkTransition('request', 'questionnaire_sent', { ...complete, team: [] }, 'x').ok, false, 'a lead is required');
  });

  void test('checks from other parts of the process plug in', () => {
    const f = { ...complete, extra: [{ stage: 'questionnaire_sent' as const, key: 'questionnaire', ok: false, hard: true, message: 'Frågeunderlaget är inte inlämnat.' }] };
    assert.deepEqual(missingBeforeNext('questionnaire_sent', f).map((c) => c.key), ['questionnaire']);
    assert.equal(checkTransition('questionnaire_sent', 'questionnaire_answered', f, 'x').ok, false);
    assert.equal(checkTransition('questionnaire_sent', 'questionnaire_answered', complete, null).ok, true);
  });
});
