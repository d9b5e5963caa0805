/**
 * Writes mean what they say: partial updates change only the fields sent, input is validated to the
 * calendar, the text and across fields with Swedish problem details, and protected routes refuse
 * anonymous clients before reading their bodies.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../helpers/app.ts';
import { randomMunicipalityCode } from '../helpers/factories.ts';
import { ANONYMOUS_BODY_LIMIT } from '../../src/http/limits.ts';
import { loadLang, translate, type Lang } from '../../web/src/i18n/i18n.tsx';
import { wordProblem, type FieldProblem } from '../../web/src/lib/validation.ts';

interface Ev {
  id: string;
  version: number;
  [k: string]: unknown;
  areas: Array<{ number: number; [k: string]: unknown }>;
}

const FULL_FACTS = {
  year: 2024,
  month: 5,
  reportDate: '2024-05-20',
  periodStart: '2024-03-01',
  periodEnd: '2024-04-30',
  ordinal: 3,
  interviews: 42,
  interviewsApprox: true,
  summary: 'Kommunen har en tydlig styrning.',
  statedTotal: 512,
  keyFacts: [{ label: 'Invånare', value: '18 000' }],
  evaluators: [
    { name: 'Anna Andersson', organisation: 'SKR', isLead: true },
    { name: 'Bo Berg', organisation: 'Kommun X', isLead: false },
  ],
} as const;

const FULL_AREA = {
  statedScore: 61,
  summary: 'Området i korthet.',
  narratives: { '1.1': 'Om delområde 1.1.', '1.2': 'Om delområde 1.2.' },
  strengths: ['En styrka'],
  improvements: ['En förbättring'],
  goodExamples: [{ municipalityCode: '1231', name: 'Burlöv', subareaId: '1.1', text: 'Ett gott exempel.' }],
} as const;

function problem(res: LightMyRequestResponse, status: number): { detail: string; errors?: Array<{ path: string; message: string }> } {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  return res.json();
}

/** Messages to people are Swedish: none of zod's English phrases leak into a problem body. */
function assertSwedish(body: unknown): void {
  assert.doesNotMatch(JSON.stringify(body), /Too (big|small)|expected|Invalid (input|option|string)|Required|received/);
}

