/**
 * Conducting an evaluation on a real database: the questionnaire (save halfway, submit, read-only,
 * reopen by the lead, stale saves refused), the question bank edited by an administrator, evidence
 * linked to subareas, and interview sessions whose interviewees become the evaluation's facts —
 * with the municipality never seeing the evaluators' notes, not even through the history.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SYSTEM, type Viewer } from '../../src/domain/access.ts';
import { createAssignmentRepository } from '../../src/repositories/assignment.repository.ts';
import type { Services } from '../../src/services/index.ts';
import { buildViewer } from '../helpers/app.ts';
import { rejectsWith } from '../helpers/assert.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildFramework } from '../helpers/factories.ts';

void describe(`conducting an evaluation on ${testDbKind()}`, () => {
  let ctx: TestContext;
  let s: Services;
  let lead: Viewer;
  let member: Viewer;
  let contact: Viewer;
  const admin: Viewer = { ...SYSTEM, name: 'Admin' };

  before(async () => {
    ctx = await createTestServices();
    s = ctx.services;
    const as = (role: 'evaluator' | 'municipality') => buildViewer(s, role, { municipalityCode: '1231' });
    lead = await as('evaluator');
    member = await as('evaluator');
    contact = await as('municipality');
  });
  after(async () => ctx.close());

  const evaluation = async (frameworkId = 'kk2020') => {
    const e = await s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1231', frameworkId, year: 2031 } });
    await createAssignmentRepository(s.db).replace(e.id, [
      { userId: lead.userId ?? '', isLead: true },
      { userId: member.userId ?? '', isLead: false },
    ]);
    return e;
  };

  void test('questionnaire: saved halfway, submitted, then read-only until the lead reopens it; a stale save is refused', async () => {
    const e = await evaluation();
    const q0 = await s.questionnaires.getQuestionnaire({ id: e.id, viewer: contact });
    assert.equal(q0.status, 'not_started');
    assert.ok(q0.total === 35 * 3, `the 2020 bank has questions for every subarea (${q0.total})`);
    const [first, second] = q0.areas[0]?.subareas[0]?.questions ?? [];
    assert.ok(first && second);
    const half = await s.questionnaires.saveQuestionnaire({ id: e.id, expectedVersion: 0, answers: { [first.id]: { text: 'Strategin beslutades av KF 2030.', links: ['https://kommun.example.se/strategi'], fileIds: [] } }, submit: false, viewer: contact });
    assert.equal(half.status, 'in_progress');
    assert.equal(half.answered, 1);
    await rejectsWith(s.questionnaires.saveQuestionnaire({ id: e.id, expectedVersion: 0, answers: {}, submit: false, viewer: contact }), 'conflict');
    await rejectsWith(s.questionnaires.saveQuestionnaire({ id: e.id, expectedVersion: half.version, answers: {}, submit: false, viewer: lead }), 'forbidden', /kommunens användare/);
    await rejectsWith(s.questionnaires.saveQuestionnaire({ id: e.id, expectedVersion: half.version, answers: { '00000000-0000-4000-8000-000000000000': { text: 'x', links: [], fileIds: [] } }, submit: false, viewer: contact }), 'validation', /finns inte i frågeunderlaget/);
    const answers = { [first.id]: { text: 'Strategin beslutades av KF 2030.', links: [], fileIds: [] }, [second.id]: { text: 'Kommunstyrelsen följer upp den varje år.', links: [], fileIds: [] } };
    const done = await s.questionnaires.saveQuestionnaire({ id: e.id, expectedVersion: half.version, answers, submit: true, viewer: contact });
    assert.equal(done.status, 'submitted');
    assert.equal(done.canAnswer, false);
    await rejectsWith(s.questionnaires.saveQuestionnaire({ id: e.id, expectedVersion: done.version, answers, submit: false, viewer: contact }), 'rule_violation', /inlämnat/);
    // Evaluators read the answers beside the subarea.
    const seen = await s.questionnaires.getQuestionnaire({ id: e.id, viewer: member });
    assert.equal(seen.areas[0]?.subareas[0]?.questions[1]?.answer?.text, 'Kommunstyrelsen följer upp den varje år.');
    assert.equal(seen.canReopen, false);
    await rejectsWith(s.questionnaires.reopenQuestionnaire({ id: e.id, viewer: member }), 'forbidden', /huvudutvärderaren/);
    const reopened = await s.questionnaires.reopenQuestionnaire({ id: e.id, viewer: lead });
    assert.equal(reopened.status, 'in_progress');
    assert.equal(reopened.reopenedBy, lead.name);
    assert.equal((await s.questionnaires.getQuestionnaire({ id: e.id, viewer: contact })).canAnswer, true);
    assert.deepEqual(await s.questionnaires.getQuestionnaireFacts({ id: e.id, viewer: lead }), { status: 'in_progress', answered: 2, total: q0.total, submittedAt: null });
    const listed = await s.questionnaires.listQuestionnaires({ viewer: contact });
    assert.ok(listed.items.some((i) => i.evaluationId === e.id && i.answered === 2));
    // The history says that answers were saved, never what they were.
    const history = JSON.stringify(await s.audit.listEntries({ entity: 'evaluation', entityId: e.id }));
    assert.match(history, /submit_questionnaire/);
    assert.doesNotMatch(history, /Kommunstyrelsen följer upp/);
  });

  void test('question bank: an administrator edits one subarea; kept questions keep their answers', async () => {
    const fw = await buildFramework(s);
    const e = await evaluation(fw.id);
    const bank = await s.questionnaires.getQuestionBank({ frameworkId: fw.id, viewer: contact });
    const sub = bank.areas[1]?.subareas[0];
    assert.ok(sub && sub.questions.length >= 2);
    const kept = sub.questions[0];
    assert.ok(kept);
    const q = await s.questionnaires.saveQuestionnaire({ id: e.id, expectedVersion: 0, answers: { [kept.id]: { text: 'Ja, sedan 2029.', links: [], fileIds: [] } }, submit: false, viewer: contact });
    await rejectsWith(s.questionnaires.updateQuestionBank({ frameworkId: fw.id, subareaId: sub.id, questions: [], viewer: lead }), 'forbidden');
    const edited = await s.questionnaires.updateQuestionBank({ frameworkId: fw.id, subareaId: sub.id, questions: [{ id: kept.id, text: 'Omformulerad fråga?', help: '' }, { text: 'Ny fråga?', help: 'Bifoga gärna beslutet.' }], viewer: admin });
    assert.deepEqual(edited.areas[1]?.subareas[0]?.questions.map((x) => x.text), ['Omformulerad fråga?', 'Ny fråga?']);
    const after = await s.questionnaires.getQuestionnaire({ id: e.id, viewer: contact });
    assert.equal(after.areas[1]?.subareas[0]?.questions[0]?.answer?.text, 'Ja, sedan 2029.');
    assert.equal(after.version, q.version);
    await rejectsWith(s.questionnaires.updateQuestionBank({ frameworkId: fw.id, subareaId: '9.9', questions: [], viewer: admin }), 'not_found');
  });

  void test('evidence supports subareas; the evidence behind a score is listed per subarea; unknown subareas are refused', async () => {
    const e = await evaluation();
    await s.evidence.createEvidence({ id: e.id, input: { kind: 'document', title: 'Budget och verksamhetsplan 2031', decisionBody: 'Kommunfullmäktige', decidedOn: '2030-11-20', subareaIds: ['3.2', '3.3'] }, viewer: lead });
    await s.evidence.createEvidence({ id: e.id, input: { kind: 'website', title: 'Startsidan saknar resultatredovisning', url: 'https://kommun.example.se', subareaIds: ['1.4'] }, viewer: member });
    await rejectsWith(s.evidence.createEvidence({ id: e.id, input: { kind: 'document', title: 'X', subareaIds: ['3.9'] }, viewer: lead }), 'validation', /3\.9 finns inte/);
    await rejectsWith(s.evidence.listEvidence({ id: e.id, viewer: contact }), 'forbidden');
    const for32 = await s.evidence.listEvidence({ id: e.id, subareaId: '3.2', viewer: lead });
    assert.deepEqual(for32.items.map((i) => i.title), ['Budget och verksamhetsplan 2031']);
    const facts = await s.evidence.getEvidenceFacts({ id: e.id, viewer: lead });
    assert.deepEqual([facts.documents, facts.observations, facts.interviewNotes, facts.bySubarea['3.3']], [1, 1, 0, 1]);
  });

  void test('interview sessions: the number of interviewees becomes the evaluation\'s facts; the municipality sees the schedule, not the notes', async () => {
    const e = await evaluation();
    await s.interviews.createSession({ id: e.id, input: { day: '2031-05-05', startsAt: '09:00', endsAt: '10:30', place: 'KS-salen', groupName: 'Kommunstyrelsens presidium', roles: ['politicians'], people: 3 }, viewer: lead });
    const plan = await s.interviews.createSession({ id: e.id, input: { day: '2031-05-04', startsAt: '13:00', endsAt: '14:00', groupName: 'Fackliga företrädare', roles: ['unions'], people: 5 }, viewer: member });
    assert.deepEqual(plan.days.map((d) => d.day), ['2031-05-04', '2031-05-05']);
    assert.equal(plan.interviewees, 8);
    assert.equal((await s.evaluations.getEvaluation({ id: e.id, viewer: lead })).interviews, 8);
    await rejectsWith(s.interviews.createSession({ id: e.id, input: { day: '2031-05-04', startsAt: '14:00', endsAt: '13:00', groupName: 'X', roles: [], people: 1 }, viewer: lead }), 'validation', /slutar/);
    const sessionId = plan.days[0]?.sessions[0]?.id ?? '';
    await s.evidence.createEvidence({ id: e.id, input: { kind: 'interview', title: 'Anteckningar facket', note: 'Samverkan fungerar dåligt i förvaltning X.', sessionId, subareaIds: ['7.3'] }, viewer: lead });
    const staff = await s.interviews.getInterviewPlan({ id: e.id, viewer: member });
    assert.equal(staff.days[0]?.sessions[0]?.notes?.[0]?.subareaIds[0], '7.3');
    const theirs = await s.interviews.getInterviewPlan({ id: e.id, viewer: contact });
    assert.equal(theirs.days[0]?.sessions[0]?.notes, null);
    assert.equal(theirs.canEdit, false);
    assert.doesNotMatch(JSON.stringify(await s.audit.listEntries({ entity: 'evaluation', entityId: e.id })), /Samverkan fungerar/);
    await rejectsWith(s.interviews.createSession({ id: e.id, input: { day: '2031-05-04', startsAt: '09:00', endsAt: '10:00', groupName: 'X', roles: [], people: 1 }, viewer: contact }), 'forbidden');
    await s.interviews.deleteSession({ id: e.id, sessionId, viewer: lead });
    assert.equal((await s.evaluations.getEvaluation({ id: e.id, viewer: lead })).interviews, 3);
    assert.equal((await s.evidence.listEvidence({ id: e.id, viewer: lead })).items.length, 0, 'the notes of a removed session go with it');
  });
});
