/**
 * OpenID Connect relying party (authorization code flow with PKCE), written with node:crypto only.
 * Discovery and the provider's keys (JWKS) are fetched from the configured issuer; the ID token must be
 * RS256-signed by one of those keys and name this issuer, this client, and the nonce of this sign-in.
 *
 * Pending sign-ins (state → nonce, PKCE verifier, app path to return to) live in this process's memory for 10 minutes and are
 * bound to the browser by a cookie holding the state; a deployment with several processes needs sticky sessions.
 */
import { createHash, createPublicKey, randomBytes, timingSafeEqual, verify as verifySignature, type JsonWebKey } from 'node:crypto';
import type { OidcConfig } from '../config.ts';
import { safeReturnPath } from '../domain/auth.ts';
import { DomainError } from '../domain/errors.ts';

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  claims: Record<string, unknown>;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

interface Pending {
  nonce: string;
  verifier: string;
  redirectUri: string;
  /** App path to return to after the callback (already checked by the caller). */
  returnTo: string;
  expires: number;
}

const PENDING_MS = 10 * 60_000;
const SKEW_S = 60;

const b64url = (buf: Buffer): string => buf.toString('base64url');
const refused = (why: string): DomainError => new DomainError('unauthorized', `Inloggningen via identitetstjänsten misslyckades: ${why}`);

function decodeSegment(segment: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}

/** Verifies an RS256 JWT against a key set and returns its claims (no claim checks). */
export function verifyRs256(jwt: string, keys: readonly JsonWebKey[]): Record<string, unknown> {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw refused('ID-token har fel format.');
  const [h = '', p = '', s = ''] = parts;
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeSegment(h);
    claims = decodeSegment(p);
  } catch {
    throw refused('ID-token går inte att läsa.');
  }
  if (header.alg !== 'RS256') throw refused(`ID-token är signerad med ${String(header.alg)}; bara RS256 godtas.`);
  const candidates = keys.filter((k) => k.kty === 'RSA' && (header.kid === undefined || k.kid === header.kid) && (k.use === undefined || k.use === 'sig'));
  for (const jwk of candidates) {
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    if (verifySignature('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) return claims;
  }
  throw refused('ID-token har ingen giltig signatur.');
}

/** Checks issuer, audience, time and nonce of ID token claims. */
export function checkIdTokenClaims(claims: Record<string, unknown>, expected: { issuer: string; clientId: string; nonce: string; now: number }): void {
  if (claims.iss !== expected.issuer) throw refused('ID-token kommer från fel utfärdare.');
  const aud = claims.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expected.clientId)) throw refused('ID-token är inte utfärdad för kompass.');
  if (audiences.length > 1 && claims.azp !== expected.clientId) throw refused('ID-token är utfärdad för en annan klient.');
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  if (exp + SKEW_S < expected.now) throw refused('ID-token har gått ut.');
  if (typeof claims.iat === 'number' && claims.iat - SKEW_S > expected.now) throw refused('ID-token är utfärdad i framtiden.');
  if (typeof claims.nonce !== 'string' || claims.nonce.length !== expected.nonce.length || !timingSafeEqual(Buffer.from(claims.nonce), Buffer.from(expected.nonce))) {
    throw refused('ID-token hör inte till den här inloggningen (nonce).');
  }
  if (typeof claims.sub !== 'string' || !claims.sub) throw refused('ID-token saknar sub.');
}

