import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser, createTestApp, signIn, TEST_PASSWORD, type TestApp } from '../helpers/app.ts';

void describe('sign-in, sessions, CSRF and security headers over HTTP', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  void test('login sets an HttpOnly SameSite=Lax cookie; me says who; logout ends the session', async () => {
    const anon = (await t.app.inject({ url: '/api/auth/me' })).json() as { user: unknown; csrfToken: unknown; csrfHeader: string };
    assert.deepEqual([anon.user, anon.csrfToken, anon.csrfHeader], [null, null, 'x-csrf-token']);
    const u = await buildUser(t.services, 'municipality');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email.toUpperCase(), password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^kompass_session=[\w-]{40,};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, 'plain HTTP in tests: not Secure');
    const session = cookie.split(';')[0] ?? '';
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).json() as { user: { email: string; role: string; municipalityCode: string }; csrfToken: string };
    assert.deepEqual([me.user.email, me.user.role, me.user.municipalityCode], [u.email, 'municipality', '1231']);
    assert.equal(me.csrfToken, res.json().csrfToken);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session } })).statusCode, 403, 'logout needs the CSRF token');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session, 'x-csrf-token': me.csrfToken } });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /kompass_session=;/);
    assert.equal((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).json().user, null);
  });

  void test('the cookie is Secure behind TLS (trusted proxy), and HSTS is sent only then', async () => {
    const tls = await createTestApp({ env: { KOMPASS_TRUST_PROXY: 'true' } });
    try {
      const u = await buildUser(tls.services, 'evaluator');
      const res = await tls.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { email: u.email, password: TEST_PASSWORD } });
      assert.match(String(res.headers['set-cookie']), /; Secure/);
      assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
      assert.equal((await tls.app.inject({ url: '/api/health' })).headers['strict-transport-security'], undefined);
    } finally {
      await tls.close();
    }
  });

  void test('a wrong password and an unknown account get the same 401; messages are Swedish', async () => {
    const u = await buildUser(t.services, 'evaluator');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'fel-lösenord-000' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'finns.inte@test.kompass.se', password: 'fel-lösenord-000' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().detail, unknown.json().detail);
    assert.match(wrong.json().detail, /E-postadressen eller lösenordet är fel/);
  });

  void test('CSRF: a signed-in write needs the token; cross-site requests are refused even with it', async () => {
    const ev = await signIn(t, 'evaluator');
    const body = { municipalityCode: '1980', frameworkId: 'kk2020', year: 2025 };
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: { cookie: ev.cookie }, payload: body })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: { ...ev.headers, origin: 'https://evil.example' }, payload: body })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: { ...ev.headers, 'sec-fetch-site': 'cross-site' }, payload: body })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: { ...ev.headers, origin: 'http://localhost:80' }, payload: body })).statusCode, 201);
  });

  void test('password reset by an admin-issued one-time link', async () => {
    const admin = await signIn(t, 'admin');
    const u = await buildUser(t.services, 'evaluator');
    const issued = await t.app.inject({ method: 'POST', url: `/api/users/${u.id}/password-reset`, headers: admin.headers });
    assert.equal(issued.statusCode, 201, issued.body);
    const token = new URL(issued.json().url as string).hash.replace('#token=', '');
    const reset = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password: 'mitt-nya-lösenord-1' } });
    assert.equal(reset.statusCode, 204, reset.body);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password: 'mitt-nya-lösenord-2' } })).statusCode, 400);
    await signIn(t, { email: u.email, password: 'mitt-nya-lösenord-1' });
  });

  void test('security headers: CSP without inline scripts, no framing; no internals in errors; request size limits', async () => {
    const res = await t.app.inject({ url: '/api/evaluations' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp.split(';').find((d) => d.startsWith('script-src')) ?? '', /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a@b.se', password: 'x'.repeat(20_000) }) });
    assert.equal(big.statusCode, 413);
    // An anonymous body to a protected route is refused before it is read (401); signed in, the size limit answers.
    const anonymousHuge = await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ summary: 'x'.repeat(3 * 1024 * 1024) }) });
    assert.equal(anonymousHuge.statusCode, 401);
    const ev = await signIn(t, 'evaluator');
    const huge = await t.app.inject({ method: 'POST', url: '/api/evaluations', headers: { ...ev.headers, 'content-type': 'application/json' }, payload: JSON.stringify({ summary: 'x'.repeat(3 * 1024 * 1024) }) });
    assert.equal(huge.statusCode, 413);
    for (const r of [big, anonymousHuge, huge]) assert.doesNotMatch(r.body, /at .*\.(ts|js):\d+|stack|node_modules/);
  });
});
