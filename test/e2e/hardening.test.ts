/**
 * Sessions, throttling, proxies, caching and versions over HTTP.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SYSTEM } from '../../src/domain/access.ts';
import { buildUser, createTestApp, signIn, TEST_PASSWORD, type TestApp } from '../helpers/app.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';

void describe('hardening of sign-in, caching and versions over HTTP', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  const login = (app: TestApp, email: string, password: string, headers: Record<string, string> = {}) => app.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } });

  void test('a password change in one session signs the other sessions out', async () => {
    const u = await buildUser(t.services, 'municipality');
    const one = await signIn(t, { email: u.email, password: u.password });
    const two = await signIn(t, { email: u.email, password: u.password });
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: one.headers, payload: { currentPassword: u.password, newPassword: 'ett-nytt-losenord-7' } });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await t.app.inject({ url: '/api/auth/me', headers: { cookie: two.cookie } })).json().user, null);
    assert.equal((await t.app.inject({ url: '/api/auth/me', headers: { cookie: one.cookie } })).json().user.email, u.email);
  });

  void test('guessing the current password in a signed-in session is throttled like sign-in', async () => {
    const u = await buildUser(t.services, 'evaluator');
    const session = await signIn(t, { email: u.email, password: u.password });
    const change = (currentPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: session.headers, payload: { currentPassword, newPassword: 'ett-nytt-losenord-7' } });
    for (let i = 0; i < 5; i += 1) assert.equal((await change('fel-lösenord-000')).statusCode, 400);
    const held = await change(u.password);
    assert.equal(held.statusCode, 429, held.body);
    assert.match(String(held.headers['retry-after']), /^[1-9]\d*$/);
    // The guesses count for sign-in from the same address too.
    assert.equal((await login(t, u.email, 'ett-nytt-losenord-7')).statusCode, 429);
  });

  void test('429 with Retry-After after 5 wrong passwords; correct sign-ins are not counted', async () => {
    const u = await buildUser(t.services, 'evaluator');
    for (let i = 0; i < 8; i += 1) assert.equal((await login(t, u.email, TEST_PASSWORD)).statusCode, 200);
    for (let i = 0; i < 5; i += 1) assert.equal((await login(t, u.email, 'fel-lösenord-000')).statusCode, 401);
    const held = await login(t, u.email, TEST_PASSWORD);
    assert.equal(held.statusCode, 429);
    assert.match(String(held.headers['retry-after']), /^[1-9]\d*$/);
    assert.match(held.json().detail, /Vänta \d+ sekunder/);
  });

  void test('X-Forwarded-For is ignored without a trusted proxy', async () => {
    const u = await buildUser(t.services, 'evaluator');
    for (let i = 0; i < 5; i += 1) assert.equal((await login(t, u.email, 'fel-lösenord-000', { 'x-forwarded-for': `198.51.100.${i}` })).statusCode, 401);
    assert.equal((await login(t, u.email, TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.99' })).statusCode, 429, 'a new X-Forwarded-For per attempt does not help');
  });

  void test('with one trusted hop the client cannot pick its address by adding X-Forwarded-For values', async () => {
    const proxied = await createTestApp({ env: { KOMPASS_TRUST_PROXY: '1' } });
    try {
      const u = await buildUser(proxied.services, 'evaluator');
      // The proxy appends the real client (203.0.113.5); what the client sent in front of it is not believed.
      for (let i = 0; i < 5; i += 1) assert.equal((await login(proxied, u.email, 'fel-lösenord-000', { 'x-forwarded-for': `10.0.0.${i}, 203.0.113.5` })).statusCode, 401);
      assert.equal((await login(proxied, u.email, TEST_PASSWORD, { 'x-forwarded-for': '10.0.0.99, 203.0.113.5' })).statusCode, 429);
      // Another real client (the owner) is not held back.
      assert.equal((await login(proxied, u.email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.77' })).statusCode, 200);
    } finally {
      await proxied.close();
    }
  });

  void test('viewer-dependent answers are private with Vary: Cookie; only anonymous published reports are public', async () => {
    const ev = await signIn(t, 'evaluator');
    const list = await t.app.inject({ url: '/api/evaluations', headers: { cookie: ev.cookie } });
    assert.equal(list.headers['cache-control'], 'private, no-store');
    assert.match(String(list.headers.vary), /Cookie/);
    const published = await buildEvaluation(t.services, { status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.5) });
    const anon = await t.app.inject({ url: `/api/evaluations/${published.id}/report.docx` });
    assert.equal(anon.statusCode, 200);
    assert.equal(anon.headers['cache-control'], 'public, max-age=300');
    assert.match(String(anon.headers.vary), /Cookie/);
    const signed = await t.app.inject({ url: `/api/evaluations/${published.id}/report.docx`, headers: { cookie: ev.cookie } });
    assert.equal(signed.headers['cache-control'], 'private, no-cache');
    assert.match(String(signed.headers.vary), /Cookie/);
  });

  void test('a stale user or framework write gets 409 with the current copy', async () => {
    const admin = await signIn(t, 'admin');
    const u = await buildUser(t.services, 'evaluator');
    const first = await t.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: admin.headers, payload: { expectedVersion: u.version, name: 'Nytt namn' } });
    assert.equal(first.statusCode, 200, first.body);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: admin.headers, payload: { expectedVersion: u.version, disabled: true } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().current.name, 'Nytt namn');
    assert.equal((await t.services.users.getUser({ id: u.id, viewer: SYSTEM })).disabled, false);
    const fw = (await t.app.inject({ url: '/api/frameworks/kk2010' })).json() as { version: number };
    assert.equal((await t.app.inject({ method: 'PUT', url: '/api/frameworks/kk2010', headers: admin.headers, payload: { notes: 'Ett', expectedVersion: fw.version } })).statusCode, 200);
    const old = await t.app.inject({ method: 'PUT', url: '/api/frameworks/kk2010', headers: admin.headers, payload: { notes: 'Två', expectedVersion: fw.version } });
    assert.equal(old.statusCode, 409);
    assert.equal(old.json().current.notes, 'Ett');
  });
});
