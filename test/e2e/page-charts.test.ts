/**
 * The public pages' charts drawn by the server from the stored data: an evaluation's bars and profile,
 * a municipality's trend. Only what the viewer may see (a draft's chart is 404 for the public), tagged
 * so a page that has the drawing gets 304, and unknown scores drawn as unknown (Örebro 2015).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, evaluationIdOf, listedEvaluations, signIn, type ListedEvaluation, type TestApp } from '../helpers/app.ts';
import { buildEvaluation } from '../helpers/factories.ts';


void describe('charts drawn from the stored data', () => {
  let t: TestApp;
  let items: ListedEvaluation[];
  const find = (code: string, year: number) => evaluationIdOf(items, code, year);
  const desc = (svg: string) => /<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
  before(async () => {
    t = await createTestApp({ demo: true });
    items = await listedEvaluations(t);
  });
  after(async () => {
    await t?.close();
  });

  test("a published evaluation's bars and profile: SVG with every value in words, cacheable, 304 when unchanged", async () => {
    const id = find('1231', 2020);
    for (const file of ['areaBar.svg', 'profileRadar.svg']) {
      const url = `/api/evaluations/${id}/charts/${file}?width=480&height=360`;
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /^image\/svg\+xml/);
      assert.match(res.body, /^<svg[^>]*width="480" height="360"/);
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      const etag = res.headers.etag as string;
      assert.match(etag, /^"[\w-]+"$/);
      assert.match(desc(res.body), file === 'areaBar.svg' ? /^Stapeldiagram över poäng per område\. 1 / : /^Profildiagram \(radar\)[^.]*\. Burlöv 2020: /);
      const again = await t.app.inject({ url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      // Another size or language is another drawing.
      const wider = await t.app.inject({ url: `/api/evaluations/${id}/charts/${file}?width=720&height=360` });
      assert.notEqual(wider.headers.etag, etag);
    }
    const en = await t.app.inject({ url: `/api/evaluations/${id}/charts/areaBar.svg?lang=en` });
    assert.match(desc(en.body), /^Bar chart of points per area\./);
  });

  test('unknown scores stay unknown: Örebro 2015 names its unknown areas and never draws them as 0', async () => {
    const id = find('1880', 2015);
    const bar = await t.app.inject({ url: `/api/evaluations/${id}/charts/areaBar.svg` });
    const words = desc(bar.body);
    assert.match(words, /1 [^:]+: okänt/);
    assert.doesNotMatch(words, /: 0 av/);
  });

  test("a draft's chart is 404 for the public, and drawn for those who may see it (never shared-cached)", async () => {
    const draft = await buildEvaluation(t.services, { municipalityCode: '1980', year: 2033 });
    const anonymous = await t.app.inject({ url: `/api/evaluations/${draft.id}/charts/areaBar.svg` });
    assert.equal(anonymous.statusCode, 404);
    assert.match(anonymous.headers['content-type'] as string, /application\/problem\+json/);
    const evaluator = await signIn(t, 'evaluator');
    const staff = await t.app.inject({ url: `/api/evaluations/${draft.id}/charts/areaBar.svg`, headers: { cookie: evaluator.cookie } });
    assert.equal(staff.statusCode, 200);
    assert.equal(staff.headers['cache-control'], 'private, no-cache');
  });

  test("a municipality's trend; unknown municipality 404, unknown chart or size 400", async () => {
    const res = await t.app.inject({ url: '/api/municipalities/1880/charts/trend.svg?compact=true' });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(desc(res.body), /^Linjediagram över totalpoäng per utvärdering\. 2010: /);
    assert.equal((await t.app.inject({ url: '/api/municipalities/9999/charts/trend.svg' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/api/municipalities/1880/charts/pie.svg' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: `/api/evaluations/${find('1231', 2020)}/charts/areaBar.svg?width=99999` })).statusCode, 400);
  });
});
