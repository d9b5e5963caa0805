/**
 * Sign-in and sessions. Passwords are verified with argon2id; a session is a random token in an
 * HttpOnly cookie whose sha256 is the stored id; each session has its own CSRF token.
 * Failed sign-ins lock the account for a while (stored), and each client address has a budget of
 * attempts (in memory); every refusal has the same message whether or not the account exists.
 */
import { timingSafeEqual } from 'node:crypto';
import { verify } from 'argon2';
import type { Db } from '../db/client.ts';
import type { Viewer } from '../domain/access.ts';
import { afterFailedLogin, isLocked, LOGIN_REFUSED, normalizeEmail } from '../domain/auth.ts';
import { DomainError } from '../domain/errors.ts';
import { createAccountRepository, type UserRow } from '../repositories/account.repository.ts';
import type { OidcConfig } from '../config.ts';
import type { OidcIdentity } from './oidc.service.ts';
import { hashPassword, randomToken, sha256, toPublicUser, viewerOf, type PublicUser, type UserService } from './user.service.ts';

export interface AuthSettings {
  /** How long a session lasts after sign-in. */
  sessionHours: number;
  /** Sign-in attempts per client address per window. */
  attemptsPerAddress: number;
  windowMinutes: number;
}

export const DEFAULT_AUTH: AuthSettings = { sessionHours: 12, attemptsPerAddress: 30, windowMinutes: 15 };

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

export function createAuthService(deps: { db: Db; users: Pick<UserService, 'signInWithOidc'>; settings?: Partial<AuthSettings> }) {
  const settings: AuthSettings = { ...DEFAULT_AUTH, ...deps.settings };
  const repo = createAccountRepository(deps.db);
  const attempts = new Map<string, { count: number; resetAt: number }>();
  // A real hash to verify against when the account does not exist, so both cases take as long.
  let dummyHash: Promise<string> | null = null;
  const dummy = (): Promise<string> => (dummyHash ??= hashPassword(`dummy-${randomToken()}`));

  const countAttempt = (address: string): void => {
    const now = Date.now();
    if (attempts.size > 10_000) for (const [k, v] of attempts) if (v.resetAt <= now) attempts.delete(k);
    const entry = attempts.get(address);
    if (!entry || entry.resetAt <= now) {
      attempts.set(address, { count: 1, resetAt: now + settings.windowMinutes * 60_000 });
      return;
    }
    entry.count += 1;
    if (entry.count > settings.attemptsPerAddress) {
      const minutes = Math.max(1, Math.ceil((entry.resetAt - now) / 60_000));
      throw new DomainError('rate_limited', `För många inloggningsförsök från din adress. Vänta ${minutes} minuter och försök igen.`, [], { retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) });
    }
  };

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
      countAttempt(address);
      const now = new Date();
      const user = await repo.findByEmail(normalizeEmail(email));
      if (!user || !user.passwordHash) {
        await verify(await dummy(), password).catch(() => false);
        throw new DomainError('unauthorized', LOGIN_REFUSED);
      }
      const locked = isLocked(user, now);
      const ok = await verify(user.passwordHash, password).catch(() => false);
      if (locked || user.disabled) throw new DomainError('unauthorized', LOGIN_REFUSED);
      if (!ok) {
        const next = afterFailedLogin(user, now);
        await repo.updateUser(user.id, { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil });
        throw new DomainError('unauthorized', LOGIN_REFUSED);
      }
      if (user.failedLogins > 0 || user.lockedUntil) await repo.updateUser(user.id, { failedLogins: 0, lockedUntil: null });
      if (Math.random() < 0.05) await repo.deleteExpiredSessions(now);
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

    /** Forgets the per-address counters (tests). */
    resetAttempts(): void {
      attempts.clear();
    },
  };
  return service;
}
export type AuthService = ReturnType<typeof createAuthService>;
