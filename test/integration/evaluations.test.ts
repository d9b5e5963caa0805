import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../src/domain/errors.ts';
import { SYSTEM } from '../../src/domain/access.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { createTestServices, createTestDatabase, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildEvaluation, buildFramework, randomMunicipalityCode, scoresFor } from '../helpers/factories.ts';
import { createServices } from '../../src/services/index.ts';
import { seedDemoAccounts } from '../../src/services/demo-accounts.service.ts';
import { viewerOf } from '../../src/services/user.service.ts';
import { rejectsWith } from '../helpers/assert.ts';
import { createAssignmentRepository } from '../../src/repositories/assignment.repository.ts';
import { createAccountRepository } from '../../src/repositories/account.repository.ts';
import { createActionPlanRepository } from '../../src/repositories/action-plan.repository.ts';


void describe(`evaluations on ${testDbKind()}`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestServices();
  });
  after(async () => ctx.close());

  void test('reference data: 311 municipalities and both catalog frameworks are loaded', async () => {
    assert.equal((await ctx.services.municipalities.listMunicipalities()).length, 311);
    const ids = (await ctx.services.frameworks.listFrameworks()).map((f) => f.id);
    assert.ok(ids.includes('kk2010') && ids.includes('kk2020'));
    const hits = await ctx.services.municipalities.searchMunicipalities({ q: 'boras' });
    assert.equal(hits[0]?.code, '1490');
  });

  void test('create, read back, and list with the computed total', async () => {
    const code = randomMunicipalityCode();
    const e = await buildEvaluation(ctx.services, { municipalityCode: code, scores: scoresFor(FRAMEWORK_2020, 0.5), year: 2022, areas: [{ number: 1, strengths: ['A', 'B'], improvements: ['C'] }] });
    assert.equal(e.version, 1);
    assert.equal(e.status, 'draft');
    assert.equal(e.scores['1.1'], 10);
    assert.deepEqual(e.areas[0]?.strengths, ['A', 'B']);
    assert.equal(e.areas.length, 8);
    const list = await ctx.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: code } });
    assert.equal(list.count, 1);
    assert.equal(list.items[0]?.total, 400);
  });

  void test('scores are validated against the framework; a refused batch writes nothing', async () => {
    const e = await buildEvaluation(ctx.services, { scores: { '1.1': 5 } });
    const err = await rejectsWith(
      ctx.services.evaluations.setScores({ viewer: SYSTEM, id: e.id, expectedVersion: 1, scores: { '1.1': 10, '1.2': 24, '9.1': 3 } }),
      'validation',
    );
    assert.equal(err.details.length, 2);
    assert.ok(err.details.some((d) => d.message === 'Delområde 1.2: 24 poäng är mer än max 10.'));
    const again = await ctx.services.evaluations.getEvaluation({ viewer: SYSTEM, id: e.id });
    assert.equal(again.scores['1.1'], 5, 'the valid part of the batch was not written');
    assert.equal(again.version, 1);
  });

  void test('a stale write gets a conflict with who changed it, never a silent overwrite', async () => {
    const e = await buildEvaluation(ctx.services);
    const anna = await ctx.services.users.createUser({ viewer: SYSTEM, input: { email: `anna-${e.id}@test.kompass.se`, name: 'Anna', role: 'evaluator' } });
    await createAssignmentRepository(ctx.services.db).replace(e.id, [{ userId: anna.id, isLead: true }]);
    const first = await ctx.services.evaluations.setScores({ id: e.id, expectedVersion: 1, scores: { '1.1': 12 }, viewer: { userId: anna.id, role: 'evaluator', municipalityCode: null, name: 'Anna' } });
    assert.equal(first.version, 2);
    const err = await rejectsWith(ctx.services.evaluations.setScores({ viewer: SYSTEM, id: e.id, expectedVersion: 1, scores: { '1.1': 14 } }), 'conflict', /Anna/);
    assert.equal(err.extra.currentVersion, 2);
    assert.equal((await ctx.services.evaluations.getEvaluation({ viewer: SYSTEM, id: e.id })).scores['1.1'], 12);
  });

  void test('many concurrent writers with the same version: exactly one wins', async () => {
    const e = await buildEvaluation(ctx.services);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => ctx.services.evaluations.setScores({ viewer: SYSTEM, id: e.id, expectedVersion: 1, scores: { '2.1': i } })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    assert.equal(ok.length, 1);
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as DomainError).code, 'conflict');
    const final = await ctx.services.evaluations.getEvaluation({ viewer: SYSTEM, id: e.id });
    assert.equal(final.version, 2);
    assert.equal(final.scores['2.1'], (ok[0] as PromiseFulfilledResult<{ scores: Record<string, number> }>).value.scores['2.1']);
  });

  void test('null removes a score (unknown), and editing a subarea of a stated area keeps the area stated', async () => {
    const e = await buildEvaluation(ctx.services, { scores: { '1.1': 5, '1.2': 6 } });
    const u = await ctx.services.evaluations.setScores({ viewer: SYSTEM, id: e.id, expectedVersion: 1, scores: { '1.2': null } });
    assert.deepEqual(u.scores, { '1.1': 5 });
  });

  void test('area texts: ordered lists, narratives per subarea; unknown subarea refused', async () => {
    const e = await buildEvaluation(ctx.services);
    const u = await ctx.services.evaluations.updateArea({ viewer: SYSTEM, id: e.id, number: 3, expectedVersion: 1, patch: { strengths: ['Första', 'Andra'], narratives: { '3.2': '**Text**' }, goodExamples: [{ municipalityCode: '1880', name: 'Örebro', subareaId: '3.2', text: 'Styrmodell' }] } });
    const a3 = u.areas.find((a) => a.number === 3);
    assert.deepEqual(a3?.strengths, ['Första', 'Andra']);
    assert.equal(a3?.narratives['3.2'], '**Text**');
    assert.equal(a3?.goodExamples[0]?.municipalityCode, '1880');
    await rejectsWith(ctx.services.evaluations.updateArea({ viewer: SYSTEM, id: e.id, number: 3, expectedVersion: 2, patch: { narratives: { '1.1': 'fel område' } } }), 'validation', /1\.1/);
    assert.equal((await ctx.services.evaluations.getEvaluation({ viewer: SYSTEM, id: e.id })).version, 2);
  });

  void test('status rules: publishing needs every area scored; a published evaluation is read-only', async () => {
    const e = await buildEvaluation(ctx.services, { scores: { '1.1': 5 } });
    await rejectsWith(ctx.services.evaluations.changeStatus({ viewer: SYSTEM, id: e.id, expectedVersion: 1, status: 'published' }), 'rule_violation', /saknar poäng/);
    const full = await ctx.services.evaluations.setScores({ viewer: SYSTEM, id: e.id, expectedVersion: 1, scores: scoresFor(FRAMEWORK_2020, 0.7) });
    const review = await ctx.services.evaluations.changeStatus({ viewer: SYSTEM, id: e.id, expectedVersion: full.version, status: 'review' });
    const pub = await ctx.services.evaluations.changeStatus({ viewer: SYSTEM, id: e.id, expectedVersion: review.version, status: 'published' });
    assert.equal(pub.status, 'published');
    await rejectsWith(ctx.services.evaluations.setScores({ viewer: SYSTEM, id: e.id, expectedVersion: pub.version, scores: { '1.1': 1 } }), 'rule_violation', /publicerad/);
    await rejectsWith(ctx.services.evaluations.changeStatus({ viewer: SYSTEM, id: e.id, expectedVersion: pub.version, status: 'draft' }), 'rule_violation');
    await rejectsWith(ctx.services.evaluations.deleteEvaluation({ viewer: SYSTEM, id: e.id, expectedVersion: pub.version }), 'rule_violation');
  });

  void test('unknown municipality, framework or evaluation is not found', async () => {
    await rejectsWith(buildEvaluation(ctx.services, { municipalityCode: '9999' }), 'not_found', /9999/);
    await rejectsWith(buildEvaluation(ctx.services, { frameworkId: 'nope' }), 'not_found', /nope/);
    await rejectsWith(ctx.services.evaluations.getEvaluation({ viewer: SYSTEM, id: '00000000-0000-4000-8000-000000000000' }), 'not_found');
  });

  void test('summary: total, per-area scores, previous evaluation deltas and the comparable average', async () => {
    const fw = await buildFramework(ctx.services);
    const code = randomMunicipalityCode();
    const publish = async (municipalityCode: string, year: number, factor: number) => {
      const e = await buildEvaluation(ctx.services, { municipalityCode, frameworkId: fw.id, year, scores: scoresFor(fw, factor) });
      return ctx.services.evaluations.changeStatus({ viewer: SYSTEM, id: e.id, expectedVersion: 1, status: 'published' });
    };
    const prev = await publish(code, 2018, 0.5);
    await publish(randomMunicipalityCode(), 2019, 0.9);
    const draftPeer = await buildEvaluation(ctx.services, { frameworkId: fw.id, scores: scoresFor(fw, 0.1) });
    const cur = await publish(code, 2021, 0.6);
    const s = await ctx.services.evaluations.getSummary({ viewer: SYSTEM, id: cur.id });
    assert.equal(s.total, 480);
    assert.equal(s.percent, 60);
    assert.equal(s.areas[0]?.score, 60);
    assert.equal(s.previous?.evaluationId, prev.id);
    assert.equal(s.previous?.totalDelta, 80);
    assert.equal(s.previous?.sameFramework, true);
    assert.equal(s.areas[0]?.delta, 10);
    // Average over the other published evaluations of the same version (the draft is not included).
    assert.equal(s.average.count, 2);
    assert.equal(s.average.total, 560);
    assert.equal(s.areas[0]?.average, 70);
    assert.equal(s.areas[0]?.averageCount, 2);
    assert.ok(draftPeer.id);
  });

  test('a published correction replaces the original in averages and comparisons', async () => {
    const fw = await buildFramework(ctx.services);
    const publish = async (e: { id: string; version: number }) => ctx.services.evaluations.changeStatus({ viewer: SYSTEM, id: e.id, expectedVersion: e.version, status: 'published' });
    const original = await publish(await buildEvaluation(ctx.services, { frameworkId: fw.id, year: 2019, scores: scoresFor(fw, 0.5) }));
    const correction = await ctx.services.workflow.createCorrection({ id: original.id, viewer: SYSTEM });
    const corrected = await ctx.services.evaluations.setScores({ viewer: SYSTEM, id: correction.id, expectedVersion: correction.version, scores: { '1.1': 20 } });
    await publish(corrected);
    const other = await publish(await buildEvaluation(ctx.services, { frameworkId: fw.id, year: 2022, scores: scoresFor(fw, 0.9) }));
    const s = await ctx.services.evaluations.getSummary({ viewer: SYSTEM, id: other.id });
    assert.equal(s.average.count, 1, 'the superseded original is not counted');
    assert.equal(s.average.total, 410);
  });

  void test('frameworks can be added as data, validated; duplicates refused', async () => {
    const fw = await buildFramework(ctx.services, { origin: 'derived-import', needsReview: true });
    const stored = await ctx.services.frameworks.getFramework({ id: fw.id });
    assert.equal(stored.needsReview, true);
    const reviewed = await ctx.services.frameworks.updateFramework({ framework: { ...fw, needsReview: false }, expectedVersion: fw.version, viewer: { userId: null, role: 'admin', municipalityCode: null, name: 'Granskare' } });
    assert.equal(reviewed.needsReview, false);
    assert.equal(reviewed.version, fw.version + 1);
    // A write based on the old version is refused with the current copy, and changes nothing.
    const stale = await rejectsWith(ctx.services.frameworks.updateFramework({ framework: { ...fw, name: 'Gammal kopia' }, expectedVersion: fw.version, viewer: { userId: null, role: 'admin', municipalityCode: null, name: 'Sen' } }), 'conflict', /har ändrats sedan du öppnade/);
    assert.equal((stale.extra.current as { needsReview: boolean }).needsReview, false);
    assert.equal((await ctx.services.frameworks.getFramework({ id: fw.id })).name, fw.name);
    const trail = await ctx.services.audit.listEntries({ entity: 'framework', entityId: fw.id });
    assert.deepEqual(trail.map((t) => [t.action, t.actor.name]), [['update', 'Granskare'], ['create', 'system']]);
    assert.deepEqual(trail[0]?.before, { needsReview: true });
    assert.deepEqual(trail[0]?.after, { needsReview: false });
    await rejectsWith(ctx.services.frameworks.createFramework({ viewer: SYSTEM, framework: fw }), 'duplicate');
    const bad = { ...structuredClone(FRAMEWORK_2020), id: 'test-bad-one', areas: FRAMEWORK_2020.areas.slice(0, 7) };
    await rejectsWith(ctx.services.frameworks.createFramework({ viewer: SYSTEM, framework: bad }), 'validation', /ogiltig/);
  });

  void test('duplicate import source is refused and names the existing evaluation', async () => {
    const e = await buildEvaluation(ctx.services, { sourceHash: `hash-${Date.now()}-${Math.random()}` });
    const err = await rejectsWith(buildEvaluation(ctx.services, { sourceHash: e.sourceHash }), 'duplicate', new RegExp(e.id));
    assert.equal(err.extra.evaluationId, e.id);
  });
});

