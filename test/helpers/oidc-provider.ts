/**
 * A minimal OpenID Connect provider for tests (node:http, RS256 with node:crypto): discovery,
 * authorization (auto-consent), token endpoint with PKCE and client secret (HTTP Basic), JWKS.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

interface Grant {
  nonce: string;
  challenge: string;
  redirectUri: string;
  claims: Record<string, unknown>;
}

export type Mode = 'ok' | 'bad-signature' | 'alg-none' | 'wrong-audience' | 'other-key';

export function startProvider() {
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
        // RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding, so decode each.
        const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        const [id = '', secret = ''] = basic.split(':').map((p) => decodeURIComponent(p.replaceAll('+', ' ')));
        if (id !== 'kompass' || secret !== 'hemlig-klient') return json(401, { error: 'invalid_client' });
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

