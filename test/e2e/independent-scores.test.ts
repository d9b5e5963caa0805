/**
 * Independent scoring and consensus over HTTP: an evaluator's scores stay hidden from the team until
 * they submit, the spread shows after, the lead records agreed scores with reasons, and publishing is
 * refused until every subarea is agreed. Municipality users never see the sheets, and the history
 * shows that sheets were submitted but not their values.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { buildUser, createTestApp, signIn, type SignedIn, type TestApp } from '../helpers/app.ts';

interface View {
  evaluators: Array<{ userId: string; name: string; submitted: boolean }>;
  subareas: Array<{ id: string; mine: number | null; others: Array<{ userId: string; value: number }> | null; spread: number | null; divergent: boolean | null; agreed: { value: number; reason: string } | null }>;
  readyForConsensus: boolean;
  missingAgreement: string[];
}

const subareas = FRAMEWORK_2020.areas.flatMap((a) => a.subareas.map((s) => ({ id: s.id, max: s.max ?? 10 })));
const scaled = (f: number) => Object.fromEntries(subareas.map((s) => [s.id, Math.round(s.max * f)]));

void describe('independent scores and consensus', () => {
  let t: TestApp;
  let lead: SignedIn;
  let second: SignedIn;
  let municipality: SignedIn;
  let id = '';
  let version = 0;

  before(async () => {
    t = await createTestApp();
    lead = await signIn(t, 'evaluator');
    second = await signIn(t, 'evaluator');
    municipality = await signIn(t, 'municipality', { municipalityCode: '1283' });
    const created = await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: lead.headers, payload: { municipalityCode: '1283', frameworkId: 'kk2020', year: 2031 } });
    assert.equal(created.statusCode, 201, created.body);
    id = created.json().id as string;
    version = created.json().version as number;
    const assigned = await t.app.inject({
      method: 'PUT',
      url: `/api/evaluations/${id}/assignments`,
      headers: lead.headers,
      payload: { expectedVersion: version, assignments: [{ userId: lead.user.id, isLead: true }, { userId: second.user.id, isLead: false }] },
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
  });
  after(async () => t.close());

  const get = async (who: SignedIn): Promise<View> => {
    const res = await t.app.inject({ url: `/api/evaluations/${id}/independent-scores`, headers: who.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as View;
  };
  const put = (who: SignedIn, scores: Record<string, number>, submitted: boolean) =>
    t.app.inject({ method: 'PUT', url: `/api/evaluations/${id}/independent-scores`, headers: who.headers, payload: { scores, submitted } });

  void test('submitting needs every subarea scored, within its maximum', async () => {
    const partial = await put(lead, { '1.1': 5 }, true);
    assert.equal(partial.statusCode, 400, partial.body);
    assert.match(partial.json().detail as string, /Alla delområden måste ha poäng/);
    const tooMany = await put(lead, { ...scaled(0.5), '1.1': 999 }, false);
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.json().detail as string, /Delområde 1\.1: 999 poäng är mer än max/);
    const unknown = await put(lead, { '9.9': 1 }, false);
    assert.equal(unknown.statusCode, 400);
  });

  void test("before submitting, an evaluator sees only their own scores, never the others'", async () => {
    assert.equal((await put(lead, scaled(0.6), true)).statusCode, 200);
    assert.equal((await put(second, scaled(0.9), false)).statusCode, 200);
    const view = await get(second);
    assert.ok(view.subareas.every((s) => s.others === null && s.spread === null));
    assert.equal(view.subareas.find((s) => s.id === '1.1')?.mine, Math.round((subareas[0]?.max ?? 0) * 0.9));
    assert.deepEqual(
      view.evaluators.map((e) => e.submitted).sort(),
      [false, true],
    );
    // The lead has submitted, but the second sheet is a draft: the lead sees no unsubmitted values.
    const leadView = await get(lead);
    assert.ok(leadView.subareas.every((s) => Array.isArray(s.others) && s.others.length === 0));
    assert.equal(leadView.readyForConsensus, false);
  });

  void test('a municipality user never sees the sheets; the history names no values', async () => {
    const res = await t.app.inject({ url: `/api/evaluations/${id}/independent-scores`, headers: municipality.headers });
    assert.ok(res.statusCode === 403 || res.statusCode === 404, res.body);
    const history = await t.app.inject({ url: `/api/evaluations/${id}/history`, headers: lead.headers });
    assert.equal(history.statusCode, 200);
    const text = history.body;
    assert.match(text, /submit_independent_scores/);
    assert.doesNotMatch(text, new RegExp(`"1\\.1":\\s*${Math.round((subareas[0]?.max ?? 0) * 0.9)}\\b`));
  });

  void test('after submitting, both scores and the spread show, with divergences marked', async () => {
    assert.equal((await put(second, scaled(0.9), true)).statusCode, 200);
    const view = await get(second);
    const s11 = view.subareas.find((s) => s.id === '1.1');
    assert.ok(s11?.others && s11.others.length === 1);
    assert.equal(s11.others[0]?.userId, lead.user.id);
    assert.ok((s11.spread ?? 0) > 0);
    assert.equal(typeof s11.divergent, 'boolean');
    assert.equal(view.readyForConsensus, true);
    const again = await put(second, scaled(0.1), true);
    assert.equal(again.statusCode, 422, 'a submitted sheet cannot change');
  });

  void test('publishing is refused until every subarea has an agreed score', async () => {
    version = (await t.app.inject({ url: `/api/evaluations/${id}`, headers: lead.headers })).json().version as number;
    const refused = await t.app.inject({ method: 'POST', url: `/api/evaluations/${id}/status`, headers: lead.headers, payload: { expectedVersion: version, status: 'published' } });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.match(refused.json().detail as string, /Överenskommen poäng saknas för delområde 1\.1/);
  });

  void test('only the lead records consensus; agreed scores become the evaluation scores', async () => {
    const items = subareas.map((s) => ({ subareaId: s.id, value: Math.round(s.max * 0.75), reason: 'Enades efter genomgång av underlaget.' }));
    const bySecond = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${id}/consensus`, headers: second.headers, payload: { expectedVersion: version, items } });
    assert.equal(bySecond.statusCode, 403);
    const noReason = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${id}/consensus`, headers: lead.headers, payload: { expectedVersion: version, items: [{ subareaId: '1.1', value: 3, reason: ' ' }] } });
    assert.equal(noReason.statusCode, 400);
    const half = items.slice(0, 10);
    const first = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${id}/consensus`, headers: lead.headers, payload: { expectedVersion: version, items: half } });
    assert.equal(first.statusCode, 200, first.body);
    version = first.json().evaluation.version as number;
    const stale = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${id}/consensus`, headers: lead.headers, payload: { expectedVersion: version - 1, items: items.slice(10) } });
    assert.equal(stale.statusCode, 409);
    const rest = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${id}/consensus`, headers: lead.headers, payload: { expectedVersion: version, items: items.slice(10) } });
    assert.equal(rest.statusCode, 200, rest.body);
    version = rest.json().evaluation.version as number;
    const view = rest.json().scores as View;
    assert.deepEqual(view.missingAgreement, []);
    assert.equal(view.subareas.find((s) => s.id === '1.1')?.agreed?.reason, 'Enades efter genomgång av underlaget.');
    const ev = (await t.app.inject({ url: `/api/evaluations/${id}`, headers: lead.headers })).json() as { scores: Record<string, number> };
    assert.equal(ev.scores['1.1'], Math.round((subareas[0]?.max ?? 0) * 0.75));
    const published = await t.app.inject({ method: 'POST', url: `/api/evaluations/${id}/status`, headers: lead.headers, payload: { expectedVersion: version, status: 'published' } });
    assert.equal(published.statusCode, 200, published.body);
  });

  void test('the calibration report lists the subareas evaluators disagreed on', async () => {
    const res = await t.app.inject({ url: '/api/calibration?framework=kk2020', headers: second.headers });
    assert.equal(res.statusCode, 200, res.body);
    const fw = (res.json() as { frameworks: Array<{ id: string; evaluations: number; subareas: Array<{ subareaId: string; meanSpread: number; evaluations: number }> }> }).frameworks[0];
    assert.equal(fw?.id, 'kk2020');
    assert.equal(fw?.evaluations, 1);
    assert.ok((fw?.subareas[0]?.meanSpread ?? 0) > 0);
    const muni = await t.app.inject({ url: '/api/calibration', headers: municipality.headers });
    assert.equal(muni.statusCode, 403);
  });

  void test('an administrator is not a scorer; an evaluator off the team is refused', async () => {
    const admin = await signIn(t, 'admin');
    const outsider = await signIn(t, await buildUser(t.services, 'evaluator'));
    const created = await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: lead.headers, payload: { municipalityCode: '1283', frameworkId: 'kk2020', year: 2032 } });
    const other = created.json().id as string;
    const byAdmin = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${other}/independent-scores`, headers: admin.headers, payload: { scores: { '1.1': 1 }, submitted: false } });
    assert.equal(byAdmin.statusCode, 403);
    const byOutsider = await t.app.inject({ url: `/api/evaluations/${other}/independent-scores`, headers: outsider.headers });
    assert.equal(byOutsider.statusCode, 403);
  });
});