void describe('writes change only what is sent; input is validated', () => {
  let t: TestApp;
  let ev: SignedIn;
  let admin: SignedIn;
  before(async () => {
    t = await createTestApp();
    ev = await signIn(t, 'evaluator');
    admin = await signIn(t, 'admin');
  });
  after(async () => t.close());

  const create = async (): Promise<Ev> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evaluations',
      headers: ev.headers,
      payload: { municipalityCode: randomMunicipalityCode(), frameworkId: 'kk2020', ...FULL_FACTS, areas: [{ number: 1, ...FULL_AREA }] },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };

  void test('PATCH /api/evaluations/:id with one field changes that field only (each field in turn)', async () => {
    const changes: Record<string, unknown> = {
      year: 2025,
      month: 11,
      reportDate: '2024-06-01',
      periodStart: '2024-02-01',
      periodEnd: '2024-05-01',
      ordinal: 4,
      interviews: 7,
      interviewsApprox: false,
      summary: 'Ny sammanfattning.',
      statedTotal: 400,
      keyFacts: [{ label: 'Yta', value: '20 km²' }],
      evaluators: [{ name: 'Cecilia Ceder', organisation: 'SKR', isLead: true }],
    };
    for (const [field, value] of Object.entries(changes)) {
      const before = await create();
      const res = await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { expectedVersion: before.version, [field]: value } });
      assert.equal(res.statusCode, 200, `${field}: ${res.body}`);
      const after = (await t.app.inject({ url: `/api/evaluations/${before.id}`, headers: ev.headers })).json() as Ev;
      assert.deepEqual(after[field], value, `${field} changed`);
      for (const other of Object.keys(FULL_FACTS)) {
        if (other !== field) assert.deepEqual(after[other], before[other], `PATCH ${field} left ${other} alone`);
      }
      assert.deepEqual(after.areas, before.areas, `PATCH ${field} left the areas alone`);
    }
  });

  void test('PATCH with null clears a nullable field; other fields stay', async () => {
    const before = await create();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { expectedVersion: before.version, month: null } });
    assert.equal(res.statusCode, 200, res.body);
    const after = res.json() as Ev;
    assert.equal(after.month, null);
    assert.equal(after.reportDate, FULL_FACTS.reportDate);
    assert.equal(after.interviews, FULL_FACTS.interviews);
  });

  void test('PUT /api/evaluations/:id/areas/:n merges: one field changes, the rest stay (each field in turn)', async () => {
    const changes: Record<string, unknown> = {
      statedScore: 70,
      summary: 'Ny områdessammanfattning.',
      narratives: { '1.3': 'Bara 1.3 nu.' },
      strengths: ['Ny styrka', 'Till'],
      improvements: [],
      goodExamples: [{ municipalityCode: null, name: 'Annan kommun', subareaId: null, text: '' }],
    };
    for (const [field, value] of Object.entries(changes)) {
      const before = await create();
      const res = await t.app.inject({ method: 'PUT', url: `/api/evaluations/${before.id}/areas/1`, headers: ev.headers, payload: { expectedVersion: before.version, [field]: value } });
      assert.equal(res.statusCode, 200, `${field}: ${res.body}`);
      const area = (res.json() as Ev).areas.find((a) => a.number === 1);
      assert.ok(area);
      assert.deepEqual(area[field], value, `${field} changed`);
      const beforeArea = before.areas.find((a) => a.number === 1) ?? {};
      for (const other of Object.keys(FULL_AREA)) {
        if (other !== field) assert.deepEqual(area[other], (beforeArea as Record<string, unknown>)[other], `PUT area ${field} left ${other} alone`);
      }
      const after = res.json() as Ev;
      for (const fact of Object.keys(FULL_FACTS)) assert.deepEqual(after[fact], before[fact], `PUT area left ${fact} alone`);
    }
  });

  void test('PUT /api/frameworks/:id with one field changes only that field', async () => {
    const fw = (await t.app.inject({ url: '/api/frameworks/kk2020' })).json() as Record<string, unknown>;
    const id = `test-merge-${Date.now()}`;
    const created = await t.app.inject({ method: 'POST', url: '/api/frameworks', headers: admin.headers, payload: { ...fw, id, name: 'Testversion', origin: 'custom', about: 'Om metoden.', notes: 'Anteckning.', needsReview: true } });
    assert.equal(created.statusCode, 201, created.body);
    const res = await t.app.inject({ method: 'PUT', url: `/api/frameworks/${id}`, headers: admin.headers, payload: { notes: 'Ny anteckning.', expectedVersion: (created.json() as { version: number }).version } });
    assert.equal(res.statusCode, 200, res.body);
    const after = res.json() as Record<string, unknown>;
    assert.equal(after.notes, 'Ny anteckning.');
    assert.equal(after.about, 'Om metoden.');
    assert.equal(after.needsReview, true);
    assert.equal(after.name, 'Testversion');
    assert.deepEqual(after.areas, fw.areas);
  });

  void test('dates must exist in the calendar: 2026-02-30 → 400 with a Swedish field error, nothing changes', async () => {
    const before = await create();
    for (const [field, value] of [['reportDate', '2026-02-30'], ['periodStart', '2025-13-01'], ['periodEnd', '2026-04-31'], ['reportDate', '2026-2-3']] as const) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { expectedVersion: before.version, [field]: value } });
      const body = problem(res, 400);
      assert.ok(body.errors?.some((e) => e.path === `body.${field}`), `${field}=${value}: ${res.body}`);
      assertSwedish(body);
    }
    const leap = await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { expectedVersion: before.version, reportDate: '2024-02-29' } });
    assert.equal(leap.statusCode, 200, leap.body);
    assert.equal((leap.json() as Ev).version, before.version + 1, 'the refused writes did not bump the version');
  });

  void test('a client cannot claim an evaluation is imported or demo data (and so publish it on a total alone)', async () => {
    for (const kind of ['import', 'demo']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/evaluations',
        headers: ev.headers,
        payload: { municipalityCode: randomMunicipalityCode(), frameworkId: 'kk2020', year: 2024, statedTotal: 500, source: { kind } },
      });
      const body = problem(res, 400);
      assert.ok(body.errors?.some((e) => e.path === 'body.source.kind'), res.body);
      assertSwedish(body);
    }
    const manual = await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: ev.headers, payload: { municipalityCode: randomMunicipalityCode(), frameworkId: 'kk2020', year: 2024, source: { kind: 'manual' } } });
    assert.equal(manual.statusCode, 201, manual.body);
    assert.equal((manual.json() as { source: { kind: string } }).source.kind, 'manual');
  });

  void test('a period that ends before it starts is refused, on create and against the stored other end', async () => {
    const onCreate = await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: ev.headers, payload: { municipalityCode: randomMunicipalityCode(), frameworkId: 'kk2020', year: 2024, periodStart: '2024-05-01', periodEnd: '2024-04-01' } });
    assert.match(problem(onCreate, 400).detail, /Perioden slutar/);
    const before = await create();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { expectedVersion: before.version, periodStart: '2024-06-01' } });
    const body = problem(res, 400);
    assert.match(body.detail, /Perioden slutar \(2024-04-30\) innan den börjar \(2024-06-01\)/);
    const now = (await t.app.inject({ url: `/api/evaluations/${before.id}`, headers: ev.headers })).json() as Ev;
    assert.equal(now.version, before.version);
    assert.equal(now.periodStart, FULL_FACTS.periodStart);
  });

  void test('a NUL byte or a lone surrogate in any text field is a 400, never a 500', async () => {
    const before = await create();
    const facts: Array<[string, unknown]> = [
      ['summary', 'a\u0000b'],
      ['summary', 'x\ud800y'],
      ['keyFacts', [{ label: 'a\u0000', value: 'b' }]],
      ['keyFacts', [{ label: 'a', value: '\u0000' }]],
      ['evaluators', [{ name: 'N\u0000', organisation: '', isLead: true }]],
      ['evaluators', [{ name: 'N', organisation: '\u0000', isLead: true }]],
    ];
    for (const [field, value] of facts) {
      const body = problem(await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { expectedVersion: before.version, [field]: value } }), 400);
      assert.ok(body.errors?.some((e) => e.path.startsWith(`body.${field}`)), JSON.stringify(body));
    }
    const area: Array<[string, unknown]> = [
      ['summary', '\u0000'],
      ['narratives', { '1.1': 'a\u0000' }],
      ['strengths', ['\u0000']],
      ['improvements', ['ok', 'a\u0000']],
      ['goodExamples', [{ municipalityCode: null, name: 'a\u0000', subareaId: null, text: '' }]],
      ['goodExamples', [{ municipalityCode: null, name: 'a', subareaId: null, text: '\u0000' }]],
    ];
    for (const [field, value] of area) {
      problem(await t.app.inject({ method: 'PUT', url: `/api/evaluations/${before.id}/areas/1`, headers: ev.headers, payload: { expectedVersion: before.version, [field]: value } }), 400);
    }
    problem(await t.app.inject({ method: 'POST', url: `/api/evaluations/${before.id}/comments`, headers: ev.headers, payload: { body: 'hej\u0000' } }), 400);
    problem(await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'x@y.se', name: 'A\u0000', role: 'evaluator' } }), 400);
    const now = (await t.app.inject({ url: `/api/evaluations/${before.id}`, headers: ev.headers })).json() as Ev;
    assert.equal(now.version, before.version, 'nothing was written');
  });

  void test('a NUL byte in a query parameter is a 400', async () => {
    for (const url of ['/api/evaluations?framework=%00', '/api/good-examples?q=a%00', '/api/good-examples?framework=kk%00', '/api/municipalities?q=%00', '/api/frameworks/kk%00']) {
      problem(await t.app.inject({ url }), 400);
    }
  });

  void test('lengths and ranges are limited, with Swedish messages', async () => {
    const before = await create();
    const cases: Array<[string, unknown, RegExp]> = [
      ['month', 13, /högst 12/i],
      ['month', 0, /minst 1/i],
      ['interviews', -1, /minst 0/i],
      ['statedTotal', 801, /högst 800/i],
      ['year', 'tjugo', /ska vara ett tal/],
      ['summary', 'x'.repeat(100_001), /högst 100000 tecken/],
      ['keyFacts', [{ label: 'x'.repeat(201), value: '' }], /högst 200 tecken/],
      ['interviewsApprox', 'ja', /sant eller falskt/],
    ];
    for (const [field, value, message] of cases) {
      const body = problem(await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { expectedVersion: before.version, [field]: value } }), 400);
      assertSwedish(body);
      assert.match(JSON.stringify(body.errors), message, `${field}: ${JSON.stringify(body)}`);
    }
    const missing = problem(await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { summary: 'x' } }), 400);
    assert.match(JSON.stringify(missing.errors), /expectedVersion.*Värdet saknas/);
  });

  void test('field problems carry the code and limits of the schema issue; the web app words them in Swedish, English and Norwegian, never in the English of the library', async () => {
    const before = await create();
    await loadLang('en');
    await loadLang('nb');
    const cases: Array<[string, unknown, Record<Lang, string>]> = [
      ['month', 13, { sv: 'För stort: högst 12.', en: 'Must be at most 12.', nb: 'For stort: høyst 12.' }],
      ['expectedVersion', undefined, { sv: 'Värdet saknas.', en: 'The value is missing.', nb: 'Verdien mangler.' }],
      ['interviews', -1, { sv: 'För litet: minst 0.', en: 'Must be at least 0.', nb: 'For lite: minst 0.' }],
      ['year', 'tjugo', { sv: 'Fel typ: ska vara ett tal.', en: 'Wrong type: must be a number.', nb: 'Feil type: skal være et tall.' }],
      ['keyFacts', [{ label: 'x'.repeat(201), value: '' }], { sv: 'För lång: högst 200 tecken.', en: 'Too long: at most 200 characters.', nb: 'For lang: høyst 200 tegn.' }],
      ['reportDate', '2026-02-30', { sv: 'Datumet 2026-02-30 finns inte i kalendern.', en: 'The date 2026-02-30 does not exist.', nb: 'Datoen 2026-02-30 finnes ikke.' }],
      ['summary', 'hej\u0000', { sv: 'Texten innehåller ett NUL-tecken, som inte kan sparas.', en: 'The text contains a NUL character, which cannot be saved.', nb: 'Teksten inneholder et NUL-tegn, som ikke kan lagres.' }],
    ];
    for (const [field, value, want] of cases) {
      const body = problem(await t.app.inject({ method: 'PATCH', url: `/api/evaluations/${before.id}`, headers: ev.headers, payload: { expectedVersion: before.version, [field]: value } }), 400) as { errors?: Array<FieldProblem & { path: string }> };
      const first = body.errors?.find((e) => e.path.startsWith(`body.${field}`));
      assert.ok(first?.code, `${field}: the problem names its code: ${JSON.stringify(body)}`);
      assert.equal(JSON.stringify(body).includes('x'.repeat(201)), false, 'the input is not echoed');
      for (const lang of ['sv', 'en', 'nb'] as const) {
        const worded = wordProblem(first, (key, params) => translate(lang, key, params), lang);
        assert.equal(worded.text, want[lang], `${field} (${lang})`);
        assert.equal(worded.lang, undefined, `${field} (${lang}): worded in the interface language`);
        assert.doesNotMatch(worded.text, /expected|Invalid input|Too big|Too small/, 'no library English');
      }
    }
  });
});

