/**
 * The stages of conducting an evaluation as the services apply them, with the status workflow's
 * gates underneath: no stage skips consensus or the publication rule, the municipality follows its
 * own evaluation's stage without the team's checklist, internal notes stay with the team, and the
 * worklist shows each role what waits for it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { SYSTEM, type Viewer } from '../../src/domain/access.ts';
import { viewerOf } from '../../src/services/user.service.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { randomMunicipalityCode, scoresFor, seededTag } from '../helpers/factories.ts';
import { rejectsWith } from '../helpers/assert.ts';

void describe(`evaluation stages on ${testDbKind()}`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestServices();
  });
  after(async () => ctx.close());

  const user = async (role: 'evaluator' | 'municipality' | 'admin', municipalityCode?: string): Promise<Viewer> => {
    const u = await ctx.services.users.createUser({ viewer: SYSTEM, input: { email: `${role}-${seededTag()}@test.kompass.se`, name: `${role} ${seededTag(3)}`, role, ...(municipalityCode ? { municipalityCode } : {}) } });
    return viewerOf(u);
  };

  /** A draft with a lead and a second evaluator, and the municipality's contact. */
  const team = async () => {
    const code = randomMunicipalityCode();
    const lead = await user('evaluator');
    const member = await user('evaluator');
    const contact = await user('municipality', code);
    const e = await ctx.services.evaluations.createEvaluation({ input: { municipalityCode: code, frameworkId: 'kk2020', year: 2026 }, viewer: lead });
    const assigned = await ctx.services.workflow.setAssignments({ id: e.id, expectedVersion: e.version, list: [{ userId: lead.userId ?? '', isLead: true }, { userId: member.userId ?? '', isLead: false }], viewer: lead });
    assert.equal(assigned.length, 2);
    return { id: e.id, lead, member, contact };
  };
  const move = async (id: string, to: Parameters<typeof ctx.services.stages.moveStage>[0]['to'], viewer: Viewer, reason?: string) => {
    const { version } = await ctx.services.stages.getStage({ id, viewer });
    return ctx.services.stages.moveStage({ id, expectedVersion: version, to, viewer, ...(reason ? { reason } : {}) });
  };

  void test('a walk from request to publication: each step says what is missing, hard gaps hold, soft ones need a reason, the status follows', async () => {
    const { id, lead, member, contact } = await team();
    const s0 = await ctx.services.stages.getStage({ id, viewer: lead });
    assert.equal(s0.stage, 'request');
    assert.deepEqual(s0.checks?.filter((c) => !c.ok).map((c) => c.key), ['agreement']);
    await rejectsWith(move(id, 'questionnaire_sent', member), 'forbidden', /huvudutvärderaren/);
    await rejectsWith(move(id, 'questionnaire_sent', lead), 'rule_violation', /överenskommelsen/);
    await ctx.services.stages.updateStageDetails({ id, expectedVersion: s0.version, patch: { agreementDate: '2026-01-15', deadlines: { questionnaire_sent: '2026-02-28' } }, viewer: lead });
    await move(id, 'questionnaire_sent', lead);

    // The municipality follows the stage of its own draft (without the checklist) and answers the questionnaire.
    await rejectsWith(ctx.services.evaluations.getEvaluation({ id, viewer: contact }), 'not_found');
    const seen = await ctx.services.stages.getStage({ id, viewer: contact });
    assert.equal(seen.stage, 'questionnaire_sent');
    assert.equal(seen.checks, null);
    assert.equal(seen.deadline, '2026-02-28');
    assert.equal(seen.canMoveForward, true);
    const work = await ctx.services.worklist.getWorklist({ viewer: contact });
    assert.deepEqual(work.items.map((i) => [i.kind, i.evaluationId]), [['answer_questionnaire', id]]);
    await move(id, 'questionnaire_answered', contact);
    await rejectsWith(move(id, 'document_review', contact), 'forbidden', /frågeunderlaget/);
    const other = await user('municipality', randomMunicipalityCode());
    await rejectsWith(ctx.services.stages.getStage({ id, viewer: other }), 'not_found');

    // The questionnaire was marked answered but not submitted: the evaluators go on only with a reason.
    await rejectsWith(move(id, 'document_review', member), 'rule_violation', /Frågeunderlaget är inte inlämnat av kommunen: 0 av 105 frågor är besvarade/);
    await move(id, 'document_review', member, 'Svaren kom på papper');
    await move(id, 'interviews', member);
    // Interview days are left only with a session in the plan; its interviewees become the evaluation's fact.
    await rejectsWith(move(id, 'independent_scoring', member), 'rule_violation', /Intervjuplanen har inget intervjupass/);
    await rejectsWith(move(id, 'independent_scoring', member, 'Intervjuerna hölls'), 'rule_violation', /intervjupass/);
    await ctx.services.interviews.createSession({ id, input: { day: '2026-04-14', startsAt: '09:00', endsAt: '12:00', place: 'Stadshuset', groupName: 'Förvaltningschefer', roles: ['seniorOfficials'], people: 32 }, viewer: lead });
    const withFacts = await ctx.services.evaluations.getEvaluation({ id, viewer: lead });
    assert.equal(withFacts.interviews, 32, 'the interviewees of the sessions are the evaluation\'s number of interviewees');
    assert.deepEqual((await ctx.services.stages.getStage({ id, viewer: lead })).checks?.filter((c) => !c.ok).map((c) => c.key), []);
    await ctx.services.evaluations.updateEvaluationFacts({ id, expectedVersion: withFacts.version, patch: { reportDate: '2026-05-20' }, viewer: lead });
    await move(id, 'independent_scoring', member);

    // Independent scoring: nobody moves on before both have submitted, not even with a reason.
    const scores = scoresFor(FRAMEWORK_2020, 0.6);
    await ctx.services.independentScores.saveIndependentScores({ id, scores, submitted: true, viewer: lead });
    const waiting = await ctx.services.stages.getStage({ id, viewer: lead });
    assert.deepEqual(waiting.actingNames, [member.name]);
    assert.deepEqual((await ctx.services.worklist.getWorklist({ viewer: member })).items.map((i) => i.kind), ['submit_sheet']);
    await rejectsWith(move(id, 'consensus', lead, 'ändå'), 'rule_violation', new RegExp(`inte inlämnad av ${member.name}`));
    await ctx.services.independentScores.saveIndependentScores({ id, scores: { ...scores, '2.2': 5 }, submitted: true, viewer: member });
    await move(id, 'consensus', member);
    assert.deepEqual((await ctx.services.worklist.getWorklist({ viewer: lead })).items.map((i) => i.kind), ['record_consensus']);
    await rejectsWith(move(id, 'report_draft', lead, 'ändå'), 'rule_violation', /Överenskommen poäng saknas/);
    const ev = await ctx.services.evaluations.getEvaluation({ id, viewer: lead });
    await ctx.services.independentScores.recordConsensus({ id, expectedVersion: ev.version, items: Object.entries(scores).map(([subareaId, value]) => ({ subareaId, value, reason: 'Överens' })), viewer: lead });
    await move(id, 'report_draft', lead);

    // Texts are missing: a soft gap, so the team may share the draft with a recorded reason; the status becomes review.
    await rejectsWith(move(id, 'shared_for_review', member), 'rule_violation', /Område 1, 2, 3, 4, 5, 6, 7 och 8 saknar/);
    const shared = await move(id, 'shared_for_review', member, 'Texterna skrivs klart efter återkopplingen');
    assert.equal(shared.status, 'review');
    const history = await ctx.services.workflow.listHistory({ id, viewer: lead });
    assert.deepEqual(history.find((h) => h.action === 'change_stage')?.after, { stage: 'shared_for_review', overridden: ['texts'], reason: 'Texterna skrivs klart efter återkopplingen' });
    assert.deepEqual((await ctx.services.worklist.getWorklist({ viewer: contact })).items.map((i) => i.kind), ['review_draft']);

    await ctx.services.stages.updateStageDetails({ id, expectedVersion: shared.version, patch: { feedbackMeetingDate: '2026-06-01' }, viewer: lead });
    await move(id, 'feedback_meeting', lead);
    await rejectsWith(move(id, 'published', member, 'x'), 'forbidden', /huvudutvärderaren/);
    const published = await move(id, 'published', lead, 'Texterna klara i separat dokument');
    assert.equal(published.status, 'published');
    assert.equal(published.stage, 'published');
    assert.equal((await ctx.services.evaluations.getEvaluation({ id, viewer: SYSTEM })).status, 'published');
  });

  void test('stages never get round the status workflow: publishing waits for consensus, a status change moves the stage shown', async () => {
    const { id, lead, member } = await team();
    await ctx.services.independentScores.saveIndependentScores({ id, scores: scoresFor(FRAMEWORK_2020, 0.5), submitted: true, viewer: lead });
    const ev = await ctx.services.evaluations.getEvaluation({ id, viewer: lead });
    const review = await ctx.services.evaluations.changeStatus({ id, expectedVersion: ev.version, status: 'review', viewer: lead });
    const s = await ctx.services.stages.getStage({ id, viewer: lead });
    assert.equal(s.stage, 'shared_for_review', 'a status set directly shows the matching stage');
    await rejectsWith(ctx.services.evaluations.changeStatus({ id, expectedVersion: review.version, status: 'published', viewer: lead }), 'rule_violation', /överens/);
    await ctx.services.stages.updateStageDetails({ id, expectedVersion: s.version, patch: { feedbackMeetingDate: '2026-06-01', feedbackNotes: 'Bra möte' }, viewer: member });
    await move(id, 'feedback_meeting', member);
    const err = await rejectsWith(move(id, 'published', lead, 'vi publicerar ändå'), 'rule_violation', /Överenskommen poäng saknas/);
    assert.ok(err.details.some((d) => d.path === 'stage.consensus'));
    const back = await move(id, 'shared_for_review', member);
    assert.equal(back.status, 'review');
    const draft = await move(id, 'report_draft', member);
    assert.equal(draft.status, 'draft');
  });

  /** Both evaluators submit the same sheet and the lead records it as agreed; the draft goes to the feedback meeting. */
  const agreedAtFeedback = async (id: string, lead: Viewer, member: Viewer) => {
    const scores = scoresFor(FRAMEWORK_2020, 0.5);
    await ctx.services.independentScores.saveIndependentScores({ id, scores, submitted: true, viewer: lead });
    await ctx.services.independentScores.saveIndependentScores({ id, scores, submitted: true, viewer: member });
    const ev = await ctx.services.evaluations.getEvaluation({ id, viewer: lead });
    await ctx.services.independentScores.recordConsensus({ id, expectedVersion: ev.version, items: Object.entries(scores).map(([subareaId, value]) => ({ subareaId, value, reason: 'Överens' })), viewer: lead });
    const again = await ctx.services.evaluations.getEvaluation({ id, viewer: lead });
    await ctx.services.evaluations.changeStatus({ id, expectedVersion: again.version, status: 'review', viewer: lead });
    const s = await ctx.services.stages.getStage({ id, viewer: lead });
    await ctx.services.stages.updateStageDetails({ id, expectedVersion: s.version, patch: { feedbackMeetingDate: '2026-06-01', feedbackNotes: 'Bra möte' }, viewer: lead });
    await move(id, 'feedback_meeting', lead);
    return scores;
  };

  void test('a score needs an evidence link: publishing names the agreed subareas without evidence; the lead may go on with a recorded reason', async () => {
    const { id, lead, member, contact } = await team();
    const scores = await agreedAtFeedback(id, lead, member);
    const all = Object.keys(scores);
    const before = await ctx.services.stages.getStage({ id, viewer: lead });
    const check = before.checks?.find((c) => c.key === 'evidence');
    assert.equal(check?.ok, false);
    assert.match(check?.message ?? '', /Underlag saknas för delområde 1\.1, 1\.2, .* \(\d+ delområden\)/);
    // Evidence for every subarea but two, one of them through an interview note.
    await ctx.services.evidence.createEvidence({ id, input: { kind: 'document', title: 'Styrmodell', subareaIds: all.filter((s) => s !== '3.2' && s !== '8.5' && s !== '5.1') }, viewer: member });
    await ctx.services.evidence.createEvidence({ id, input: { kind: 'interview', title: 'Samtal med brukarråd', subareaIds: ['5.1'] }, viewer: lead });
    const err = await rejectsWith(move(id, 'published', lead), 'rule_violation', /Underlag saknas för delområde 3\.2 och 8\.5: en överenskommen poäng ska bygga på minst ett underlag/);
    assert.ok(err.details.some((d) => d.path === 'stage.evidence'));
    assert.equal((await ctx.services.stages.getStage({ id, viewer: contact })).checks, null, 'the municipality does not see the checklist');
    const published = await move(id, 'published', lead, 'Underlaget för 3.2 och 8.5 finns i kommunens diarium');
    assert.equal(published.status, 'published');
    const history = await ctx.services.workflow.listHistory({ id, viewer: lead });
    const after = history.find((h) => h.action === 'change_stage')?.after as { overridden?: string[]; reason?: string } | undefined;
    assert.ok(after?.overridden?.includes('evidence'));
    assert.equal(after?.reason, 'Underlaget för 3.2 och 8.5 finns i kommunens diarium');
  });

  void test('a score needs an evidence link only in evaluations made in kompass: an imported report has none and is not held back by it', async () => {
    const code = randomMunicipalityCode();
    const lead = await user('evaluator');
    const member = await user('evaluator');
    const e = await ctx.services.evaluations.createEvaluation({ input: { municipalityCode: code, frameworkId: 'kk2020', year: 2015, source: { kind: 'import', fileName: 'rapport.pdf' } }, viewer: lead });
    await ctx.services.workflow.setAssignments({ id: e.id, expectedVersion: e.version, list: [{ userId: lead.userId ?? '', isLead: true }, { userId: member.userId ?? '', isLead: false }], viewer: lead });
    await agreedAtFeedback(e.id, lead, member);
    const s = await ctx.services.stages.getStage({ id: e.id, viewer: lead });
    assert.equal(s.checks?.find((c) => c.key === 'evidence')?.ok, true);
    const err = await rejectsWith(move(e.id, 'published', lead), 'rule_violation', /saknar sammanfattning/);
    assert.doesNotMatch(err.message, /Underlag saknas/);
    assert.equal((await move(e.id, 'published', lead, 'Texterna finns i den tryckta rapporten')).status, 'published');
  });

  void test('threads: internal notes and their replies never reach the municipality (list or history); the author or the team resolves', async () => {
    const { id, lead, member, contact } = await team();
    const ev = await ctx.services.evaluations.getEvaluation({ id, viewer: lead });
    await ctx.services.evaluations.changeStatus({ id, expectedVersion: ev.version, status: 'review', viewer: lead });
    const note = await ctx.services.workflow.addComment({ id, body: 'Internt: poängen i 2.2 känns hög', internal: true, subareaId: '2.2', areaNumber: 2, viewer: lead });
    const reply = await ctx.services.workflow.addComment({ id, body: 'Håller med', parentId: note.id, viewer: member });
    assert.equal(reply.internal, true, 'a reply takes the thread’s visibility');
    assert.equal(reply.subareaId, '2.2');
    await rejectsWith(ctx.services.workflow.addComment({ id, body: 'x', internal: true, viewer: contact }), 'forbidden');
    await rejectsWith(ctx.services.workflow.addComment({ id, body: 'Vad står det?', parentId: note.id, viewer: contact }), 'not_found');
    const question = await ctx.services.workflow.addComment({ id, body: 'Stämmer antalet intervjuade?', viewer: contact });
    await ctx.services.workflow.addComment({ id, body: 'Ja, 32 personer.', parentId: question.id, viewer: lead });

    const theirs = await ctx.services.workflow.listComments({ id, viewer: contact });
    assert.deepEqual(theirs.map((c) => c.body), ['Stämmer antalet intervjuade?', 'Ja, 32 personer.']);
    const history = JSON.stringify(await ctx.services.workflow.listHistory({ id, viewer: contact }));
    assert.doesNotMatch(history, /Internt|Håller med|internal_comment/);
    assert.equal((await ctx.services.workflow.listComments({ id, viewer: member })).length, 4);
    assert.match(JSON.stringify(await ctx.services.workflow.listHistory({ id, viewer: lead })), /internal_comment/);
    assert.doesNotMatch(JSON.stringify(await ctx.services.workflow.listHistory({ id, viewer: lead })), /Internt: poängen/, 'the note’s text is not in the history at all');

    const outsider = await user('evaluator');
    await rejectsWith(ctx.services.workflow.resolveThread({ id, commentId: question.id, resolved: true, viewer: outsider }), 'forbidden');
    const resolved = await ctx.services.workflow.resolveThread({ id, commentId: question.id, resolved: true, viewer: contact });
    assert.equal(resolved.resolvedBy, contact.name);
    await rejectsWith(ctx.services.workflow.resolveThread({ id, commentId: note.id, resolved: true, viewer: contact }), 'not_found');
    const stage = await ctx.services.stages.getStage({ id, viewer: lead });
    const threads = await ctx.services.worklist.getWorklist({ viewer: member });
    assert.deepEqual(threads.items.filter((i) => i.kind === 'open_threads').map((i) => i.count), [1], 'the internal note is still open');
    assert.equal(stage.stage, 'shared_for_review');
    // A reply reopens a resolved thread.
    await ctx.services.workflow.addComment({ id, body: 'En fråga till', parentId: question.id, viewer: contact });
    assert.equal((await ctx.services.workflow.listComments({ id, viewer: lead })).find((c) => c.id === question.id)?.resolvedAt, null);
  });

  void test('a thread on one strength or improvement opportunity keeps that item through its replies; an item that does not exist is refused', async () => {
    const { id, lead, contact } = await team();
    const ev = await ctx.services.evaluations.getEvaluation({ id, viewer: lead });
    const withText = await ctx.services.evaluations.updateArea({ id, number: 2, expectedVersion: ev.version, patch: { strengths: ['Tydlig näringslivsstrategi', 'Aktivt företagsråd'], improvements: ['Följ upp planen'] }, viewer: lead });
    await ctx.services.evaluations.changeStatus({ id, expectedVersion: withText.version, status: 'review', viewer: lead });
    const c = await ctx.services.workflow.addComment({ id, body: 'Rådet har inte träffats i år', areaNumber: 2, item: { kind: 'strength', index: 1 }, viewer: contact });
    assert.deepEqual(c.item, { kind: 'strength', index: 1, text: 'Aktivt företagsråd' });
    const reply = await ctx.services.workflow.addComment({ id, body: 'Vi stryker den', parentId: c.id, viewer: lead });
    assert.deepEqual(reply.item, c.item);
    await ctx.services.workflow.resolveThread({ id, commentId: c.id, resolved: true, viewer: lead });
    assert.ok((await ctx.services.workflow.listComments({ id, viewer: contact })).find((x) => x.id === c.id)?.resolvedAt);
    await rejectsWith(ctx.services.workflow.addComment({ id, body: 'x', areaNumber: 2, item: { kind: 'improvement', index: 3 }, viewer: contact }), 'validation', /Område 2 har ingen förbättringsmöjlighet nummer 4 \(1 finns\)/);
    await rejectsWith(ctx.services.workflow.addComment({ id, body: 'x', item: { kind: 'strength', index: 0 }, viewer: contact }), 'validation', /Ange området/);
  });

  void test('the administrator’s worklist names evaluations under way without a lead, and overdue deadlines', async () => {
    const admin = await user('admin');
    const orphan = await ctx.services.evaluations.createEvaluation({ input: { municipalityCode: randomMunicipalityCode(), frameworkId: 'kk2020', year: 2026 }, viewer: admin });
    const late = await team();
    const s = await ctx.services.stages.getStage({ id: late.id, viewer: late.lead });
    await ctx.services.stages.updateStageDetails({ id: late.id, expectedVersion: s.version, patch: { deadlines: { request: '2020-01-01' } }, viewer: late.lead });
    const items = (await ctx.services.worklist.getWorklist({ viewer: admin })).items;
    assert.ok(items.some((i) => i.kind === 'assign_team' && i.evaluationId === orphan.id));
    const overdue = items.find((i) => i.kind === 'overdue' && i.evaluationId === late.id);
    assert.equal(overdue?.deadline, '2020-01-01');
    assert.equal(items[0]?.overdue, true, 'overdue first');
    await rejectsWith(ctx.services.worklist.getWorklist({ viewer: { userId: null, role: 'public', municipalityCode: null, name: 'anonym' } }), 'unauthorized');
  });
});
