import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { SYSTEM, PUBLIC, type Viewer } from '../../src/domain/access.ts';
import { LOGIN_REFUSED } from '../../src/domain/auth.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { viewerOf } from '../../src/services/user.service.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';
import { rejectsWith } from '../helpers/assert.ts';


const PASSWORD = 'korrekt-hast-batteri-9';
let n = 0;

void describe(`accounts, roles, publication and audit on ${testDbKind()}`, () => {
  let ctx: TestContext;
  let admin: Viewer;
  let lead: Viewer;
  let member: Viewer;
  let outsider: Viewer;
  let burlov: Viewer;
  let boras: Viewer;

  const user = async (role: 'admin' | 'evaluator' | 'municipality', municipalityCode: string | null = null, password: string | null = null): Promise<Viewer> => {
    n += 1;
    const u = await ctx.services.users.createUser({ viewer: SYSTEM, input: { email: `${role}${n}-${Date.now()}@test.kompass.se`, name: `${role} ${n}`, role, municipalityCode, password } });
    return viewerOf({ id: u.id, role: u.role, municipalityCode: u.municipalityCode, name: u.name });
  };
  /** A Burlöv draft led by `lead`, with `member` assigned, and full scores. */
  const draft = async () => {
    const e = await ctx.services.evaluations.createEvaluation({ input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2024, scores: scoresFor(FRAMEWORK_2020, 0.5) }, viewer: lead });
    await ctx.services.evaluations.assignments.replace(e.id, [
      { userId: lead.userId ?? '', isLead: true },
      { userId: member.userId ?? '', isLead: false },
    ]);
    return e;
  };

  before(async () => {
    ctx = await createTestServices();
    admin = await user('admin');
    lead = await user('evaluator');
    member = await user('evaluator');
    outsider = await user('evaluator');
    burlov = await user('municipality', '1231');
    boras = await user('municipality', '1490');
  });
  after(async () => ctx.close());

  void test('the audit log is append-only in the database itself', async () => {
    await buildEvaluation(ctx.services);
    const refused = (e: unknown): boolean => /append-only/.test(`${String(e)} ${String((e as { cause?: unknown }).cause)}`);
    await assert.rejects(ctx.services.db.execute(sql`update audit_log set actor_name = 'x'`), refused);
    await assert.rejects(ctx.services.db.execute(sql`delete from audit_log`), refused);
  });

  void test('edits: assigned evaluators and admins; an unassigned evaluator and municipality users are refused', async () => {
    const e = await draft();
    await rejectsWith(ctx.services.evaluations.setScores({ id: e.id, expectedVersion: 1, scores: { '1.1': 1 }, viewer: outsider }), 'forbidden', /inte tilldelad/);
    await rejectsWith(ctx.services.evaluations.setScores({ id: e.id, expectedVersion: 1, scores: { '1.1': 1 }, viewer: burlov }), 'not_found');
    const m = await ctx.services.evaluations.setScores({ id: e.id, expectedVersion: 1, scores: { '1.1': 2 }, viewer: member });
    const a = await ctx.services.evaluations.updateArea({ id: e.id, number: 1, expectedVersion: m.version, patch: { strengths: ['Bra'] }, viewer: admin });
    await rejectsWith(ctx.services.evaluations.createEvaluation({ input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2024 }, viewer: burlov }), 'forbidden');
    await rejectsWith(ctx.services.evaluations.createEvaluation({ input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2024 }, viewer: PUBLIC }), 'unauthorized');
    assert.equal(a.version, 3);
  });

  void test('status flow: members share for review, only the lead publishes; the municipality reads and comments but never edits', async () => {
    const e = await draft();
    await rejectsWith(ctx.services.evaluations.getEvaluation({ id: e.id, viewer: burlov }), 'not_found');
    const review = await ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: 1, status: 'review', viewer: member });
    assert.equal((await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: burlov })).status, 'review');
    await rejectsWith(ctx.services.evaluations.getEvaluation({ id: e.id, viewer: boras }), 'not_found');
    await rejectsWith(ctx.services.evaluations.getEvaluation({ id: e.id, viewer: PUBLIC }), 'not_found');
    await rejectsWith(ctx.services.evaluations.setScores({ id: e.id, expectedVersion: review.version, scores: { '1.1': 1 }, viewer: burlov }), 'forbidden', /kommentera/);
    await rejectsWith(ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: review.version, status: 'published', viewer: burlov }), 'forbidden');
    const c = await ctx.services.workflow.addComment({ id: e.id, body: 'Vi har en ny styrmodell sedan 2023.', areaNumber: 3, viewer: burlov });
    assert.equal(c.author.name, burlov.name);
    await rejectsWith(ctx.services.workflow.addComment({ id: e.id, body: 'x', viewer: boras }), 'not_found');
    await rejectsWith(ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: review.version, status: 'published', viewer: member }), 'forbidden', /huvudutvärderaren/);
    const pub = await ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: review.version, status: 'published', viewer: lead });
    assert.equal(pub.status, 'published');
    assert.equal((await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: PUBLIC })).status, 'published');
    await rejectsWith(ctx.services.workflow.addComment({ id: e.id, body: 'sent', viewer: burlov }), 'rule_violation');
    await rejectsWith(ctx.services.evaluations.setScores({ id: e.id, expectedVersion: pub.version, scores: { '1.1': 1 }, viewer: lead }), 'rule_violation', /publicerad/);
  });

  void test('corrections: a new draft copies the published one; publishing it supersedes the original, which stays readable', async () => {
    const e = await draft();
    const pub = await ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: 1, status: 'published', viewer: lead });
    await rejectsWith(ctx.services.workflow.createCorrection({ id: e.id, viewer: burlov }), 'forbidden');
    const corr = await ctx.services.workflow.createCorrection({ id: e.id, viewer: member });
    assert.equal(corr.status, 'draft');
    assert.equal(corr.supersedesId, e.id);
    assert.deepEqual(corr.scores, pub.scores);
    assert.equal(corr.version, 1);
    await rejectsWith(ctx.services.workflow.createCorrection({ id: e.id, viewer: lead }), 'duplicate', new RegExp(corr.id));
    await rejectsWith(ctx.services.evaluations.getEvaluation({ id: corr.id, viewer: PUBLIC }), 'not_found');
    // The original's team carries over unchanged: starting a correction does not make a member the lead.
    assert.deepEqual((await ctx.services.workflow.listAssignments({ id: corr.id, viewer: admin })).map((a) => [a.userId, a.isLead]).sort(), [[lead.userId, true], [member.userId, false]].sort());
    const fixed = await ctx.services.evaluations.setScores({ id: corr.id, expectedVersion: 1, scores: { '1.1': 19 }, viewer: member });
    assert.equal((await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: PUBLIC })).supersededById, null, 'not superseded before the correction is published');
    await rejectsWith(ctx.services.evaluations.changeStatus({ id: corr.id, expectedVersion: fixed.version, status: 'published', viewer: member }), 'forbidden', /huvudutvärderaren/);
    await ctx.services.evaluations.changeStatus({ id: corr.id, expectedVersion: fixed.version, status: 'published', viewer: lead });
    const old = await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: PUBLIC });
    assert.equal(old.status, 'published');
    assert.equal(old.supersededById, corr.id);
    assert.equal(old.scores['1.1'], pub.scores['1.1']);
    await rejectsWith(ctx.services.workflow.createCorrection({ id: e.id, viewer: lead }), 'rule_violation', /ersatt/);
    const history = await ctx.services.workflow.listHistory({ id: e.id, viewer: admin });
    assert.deepEqual(history.map((h) => h.action).slice(0, 3), ['superseded', 'correction_started', 'change_status']);
  });

  void test('a correction belongs to the original team: an evaluator not on it can neither open one nor take it over', async () => {
    const e = await draft();
    const pub = await ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: 1, status: 'published', viewer: lead });
    const before = await ctx.services.workflow.listHistory({ id: e.id, viewer: admin });
    await rejectsWith(ctx.services.workflow.createCorrection({ id: e.id, viewer: outsider }), 'forbidden', /team/);
    // Refused means nothing written: no draft, no audit record, the original untouched.
    assert.equal((await ctx.services.workflow.listHistory({ id: e.id, viewer: admin })).length, before.length);
    assert.equal((await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: admin })).version, pub.version);
    // An administrator may open it; the team still follows the original, and the outsider cannot assign themselves.
    const corr = await ctx.services.workflow.createCorrection({ id: e.id, viewer: admin });
    const team = await ctx.services.workflow.listAssignments({ id: corr.id, viewer: admin });
    assert.deepEqual(team.map((a) => [a.userId, a.isLead]).sort(), [[lead.userId, true], [member.userId, false]].sort());
    await rejectsWith(ctx.services.workflow.setAssignments({ id: corr.id, expectedVersion: corr.version, list: [{ userId: outsider.userId ?? '', isLead: true }], viewer: outsider }), 'forbidden', /inte tilldelad/);
    await rejectsWith(ctx.services.workflow.setAssignments({ id: corr.id, expectedVersion: corr.version, list: [{ userId: outsider.userId ?? '', isLead: true }], viewer: member }), 'forbidden', /huvudutvärderaren kan ändra vilka/);
    await rejectsWith(ctx.services.evaluations.changeStatus({ id: corr.id, expectedVersion: corr.version, status: 'published', viewer: outsider }), 'forbidden', /inte tilldelad/);
    // The lead decides: with the outsider added by the lead, the outsider may edit but still not publish.
    await ctx.services.workflow.setAssignments({ id: corr.id, expectedVersion: corr.version, list: [{ userId: lead.userId ?? '', isLead: true }, { userId: outsider.userId ?? '', isLead: false }], viewer: lead });
    const now = await ctx.services.evaluations.getEvaluation({ id: corr.id, viewer: outsider });
    await rejectsWith(ctx.services.evaluations.changeStatus({ id: corr.id, expectedVersion: now.version, status: 'published', viewer: outsider }), 'forbidden', /huvudutvärderaren kan publicera/);
  });

  void test('history: who, when, what before and after, for scores, texts, facts and status; only for those who may see it', async () => {
    const e = await draft();
    const s = await ctx.services.evaluations.setScores({ id: e.id, expectedVersion: 1, scores: { '2.1': 7, '1.1': null }, viewer: member });
    const a = await ctx.services.evaluations.updateArea({ id: e.id, number: 2, expectedVersion: s.version, patch: { summary: 'Ny text' }, viewer: lead });
    const f = await ctx.services.evaluations.updateEvaluationFacts({ id: e.id, expectedVersion: a.version, patch: { interviews: 30 }, viewer: lead });
    await ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: f.version, status: 'review', viewer: lead });
    const h = await ctx.services.workflow.listHistory({ id: e.id, viewer: outsider });
    assert.deepEqual(h.map((x) => x.action), ['change_status', 'update_facts', 'update_area_2', 'set_scores', 'create']);
    const scores = h[3];
    assert.equal(scores?.actor.userId, member.userId);
    assert.equal(scores?.actor.name, member.name);
    assert.deepEqual(scores?.before, { version: 1, scores: { '1.1': 10, '2.1': e.scores['2.1'] } });
    assert.deepEqual(scores?.after, { version: 2, scores: { '1.1': null, '2.1': 7 } });
    assert.deepEqual(h[2]?.after, { version: 3, areas: { 2: { summary: 'Ny text' } } });
    assert.deepEqual(h[1]?.before, { version: 3, interviews: null });
    assert.deepEqual(h[0]?.after, { version: 5, status: 'review' });
    assert.ok(!Number.isNaN(Date.parse(h[0]?.at ?? '')));
    assert.equal((await ctx.services.workflow.listHistory({ id: e.id, viewer: burlov })).length, 5);
    await rejectsWith(ctx.services.workflow.listHistory({ id: e.id, viewer: boras }), 'not_found');
    await rejectsWith(ctx.services.workflow.listHistory({ id: e.id, viewer: PUBLIC }), 'unauthorized');
  });

  void test('two evaluators racing on the same subarea: one wins, the other gets a conflict, every accepted change is in the history', async () => {
    const e = await draft();
    let version = 1;
    let accepted = 0;
    for (let round = 0; round < 10; round += 1) {
      const results = await Promise.allSettled([
        ctx.services.evaluations.setScores({ id: e.id, expectedVersion: version, scores: { '3.1': round }, viewer: lead }),
        ctx.services.evaluations.setScores({ id: e.id, expectedVersion: version, scores: { '3.1': round + 0.5 }, viewer: member }),
      ]);
      const ok = results.filter((r) => r.status === 'fulfilled');
      assert.equal(ok.length, 1, `round ${round}`);
      for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as DomainError).code, 'conflict');
      accepted += 1;
      version += 1;
    }
    const h = await ctx.services.workflow.listHistory({ id: e.id, viewer: admin });
    assert.equal(h.filter((x) => x.action === 'set_scores').length, accepted);
    assert.equal((await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: admin })).version, version);
  });

  void test('users: admin only, e-mail unique in lower case, changes audited without password data, at least one admin stays', async () => {
    await rejectsWith(ctx.services.users.createUser({ input: { email: 'x@test.kompass.se', name: 'X', role: 'evaluator' }, viewer: lead }), 'forbidden');
    const u = await ctx.services.users.createUser({ input: { email: '  Ny.Person@Test.Kompass.se ', name: 'Ny Person', role: 'municipality', municipalityCode: '1880', password: PASSWORD }, viewer: admin });
    assert.equal(u.email, 'ny.person@test.kompass.se');
    await rejectsWith(ctx.services.users.createUser({ input: { email: 'NY.PERSON@test.kompass.se', name: 'Dubblett', role: 'evaluator' }, viewer: admin }), 'duplicate');
    await rejectsWith(ctx.services.users.createUser({ input: { email: 'k@test.kompass.se', name: 'K', role: 'municipality' }, viewer: admin }), 'validation', /kommun/);
    await rejectsWith(ctx.services.users.createUser({ input: { email: 'p@test.kompass.se', name: 'P', role: 'evaluator', password: 'kort' }, viewer: admin }), 'validation', /minst 10/);
    await ctx.services.users.updateUser({ id: u.id, patch: { role: 'evaluator', municipalityCode: null }, viewer: admin });
    const h = await ctx.services.audit.listEntries({ entity: 'user', entityId: u.id });
    assert.deepEqual(h.map((x) => x.action), ['update', 'create']);
    assert.deepEqual(h[0]?.before, { role: 'municipality', municipalityCode: '1880' });
    assert.doesNotMatch(JSON.stringify(h), /argon2|password/i);
    const onlyAdmin = await ctx.services.users.repository.listUsers();
    for (const other of onlyAdmin.filter((x) => x.role === 'admin' && x.id !== admin.userId)) await ctx.services.users.updateUser({ id: other.id, patch: { disabled: true }, viewer: admin });
    await rejectsWith(ctx.services.users.updateUser({ id: admin.userId ?? '', patch: { role: 'evaluator' }, viewer: admin }), 'rule_violation', /administratör/);
  });

  void test('sign-in: the same refusal for a wrong password, an unknown account and a locked one; lockout after 5 failures', async () => {
    const v = await user('evaluator', null, PASSWORD);
    const email = (await ctx.services.users.repository.getUser(v.userId ?? ''))?.email ?? '';
    const ok = await ctx.services.auth.login({ email: email.toUpperCase(), password: PASSWORD, address: 'a1' });
    assert.equal(ok.viewer.userId, v.userId);
    assert.equal((await ctx.services.auth.resolveSession(ok.token))?.user.email, email);
    const unknown = await rejectsWith(ctx.services.auth.login({ email: 'finns-inte@test.kompass.se', password: PASSWORD, address: 'a1' }), 'unauthorized');
    for (let i = 0; i < 5; i += 1) {
      const wrong = await rejectsWith(ctx.services.auth.login({ email, password: 'fel-lösenord-000', address: 'a1' }), 'unauthorized');
      assert.equal(wrong.message, unknown.message);
    }
    const locked = await rejectsWith(ctx.services.auth.login({ email, password: PASSWORD, address: 'a1' }), 'unauthorized');
    assert.equal(locked.message, LOGIN_REFUSED);
    // The administrator's one-time link unlocks the account and ends its sessions.
    const link = await ctx.services.users.issuePasswordReset({ id: v.userId ?? '', viewer: admin, baseUrl: 'https://kompass.example' });
    assert.match(link.url, /^https:\/\/kompass\.example\/aterstall-losenord#token=/);
    await rejectsWith(ctx.services.users.resetPassword({ token: link.token, password: 'kort' }), 'validation', /minst 10/);
    await ctx.services.users.resetPassword({ token: link.token, password: 'ett-helt-nytt-losen' });
    await rejectsWith(ctx.services.users.resetPassword({ token: link.token, password: 'ett-annat-nytt-losen' }), 'validation', /ogiltig, redan använd/);
    assert.equal(await ctx.services.auth.resolveSession(ok.token), null, 'sessions end when the password is reset');
    const again = await ctx.services.auth.login({ email, password: 'ett-helt-nytt-losen', address: 'a1' });
    await ctx.services.auth.logout({ sessionId: again.id });
    assert.equal(await ctx.services.auth.resolveSession(again.token), null);
  });

  void test('sign-in attempts per address are limited (429), independent of the account', async () => {
    for (let i = 0; i < 30; i += 1) await rejectsWith(ctx.services.auth.login({ email: `x${i}@test.kompass.se`, password: 'fel-lösenord-000', address: 'flood' }), 'unauthorized');
    await rejectsWith(ctx.services.auth.login({ email: 'x@test.kompass.se', password: 'fel-lösenord-000', address: 'flood' }), 'rate_limited', /För många/);
    ctx.services.auth.resetAttempts();
  });

  void test('a disabled account cannot sign in and its sessions end', async () => {
    const v = await user('evaluator', null, PASSWORD);
    const email = (await ctx.services.users.repository.getUser(v.userId ?? ''))?.email ?? '';
    const s = await ctx.services.auth.login({ email, password: PASSWORD, address: 'd1' });
    await ctx.services.users.updateUser({ id: v.userId ?? '', patch: { disabled: true }, viewer: admin });
    assert.equal(await ctx.services.auth.resolveSession(s.token), null);
    await rejectsWith(ctx.services.auth.login({ email, password: PASSWORD, address: 'd1' }), 'unauthorized', /spärrat/);
  });
});
