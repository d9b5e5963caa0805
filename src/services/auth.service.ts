/**
 * Sign-in and sessions. Passwords are verified with argon2id; a session is a random token in an
 * HttpOnly cookie whose sha256 is the stored id; each session has its own CSRF token.
 * Failed sign-ins are throttled by (account, address), by address and by account, with growing delays and
 * never a lock (rules and why: src/domain/throttle.ts); the counters live in the database, so every app
 * process sees the same ones. A wrong password, an unknown account and a disabled one get the same refusal.
 */
import { timingSafeEqual } from 'node:crypto';
import { verify } from 'argon2';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { LOGIN_REFUSED, normalizeEmail } from '../domain/auth.ts';
import { DomainError } from '../domain/errors.ts';
import { addressKey, THROTTLE_WINDOW_SECONDS, throttleDecision, throttledMessage, throttleKeys } from '../domain/throttle.ts';
import type { UserRow } from '../repositories/account.repository.ts';
import type { OidcConfig } from '../config.ts';
import type { OidcIdentity } from './oidc.service.ts';
import { hashPassword, randomToken, sha256, toPublicUser, viewerOf, type PublicUser, type UserService } from './user.service.ts';

export interface AuthSettings {
  /** How long a session lasts after sign-in. */
  sessionHours: number;
}

export const DEFAULT_AUTH: AuthSettings = { sessionHours: 12 };

export interface ActiveSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: PublicUser;
  viewer: Viewer;
}

export interface StartedSession extends ActiveSession {
  /** The secret that goes into the cookie; never stored. */
  token: string;
}

/** Fixed-time comparison of two strings (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createAuthService(deps: { users: Pick<UserService, 'signInWithOidc' | 'changePassword'>; repositories: Pick<Repositories, 'accounts' | 'signIns'>; settings?: Partial<AuthSettings> }) {
  const settings: AuthSettings = { ...DEFAULT_AUTH, ...deps.settings };
  const { accounts: repo, signIns } = deps.repositories;
  // A real hash to verify against when the account does not exist, so both cases take as long.
  let dummyHash: Promise<string> | null = null;
  const dummy = (): Promise<string> => (dummyHash ??= hashPassword(`dummy-${randomToken()}`));

  type Keys = ReturnType<typeof throttleKeys>;
  /** Reads the counters of a password attempt and refuses it (429 with Retry-After) while they say wait. */
  const refuseWhenThrottled = async (keys: Keys, now: Date) => {
    const counters = await signIns.readCounters([keys.pair, keys.address, keys.account]);
    const decision = throttleDecision({ pair: counters.get(keys.pair) ?? null, address: counters.get(keys.address) ?? null, account: counters.get(keys.account) ?? null }, now);
    if (!decision.allowed) throw new DomainError('rate_limited', throttledMessage(decision), [], { retryAfterSeconds: decision.retryAfterSeconds });
    return counters;
  };
  const countFailure = (keys: Keys, now: Date) =>
    signIns.countFailure([keys.pair, keys.address, keys.account], now, new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000));

  const service = {
    settings,

    /** Starts a session for a user who has proven who they are (password or single sign-on). */
    async startSession(user: UserRow): Promise<StartedSession> {
      const token = randomToken();
      const csrfToken = randomToken();
      const expiresAt = new Date(Date.now() + settings.sessionHours * 3_600_000);
      const id = sha256(token);
      await repo.insertSession({ id, userId: user.id, csrfToken, expiresAt });
      return { id, token, csrfToken, expiresAt, user: toPublicUser(user), viewer: viewerOf(user) };
    },

    async login({ email, password, address }: { email: string; password: string; address: string }): Promise<StartedSession> {
      const now = new Date();
      const normalized = normalizeEmail(email);
      const keys = throttleKeys(normalized, addressKey(address));
      // The throttle is checked before the (deliberately slow) password hash is computed.
      const counters = await refuseWhenThrottled(keys, now);
      const user = await repo.findByEmail(normalized);
      // Without an account (or a password) a dummy hash is verified, so both cases take as long.
      const stored = user?.passwordHash ?? null;
      const ok = (await verify(stored ?? (await dummy()), password).catch(() => false)) && stored !== null;
      if (!user || !ok || user.disabled) {
        await countFailure(keys, now);
        throw new DomainError('unauthorized', LOGIN_REFUSED);
      }
      // A correct sign-in is not counted, and it clears the counter of its own (account, address) pair.
      if (counters.has(keys.pair)) await signIns.clearCounter(keys.pair);
      if (Math.random() < 0.05) {
        await repo.deleteExpiredSessions(now);
        await signIns.deleteCountersBefore(new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000));
      }
      return service.startSession(user);
    },

    /**
     * Password sign-in as the browser sees it: a successful sign-in replaces the session this browser
     * had (`replacing`, session fixation); a failed one leaves it alone.
     */
    async signIn({ email, password, address, replacing }: { email: string; password: string; address: string; replacing?: string | undefined }): Promise<StartedSession> {
      const s = await service.login({ email, password, address });
      if (replacing) await service.logout({ sessionId: replacing });
      return s;
    },

    /** Single sign-on: the identity the provider vouched for becomes (or links to) an account and a new session. */
    async signInWithIdentity({ identity, config, replacing }: { identity: OidcIdentity; config: OidcConfig | null; replacing?: string | undefined }): Promise<StartedSession> {
      const user = await deps.users.signInWithOidc({ identity, config });
      if (replacing) await service.logout({ sessionId: replacing });
      return service.startSession(user);
    },

    /**
     * A signed-in user changes their own password. A wrong current password counts like a failed
     * sign-in of that account from that address (same counters, same delays), so a taken-over session
     * cannot be used to guess the password.
     */
    async changePassword({ viewer, session, currentPassword, newPassword, address }: { viewer: Viewer; session: ActiveSession | null; currentPassword: string; newPassword: string; address: string }): Promise<void> {
      if (!session) throw new DomainError('unauthorized', 'Du måste logga in för att byta lösenord.');
      const now = new Date();
      const keys = throttleKeys(normalizeEmail(session.user.email), addressKey(address));
      await refuseWhenThrottled(keys, now);
      await deps.users.changePassword({ viewer, sessionId: session.id, currentPassword, newPassword, onWrongPassword: () => countFailure(keys, now) });
    },

    async logout({ sessionId }: { sessionId: string }): Promise<void> {
      await repo.deleteSession(sessionId);
    },

    /** The session behind a cookie token, or null when the token is unknown, expired, or the user is disabled. */
    async resolveSession(token: string): Promise<ActiveSession | null> {
      if (!token || token.length > 200) return null;
      const found = await repo.findSession(sha256(token), new Date());
      if (!found || found.user.disabled) return null;
      return { id: found.session.id, csrfToken: found.session.csrfToken, expiresAt: found.session.expiresAt, user: toPublicUser(found.user), viewer: viewerOf(found.user) };
    },

  };
  return service;
}
export type AuthService = ReturnType<typeof createAuthService>;
