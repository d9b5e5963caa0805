import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { PUBLIC, SYSTEM, type Viewer } from '../../src/domain/access.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { scoresFor } from '../helpers/factories.ts';
import { rejectsWith } from '../helpers/assert.ts';

const viewer = (role: Viewer['role'], municipalityCode: string | null = null, name = `Test ${role}`): Viewer => ({ userId: null, role, municipalityCode, name });
const owner = viewer('municipality', '1231', 'Kim Kvalitet');
const other = viewer('municipality', '1480');
const evaluator = viewer('evaluator');

void describe(`follow-up on ${testDbKind()}`, () => {
  let ctx: TestContext;
  let s: Services;
  let later: Services;
  before(async () => {
    ctx = await createTestServices();
    s = ctx.services;
    // The same database seen from a day long after the plan was made (due and overdue report-backs and actions).
    later = createServices(ctx.database.db, { clock: () => new Date('2031-06-01T08:00:00Z') });
  });
  after(async () => ctx.close());

  const published = async (code: string, year: number, factor: number, improvements: Record<number, string[]>) =>
    s.evaluations.createEvaluation({
      input: { municipalityCode: code, frameworkId: 'kk2020', year, status: 'published', scores: scoresFor(FRAMEWORK_2020, factor), areas: Object.entries(improvements).map(([n, list]) => ({ number: Number(n), improvements: list })) },
      viewer: SYSTEM,
    });

  void test('the plan is made from the improvement opportunities, once; only the municipality (or an admin) makes it', async () => {
    const e = await published('1231', 2021, 0.5, { 1: ['Delområde 1.3: fler dialogformer', 'Webbsändning av fullmäktige'], 4: ['Systematiska jämförelser'] });
    await rejectsWith(s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: evaluator }), 'forbidden', /Utvärderare kan läsa/);
    await rejectsWith(s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: other }), 'forbidden');
    await rejectsWith(s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: PUBLIC }), 'unauthorized');
    const { plan, created } = await s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: owner });
    assert.ok(created);
    assert.deepEqual(plan.items.map((i) => [i.areaNumber, i.subareaId, i.improvement]), [[1, '1.3', 'Delområde 1.3: fler dialogformer'], [1, null, 'Webbsändning av fullmäktige'], [4, null, 'Systematiska jämförelser']]);
    assert.equal(plan.evaluation.areaScores['1'], 50);
    const again = await s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: owner });
    assert.equal(again.created, false);
    assert.equal(again.plan.id, plan.id);
    // Evaluators read it; the public and other municipalities do not see an unpublished plan.
    assert.equal((await s.actionPlans.getActionPlanForEvaluation({ evaluationId: e.id, viewer: evaluator })).id, plan.id);
    await rejectsWith(s.actionPlans.getActionPlanForEvaluation({ evaluationId: e.id, viewer: PUBLIC }), 'not_found');
    await rejectsWith(s.actionPlans.getActionPlan({ id: plan.id, viewer: other }), 'not_found');
  });

  void test('a draft evaluation gets no plan; a municipality cannot reach another municipality’s draft', async () => {
    const d = await s.evaluations.createEvaluation({ input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2030 }, viewer: SYSTEM });
    await rejectsWith(s.actionPlans.createActionPlan({ evaluationId: d.id, viewer: SYSTEM }), 'rule_violation', /delad med kommunen eller publicerad/);
    await rejectsWith(s.actionPlans.createActionPlan({ evaluationId: d.id, viewer: owner }), 'not_found');
  });

  void test('items: comment, actions, status with a reason when dropped, priority; stale writes get 409; every change is audited', async () => {
    const e = await published('1231', 2022, 0.6, { 2: ['Klimatstrategi'], 3: ['Färre mål'] });
    let plan = (await s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: owner })).plan;
    const [first, second] = plan.items;
    assert.ok(first && second);
    plan = await s.actionPlans.updateItem({
      id: plan.id,
      itemId: first.id,
      expectedVersion: plan.version,
      patch: { comment: 'Strategin tas fram under året', status: 'ongoing', priority: 'high', actions: [{ text: 'Ta fram klimatstrategi', responsible: 'Anna Ek', unit: 'Miljönämnden', start: '2022-03-01', plannedDone: '2022-12-31' }] },
      viewer: owner,
    });
    const v = plan.version;
    // A dropped item needs a reason; the refused write changes nothing.
    await rejectsWith(s.actionPlans.updateItem({ id: plan.id, itemId: second.id, expectedVersion: v, patch: { status: 'dropped' }, viewer: owner }), 'validation', /varför/);
    assert.equal((await s.actionPlans.getActionPlan({ id: plan.id, viewer: owner })).version, v);
    // Someone else saves first: the stale save is refused with who and the current version.
    await s.actionPlans.updateItem({ id: plan.id, itemId: second.id, expectedVersion: v, patch: { status: 'dropped', droppedReason: 'Ingår i budgetprocessen' }, viewer: SYSTEM });
    const stale = await rejectsWith(s.actionPlans.updateItem({ id: plan.id, itemId: second.id, expectedVersion: v, patch: { comment: 'Min ändring' }, viewer: owner }), 'conflict', /ändrats av system/);
    assert.equal(stale.extra.currentVersion, v + 1);
    const now = await s.actionPlans.getActionPlan({ id: plan.id, viewer: owner });
    assert.equal(now.items[1]?.droppedReason, 'Ingår i budgetprocessen', 'the change that won is kept');
    assert.equal(now.items[0]?.actions[0]?.unit, 'Miljönämnden');
    // Evaluators may not write.
    await rejectsWith(s.actionPlans.updateItem({ id: plan.id, itemId: first.id, expectedVersion: now.version, patch: { comment: 'x' }, viewer: evaluator }), 'forbidden');
    // An item no opportunity named; it can be removed, the report's items cannot.
    const withOwn = await s.actionPlans.addItem({ id: plan.id, expectedVersion: now.version, item: { improvement: 'Medarbetarenkät varje år', areaNumber: 7 }, viewer: owner });
    const own = withOwn.items.find((i) => i.source === 'own');
    assert.equal(own?.areaNumber, 7);
    await rejectsWith(s.actionPlans.deleteItem({ id: plan.id, itemId: first.id, expectedVersion: withOwn.version, viewer: owner }), 'rule_violation', /avbruten/);
    const removed = await s.actionPlans.deleteItem({ id: plan.id, itemId: own?.id ?? '', expectedVersion: withOwn.version, viewer: owner });
    assert.equal(removed.items.length, 2);
    const history = await s.actionPlans.listHistory({ id: plan.id, viewer: evaluator });
    assert.deepEqual(history.map((h) => h.action), ['delete_item', 'add_item', 'update_item', 'update_item', 'create']);
    const statusChange = history[2];
    assert.deepEqual(statusChange?.before, { version: v, items: { [second.id]: { status: 'not_started', droppedReason: '' } } });
    assert.equal(statusChange?.actor.name, 'system');
  });

  void test('the public sees a plan once it is published, and only the items made public', async () => {
    const e = await published('1231', 2023, 0.55, { 1: ['Öppna sammanträden'], 5: ['Brukarinflytande'] });
    let plan = (await s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: owner })).plan;
    plan = await s.actionPlans.updateItem({ id: plan.id, itemId: plan.items[1]?.id ?? '', expectedVersion: plan.version, patch: { public: false, comment: 'Internt' }, viewer: owner });
    plan = await s.actionPlans.updateActionPlan({ id: plan.id, expectedVersion: plan.version, patch: { published: true, caseNumber: 'KS 2023/55', officer: 'Kim Kvalitet' }, viewer: owner });
    const seen = await s.actionPlans.getActionPlanForEvaluation({ evaluationId: e.id, viewer: PUBLIC });
    assert.deepEqual(seen.items.map((i) => i.improvement), ['Öppna sammanträden']);
    assert.equal(seen.caseNumber, '', 'internal details stay internal');
    assert.equal(seen.publicView, true);
    assert.equal((await s.actionPlans.getActionPlan({ id: plan.id, viewer: other })).items.length, 1);
    await rejectsWith(s.actionPlans.listHistory({ id: plan.id, viewer: PUBLIC }), 'unauthorized');
  });

  void test('indicators: Kolada import, by hand, targets tied to plan items; a bad file writes nothing', async () => {
    const kolada = { values: [{ kpi: 'U07414', municipality: '1231', period: 2019, values: [{ gender: 'T', count: 1, status: '', value: 64.0 }] }, { kpi: 'U07414', municipality: '1231', period: 2020, values: [{ gender: 'T', status: '', value: 67.5 }, { gender: 'K', status: '', value: 68 }] }], count: 2, next_page: null };
    const enc = (x: unknown): Uint8Array => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x));
    const out = await s.indicators.importFile({ fileName: 'kolada.json', bytes: enc(kolada), viewer: owner });
    assert.deepEqual([out.format, out.created, out.values], ['kolada', 1, 3]);
    let list = await s.indicators.listIndicators({ municipalityCode: '1231', viewer: owner });
    const nki = list.find((i) => i.kpi === 'U07414');
    assert.deepEqual(nki?.values.map((v) => [v.period, v.gender, v.value]), [[2019, 'T', 64], [2020, 'K', 68], [2020, 'T', 67.5]]);
    // The second entry is bad: the first one is not written either.
    const bad = { values: [{ kpi: 'U99999', municipality: '1231', period: 2021, values: [{ gender: 'T', value: 5 }] }, { kpi: 'U99999', municipality: '1231', period: 'tjugo', values: [{ value: 'x' }] }] };
    const err = await rejectsWith(s.indicators.importFile({ fileName: 'bad.json', bytes: enc(bad), viewer: owner }), 'rule_violation', /post values\[1\]\.period/);
    assert.ok(err.details.length >= 2);
    // A file that names another municipality is refused for a municipality user, also nothing written.
    const foreign = { values: [...kolada.values, { kpi: 'U07414', municipality: '1480', period: 2020, values: [{ gender: 'T', value: 69 }] }] };
    await rejectsWith(s.indicators.importFile({ fileName: 'mix.json', bytes: enc(foreign), viewer: owner }), 'forbidden', /1480/);
    await rejectsWith(s.indicators.importFile({ fileName: 'x.csv', bytes: enc('kpi;period;value\nU1;2020;1\n'), viewer: evaluator }), 'rule_violation', /vilken kommun/);
    list = await s.indicators.listIndicators({ municipalityCode: '1231', viewer: owner });
    assert.ok(!list.some((i) => i.kpi === 'U99999'));
    assert.equal((await s.indicators.listIndicators({ municipalityCode: '1480', viewer: SYSTEM })).length, 0);
    // CSV with decimal comma updates a value and adds one.
    await s.indicators.importFile({ fileName: 'nki.csv', bytes: enc('kpi;period;value\nU07414;2020;67,8\nU07414;2021;70\n'), viewer: owner });
    // By hand, and a goal tied to a plan item.
    const e = await published('1231', 2024, 0.6, { 4: ['Mät nöjdheten'] });
    const plan = (await s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: owner })).plan;
    const id = nki?.id ?? '';
    await s.indicators.recordValue({ id, period: 2022, value: 71, viewer: owner });
    await rejectsWith(s.indicators.recordValue({ id, period: 2022, value: 1, viewer: evaluator }), 'forbidden');
    await rejectsWith(s.indicators.addTarget({ id, target: { period: 2025, value: 75, planItemId: '00000000-0000-4000-8000-000000000000' }, viewer: owner }), 'validation', /finns inte/);
    const withTarget = await s.indicators.addTarget({ id, target: { label: 'Bemötande', period: 2025, value: 75, planItemId: plan.items[0]?.id ?? null }, viewer: owner });
    assert.deepEqual(withTarget.values.filter((v) => v.gender === 'T').map((v) => [v.period, v.value, v.source]), [[2019, 64, 'kolada'], [2020, 67.8, 'csv'], [2021, 70, 'csv'], [2022, 71, 'manual']]);
    assert.deepEqual(withTarget.targets.map((t) => [t.label, t.period, t.date, t.value]), [['Bemötande', 2025, '2025-12-31', 75]]);
  });

  void test('indicators are public only when tied to published items: list, single indicator, targets and report-back documents', async () => {
    const code = '1282';
    const mine = viewer('municipality', code, 'Lo Landskrona');
    const e = await published(code, 2024, 0.6, { 2: ['Mät nöjdheten', 'Intern uppföljning'] });
    let plan = (await s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: mine })).plan;
    const [open, internal] = plan.items;
    assert.ok(open && internal);
    plan = await s.actionPlans.updateItem({ id: plan.id, itemId: internal.id, expectedVersion: plan.version, patch: { public: false }, viewer: mine });
    const make = async (kpi: string, planItemIds: Array<string | null>) => {
      const ind = await s.indicators.createIndicator({ municipalityCode: code, input: { kpi, name: kpi }, viewer: mine });
      await s.indicators.recordValue({ id: ind.id, period: 2024, value: 50, viewer: mine });
      for (const [n, planItemId] of planItemIds.entries()) await s.indicators.addTarget({ id: ind.id, target: { label: `Målnivå ${'ABC'[n]}`, period: 2026, value: 60 + n, planItemId }, viewer: mine });
      return ind.id;
    };
    const shown = await make('PUBLIK', [open.id, internal.id, null]);
    const hidden = await make('INTERN', [internal.id]);
    const loose = await make('LÖS', [null]);
    // Before the plan is published, others see nothing at all.
    await rejectsWith(s.indicators.listIndicators({ municipalityCode: code, viewer: PUBLIC }), 'not_found');
    plan = await s.actionPlans.updateActionPlan({ id: plan.id, expectedVersion: plan.version, patch: { published: true }, viewer: mine });
    for (const who of [PUBLIC, other]) {
      const list = await s.indicators.listIndicators({ municipalityCode: code, viewer: who });
      assert.deepEqual(list.map((i) => i.kpi), ['PUBLIK'], `${who.role}: only the indicator tied to a published item`);
      assert.deepEqual(list[0]?.targets.map((t) => t.label), ['Målnivå A'], 'only the target tied to the published item');
      assert.deepEqual(list[0]?.values.map((v) => v.value), [50]);
      for (const id of [hidden, loose]) await rejectsWith(s.indicators.getIndicator({ id, viewer: who }), 'not_found');
      assert.equal((await s.indicators.getIndicator({ id: shown, viewer: who })).targets.length, 1);
    }
    for (const who of [mine, evaluator]) {
      const list = await s.indicators.listIndicators({ municipalityCode: code, viewer: who });
      assert.equal(list.length, 3, who.role);
      assert.equal(list.find((i) => i.kpi === 'PUBLIK')?.targets.length, 3);
    }
    // The report-back document as the public reads it: the same rule on the report's own items.
    const rb = await s.reportBacks.createReportBack({ planId: plan.id, input: {}, viewer: mine });
    const inside = await s.reportBacks.getReportBackViewModel({ planId: plan.id, number: rb.number, viewer: mine });
    const outside = await s.reportBacks.getReportBackViewModel({ planId: plan.id, number: rb.number, viewer: PUBLIC });
    assert.equal(inside.indicators.rows.length, 2, 'the plan\'s indicators: those tied to its items');
    assert.deepEqual(outside.indicators.rows.map((r) => r.name.split(' ')[0]), ['PUBLIK']);
    assert.doesNotMatch(JSON.stringify(outside), /INTERN|Målnivå B|Målnivå C|Intern uppföljning/);
  });

  void test('report-backs: numbered and kept; the next says what changed; due and overdue follow the cadence', async () => {
    const e = await published('1231', 2025, 0.5, { 6: ['Systematiskt förbättringsarbete'], 8: ['Medarbetarskap'] });
    let plan = (await s.actionPlans.createActionPlan({ evaluationId: e.id, viewer: owner })).plan;
    plan = await s.actionPlans.updateItem({ id: plan.id, itemId: plan.items[0]?.id ?? '', expectedVersion: plan.version, patch: { actions: [{ text: 'Införa förbättringsmetod', responsible: 'Bo', unit: 'Kommunledningskontoret', plannedDone: '2026-01-31' }] }, viewer: owner });
    await rejectsWith(s.reportBacks.createReportBack({ planId: plan.id, input: {}, viewer: evaluator }), 'forbidden');
    const first = await s.reportBacks.createReportBack({ planId: plan.id, input: { caseNumber: 'KS 2025/7', officer: 'Kim Kvalitet' }, viewer: owner });
    assert.equal(first.number, 1);
    plan = await s.actionPlans.updateItem({ id: plan.id, itemId: plan.items[0]?.id ?? '', expectedVersion: plan.version, patch: { status: 'ongoing' }, viewer: owner });
    const second = await s.reportBacks.createReportBack({ planId: plan.id, input: { decisionProposal: ['Rapporten noteras.', 'Ärendet skickas vidare till fullmäktige.'] }, viewer: owner });
    assert.deepEqual([second.number, second.changedItems, second.periodStart], [2, 1, first.periodEnd]);
    const vm = await s.reportBacks.getReportBackViewModel({ planId: plan.id, number: 2, viewer: owner });
    assert.equal(vm.decision.heading, 'Förslag till beslut');
    assert.deepEqual(vm.decision.items, ['Rapporten noteras.', 'Ärendet skickas vidare till fullmäktige.']);
    assert.ok(vm.status.groups[0]?.rows[0]?.changes.includes('Status: ej påbörjad → pågår'));
    assert.match(vm.summary.paragraphs[0] ?? '', /Sedan återrapportering 1 .* har 1 punkt ändrats/);
    assert.match(vm.background.paragraphs[0] ?? '', /Kommunkompassen 2025 .* fick 400 av 800 poäng/);
    // Report 1 stays as it was reported.
    const vm1 = await s.reportBacks.getReportBackViewModel({ planId: plan.id, number: 1, viewer: evaluator });
    assert.equal(vm1.status.groups[0]?.rows[0]?.status, 'ej påbörjad');
    assert.equal(vm1.facts[0]?.value, 'KS 2025/7');
    await rejectsWith(s.reportBacks.listReportBacks({ planId: plan.id, viewer: PUBLIC }), 'not_found');
    // Years later: the next report-back and the action are overdue on the municipality's overview.
    const overview = await later.actionPlans.followUpOverview({ viewer: owner });
    const mine = overview.find((o) => o.planId === plan.id);
    assert.equal(mine?.followUp.overdue, true);
    assert.deepEqual(mine?.overdueActions.map((a) => [a.text, a.plannedDone]), [['Införa förbättringsmetod', '2026-01-31']]);
    assert.ok(!(await later.actionPlans.followUpOverview({ viewer: other })).some((o) => o.planId === plan.id));
  });

  void test('effect: the next comparable evaluation shows per subarea the items and the score movement', async () => {
    const first = await published('1490', 2014, 0.5, { 1: ['Delområde 1.3 dialog', 'Delområde 1.4 resultat'] });
    const admin = SYSTEM;
    let plan = (await s.actionPlans.createActionPlan({ evaluationId: first.id, viewer: admin })).plan;
    plan = await s.actionPlans.updateItem({ id: plan.id, itemId: plan.items[0]?.id ?? '', expectedVersion: plan.version, patch: { status: 'done' }, viewer: admin });
    const none = await s.actionPlans.getEffect({ id: plan.id, viewer: admin });
    assert.ok(!none.comparable && /ingen senare/.test(none.reason));
    await published('1490', 2018, 0.7, {});
    const effect = await s.actionPlans.getEffect({ id: plan.id, viewer: admin });
    assert.ok(effect.comparable);
    const s13 = effect.subareas.find((x) => x.subareaId === '1.3');
    assert.deepEqual([s13?.items[0]?.done, s13?.before, s13?.after, s13?.delta], [true, 15, 21, 6]);
    await s.actionPlans.updateActionPlan({ id: plan.id, expectedVersion: plan.version, patch: { published: true }, viewer: admin });
    const assoc = await s.actionPlans.getAssociations({ frameworkId: 'kk2020', viewer: PUBLIC });
    const row = assoc.rows.find((r) => r.subareaId === '1.3');
    assert.ok((row?.withDone.n ?? 0) >= 1);
    assert.match(assoc.caveat, /samvarierar/);
    // An item the municipality does not publish counts for staff only, not for the public or other municipalities.
    const current = await s.actionPlans.getActionPlan({ id: plan.id, viewer: admin });
    await s.actionPlans.updateItem({ id: plan.id, itemId: plan.items[0]?.id ?? '', expectedVersion: current.version, patch: { public: false }, viewer: admin });
    const doneIn13 = async (who: Viewer) => (await s.actionPlans.getAssociations({ frameworkId: 'kk2020', viewer: who })).rows.find((r) => r.subareaId === '1.3')?.withDone.n ?? 0;
    const staff = await doneIn13(evaluator);
    assert.ok(staff >= 1);
    for (const who of [PUBLIC, other]) assert.equal(await doneIn13(who), staff - 1, who.role);
  });
});