void describe('authentication and cheap limits come before the body', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  void test('anonymous POST /api/evaluations with {} → 401, not a list of schema complaints', async () => {
    const body = problem(await t.app.inject({ method: 'POST', url: '/api/evaluations', payload: {} }), 401);
    assert.equal(body.errors, undefined);
  });

  void test('anonymous writes to protected routes get 401 whatever the body (invalid JSON, 1.8 MB deeply nested)', async () => {
    const deep = `${'['.repeat(900_000)}${']'.repeat(900_000)}`;
    for (const [method, url] of [['POST', '/api/evaluations'], ['PATCH', '/api/evaluations/00000000-0000-4000-8000-000000000000'], ['POST', '/api/users'], ['POST', '/api/frameworks']] as const) {
      problem(await t.app.inject({ method, url, payload: deep, headers: { 'content-type': 'application/json' } }), 401);
      problem(await t.app.inject({ method, url, payload: '{not json', headers: { 'content-type': 'application/json' } }), 401);
    }
  });

  void test('an anonymous body over the anonymous limit is refused with 413 on open routes', async () => {
    const big = JSON.stringify({ email: 'a@b.se', password: 'x'.repeat(ANONYMOUS_BODY_LIMIT) });
    problem(await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: big, headers: { 'content-type': 'application/json' } }), 413);
    // A normal sign-in attempt still gets its answer (401 for wrong credentials).
    problem(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ingen@example.se', password: 'fel' } }), 401);
  });

  void test('signed in with the wrong role: 403 before the body is validated', async () => {
    const muni = await signIn(t, 'municipality');
    const body = problem(await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: muni.headers, payload: {} }), 403);
    assert.equal(body.errors, undefined);
  });
});
