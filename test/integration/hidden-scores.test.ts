/**
 * Hidden stays hidden through every route that returns an evaluation's data: an evaluator's unsubmitted
 * independent scores never reach another evaluator (nor anyone else), the team's internal notes and
 * interview notes never reach the municipality or the public. Each route is called as the service
 * behind it, with the viewer of the request; a refusal counts as nothing shown. E-mail carries the same
 * subject and text as the in-app notification of the same event (one notice list in
 * notification.service.ts), so the in-app list stands for both. `kompass db export` has no HTTP route:
 * it is the command line's, for whoever runs the server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { PUBLIC, SYSTEM, type Viewer } from '../../src/domain/access.ts';
import { createAssignmentRepository } from '../../src/repositories/assignment.repository.ts';
import type { Services } from '../../src/services/index.ts';
import { buildViewer } from '../helpers/app.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';

/** The unsubmitted sheet's value in every subarea: found nowhere else in a fresh evaluation. */
const HIDDEN = 3.1416;
const NOTE = 'Intern anteckning: kommunchefen verkar osäker';
const REPLY = 'Internt svar: vi tar det i konsensus';
const INTERVIEW_NOTE = 'Intervjuanteckning: presidiet var oense om målen';

const text = async (body: Buffer | Readable): Promise<string> => {
  const buf = Buffer.isBuffer(body) ? body : Buffer.concat((await body.toArray()).map((c: Buffer | string) => (typeof c === 'string' ? Buffer.from(c) : c)));
  if (buf.subarray(0, 2).toString() === 'PK') {
    const zip = await JSZip.loadAsync(buf);
    const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')));
    return parts.join('\n');
  }
  return buf.toString('utf8');
};

