/**
 * Single sign-on against a minimal OpenID Connect provider started by the test (node:http, RS256 with
 * node:crypto): discovery, authorization (auto-consent), token endpoint with PKCE and client secret, JWKS.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createAccountRepository } from '../../src/repositories/account.repository.ts';

interface Grant {
  nonce: string;
  challenge: string;
  redirectUri: string;
  claims: Record<string, unknown>;
}

type Mode = 'ok' | 'bad-signature' | 'alg-none' | 'wrong-audience' | 'other-key';

function startProvider() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const grants = new Map<string, Grant>();
  const state: { mode: Mode; next: Record<string, unknown>; tokenCalls: number } = { mode: 'ok', next: {}, tokenCalls: 0 };
  let issuer = '';
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const jwt = (claims: Record<string, unknown>, key: KeyObject, alg = 'RS256') => {
    const head = b64({ alg, typ: 'JWT', kid: 'k1' });
    const body = b64(claims);
    const sig = alg === 'none' ? '' : sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url');
    return `${head}.${body}.${sig}`;
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('client_id') !== 'kompass' || p.get('code_challenge_method') !== 'S256' || p.get('response_type') !== 'code') return json(400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      grants.set(code, { nonce: p.get('nonce') ?? '', challenge: p.get('code_challenge') ?? '', redirectUri: p.get('redirect_uri') ?? '', claims: state.next });
      const back = new URL(p.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        state.tokenCalls += 1;
        const form = new URLSearchParams(raw);
        const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        if (auth !== 'kompass:hemlig-klient') return json(401, { error: 'invalid_client' });
        const grant = grants.get(form.get('code') ?? '');
        grants.delete(form.get('code') ?? '');
        if (!grant || grant.redirectUri !== form.get('redirect_uri')) return json(400, { error: 'invalid_grant' });
        const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
        if (challenge !== grant.challenge) return json(400, { error: 'invalid_grant', error_description: 'PKCE' });
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: issuer, aud: state.mode === 'wrong-audience' ? 'someone-else' : 'kompass', iat: now, exp: now + 300, nonce: grant.nonce, ...grant.claims };
        let idToken = jwt(claims, state.mode === 'other-key' ? other : privateKey, state.mode === 'alg-none' ? 'none' : 'RS256');
        if (state.mode === 'bad-signature') idToken = idToken.replace(/\.[^.]+$/, `.${jwt({ ...claims, sub: 'someone' }, privateKey).split('.')[2] ?? ''}`);
        return json(200, { access_token: 'at', token_type: 'Bearer', id_token: idToken });
      });
      return undefined;
    }
    return json(404, { error: 'not_found' });
  });
  return {
    state,
    async listen(): Promise<string> {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return issuer;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

void describe('single sign-on with OpenID Connect (local test provider)', () => {
  const provider = startProvider();
  let t: TestApp;
  before(async () => {
    const issuer = await provider.listen();
    t = await createTestApp({
      env: {
        KOMPASS_OIDC_ISSUER: issuer,
        KOMPASS_OIDC_CLIENT_ID: 'kompass',
        KOMPASS_OIDC_CLIENT_SECRET: 'hemlig-klient',
        KOMPASS_OIDC_ROLE_CLAIM: 'groups',
        KOMPASS_OIDC_ROLE_MAP: 'kompass-admin=admin,kompass-utv=evaluator,kommun=municipality',
      },
    });
  });
  after(async () => {
    await t.close();
    await provider.close();
  });

  /** Plays the browser: start at kompass, let the provider redirect back, return the callback answer. */
  const signInVia = async (claims: Record<string, unknown>, mode: Mode = 'ok', tamper?: (callback: URL) => void, startUrl = '/api/auth/oidc/login') => {
    provider.state.mode = mode;
    provider.state.next = claims;
    const start = await t.app.inject({ url: startUrl });
    assert.equal(start.statusCode, 302, start.body);
    const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
    assert.match(String(start.headers['set-cookie']), /HttpOnly/);
    const authorize = await fetch(String(start.headers.location), { redirect: 'manual' });
    assert.equal(authorize.status, 302);
    const callback = new URL(authorize.headers.get('location') ?? '');
    tamper?.(callback);
    return t.app.inject({ url: `${callback.pathname}${callback.search}`, headers: { cookie } });
  };

  const sessionOf = (res: { headers: Record<string, unknown> }): string => {
    const set = res.headers['set-cookie'];
    const all = (Array.isArray(set) ? set : [set]).map((c) => String(c ?? ''));
    return all.find((c) => c.startsWith('kompass_session='))?.split(';')[0] ?? '';
  };

  void test('me advertises single sign-on', async () => {
    const me = (await t.app.inject({ url: '/api/auth/me' })).json() as { sso: { enabled: boolean; loginUrl: string } };
    assert.deepEqual(me.sso.enabled, true);
    assert.equal(me.sso.loginUrl, '/api/auth/oidc/login');
  });

  void test('a verified ID token with a mapped group signs in, creating the account with that role', async () => {
    const res = await signInVia({ sub: 'u-100', email: 'Sara.SSO@kommun.se', email_verified: true, name: 'Sara SSO', groups: ['alla', 'kompass-utv'] });
    assert.equal(res.statusCode, 302, res.body);
    assert.equal(res.headers.location, '/');
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: sessionOf(res) } })).json() as { user: { email: string; role: string; name: string } };
    assert.deepEqual([me.user.email, me.user.role, me.user.name], ['sara.sso@kommun.se', 'evaluator', 'Sara SSO']);
    // The next sign-in finds the same account by subject, and the provider's groups decide the role.
    const again = await signInVia({ sub: 'u-100', email: 'sara.sso@kommun.se', email_verified: true, groups: 'kompass-admin' });
    const me2 = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: sessionOf(again) } })).json() as { user: { id: string; role: string } };
    assert.equal(me2.user.role, 'admin');
    const history = await t.services.audit.listEntries({ entity: 'user', entityId: me2.user.id });
    assert.deepEqual(history.map((h) => h.action), ['update', 'create']);
  });

  void test('the callback returns to the app path given as next, kept with the pending sign-in', async () => {
    const target = '/utvarderingar/abc/redigera?flik=fakta#poang';
    const res = await signInVia({ sub: 'u-150', email: 'next@kommun.se', email_verified: true, groups: ['kompass-utv'] }, 'ok', undefined, `/api/auth/oidc/login?next=${encodeURIComponent(target)}`);
    assert.equal(res.statusCode, 302, res.body);
    assert.equal(res.headers.location, target);
    assert.notEqual(sessionOf(res), '');
    // The target travels in the server's pending state, not in anything the provider or browser can change.
    const start = await t.app.inject({ url: `/api/auth/oidc/login?next=${encodeURIComponent(target)}` });
    assert.doesNotMatch(String(start.headers.location), /redigera/);
  });

  void test('a target outside the app is refused: the callback falls back to /', async () => {
    for (const next of ['//evil.example', '//evil.example/x', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)', 'kommuner']) {
      const res = await signInVia({ sub: 'u-160', email: 'evil@kommun.se', email_verified: true, groups: ['kompass-utv'] }, 'ok', undefined, `/api/auth/oidc/login?next=${encodeURIComponent(next)}`);
      assert.equal(res.statusCode, 302, `${next}: ${res.body}`);
      assert.equal(res.headers.location, '/', next);
    }
  });

  void test('municipality users get their municipality from a claim', async () => {
    const res = await signInVia({ sub: 'u-200', email: 'kvalitet@burlov.se', email_verified: true, groups: ['kommun'], municipality_code: '1231' });
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: sessionOf(res) } })).json() as { user: { role: string; municipalityCode: string } };
    assert.deepEqual([me.user.role, me.user.municipalityCode], ['municipality', '1231']);
    const none = await signInVia({ sub: 'u-201', email: 'x@burlov.se', email_verified: true, groups: ['kommun'] });
    assert.equal(none.statusCode, 403);
  });

  void test('no mapped role → 403 and no account', async () => {
    const res = await signInVia({ sub: 'u-300', email: 'ingen.roll@kommun.se', email_verified: true, groups: ['anställd'] });
    assert.equal(res.statusCode, 403);
    assert.match(res.json().detail, /ingen roll i kompass/);
    assert.equal(await createAccountRepository(t.services.db).findByEmail('ingen.roll@kommun.se'), undefined);
  });

  void test('forged, unsigned, foreign-key or wrong-audience tokens are refused', async () => {
    for (const mode of ['bad-signature', 'alg-none', 'other-key', 'wrong-audience'] as const) {
      const res = await signInVia({ sub: `u-${mode}`, email: `${mode}@kommun.se`, email_verified: true, groups: ['kompass-admin'] }, mode);
      assert.equal(res.statusCode, 401, `${mode}: ${res.body}`);
      assert.equal(sessionOf(res), '', `${mode} must not start a session`);
    }
  });

  void test('a state that does not match the browser cookie, or is replayed, is refused', async () => {
    const forged = await signInVia({ sub: 'u-400', email: 'a@kommun.se', email_verified: true, groups: ['kompass-utv'] }, 'ok', (cb) => cb.searchParams.set('state', 'forged-state-value-000000000000'));
    assert.equal(forged.statusCode, 401);
    provider.state.next = { sub: 'u-401', email: 'b@kommun.se', email_verified: true, groups: ['kompass-utv'] };
    const start = await t.app.inject({ url: '/api/auth/oidc/login' });
    const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
    const cb = new URL((await fetch(String(start.headers.location), { redirect: 'manual' })).headers.get('location') ?? '');
    assert.equal((await t.app.inject({ url: `${cb.pathname}${cb.search}`, headers: { cookie } })).statusCode, 302);
    assert.equal((await t.app.inject({ url: `${cb.pathname}${cb.search}`, headers: { cookie } })).statusCode, 401, 'replay');
  });
});
