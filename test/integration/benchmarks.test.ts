import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { PUBLIC, SYSTEM, type Viewer } from '../../src/domain/access.ts';
import { describe as distribution } from '../../src/domain/statistics.ts';
import type { Services } from '../../src/services/index.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildFramework, scoresFor } from '../helpers/factories.ts';
import { buildUser } from '../helpers/app.ts';
import { rejectsWith } from '../helpers/assert.ts';

void describe(`benchmarks and concordance on ${testDbKind()}`, () => {
  let ctx: TestContext;
  let s: Services;
  let fwId = '';
  before(async () => {
    ctx = await createTestServices();
    s = ctx.services;
    fwId = (await buildFramework(s)).id;
  });
  after(async () => ctx.close());

  const publish = (municipalityCode: string, year: number, factor: number, extra: Record<string, unknown> = {}) =>
    s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode, frameworkId: fwId, year, status: 'published', scores: scoresFor(FRAMEWORK_2020, factor), ...extra } });

  void test('SQL aggregates equal the pure statistics over the same published evaluations; drafts and other years stay out', async () => {
    // Skåne (county 12): Burlöv 1231, Malmö 1280, Lund 1281, Helsingborg 1283; plus Borås 1490 elsewhere.
    const made = [await publish('1231', 2022, 0.5), await publish('1280', 2022, 0.7), await publish('1281', 2022, 0.7), await publish('1490', 2022, 0.33)];
    // Only printed area totals (an imported report): areas 1-8 known, subareas not.
    made.push(
      await s.evaluations.createEvaluation({
        viewer: SYSTEM,
        input: { municipalityCode: '1283', frameworkId: fwId, year: 2022, status: 'published', source: { kind: 'import' }, statedTotal: 612, areas: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ number: n, statedScore: 70 + n })) },
      }),
    );
    await s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1282', frameworkId: fwId, year: 2022, scores: scoresFor(FRAMEWORK_2020, 1) } }); // draft
    await publish('1231', 2019, 0.2);

    const b = await s.benchmarks.getBenchmarks({ frameworkId: fwId, year: 2022, viewer: PUBLIC });
    const summaries = await Promise.all(made.map((e) => s.evaluations.getSummary({ id: e.id, viewer: PUBLIC })));
    assert.deepEqual(b.total, distribution(summaries.map((x) => x.total)));
    assert.equal(b.total?.n, 5);
    assert.equal(b.total?.max, 612, 'a printed total counts as printed');
    for (const area of b.areas) {
      assert.deepEqual(area.stats, distribution(summaries.map((x) => x.areas.find((a) => a.number === area.number)?.score ?? null)), `area ${area.number}`);
      for (const sub of area.subareas) {
        const values = summaries.map((x) => x.areas.flatMap((a) => a.subareas).find((z) => z.id === sub.id)?.achieved ?? null);
        assert.deepEqual(sub.stats, distribution(values), `subarea ${sub.id}`);
        assert.equal(sub.stats?.n, 4, 'the stated-only evaluation has no subarea points');
      }
    }
    assert.deepEqual(b.years, [{ year: 2019, n: 1 }, { year: 2022, n: 5 }]);
    // n = 1: every figure is that one value.
    const one = await s.benchmarks.getBenchmarks({ frameworkId: fwId, year: 2019, viewer: PUBLIC });
    assert.equal(one.total?.n, 1);
    assert.equal(one.total?.median, one.total?.min);
    assert.equal(one.total?.p25, one.total?.p75);
    const all = await s.benchmarks.getBenchmarks({ frameworkId: fwId, viewer: PUBLIC });
    assert.equal(all.total?.n, 6);
  });

  void test('rank within the county (ties share the best rank, latest evaluation per municipality) and distance to the best', async () => {
    const r = await s.benchmarks.getMunicipalityBenchmark({ code: '1231', frameworkId: fwId, viewer: PUBLIC });
    assert.equal(r.group.kind, 'county');
    assert.deepEqual(r.group.members.map((m) => m.code), ['1283', '1281', '1280', '1231']);
    assert.equal(r.evaluation?.year, 2022, 'the latest evaluation counts, not the 2019 one');
    assert.deepEqual(r.total.rank, { rank: 4, of: 4, tiedWith: 0 });
    assert.equal(r.total.groupBest, 612);
    assert.equal(r.total.distanceToGroupBest, 612 - 400);
    const lund = await s.benchmarks.getMunicipalityBenchmark({ code: '1281', frameworkId: fwId, viewer: PUBLIC });
    const sub = lund.areas[1]?.subareas[0];
    assert.deepEqual(sub?.standing.rank, { rank: 1, of: 3, tiedWith: 1 }, 'Malmö and Lund tie on subareas');
    assert.equal(sub?.standing.distanceToGroupBest, 0);
  });

  void test('peer groups: saved by a user, private, versioned, used as the group', async () => {
    const u = await buildUser(s, 'municipality', { municipalityCode: '1231' });
    const me: Viewer = { userId: u.id, role: 'municipality', municipalityCode: '1231', name: u.name };
    const o = await buildUser(s, 'evaluator');
    const other: Viewer = { userId: o.id, role: 'evaluator', municipalityCode: null, name: o.name };
    await rejectsWith(s.benchmarks.createPeerGroup({ input: { name: 'Grannar', municipalityCodes: ['1490'] }, viewer: PUBLIC }), 'unauthorized');
    await rejectsWith(s.benchmarks.createPeerGroup({ input: { name: 'Grannar', municipalityCodes: ['9999'] }, viewer: me }), 'validation', /9999/);
    const g = await s.benchmarks.createPeerGroup({ input: { name: 'Våra grannar', municipalityCodes: ['1490', '1280', '1490'] }, viewer: me });
    assert.deepEqual(g.municipalities.map((m) => m.name), ['Malmö', 'Borås']);
    assert.deepEqual(await s.benchmarks.listPeerGroups({ viewer: other }), []);
    await rejectsWith(s.benchmarks.getPeerGroup({ id: g.id, viewer: other }), 'not_found');
    await rejectsWith(s.benchmarks.getMunicipalityBenchmark({ code: '1231', frameworkId: fwId, peerGroupId: g.id, viewer: other }), 'not_found');
    const r = await s.benchmarks.getMunicipalityBenchmark({ code: '1231', frameworkId: fwId, peerGroupId: g.id, viewer: me });
    assert.deepEqual(r.group.members.map((m) => m.code), ['1280', '1231', '1490']);
    assert.deepEqual(r.total.rank, { rank: 2, of: 3, tiedWith: 0 });
    const renamed = await s.benchmarks.updatePeerGroup({ id: g.id, expectedVersion: g.version, input: { name: 'Fem grannar', municipalityCodes: ['1281'] }, viewer: me });
    assert.equal(renamed.version, g.version + 1);
    await rejectsWith(s.benchmarks.updatePeerGroup({ id: g.id, expectedVersion: g.version, input: { name: 'Gammal', municipalityCodes: ['1281'] }, viewer: me }), 'conflict');
    await rejectsWith(s.benchmarks.deletePeerGroup({ id: g.id, viewer: other }), 'not_found');
    await s.benchmarks.deletePeerGroup({ id: g.id, viewer: me });
    assert.deepEqual(await s.benchmarks.listPeerGroups({ viewer: me }), []);
  });

  void test('concordance: seeded kk2010 → kk2020, read either way; comparisons pair through it, never by number', async () => {
    const c = await s.concordances.getConcordance({ fromId: 'kk2020', toId: 'kk2010', viewer: PUBLIC });
    assert.ok(c.pairs.some((p) => p.level === 'area' && p.from === '5' && p.to === '2'), '2020 area 5 Brukarens fokus ↔ 2010 area 2');
    const old = await s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1880', frameworkId: 'kk2010', year: 2012, status: 'published', source: { kind: 'import' }, statedTotal: 615, areas: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ number: n, statedScore: 70 + n })) } });
    const now = await s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1880', frameworkId: 'kk2020', year: 2021, status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.6) } });
    const cmp = await s.openData.compareEvaluations({ ids: [now.id, old.id], viewer: PUBLIC });
    assert.equal(cmp.mode, 'concordance');
    const row5 = cmp.rows.find((r) => r.area === 5);
    assert.deepEqual([row5?.cells[1]?.area, row5?.cells[1]?.score, row5?.cells[1]?.relation], [2, 72, 'partial']);
    // The summary's comparison with the previous evaluation uses the concordance as well.
    const sum = await s.evaluations.getSummary({ id: now.id, viewer: PUBLIC });
    assert.equal(sum.previous?.pairing, 'concordance');
    assert.equal(sum.areas.find((a) => a.number === 5)?.previous, 72);
    assert.equal(sum.areas.find((a) => a.number === 2)?.previous, 78, '2020 area 2 ↔ 2010 area 8');

    // A version without a concordance: totals only.
    const lone = await s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1880', frameworkId: fwId, year: 2023, status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.8) } });
    const totalsOnly = await s.openData.compareEvaluations({ ids: [lone.id, old.id], viewer: PUBLIC });
    assert.equal(totalsOnly.mode, 'totals-only');
    assert.deepEqual(totalsOnly.rows, []);
    assert.deepEqual(totalsOnly.missingConcordances, [{ fromFrameworkId: fwId, toFrameworkId: 'kk2010' }]);
    const loneSummary = await s.evaluations.getSummary({ id: lone.id, viewer: PUBLIC });
    assert.equal(loneSummary.previous?.frameworkId, 'kk2020');
    assert.equal(loneSummary.previous?.pairing, 'totals-only');
    assert.ok(loneSummary.areas.every((a) => a.previous === null && a.delta === null), 'no area is paired by its number');
  });

  void test('concordance edits: administrators only, validated against both versions, versioned', async () => {
    const evaluator: Viewer = { userId: null, role: 'evaluator', municipalityCode: null, name: 'Utvärderare' };
    await rejectsWith(s.concordances.saveConcordance({ fromId: fwId, toId: 'kk2010', pairs: [], notes: '', viewer: evaluator }), 'forbidden');
    await rejectsWith(s.concordances.saveConcordance({ fromId: fwId, toId: 'kk2010', pairs: [{ level: 'subarea', from: '9.1', to: '1.1', relation: 'same' }], notes: '', viewer: SYSTEM }), 'validation', /9\.1/);
    await rejectsWith(
      s.concordances.saveConcordance({ fromId: fwId, toId: 'kk2010', pairs: [{ level: 'area', from: '1', to: '1', relation: 'same' }, { level: 'area', from: '2', to: '1', relation: 'same' }], notes: '', viewer: SYSTEM }),
      'validation',
      /redan en motsvarighet/,
    );
    const made = await s.concordances.saveConcordance({ fromId: fwId, toId: 'kk2010', pairs: [{ level: 'area', from: '5', to: '2', relation: 'partial' }], notes: 'Test', viewer: SYSTEM });
    assert.equal(made.version, 1);
    // Saved from the other side: stored in its own direction, answered in the asked one.
    const back = await s.concordances.saveConcordance({ fromId: 'kk2010', toId: fwId, pairs: [{ level: 'area', from: '2', to: '5', relation: 'same' }], notes: 'Test 2', expectedVersion: 1, viewer: SYSTEM });
    assert.deepEqual([back.version, back.pairs[0]?.from, back.pairs[0]?.to], [2, '2', '5']);
    await rejectsWith(s.concordances.saveConcordance({ fromId: fwId, toId: 'kk2010', pairs: [], notes: '', expectedVersion: 1, viewer: SYSTEM }), 'conflict', /aktuell version 2/);
    const stored = await s.concordances.getConcordance({ fromId: fwId, toId: 'kk2010', viewer: PUBLIC });
    assert.deepEqual(stored.pairs, [{ level: 'area', from: '5', to: '2', relation: 'same' }]);
  });
});