export function createOidcClient(config: OidcConfig, deps: { fetch?: typeof fetch; now?: () => number } = {}) {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? (() => Date.now());
  const pending = new Map<string, Pending>();
  let discovery: Promise<Discovery> | null = null;
  let keys: { list: JsonWebKey[]; at: number } | null = null;

  const getJson = async (url: string, init?: RequestInit): Promise<Record<string, unknown>> => {
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch {
      throw refused('identitetstjänsten svarar inte.');
    }
    if (!res.ok) throw refused(`identitetstjänsten svarade ${res.status}.`);
    const body: unknown = await res.json().catch(() => null);
    if (!body || typeof body !== 'object') throw refused('identitetstjänsten gav ett oläsligt svar.');
    return body as Record<string, unknown>;
  };

  const discover = (): Promise<Discovery> => {
    discovery ??= (async () => {
      const d = await getJson(`${config.issuer}/.well-known/openid-configuration`);
      const s = (k: string): string => {
        const v = d[k];
        if (typeof v !== 'string' || !v) throw refused(`discovery saknar ${k}.`);
        return v;
      };
      const doc = { issuer: s('issuer'), authorization_endpoint: s('authorization_endpoint'), token_endpoint: s('token_endpoint'), jwks_uri: s('jwks_uri') };
      if (doc.issuer.replace(/\/+$/, '') !== config.issuer) throw refused('discovery anger en annan utfärdare än den konfigurerade.');
      return doc;
    })().catch((e: unknown) => {
      discovery = null;
      throw e;
    });
    return discovery;
  };

  const jwks = async (force: boolean): Promise<JsonWebKey[]> => {
    if (!keys || force || now() - keys.at > 3_600_000) {
      const d = await discover();
      const set = await getJson(d.jwks_uri);
      keys = { list: Array.isArray(set.keys) ? (set.keys as JsonWebKey[]) : [], at: now() };
    }
    return keys.list;
  };

  return {
    /**
     * The provider's sign-in URL and the cookie value that binds the answer to this browser.
     * `returnTo` (an app path, or `/` when it is not one) is kept with the pending sign-in and given back by finishLogin.
     */
    async startLogin({ redirectUri, returnTo }: { redirectUri: string; returnTo?: string }): Promise<{ url: string; cookie: string }> {
      const d = await discover();
      const t = now();
      for (const [k, v] of pending) if (v.expires < t) pending.delete(k);
      if (pending.size > 10_000) throw new DomainError('rate_limited', 'För många pågående inloggningar. Försök igen om en stund.');
      const state = b64url(randomBytes(24));
      const nonce = b64url(randomBytes(24));
      const verifier = b64url(randomBytes(32));
      pending.set(state, { nonce, verifier, redirectUri, returnTo: safeReturnPath(returnTo), expires: t + PENDING_MS });
      const url = new URL(d.authorization_endpoint);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', config.scopes);
      url.searchParams.set('state', state);
      url.searchParams.set('nonce', nonce);
      url.searchParams.set('code_challenge', b64url(createHash('sha256').update(verifier).digest()));
      url.searchParams.set('code_challenge_method', 'S256');
      return { url: url.toString(), cookie: state };
    },

    /** Exchanges the code, verifies the ID token and returns who signed in, and the app path to return to. */
    async finishLogin({ code, state, cookie, redirectUri }: { code: string; state: string; cookie: string; redirectUri: string }): Promise<{ identity: OidcIdentity; returnTo: string }> {
      const p = pending.get(state);
      if (!p || p.expires < now() || cookie.length !== state.length || !timingSafeEqual(Buffer.from(cookie), Buffer.from(state)) || p.redirectUri !== redirectUri) {
        throw refused('inloggningen är okänd eller för gammal; börja om.');
      }
      pending.delete(state);
      const d = await discover();
      const basic = Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`).toString('base64');
      const tokens = await getJson(d.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}`, accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: p.verifier }).toString(),
      });
      if (typeof tokens.id_token !== 'string') throw refused('svaret saknar id_token.');
      let claims: Record<string, unknown>;
      try {
        claims = verifyRs256(tokens.id_token, await jwks(false));
      } catch {
        // The provider may have rotated its keys: fetch them once more.
        claims = verifyRs256(tokens.id_token, await jwks(true));
      }
      checkIdTokenClaims(claims, { issuer: d.issuer, clientId: config.clientId, nonce: p.nonce, now: Math.floor(now() / 1000) });
      const identity: OidcIdentity = {
        issuer: d.issuer,
        subject: String(claims.sub),
        email: typeof claims.email === 'string' ? claims.email : null,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === 'string' ? claims.name : null,
        claims,
      };
      return { identity, returnTo: p.returnTo };
    },
  };
}
export type OidcClient = ReturnType<typeof createOidcClient>;
