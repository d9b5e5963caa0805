import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { PUBLIC, SYSTEM } from '../../src/domain/access.ts';
import { buildTsQuery } from '../../src/domain/search.ts';
import { createSearchRepository } from '../../src/repositories/search.repository.ts';
import type { GoodExampleSearch } from '../../src/services/good-examples.service.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';

const hitText = (h: { excerpt: Array<{ text: string; hit: boolean }> }) => h.excerpt.filter((p) => p.hit).map((p) => p.text.toLowerCase());

describe(`good-example search on ${testDbKind()}`, () => {
  let ctx: TestContext;
  const search = (query: GoodExampleSearch, limit = 50) => ctx.services.goodExamples.searchGoodExamples({ viewer: PUBLIC, query, limit });

  /** Creates and publishes an evaluation with the given area texts. */
  const publish = async (overrides: Parameters<typeof buildEvaluation>[1]) => {
    const e = await buildEvaluation(ctx.services, { scores: scoresFor(FRAMEWORK_2020, 0.6), ...overrides });
    return ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: e.version, status: 'published', viewer: SYSTEM });
  };

  before(async () => {
    ctx = await createTestServices({ demo: true });
  });
  after(async () => ctx.close());

  test('the suggestion shown in the search field finds demo texts, highlighted', async () => {
    const res = await search({ q: 'dialog' });
    assert.ok(res.count >= 3);
    const first = res.items[0];
    assert.ok(first);
    assert.equal(first.municipality.name, 'Burlöv');
    assert.ok(hitText(first).some((w) => w.includes('dialog')));
    // The subarea text with "Dialogen" links to its paragraph.
    const narrative = res.items.find((h) => h.kind === 'narrative');
    assert.equal(narrative?.anchor, 'd-1.3');
    assert.equal(narrative?.subareaId, '1.3');
    assert.ok(narrative?.subareaTitle);
  });

  test('Swedish morphology: inflections, compound parts and å/ä/ö typed as a/o', async () => {
    const code = '0180';
    await publish({
      municipalityCode: code,
      year: 2022,
      areas: [
        {
          number: 1,
          narratives: { '1.4': 'Kommunen har utvecklat medborgardialogerna i alla nämnder.' },
          strengths: ['Tydliga jämförelser med andra kommuner', 'Ett hållbart arbetsliv för medarbetarna'],
          improvements: ['Budgetdialogen kan bli tydligare'],
          goodExamples: [{ municipalityCode: '1280', name: 'Malmö', subareaId: '1.4', text: 'Invånarpaneler i stadsdelarna' }],
        },
      ],
    });
    const only = { municipalityCode: code };
    const anchorsFor = async (q: string) => (await search({ q, ...only })).items.map((h) => h.anchor);
    assert.deepEqual(await anchorsFor('medborgardialog'), ['d-1.4'], 'base form finds the inflected plural');
    assert.deepEqual(await anchorsFor('medborgardialogen'), ['d-1.4'], 'another inflection finds it too');
    assert.deepEqual((await anchorsFor('dialog')).sort(), ['d-1.4', 'f-1-1'], 'a part finds the compounds');
    assert.deepEqual(await anchorsFor('medborg'), ['d-1.4'], 'a prefix while typing');
    assert.deepEqual(await anchorsFor('jamforelser'), ['s-1-1'], 'ä typed as a, ö as o');
    assert.deepEqual(await anchorsFor('jämförelserna'), ['s-1-1'], 'a longer inflection than the text');
    assert.deepEqual(await anchorsFor('hallbar'), ['s-1-2'], 'å typed as a');
    assert.deepEqual(await anchorsFor('hållbarhet'), ['s-1-2'], 'derived form');
    assert.deepEqual(await anchorsFor('Malmö'), ['g-1-1'], 'the named municipality of a good example');
    assert.deepEqual(await anchorsFor('dialog nämnder'), ['d-1.4'], 'every word must match');
    const highlighted = (await search({ q: 'medborgardialog', ...only })).items[0];
    assert.deepEqual(highlighted && hitText(highlighted), ['medborgardialogerna']);
  });

  test('drafts and evaluations shared for review never appear, whoever asks', async () => {
    const secret = 'Hemligtutkastexempel';
    const draft = await buildEvaluation(ctx.services, { scores: scoresFor(FRAMEWORK_2020, 0.9), areas: [{ number: 1, strengths: [secret], goodExamples: [{ municipalityCode: null, name: 'Någonstans', subareaId: '1.1', text: secret }] }] });
    await ctx.services.evaluations.changeStatus({ id: draft.id, expectedVersion: draft.version, status: 'review', viewer: SYSTEM });
    for (const viewer of [PUBLIC, SYSTEM]) {
      const res = await ctx.services.goodExamples.searchGoodExamples({ viewer, query: { q: secret } });
      assert.deepEqual(res.items, []);
      assert.equal(res.count, 0);
    }
  });

  test('the index follows the texts in the same transaction: publish, correct, supersede', async () => {
    const word = 'Fjällbackamodellen';
    const e = await buildEvaluation(ctx.services, { scores: scoresFor(FRAMEWORK_2020, 0.7), areas: [{ number: 2, strengths: [`${word} för samverkan`] }] });
    assert.equal((await search({ q: word })).count, 0);
    const edited = await ctx.services.evaluations.updateArea({ id: e.id, expectedVersion: e.version, number: 2, patch: { strengths: [`${word} för samverkan`, `${word} i skolan`] }, viewer: SYSTEM });
    const published = await ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: edited.version, status: 'published', viewer: SYSTEM });
    assert.deepEqual((await search({ q: word })).items.map((h) => h.anchor).sort(), ['s-2-1', 's-2-2']);
    assert.ok((await search({ q: word })).items.every((h) => h.evaluationId === published.id));
    // A correction replaces the original in the search once it is published.
    const correction = await ctx.services.workflow.createCorrection({ id: published.id, viewer: SYSTEM });
    const fixed = await ctx.services.evaluations.updateArea({ id: correction.id, expectedVersion: correction.version, number: 2, patch: { strengths: [`${word} för samverkan`] }, viewer: SYSTEM });
    assert.ok((await search({ q: word })).items.every((h) => h.evaluationId === published.id), 'the draft correction is not searchable');
    await ctx.services.evaluations.changeStatus({ id: fixed.id, expectedVersion: fixed.version, status: 'published', viewer: SYSTEM });
    const after = await search({ q: word });
    assert.deepEqual(after.items.map((h) => [h.evaluationId, h.anchor]), [[fixed.id, 's-2-1']]);
  });

  test('filters: version, area, subarea, kind, years, county, municipality and subarea percent', async () => {
    const tag = 'Kvarnbyprojektet';
    const fw = FRAMEWORK_2020;
    const high = await publish({ municipalityCode: '1280', year: 2019, scores: scoresFor(fw, 0.9), areas: [{ number: 3, narratives: { '3.2': `${tag} styr målen.` }, strengths: [`${tag} som styrka`] }] });
    const low = await publish({ municipalityCode: '0114', year: 2023, scores: scoresFor(fw, 0.3), areas: [{ number: 3, narratives: { '3.2': `${tag} styr också.` } }] });
    const ids = async (query: GoodExampleSearch) => (await search({ q: tag, ...query })).items.map((h) => `${h.evaluationId === high.id ? 'high' : h.evaluationId === low.id ? 'low' : '?'}:${h.anchor}`).sort();
    assert.deepEqual(await ids({}), ['high:d-3.2', 'high:s-3-1', 'low:d-3.2']);
    assert.deepEqual(await ids({ frameworkId: 'kk2010' }), []);
    assert.deepEqual(await ids({ frameworkId: 'all' }), ['high:d-3.2', 'high:s-3-1', 'low:d-3.2']);
    assert.deepEqual(await ids({ areaNumber: 4 }), []);
    assert.deepEqual(await ids({ subareaId: '3.2' }), ['high:d-3.2', 'low:d-3.2']);
    assert.deepEqual(await ids({ kinds: ['strength'] }), ['high:s-3-1']);
    assert.deepEqual(await ids({ yearFrom: 2020 }), ['low:d-3.2']);
    assert.deepEqual(await ids({ yearTo: 2020 }), ['high:d-3.2', 'high:s-3-1']);
    assert.deepEqual(await ids({ countyCode: '12' }), ['high:d-3.2', 'high:s-3-1']);
    assert.deepEqual(await ids({ municipalityCode: '0114' }), ['low:d-3.2']);
    assert.deepEqual(await ids({ subareaId: '3.2', minPercent: 80 }), ['high:d-3.2']);
    assert.deepEqual(await ids({ subareaId: '3.2', minPercent: 20 }), ['high:d-3.2', 'low:d-3.2']);
    const hit = (await search({ q: tag, subareaId: '3.2', minPercent: 80 })).items[0];
    assert.equal(hit?.percent, 90);
    // Without a query the same filters list passages, good examples and strengths first.
    const listed = await search({ countyCode: '12', kinds: ['strength', 'narrative'], yearFrom: 2019, yearTo: 2019 });
    assert.ok(listed.items.some((h) => h.evaluationId === high.id));
    assert.ok(listed.items.every((h) => h.year === 2019 && (h.kind === 'strength' || h.kind === 'narrative')));
  });

  test('a word spread thinly over many evaluations is ranked over all its passages; a common one is listed', async () => {
    // 160 evaluations, each with the word in one of its four strengths.
    const year = 2031;
    for (let i = 0; i < 160; i++) {
      const twice = i === 97;
      const strengths = [twice ? 'Ungdomsrådet och ungdomsrådets förslag styr budgeten' : `Ungdomsrådet träffas ${i + 1} gånger`, 'Tydlig styrkedja', 'Öppna protokoll', 'Arbetsglädje'];
      await publish({ municipalityCode: '0180', year, month: 1 + (i % 12), areas: [{ number: 2, strengths }] });
    }
    const repo = createSearchRepository(ctx.services.db);
    const [word] = await repo.analyseWords(['ungdomsrådet']);
    assert.ok(word);
    const tsquery = buildTsQuery([word]);
    assert.ok(tsquery);
    const run = (passages: number) => repo.searchText({ tsquery, filter: { yearFrom: year, yearTo: year }, limit: 20, offset: 0, candidates: 3000, denseAfter: 150, sample: { passages, matches: 21 } });
    // Fewer than 21 matches in the first 40 passages in listing order: spread thinly, so every one is ranked.
    const ranked = await run(40);
    assert.equal(ranked.count, 160);
    assert.equal(ranked.lowerBound, false);
    assert.match(ranked.rows[0]?.text ?? '', /ungdomsrådets förslag/, 'the passage that says it twice ranks first');
    // At least 21 in the first 400: common, so listed newest first with a lower-bound count.
    const listed = await run(400);
    assert.equal(listed.lowerBound, true);
    assert.equal(listed.rows.length, 20);
    assert.ok(listed.rows.every((r, i) => i === 0 || (listed.rows[i - 1]?.year ?? 0) >= r.year));
  });

  test('the index holds passages of current published evaluations only', async () => {
    const rows = await ctx.services.db.execute(sql`select count(*)::int as n from search_documents d join evaluations e on e.id = d.evaluation_id where e.status <> 'published' or e.superseded_by_id is not null`);
    assert.equal(Number((rows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n), 0);
  });
});