void describe(`demo data and export/import round trip on ${testDbKind()}`, () => {
  test('an export with invalid content is refused before anything is written', async () => {
    const a = await createTestServices({ demo: true });
    const b = await createTestServices();
    try {
      const doc = await a.services.backup.exportDatabase();
      const tampered = structuredClone(doc);
      const burlov = tampered.evaluations.find((e) => e.municipalityCode === '1231');
      assert.ok(burlov);
      burlov.scores['1.2'] = 24;
      const other = tampered.evaluations.find((e) => e.municipalityCode === '1490');
      assert.ok(other);
      other.municipalityCode = '9999';
      const err = await rejectsWith(b.services.backup.importDatabase({ document: tampered }), 'validation', /2 fel i filen/);
      assert.ok(err.details.some((d) => /scores\.1\.2/.test(d.path ?? '') && /24 poäng är mer än max 10/.test(d.message)));
      assert.ok(err.details.some((d) => /municipalityCode/.test(d.path ?? '') && /9999/.test(d.message)));
      assert.equal((await b.services.evaluations.listEvaluations({ viewer: SYSTEM,})).count, 0, 'nothing was written');
    } finally {
      await a.close();
      await b.close();
    }
  });

  void test('export → import into an empty database → export is identical', async () => {
    const a = await createTestServices({ demo: true });
    const b = await createTestDatabase();
    try {
      const burlov = (await a.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: '1231' } })).items[0];
      assert.equal(burlov?.total, 595);
      const boras = await a.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: '1490' } });
      assert.deepEqual(boras.items.map((i) => [i.year, i.total]), [[2013, 525], [2010, 390]]);
      const orebro = await a.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: '1880' } });
      assert.deepEqual(orebro.items.map((i) => [i.year, i.total]), [[2015, 650], [2012, 615], [2010, 515]]);
      await buildFramework(a.services);
      // Accounts, assignments, a comment, an edit and a correction: all part of the export, with the audit trail.
      const accounts = await seedDemoAccounts(a.services, { passwords: { admin: 'rosa-elefant-77', evaluator: 'gron-giraff-88', municipality: 'bla-zebra-99' } });
      const lead = await createAccountRepository(a.services.db).findByEmail(accounts[1]?.email ?? '');
      assert.ok(lead);
      const leadViewer = viewerOf(lead);
      // The demo's two evaluators scored Burlöv 2020 independently: the divergence and calibration show at once.
      const demoScores = await a.services.independentScores.getIndependentScores({ id: burlov?.id ?? '', viewer: leadViewer });
      assert.equal(demoScores.evaluators.filter((e) => e.submitted).length, 2);
      assert.ok(demoScores.subareas.some((s) => s.divergent), 'some subareas diverge');
      assert.deepEqual(demoScores.missingAgreement, []);
      const calibration = await a.services.independentScores.getCalibration({ frameworkId: 'kk2020', viewer: leadViewer });
      assert.equal(calibration.frameworks[0]?.evaluations, 1);
      assert.ok((calibration.frameworks[0]?.subareas.length ?? 0) > 0);
      const correction = await a.services.workflow.createCorrection({ id: burlov?.id ?? '', viewer: leadViewer });
      await a.services.evaluations.setScores({ id: correction.id, expectedVersion: correction.version, scores: { '1.1': 11 }, viewer: leadViewer });
      await a.services.workflow.addComment({ id: correction.id, body: 'Rättat delområde 1.1', viewer: leadViewer });
      // Independent scoring and consensus on the correction; a report-back on Göteborg's demo plan.
      await a.services.independentScores.saveIndependentScores({ id: correction.id, scores: scoresFor(FRAMEWORK_2020, 0.6), submitted: true, viewer: leadViewer });
      // The correction keeps the original team, so the demo's second evaluator submits too.
      const member = await createAccountRepository(a.services.db).findByEmail('utvarderare2@demo.kompass.se');
      assert.ok(member);
      await a.services.independentScores.saveIndependentScores({ id: correction.id, scores: scoresFor(FRAMEWORK_2020, 0.7), submitted: true, viewer: viewerOf(member) });
      const corrected = await a.services.evaluations.getEvaluation({ id: correction.id, viewer: leadViewer });
      await a.services.independentScores.recordConsensus({ id: correction.id, expectedVersion: corrected.version, items: [{ subareaId: '1.2', value: 6, reason: 'Enades efter genomgång' }], viewer: leadViewer });
      const [plan] = await createActionPlanRepository(a.services.db).listByMunicipality('1480');
      assert.ok(plan, 'the Göteborg demo plan');
      await a.services.reportBacks.createReportBack({ planId: plan.id, input: { decisionProposal: ['Återrapporteringen läggs till handlingarna.'] }, viewer: SYSTEM });

      const first = await a.services.backup.exportDatabase();
      assert.equal(first.users?.length, 4);
      assert.ok(first.users?.every((u) => u.passwordHash?.startsWith('$argon2id$')));
      assert.equal(first.comments?.length, 1);
      assert.ok((first.assignments?.length ?? 0) >= first.evaluations.length);
      assert.ok((first.auditLog?.length ?? 0) > first.evaluations.length, 'creation, correction and edit records');
      // Two sheets on the demo's Burlöv 2020, two on its correction.
      assert.equal(first.independentScoreSheets?.length, 4);
      assert.deepEqual(first.agreedScores?.filter((x) => x.evaluationId === correction.id).map((x) => [x.subareaId, x.value]), [['1.2', 6]]);
      assert.ok((first.agreedScores?.filter((x) => x.evaluationId === burlov?.id).length ?? 0) > 0, "the demo's agreed scores");
      assert.equal(first.actionPlans?.length, 1);
      assert.equal(first.reportBacks?.length, 1);
      assert.deepEqual(first.indicators?.[0]?.values.map((v) => [v.period, v.value]), [[2009, 62], [2015, 67], [2016, 69]]);
      assert.deepEqual(first.indicators?.[0]?.targets.map((t) => t.value).sort(), [72, 76]);
      const servicesB = createServices(b.database.db);
      await servicesB.ensureReferenceData();
      const result = await servicesB.backup.importDatabase({ document: JSON.parse(JSON.stringify(first)) });
      assert.equal(result.evaluations, first.evaluations.length);
      const second = await servicesB.backup.exportDatabase();
      assert.deepEqual(second, first);
      // What was restored works: the plan reads back with its report-back, the consensus view with its agreed score.
      assert.equal(result.actionPlans, 1);
      const restoredPlan = await servicesB.actionPlans.getActionPlan({ id: plan.id, viewer: SYSTEM });
      assert.equal(restoredPlan.followUp.lastReportDate, first.reportBacks?.[0]?.reportDate);
      assert.equal((await servicesB.reportBacks.listReportBacks({ planId: plan.id, viewer: SYSTEM })).length, 1);
      const consensus = await servicesB.independentScores.getIndependentScores({ id: correction.id, viewer: leadViewer });
      assert.ok(JSON.stringify(consensus).includes('Enades efter genomgång'));
      // A second import into a non-empty database is refused.
      await rejectsWith(servicesB.backup.importDatabase({ document: first }), 'rule_violation');
      await rejectsWith(servicesB.backup.importDatabase({ document: { format: 'x' } }), 'validation', /kompass-export/);
    } finally {
      await a.close();
      await b.drop();
    }
  });
});
