/**
 * OpenID Connect relying party (authorization code flow with PKCE and nonce) on `openid-client`:
 * discovery, the token request (client secret by HTTP Basic), and the ID token's signature (RS256 by the
 * provider's JWKS, with non-repudiation checks on), issuer, audience, time and nonce are all checked by
 * that library.
 *
 * Pending sign-ins (state → nonce, PKCE verifier, redirect URI, app path to return to) are stored in the
 * database for 10 minutes, so the callback may reach any app process behind a load balancer. The browser
 * holds the state in an HttpOnly cookie; the database keeps only its sha256. Each pending sign-in can be
 * finished once (it is deleted as it is read).
 */
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import type { Repositories } from '../repositories/index.ts';
import { safeReturnPath } from '../domain/auth.ts';
import { DomainError } from '../domain/errors.ts';
import { sha256 } from './user.service.ts';

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  claims: Record<string, unknown>;
}

const PENDING_MS = 10 * 60_000;
/** More pending sign-ins than this (over all processes) and new ones are refused for a while. */
const MAX_PENDING = 10_000;

const refused = (why: string): DomainError => new DomainError('unauthorized', `Inloggningen via identitetstjänsten misslyckades: ${why}`);

/** Plain HTTP is accepted only for a provider on this machine (development and tests). */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Why openid-client refused, in words for people (its messages are English and technical). */
function describe(e: unknown): string {
  if (e instanceof DomainError) return e.message;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const message = e instanceof Error ? e.message : '';
  if (/fetch failed|ECONNREFUSED|timed? ?out|abort/i.test(`${message} ${code}`)) return 'identitetstjänsten svarar inte.';
  if (/signature/i.test(message)) return 'ID-token har ingen giltig signatur.';
  if (/"aud"|audience|azp/i.test(message)) return 'ID-token är inte utfärdad för kompass.';
  if (/"iss"|issuer/i.test(message)) return 'ID-token kommer från fel utfärdare.';
  if (/nonce/i.test(message)) return 'ID-token hör inte till den här inloggningen (nonce).';
  if (/"exp"|expired|timestamp/i.test(message)) return 'ID-token har gått ut.';
  if (/alg/i.test(message)) return 'ID-token är signerad med en algoritm som inte godtas.';
  if (code === 'OAUTH_RESPONSE_BODY_ERROR' || /invalid_grant|invalid_client/i.test(message)) return 'identitetstjänsten godtog inte inloggningskoden.';
  return 'svaret från identitetstjänsten kunde inte verifieras.';
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createOidcService(deps: { repositories: Pick<Repositories, 'signIns'>; now?: () => number }) {
  const repo = deps.repositories.signIns;
  const now = deps.now ?? (() => Date.now());
  const configurations = new Map<string, Promise<client.Configuration>>();

  /** Discovery, once per issuer and client (retried after a failure). */
  const configuration = (config: OidcConfig): Promise<client.Configuration> => {
    const key = `${config.issuer} ${config.clientId}`;
    let found = configurations.get(key);
    if (!found) {
      found = client
        .discovery(new URL(config.issuer), config.clientId, { id_token_signed_response_alg: 'RS256' }, client.ClientSecretBasic(config.clientSecret), {
          timeout: 10,
          // The ID token's signature is checked against the provider's JWKS as well (by default the library
          // trusts the TLS channel of the token response alone); plain HTTP only for a provider on loopback.
          execute: isLoopbackUrl(config.issuer) ? [client.enableNonRepudiationChecks, client.allowInsecureRequests] : [client.enableNonRepudiationChecks],
        })
        .catch((e: unknown) => {
          configurations.delete(key);
          throw refused(describe(e));
        });
      configurations.set(key, found);
    }
    return found;
  };

  return {
    /**
     * The provider's sign-in URL and the state for the browser's cookie. `returnTo` (an app path, or `/`
     * when it is not one) is kept with the pending sign-in and given back by finishLogin.
     */
    async startLogin({ config, redirectUri: given, returnTo }: { config: OidcConfig; redirectUri: string; returnTo?: string }): Promise<{ url: string; state: string }> {
      // The same spelling in the authorization and the token request (URL drops a default port like :80).
      const redirectUri = new URL(given).href;
      const c = await configuration(config);
      const at = new Date(now());
      if (Math.random() < 0.05) await repo.deleteExpiredPending(at);
      if ((await repo.countPending(at)) >= MAX_PENDING) throw new DomainError('rate_limited', 'För många pågående inloggningar. Försök igen om en stund.', [], { retryAfterSeconds: 60 });
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await repo.insertPending({ stateHash: sha256(state), nonce, codeVerifier, redirectUri, returnTo: safeReturnPath(returnTo), expiresAt: new Date(at.getTime() + PENDING_MS) });
      const url = client.buildAuthorizationUrl(c, {
        redirect_uri: redirectUri,
        scope: config.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.toString(), state };
    },

    /**
     * Finishes a sign-in: the state must be the one in the browser's cookie and still pending; the code is
     * exchanged and the ID token verified. Returns who signed in and the app path to return to.
     */
    async finishLogin({ config, callbackQuery, cookie, redirectUri: given }: { config: OidcConfig; callbackQuery: Record<string, string>; cookie: string; redirectUri: string }): Promise<{ identity: OidcIdentity; returnTo: string }> {
      const redirectUri = new URL(given).href;
      const state = callbackQuery.state ?? '';
      if (!state || !sameString(cookie, state)) throw refused('inloggningen är okänd eller för gammal; börja om.');
      const pending = await repo.takePending(sha256(state), new Date(now()));
      if (!pending || pending.redirectUri !== redirectUri) throw refused('inloggningen är okänd eller för gammal; börja om.');
      const c = await configuration(config);
      const callback = new URL(redirectUri);
      for (const [k, v] of Object.entries(callbackQuery)) callback.searchParams.set(k, v);
      let claims: Record<string, unknown>;
      try {
        const tokens = await client.authorizationCodeGrant(c, callback, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
        claims = { ...(tokens.claims() ?? {}) };
      } catch (e) {
        throw refused(describe(e));
      }
      if (typeof claims.sub !== 'string' || !claims.sub) throw refused('ID-token saknar sub.');
      const identity: OidcIdentity = {
        issuer: c.serverMetadata().issuer,
        subject: claims.sub,
        email: typeof claims.email === 'string' ? claims.email : null,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === 'string' ? claims.name : null,
        claims,
      };
      return { identity, returnTo: pending.returnTo };
    },
  };
}
export type OidcService = ReturnType<typeof createOidcService>;
