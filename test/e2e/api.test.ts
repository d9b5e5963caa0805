import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../helpers/app.ts';

const PROBLEM = /^application\/problem\+json/;

function problem(res: LightMyRequestResponse, status: number, detail?: RegExp): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), PROBLEM);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.status, status);
  assert.equal(typeof body.title, 'string');
  if (detail) assert.match(String(body.detail), detail);
  assert.doesNotMatch(res.body, /at .*\.ts:\d+|stack|select .* from/i, 'no internals in error bodies');
  return body;
}

void describe('HTTP API with demo data', () => {
  let t: TestApp;
  let burlovId = '';
  let ev: SignedIn;
  before(async () => {
    t = await createTestApp({ demo: true });
    ev = await signIn(t, 'evaluator');
    const list = await t.app.inject({ url: '/api/evaluations?municipality=1231' });
    burlovId = (list.json() as { items: Array<{ id: string }> }).items[0]?.id ?? '';
  });
  after(async () => t.close());

  void test('a second evaluation of the same municipality and year is created with a warning naming the existing one', async () => {
    const year = (await t.app.inject({ url: `/api/evaluations/${burlovId}` })).json<{ year: number }>().year;
    const before = await t.app.inject({ url: `/api/evaluations/same-year?municipality=1231&year=${year}`, headers: ev.headers });
    assert.equal(before.statusCode, 200);
    const items = before.json<{ items: Array<{ evaluationId: string; message: string }> }>().items;
    assert.deepEqual(items.map((i) => i.evaluationId), [burlovId]);
    assert.match(items[0]?.message ?? '', new RegExp(`^Det finns redan en utvärdering av Burlöv ${year}: ${burlovId} \\(publicerad, .*demodata\\)\\.$`));
    const created = await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: ev.headers, payload: { municipalityCode: '1231', frameworkId: 'kk2020', year } });
    assert.equal(created.statusCode, 201);
    const body = created.json<{ id: string; warnings: Array<{ evaluationId: string; message: string }> }>();
    assert.deepEqual(body.warnings.map((w) => w.evaluationId), [burlovId]);
    const again = await t.app.inject({ url: `/api/evaluations/same-year?municipality=1231&year=${year}`, headers: ev.headers });
    assert.deepEqual(again.json<{ items: Array<{ evaluationId: string }> }>().items.map((i) => i.evaluationId).sort(), [burlovId, body.id].sort());
    const contact = await signIn(t, 'municipality', { municipalityCode: '1231' });
    assert.equal((await t.app.inject({ url: `/api/evaluations/same-year?municipality=1231&year=${year}`, headers: contact.headers })).statusCode, 403);
    assert.equal((await t.app.inject({ url: '/api/evaluations/same-year?municipality=9999&year=2020', headers: ev.headers })).statusCode, 404);
  });

  void test('GET /api/health → 200 when the database is ready', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });

  void test('OpenAPI is served at /api/docs', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    assert.match(doc.openapi, /^3\./);
    for (const p of ['/api/frameworks', '/api/frameworks/{id}', '/api/municipalities', '/api/evaluations', '/api/evaluations/{id}/summary']) assert.ok(doc.paths[p], p);
    assert.equal((await t.app.inject({ url: '/api/docs' })).statusCode < 400, true);
  });

  void test('GET /api/frameworks and /api/frameworks/:id', async () => {
    const list = await t.app.inject({ url: '/api/frameworks' });
    assert.deepEqual((list.json() as { items: Array<{ id: string }> }).items.map((f) => f.id).sort(), ['kk2010', 'kk2020']);
    const fw = (await t.app.inject({ url: '/api/frameworks/kk2020' })).json() as { areas: Array<{ number: number; title: string; subareas: Array<{ id: string; title: string; max: number }> }> };
    assert.equal(fw.areas.length, 8);
    assert.equal(fw.areas[6]?.subareas[1]?.id, '7.2');
    assert.equal(fw.areas[6]?.subareas[1]?.max, 40);
    problem(await t.app.inject({ url: '/api/frameworks/kk1999' }), 404, /kk1999/);
  });

  void test('GET /api/municipalities?q= tolerant search; 400 on a bad code', async () => {
    const res = await t.app.inject({ url: `/api/municipalities?q=${encodeURIComponent('VASTERAS')}` });
    assert.deepEqual(res.json().items[0], { code: '1980', name: 'Västerås', kind: 'kommun', countyCode: '19', countyName: 'Västmanlands län' });
    assert.equal((await t.app.inject({ url: '/api/municipalities/1480' })).json().name, 'Göteborg');
    problem(await t.app.inject({ url: '/api/municipalities/abc' }), 400, /kod/);
    problem(await t.app.inject({ url: '/api/municipalities/9999' }), 404, /9999/);
  });

  void test('GET /api/evaluations?municipality= lists id, year, status, total', async () => {
    const res = await t.app.inject({ url: '/api/evaluations?municipality=1490' });
    const items = (res.json() as { items: Array<{ id: string; year: number; status: string; total: number }> }).items;
    assert.deepEqual(items.map((i) => [i.year, i.status, i.total]), [[2013, 'published', 525], [2010, 'published', 390]]);
    problem(await t.app.inject({ url: '/api/evaluations?year=abc' }), 400, /year/);
  });

  void test('GET /api/evaluations/:id/summary: Burlöv 2020 totals and comparisons', async () => {
    const s = (await t.app.inject({ url: `/api/evaluations/${burlovId}/summary` })).json() as {
      total: number; areas: Array<{ number: number; title: string; score: number; max: number }>; previous: unknown; average: { count: number };
    };
    assert.equal(s.total, 595);
    assert.deepEqual(s.areas.map((a) => a.score), [79, 72, 80, 73, 70, 68, 78, 75]);
    assert.equal(s.areas[0]?.title, 'Samspel mellan förtroendevalda och medborgare');
    assert.equal(s.areas[0]?.max, 100);
    assert.equal(s.previous, null);
    assert.equal(s.average.count, 0);
  });

  void test('Borås 2013 summary compares with 2010 and keeps the printed total', async () => {
    const id = (await t.app.inject({ url: '/api/evaluations?municipality=1490&year=2013' })).json().items[0].id as string;
    const s = (await t.app.inject({ url: `/api/evaluations/${id}/summary` })).json() as { total: number; previous: { year: number; totalDelta: number }; areas: Array<{ delta: number }> };
    assert.equal(s.total, 525);
    assert.equal(s.previous.year, 2010);
    assert.equal(s.previous.totalDelta, 135);
    // Area 1 comes from its subareas (66.9, printed 67 in the report) against 40 in 2010: +26.9, printed +27.
    assert.equal(s.areas[0]?.delta, 26.9);
  });

  void test('404 for an unknown evaluation and for an unknown route; 400 for a malformed id', async () => {
    problem(await t.app.inject({ url: '/api/evaluations/00000000-0000-4000-8000-000000000000' }), 404, /finns inte/);
    problem(await t.app.inject({ url: '/api/evaluations/not-a-uuid/summary' }), 400, /UUID/);
    problem(await t.app.inject({ url: '/api/nothing-here' }), 404);
  });

  void test('create → score → conflict → status: the full write cycle over HTTP', async () => {
    const created = await t.app.inject({ method: 'POST', headers: ev.headers, url: '/api/evaluations', payload: { municipalityCode: '1980', frameworkId: 'kk2020', year: 2024, evaluators: [{ name: 'Eva Test', organisation: 'SKR', isLead: true }] } });
    assert.equal(created.statusCode, 201, created.body);
    const e = created.json() as { id: string; version: number };

    const ok = await t.app.inject({ method: 'PUT', headers: ev.headers, url: `/api/evaluations/${e.id}/scores`, payload: { expectedVersion: 1, scores: { '1.2': 8.5 } } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, 2);
    assert.equal(ok.json().scores['1.2'], 8.5);

    const tooHigh = problem(await t.app.inject({ method: 'PUT', headers: ev.headers, url: `/api/evaluations/${e.id}/scores`, payload: { expectedVersion: 2, scores: { '1.2': 24 } } }), 400, /Delområde 1\.2: 24 poäng är mer än max 10/);
    assert.deepEqual(tooHigh.errors, [{ path: 'scores.1.2', message: 'Delområde 1.2: 24 poäng är mer än max 10.' }]);
    problem(await t.app.inject({ method: 'PUT', headers: ev.headers, url: `/api/evaluations/${e.id}/scores`, payload: { expectedVersion: 2, scores: { '9.9': 1 } } }), 400, /9\.9 finns inte/);

    const stale = problem(await t.app.inject({ method: 'PUT', headers: ev.headers, url: `/api/evaluations/${e.id}/scores`, payload: { expectedVersion: 1, scores: { '1.2': 3 } } }), 409, /ändrats/);
    assert.equal(stale.currentVersion, 2);
    assert.equal((stale.current as { scores: Record<string, number> }).scores['1.2'], 8.5);

    problem(await t.app.inject({ method: 'POST', headers: ev.headers, url: `/api/evaluations/${e.id}/status`, payload: { expectedVersion: 2, status: 'published' } }), 422, /områdena 1, 2, 3, 4, 5, 6, 7 och 8 saknar poäng/);
    problem(await t.app.inject({ method: 'POST', headers: ev.headers, url: `/api/evaluations/${e.id}/status`, payload: { expectedVersion: 2, status: 'archived' } }), 400);

    const area = await t.app.inject({ method: 'PUT', headers: ev.headers, url: `/api/evaluations/${e.id}/areas/2`, payload: { expectedVersion: 2, strengths: ['Tydlig strategi'], improvements: ['Uppföljning'] } });
    assert.equal(area.statusCode, 200, area.body);
    problem(await t.app.inject({ method: 'PUT', headers: ev.headers, url: `/api/evaluations/${e.id}/areas/9`, payload: { expectedVersion: 3 } }), 400);

    const facts = await t.app.inject({ method: 'PATCH', headers: ev.headers, url: `/api/evaluations/${e.id}`, payload: { expectedVersion: 3, interviews: 35, reportDate: '2024-05-02' } });
    assert.equal(facts.statusCode, 200, facts.body);
    assert.equal(facts.json().interviews, 35);
    problem(await t.app.inject({ method: 'PATCH', headers: ev.headers, url: `/api/evaluations/${e.id}`, payload: { expectedVersion: 4, reportDate: '2.5.2024' } }), 400, /ÅÅÅÅ-MM-DD/);

    const del = await t.app.inject({ method: 'DELETE', headers: ev.headers, url: `/api/evaluations/${e.id}?expectedVersion=4` });
    assert.equal(del.statusCode, 204);
    problem(await t.app.inject({ url: `/api/evaluations/${e.id}`, headers: ev.headers }), 404);
  });

  void test('anonymous POST /api/evaluations → 401; a write without the CSRF token → 403', async () => {
    problem(await t.app.inject({ method: 'POST', url: '/api/evaluations', payload: { municipalityCode: '1980', frameworkId: 'kk2020', year: 2024 } }), 401, /logga in/i);
    problem(await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: { cookie: ev.cookie }, payload: { municipalityCode: '1980', frameworkId: 'kk2020', year: 2024 } }), 403, /CSRF/);
    problem(await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: { cookie: ev.cookie, 'x-csrf-token': 'fel' }, payload: { municipalityCode: '1980', frameworkId: 'kk2020', year: 2024 } }), 403, /CSRF/);
  });

  void test('POST /api/evaluations refuses invalid input with field errors and writes nothing', async () => {
    const before = (await t.app.inject({ url: '/api/evaluations?municipality=0180', headers: ev.headers })).json().count as number;
    problem(await t.app.inject({ method: 'POST', headers: ev.headers, url: '/api/evaluations', payload: { municipalityCode: '0180', frameworkId: 'kk2020', year: 2024, scores: { '1.1': 21 } } }), 400, /1\.1: 21 poäng är mer än max 20/);
    problem(await t.app.inject({ method: 'POST', headers: ev.headers, url: '/api/evaluations', payload: { municipalityCode: '0180', frameworkId: 'kk2020' } }), 400, /year/);
    problem(await t.app.inject({ method: 'POST', url: '/api/evaluations', payload: '{not json', headers: { ...ev.headers, 'content-type': 'application/json' } }), 400, /JSON/);
    const after = (await t.app.inject({ url: '/api/evaluations?municipality=0180', headers: ev.headers })).json().count as number;
    assert.equal(after, before);
  });
});
