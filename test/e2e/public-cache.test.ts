/**
 * The public read routes keep their anonymous answers until the data changes: the second identical
 * request is not built again, every committed change is seen by the next request, and a signed-in
 * viewer (who may see drafts) never gets the public answer, nor the public a signed-in one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM } from '../../src/domain/access.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';

void describe('anonymous answers kept per data revision', () => {
  let t: TestApp;
  let built = 0;
  before(async () => {
    t = await createTestApp();
    const ev = t.services.evaluations;
    const list = ev.listEvaluations.bind(ev);
    ev.listEvaluations = (args) => {
      built += 1;
      return list(args);
    };
  });
  after(async () => {
    await t?.close();
  });

  void test('a repeated public request is answered from the kept answer; a change is seen at once; viewers are kept apart', async () => {
    const published = await buildEvaluation(t.services, { municipalityCode: '1231', year: 2021, status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.5) });
    const draft = await buildEvaluation(t.services, { municipalityCode: '1231', year: 2023, scores: scoresFor(FRAMEWORK_2020, 0.7) });
    const url = '/api/evaluations?municipality=1231';
    const ids = (body: string) => (JSON.parse(body) as { items: { id: string }[] }).items.map((i) => i.id).sort();

    const first = await t.app.inject({ url });
    assert.equal(first.statusCode, 200);
    assert.deepEqual(ids(first.body), [published.id]);
    const before = built;
    const second = await t.app.inject({ url });
    assert.equal(second.body, first.body);
    assert.equal(second.headers['content-type'], first.headers['content-type']);
    assert.equal(built, before, 'the second anonymous request was answered without building the list again');

    // A signed-in administrator sees the draft: never the kept public answer.
    const admin = await signIn(t, 'admin');
    const signedIn = await t.app.inject({ url, headers: { cookie: admin.cookie } });
    assert.deepEqual(ids(signedIn.body), [published.id, draft.id].sort());
    // …and the public is not given the administrator's answer.
    assert.deepEqual(ids((await t.app.inject({ url })).body), [published.id]);
    assert.equal((await t.app.inject({ url: `/api/evaluations/${draft.id}/summary` })).statusCode, 404);

    // Publishing the draft is seen by the very next anonymous request.
    await t.services.evaluations.changeStatus({ viewer: SYSTEM, id: draft.id, expectedVersion: draft.version, status: 'published' });
    assert.deepEqual(ids((await t.app.inject({ url })).body), [published.id, draft.id].sort());
    assert.equal((await t.app.inject({ url: `/api/evaluations/${draft.id}/summary` })).statusCode, 200);
  });
});