void describe(`hidden scores and internal notes through every route on ${testDbKind()}`, () => {
  let ctx: TestContext;
  let s: Services;
  let lead: Viewer;
  let member: Viewer;
  let third: Viewer;
  let contact: Viewer;
  let id = '';
  const admin: Viewer = { ...SYSTEM, name: 'Admin' };

  /** Every route's answer for `viewer`, as one text (refusals leave nothing). */
  const everything = async (viewer: Viewer): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    const get = async (route: string, call: () => Promise<unknown>) => {
      try {
        const v = await call();
        out[route] = typeof v === 'string' ? v : JSON.stringify(v);
      } catch (e) {
        const code = (e as { code?: string }).code;
        assert.ok(code === 'forbidden' || code === 'unauthorized' || code === 'not_found', `${route}: ${String(e)}`);
        out[route] = '';
      }
    };
    await get('GET /api/evaluations/:id', () => s.evaluations.getEvaluation({ id, viewer }));
    await get('GET /api/evaluations/:id/summary', () => s.evaluations.getSummary({ id, viewer }));
    await get('GET /api/evaluations', () => s.evaluations.listEvaluations({ viewer }));
    await get('GET /api/evaluations/:id/history', () => s.workflow.listHistory({ id, viewer, limit: 500 }));
    await get('GET /api/evaluations/:id/comments', () => s.workflow.listComments({ id, viewer }));
    await get('GET /api/evaluations/:id/stage', () => s.stages.getStage({ id, viewer }));
    await get('GET /api/evaluations/:id/independent-scores', () => s.independentScores.getIndependentScores({ id, viewer }));
    await get('GET /api/calibration', () => s.independentScores.getCalibration({ viewer }));
    await get('GET /api/evaluations/:id/report (view model)', () => s.reports.getReportViewModel({ id, viewer }));
    await get('GET /api/evaluations/:id/report.docx', async () => text((await s.reports.getReport({ id, format: 'docx', viewer })).body));
    await get('GET /api/comparisons', () => s.openData.compareEvaluations({ ids: [id], viewer }));
    await get('GET /api/comparisons/export.csv', async () => text((await s.openData.exportComparison({ ids: [id], format: 'csv', viewer })).body));
    await get('GET /api/comparisons/export.xlsx', async () => text((await s.openData.exportComparison({ ids: [id], format: 'xlsx', viewer })).body));
    await get('GET /api/open-data/scores.json', async () => text((await s.openData.exportScores({ level: 'subarea', format: 'json', viewer })).body));
    await get('GET /api/good-examples', () => s.goodExamples.searchGoodExamples({ viewer, query: { q: 'kommunchefen' } }));
    await get('GET /api/me/notifications', () => s.notifications.listNotifications({ viewer }));
    await get('GET /api/worklist', () => s.worklist.getWorklist({ viewer }));
    await get('GET /api/evaluations/:id/interviews', () => s.interviews.getInterviewPlan({ id, viewer }));
    await get('GET /api/evaluations/:id/interviews/schedule.docx', async () => text((await s.interviews.getSchedule({ id, format: 'docx', viewer })).body));
    await get('GET /api/evaluations/:id/questionnaire', () => s.questionnaires.getQuestionnaire({ id, viewer }));
    await get('GET /api/evaluations/:id/evidence', () => s.evidence.listEvidence({ id, viewer }));
    return out;
  };

  const leaking = (all: Record<string, string>, pattern: RegExp): string[] => Object.entries(all).filter(([, v]) => pattern.test(v)).map(([route]) => route);
  const scorePattern = new RegExp(`${String(HIDDEN).replace('.', '[.,]')}`);
  const notePattern = new RegExp(`${NOTE}|${REPLY}|${INTERVIEW_NOTE}`);

  before(async () => {
    ctx = await createTestServices();
    s = ctx.services;
    const as = (role: 'evaluator' | 'municipality') => buildViewer(s, role, { municipalityCode: '1231' });
    lead = await as('evaluator');
    member = await as('evaluator');
    third = await as('evaluator');
    contact = await as('municipality');
    const e = await s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2031 } });
    id = e.id;
    await createAssignmentRepository(s.db).replace(id, [
      { userId: lead.userId ?? '', isLead: true },
      { userId: member.userId ?? '', isLead: false },
    ]);
    await s.evaluations.updateArea({ id, number: 1, expectedVersion: e.version, patch: { summary: 'Området sammanfattas.', strengths: ['Tydliga mål'], improvements: ['Följ upp målen'] }, viewer: lead });
    const plan = await s.interviews.createSession({ id, input: { day: '2031-05-04', startsAt: '09:00', endsAt: '10:30', place: 'KS-salen', groupName: 'Presidiet', roles: ['politicians'], people: 3 }, viewer: lead });
    const sessionId = plan.days[0]?.sessions[0]?.id ?? '';
    assert.ok(sessionId);
    await s.evidence.createEvidence({ id, input: { kind: 'interview', title: 'Presidiet', decisionBody: '', decidedOn: null, url: null, fileId: null, sessionId, note: INTERVIEW_NOTE, subareaIds: ['1.1'] }, viewer: lead });
    const note = await s.workflow.addComment({ id, body: NOTE, areaNumber: 1, internal: true, viewer: lead });
    await s.workflow.addComment({ id, body: REPLY, parentId: note.id, viewer: member });
    await s.workflow.addComment({ id, body: 'Stämmer målen i område 1?', areaNumber: 1, item: { kind: 'strength', index: 0 }, viewer: lead });
    const scores = Object.fromEntries((await s.frameworks.getFramework({ id: 'kk2020' })).areas.flatMap((a) => a.subareas.map((x) => [x.id, HIDDEN])));
    await s.independentScores.saveIndependentScores({ id, scores, submitted: false, viewer: lead });
    // Shared for review: the municipality reads and comments on the draft, and is told by e-mail.
    await s.evaluations.changeStatus({ id, expectedVersion: (await s.evaluations.getEvaluation({ id, viewer: SYSTEM })).version, status: 'review', viewer: admin });
    await s.workflow.addComment({ id, body: 'Kommunen undrar över område 1.', areaNumber: 1, viewer: contact });
  });
  after(async () => ctx.close());

  void test('the municipality and the public never see unsubmitted scores, internal notes or interview notes', async () => {
    const seen = await everything(contact);
    for (const [who, all] of [['kommunen', seen], ['allmänheten', await everything(PUBLIC)]] as const) {
      assert.deepEqual(leaking(all, scorePattern), [], `${who}: routes showing an unsubmitted score`);
      assert.deepEqual(leaking(all, notePattern), [], `${who}: routes showing an internal or interview note`);
    }
    // What the municipality may read it does read: its own comment, the comment on the strength, the schedule.
    assert.match(seen['GET /api/evaluations/:id/comments'] ?? '', /Stämmer målen i område 1\?/);
    assert.match(seen['GET /api/evaluations/:id/interviews/schedule.docx'] ?? '', /Presidiet/);
    assert.match(seen['GET /api/evaluations/:id/history'] ?? '', /save_independent_scores/);
  });

  void test("another evaluator sees no one's unsubmitted scores, before or after submitting their own", async () => {
    const before = await everything(member);
    assert.deepEqual(leaking(before, scorePattern), [], 'the second evaluator, before submitting');
    assert.match(before['GET /api/evaluations/:id/comments'] ?? '', new RegExp(NOTE), 'the team reads its internal notes');
    const own = Object.fromEntries((await s.frameworks.getFramework({ id: 'kk2020' })).areas.flatMap((a) => a.subareas.map((x) => [x.id, 1])));
    await s.independentScores.saveIndependentScores({ id, scores: own, submitted: true, viewer: member });
    const afterSubmit = await everything(member);
    assert.deepEqual(leaking(afterSubmit, scorePattern), [], 'the second evaluator, after submitting: the lead has not');
    assert.deepEqual(leaking(await everything(admin), scorePattern), [], 'not even an administrator sees a sheet before it is handed in');
    assert.deepEqual(leaking(await everything(third), scorePattern), [], 'an evaluator outside the team');
    // Once the lead hands in, the routes that compare show the lead's scores to the team (the check can fail).
    const leadSheet = await s.independentScores.getIndependentScores({ id, viewer: lead });
    await s.independentScores.saveIndependentScores({ id, scores: Object.fromEntries(leadSheet.subareas.map((x) => [x.id, HIDDEN])), submitted: true, viewer: lead });
    assert.deepEqual(leaking(await everything(member), scorePattern), ['GET /api/evaluations/:id/independent-scores']);
    const m = await everything(contact);
    assert.deepEqual(leaking(m, scorePattern), [], 'the municipality never sees the sheets, submitted or not');
  });

  void test('the calibration report leaves out evaluations whose sheets the viewer may not compare yet', async () => {
    const e = await s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2032 } });
    await createAssignmentRepository(s.db).replace(e.id, [
      { userId: lead.userId ?? '', isLead: true },
      { userId: member.userId ?? '', isLead: false },
      { userId: third.userId ?? '', isLead: false },
    ]);
    const fw = await s.frameworks.getFramework({ id: 'kk2020' });
    const all = (v: number) => Object.fromEntries(fw.areas.flatMap((a) => a.subareas.map((x) => [x.id, v])));
    await s.independentScores.saveIndependentScores({ id: e.id, scores: all(1), submitted: true, viewer: lead });
    await s.independentScores.saveIndependentScores({ id: e.id, scores: all(4), submitted: true, viewer: member });
    const counted = async (viewer: Viewer) => (await s.independentScores.getCalibration({ frameworkId: 'kk2020', viewer })).frameworks[0]?.subareas.find((r) => r.subareaId === '1.1') ?? { evaluations: 0, maxSpread: 0 };
    // Both evaluations count for the administrator and the lead (the first: the lead against the second evaluator).
    assert.deepEqual([(await counted(admin)).evaluations, (await counted(admin)).maxSpread], [2, 3]);
    assert.equal((await counted(lead)).evaluations, 2);
    const hidden = await counted(third);
    assert.equal(hidden.evaluations, 1, 'the third evaluator has not handed in: the spread of the others on this evaluation stays hidden');
    assert.ok(hidden.maxSpread < 3);
    await s.independentScores.saveIndependentScores({ id: e.id, scores: all(2), submitted: true, viewer: third });
    assert.equal((await counted(third)).evaluations, 2);
  });
});
