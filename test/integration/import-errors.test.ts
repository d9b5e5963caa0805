/**
 * Malformed database imports: each gets a clear Swedish message without SQL or secrets, and changes nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssignmentRepository } from '../../src/repositories/assignment.repository.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { SYSTEM } from '../../src/domain/access.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { ExportDocument } from '../../src/services/backup.service.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';
import { rejectsWith } from '../helpers/assert.ts';

type Doc = ExportDocument & Record<string, unknown>;

void describe(`malformed database imports on ${testDbKind()}`, () => {
  let source: TestContext;
  let target: TestContext;
  let valid: Doc;

  before(async () => {
    source = await createTestServices();
    target = await createTestServices();
    const user = await source.services.users.createUser({ viewer: SYSTEM, input: { email: 'utv@test.kompass.se', name: 'Utvärderare', role: 'evaluator', password: 'korrekt-hast-batteri-9' } });
    const e = await buildEvaluation(source.services, { scores: scoresFor(FRAMEWORK_2020, 0.5) });
    await createAssignmentRepository(source.services.db).replace(e.id, [{ userId: user.id, isLead: true }]);
    valid = (await source.services.backup.exportDatabase()) as Doc;
  });
  after(async () => {
    await source.close();
    await target.close();
  });

  const users0 = (): Doc['users'] => structuredClone(valid.users ?? []);
  const now = new Date().toISOString();
  const item = () => ({ id: '00000000-0000-4000-8000-000000000010', source: 'own', areaNumber: null, subareaId: null, improvement: 'Egen punkt', comment: '', status: 'not_started', droppedReason: '', priority: null, public: true, actions: [] });
  const plan = (evaluationId: string, municipalityCode: string) => ({ id: '00000000-0000-4000-8000-000000000011', evaluationId, municipalityCode, title: 'Plan', caseNumber: '', officer: '', cadence: 'quarterly', published: false, demo: false, items: [item()], version: 1, createdAt: now, updatedAt: now, updatedBy: null });
  const indicator = (municipalityCode: string) => {
    const id = '00000000-0000-4000-8000-000000000012';
    return { id, municipalityCode, kpi: 'U07414', name: 'NKI', unit: '', direction: 'higher', baselineValue: null, baselinePeriod: null, demo: false, createdAt: now, values: [], targets: [{ id: '00000000-0000-4000-8000-000000000013', indicatorId: id, label: '', period: 2025, targetDate: null, value: 70, planItemId: '00000000-0000-4000-8000-000000000014', createdAt: now }] };
  };
  const cases: Array<[string, (d: Doc) => unknown]> = [
    ['not an object', () => 'en sträng'],
    ['evaluations is not a list', (d) => ({ ...d, evaluations: { id: 1 } })],
    ['a user without e-mail', (d) => ({ ...d, users: users0()?.map(({ email: _e, ...u }) => u) })],
    ['a role that does not exist', (d) => ({ ...d, users: users0()?.map((u) => ({ ...u, role: 'superadmin' })) })],
    ['disabled as a string', (d) => ({ ...d, users: users0()?.map((u) => ({ ...u, disabled: 'nej' })) })],
    ['two users with the same id', (d) => ({ ...d, users: [...(users0() ?? []), { ...users0()?.[0], email: 'annan@test.kompass.se' }] })],
    ['two users with the same e-mail', (d) => ({ ...d, users: [...(users0() ?? []), { ...users0()?.[0], id: '00000000-0000-4000-8000-000000000001' }] })],
    ['two evaluations with the same id', (d) => ({ ...d, evaluations: [...d.evaluations, structuredClone(d.evaluations[0])] })],
    ['an assignment to a user not in the file', (d) => ({ ...d, assignments: [{ evaluationId: d.evaluations[0]?.id, userId: '00000000-0000-4000-8000-000000000002', isLead: true }] })],
    ['a comment on an evaluation not in the file', (d) => ({ ...d, comments: [{ id: '00000000-0000-4000-8000-000000000003', evaluationId: '00000000-0000-4000-8000-000000000004', userId: null, authorName: 'X', areaNumber: null, subareaId: null, body: 'Hej', createdAt: new Date().toISOString() }] })],
    ['an action plan of an evaluation not in the file', (d) => ({ ...d, actionPlans: [plan('00000000-0000-4000-8000-000000000006', d.evaluations[0]?.municipalityCode ?? '')] })],
    ['an action plan item with a status that does not exist', (d) => ({ ...d, actionPlans: [{ ...plan(d.evaluations[0]?.id ?? '', d.evaluations[0]?.municipalityCode ?? ''), items: [{ ...item(), status: 'halvklar' }] }] })],
    ['a dropped item without a reason', (d) => ({ ...d, actionPlans: [{ ...plan(d.evaluations[0]?.id ?? '', d.evaluations[0]?.municipalityCode ?? ''), items: [{ ...item(), status: 'dropped' }] }] })],
    ['a report-back of a plan not in the file', (d) => ({ ...d, reportBacks: [{ planId: '00000000-0000-4000-8000-000000000007', number: 1, periodStart: null, periodEnd: '2024-03-31', reportDate: '2024-04-02', caseNumber: '', officer: '', decisionProposal: [], summary: '', nextSteps: '', snapshot: { municipality: { code: '1231', name: 'Burlöv' }, evaluation: { id: 'x', year: 2020 }, items: [], changes: [], indicators: [] }, createdAt: new Date().toISOString(), createdBy: 'X' }] })],
    ['an indicator target tied to a plan item not in the file', (d) => ({ ...d, indicators: [indicator(d.evaluations[0]?.municipalityCode ?? '')] })],
    ['an independent score sheet of a user not in the file', (d) => ({ ...d, independentScoreSheets: [{ evaluationId: d.evaluations[0]?.id, userId: '00000000-0000-4000-8000-000000000008', scores: {}, submittedAt: null, updatedAt: new Date().toISOString() }] })],
    ['an agreed score above the maximum', (d) => ({ ...d, agreedScores: [{ evaluationId: d.evaluations[0]?.id, subareaId: '1.2', value: 24, reason: 'x', agreedBy: 'X', agreedAt: new Date().toISOString() }] })],
    ['a huge name', (d) => ({ ...d, users: users0()?.map((u) => ({ ...u, name: 'x'.repeat(1_000_000) })) })],
    ['a password hash in the name field', (d) => ({ ...d, users: users0()?.map((u) => ({ ...u, name: u.passwordHash, passwordHash: null })) })],
    ['a password hash that is not argon2', (d) => ({ ...d, users: users0()?.map((u) => ({ ...u, passwordHash: 'klartext-lösenord' })) })],
    ['a municipality user of a municipality that does not exist', (d) => ({ ...d, users: users0()?.map((u) => ({ ...u, role: 'municipality', municipalityCode: '9999' })) })],
    // Passes the file checks; the database refuses it (unique source hash): still a clean message.
    ['two evaluations of the same source report', (d) => ({ ...d, evaluations: [{ ...d.evaluations[0], sourceHash: 'a'.repeat(64) }, { ...structuredClone(d.evaluations[0]), id: '00000000-0000-4000-8000-000000000005', sourceHash: 'a'.repeat(64) }] })],
  ];

  for (const [label, mutate] of cases) {
    void test(label, async () => {
      const before = await target.services.backup.exportDatabase();
      let error: unknown;
      try {
        await target.services.backup.importDatabase({ document: mutate(structuredClone(valid)) });
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof DomainError, `${label}: expected a DomainError, got ${String(error)}`);
      assert.ok(['validation', 'rule_violation'].includes(error.code), error.code);
      const text = `${error.message} ${JSON.stringify(error.details)}`;
      assert.match(error.message, /^Importen avbröts/);
      assert.doesNotMatch(text, /\b(insert|select|update|delete|constraint|violates|relation|duplicate key)\b/i, `${label}: no SQL: ${text.slice(0, 300)}`);
      assert.doesNotMatch(text, /\$argon2|klartext/, `${label}: no secrets`);
      assert.doesNotMatch(text, /\b(Invalid|expected|Required|received|option)\b/, `${label}: in Swedish: ${text.slice(0, 300)}`);
      assert.ok(text.length < 20_000, 'no huge values echoed');
      assert.deepEqual(await target.services.backup.exportDatabase(), before, `${label}: nothing changed`);
    });
  }

  void test('enum fields: each wrong value is named by its place with what was expected, in Swedish', async () => {
    const doc = structuredClone(valid) as Doc & { evaluationStages: unknown[]; interviewSessions: unknown[] };
    const e = doc.evaluations[0];
    assert.ok(e && doc.users?.[0] && doc.auditLog?.[0]);
    doc.users[0].role = 'superadmin' as 'admin';
    doc.auditLog[0].entity = 'kaffe' as 'user';
    doc.evaluationStages = [{ evaluationId: e.id, stage: 'klar', entered: {}, deadlines: {}, agreementDate: null, feedbackMeetingDate: null, feedbackNotes: '', updatedAt: now, updatedBy: null }];
    doc.interviewSessions = [{ id: '00000000-0000-4000-8000-000000000020', evaluationId: e.id, day: '2031-05-05', startsAt: '09:00', endsAt: '10:00', place: '', groupName: 'X', roles: ['chefer'], people: 1, createdAt: now, updatedAt: now }];
    const err = await rejectsWith(target.services.backup.importDatabase({ document: doc }), 'validation', /^Importen avbröts: 4 fel i filen/);
    const byPath = Object.fromEntries(err.details.map((d) => [d.path, d.message]));
    assert.match(byPath['users[0].role'] ?? '', /^Ska vara ett av: "admin", "evaluator", "municipality"/);
    assert.match(byPath['auditLog[0].entity'] ?? '', /^Ska vara ett av: "evaluation"/);
    assert.match(byPath['evaluationStages[0].stage'] ?? '', /^ska vara ett av stegen: request, questionnaire_sent/);
    assert.match(byPath['interviewSessions[0].roles[0]'] ?? '', /^ska vara en av intervjugrupperna: politicians/);
    // An evaluation's own enum fields (checked after the header) too.
    const bad = structuredClone(valid);
    (bad.evaluations[0] as unknown as { status: string }).status = 'klar';
    const err2 = await rejectsWith(target.services.backup.importDatabase({ document: bad }), 'validation');
    assert.ok(err2.details.some((d) => /^evaluations\[0\] \([0-9a-f-]+\)\.status$/.test(d.path ?? '') && /^Ska vara ett av: "draft", "review", "published"/.test(d.message)), JSON.stringify(err2.details));
  });

  void test('the valid document imports (the cases above fail for their own reason), also as an export from before follow-up and independent scoring', async () => {
    const { independentScoreSheets: _s, agreedScores: _a, actionPlans: _p, reportBacks: _r, indicators: _i, ...older } = structuredClone(valid);
    assert.ok(Array.isArray(valid.actionPlans) && Array.isArray(valid.independentScoreSheets), 'today\'s exports carry the newer tables');
    const result = await target.services.backup.importDatabase({ document: older });
    assert.equal(result.evaluations, 1);
    assert.equal(result.users, 1);
  });
});
