/**
 * Accounts: administrators create and change users, issue one-time password reset links;
 * every change is recorded in the audit trail (never the password or its hash).
 */
import { createHash, randomBytes } from 'node:crypto';
import { argon2id, hash, verify } from 'argon2';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { SYSTEM, type AccountRole, type Viewer } from '../domain/access.ts';
import { authorize } from '../policies/policy.ts';
import { canManageUsers } from '../policies/user.policy.ts';
import { normalizeEmail, passwordProblem, roleFromClaim } from '../domain/auth.ts';
import type { OidcConfig } from '../config.ts';
import type { OidcIdentity } from './oidc.service.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { UserRow } from '../repositories/account.repository.ts';
import type { AuditService } from './audit.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  municipalityCode: string | null;
  disabled: boolean;
  sso: boolean;
  hasPassword: boolean;
  createdAt: string;
  /** Optimistic concurrency: send it back as expectedVersion when changing the user. */
  version: number;
}

export interface UserInput {
  email: string;
  name: string;
  role: AccountRole;
  municipalityCode?: string | null;
  password?: string | null;
}

export interface UserPatch {
  name?: string;
  role?: AccountRole;
  municipalityCode?: string | null;
  disabled?: boolean;
}

export const RESET_HOURS = 24;

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const randomToken = (): string => randomBytes(32).toString('base64url');

export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id });
}

export function toPublicUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    municipalityCode: u.municipalityCode,
    disabled: u.disabled,
    sso: u.oidcSubject !== null,
    hasPassword: u.passwordHash !== null,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  };
}

/** What the audit trail keeps of a user (no password data, no counters). */
const auditView = (u: UserRow): Record<string, unknown> => ({ email: u.email, name: u.name, role: u.role, municipalityCode: u.municipalityCode, disabled: u.disabled });

export function viewerOf(u: Pick<UserRow, 'id' | 'role' | 'municipalityCode' | 'name'>): Viewer {
  return { userId: u.id, role: u.role, municipalityCode: u.role === 'municipality' ? u.municipalityCode : null, name: u.name };
}

export function createUserService(deps: { db: Db; audit: AuditService; municipalities: MunicipalityService; repositories: Pick<Repositories, 'accounts'> }) {
  const { db, audit, municipalities } = deps;
  const repo = deps.repositories.accounts;

  const mustBeAdmin = (viewer: Viewer): void => authorize(canManageUsers(viewer));

  const checkMunicipality = async (role: AccountRole, code: string | null | undefined): Promise<string | null> => {
    if (role !== 'municipality') {
      if (code) throw new DomainError('validation', 'Bara kommunanvändare är knutna till en kommun.', [{ path: 'municipalityCode', message: 'ska vara tom för den här rollen' }]);
      return null;
    }
    if (!code) throw new DomainError('validation', 'En kommunanvändare måste vara knuten till en kommun.', [{ path: 'municipalityCode', message: 'kommunkod saknas' }]);
    await municipalities.getMunicipality({ code });
    return code;
  };

  const checkPassword = (password: string, email: string): void => {
    const problem = passwordProblem(password, email);
    if (problem) throw new DomainError('validation', problem, [{ path: 'password', message: problem }]);
  };

  /** Refuses a change that would leave no active administrator. */
  const keepOneAdmin = async (target: UserRow, next: { role: AccountRole; disabled: boolean }, tx: Db): Promise<void> => {
    if (target.role !== 'admin' || target.disabled || (next.role === 'admin' && !next.disabled)) return;
    const others = (await repo.listUsers(tx)).filter((u) => u.id !== target.id && u.role === 'admin' && !u.disabled);
    if (others.length === 0) throw new DomainError('rule_violation', 'Det måste finnas minst en aktiv administratör.');
  };

  const service = {
    async createUser({ input, viewer, executor }: { input: UserInput; viewer: Viewer; executor?: Db }): Promise<PublicUser> {
      mustBeAdmin(viewer);
      const email = normalizeEmail(input.email);
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new DomainError('validation', `"${input.email}" är ingen giltig e-postadress.`, [{ path: 'email', message: 'ogiltig e-postadress' }]);
      const name = input.name.trim();
      if (!name) throw new DomainError('validation', 'Namn saknas.', [{ path: 'name', message: 'namn saknas' }]);
      const municipalityCode = await checkMunicipality(input.role, input.municipalityCode);
      if (input.password) checkPassword(input.password, email);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const run = async (tx: Db): Promise<UserRow> => {
        if (await repo.findByEmail(email, tx)) throw new DomainError('duplicate', `Det finns redan en användare med e-postadressen ${email}.`);
        const row = await repo.insertUser({ email, name, role: input.role, municipalityCode, passwordHash }, tx);
        await audit.record({ viewer, entity: 'user', entityId: row.id, action: 'create', change: { before: null, after: auditView(row) } }, tx);
        return row;
      };
      const row = executor ? await run(executor) : await db.transaction(async (tx) => run(tx as unknown as Db));
      return toPublicUser(row);
    },

    async listUsers({ viewer }: { viewer: Viewer }): Promise<PublicUser[]> {
      mustBeAdmin(viewer);
      return (await repo.listUsers()).map(toPublicUser);
    },

    async getUser({ id, viewer }: { id: string; viewer: Viewer }): Promise<PublicUser> {
      mustBeAdmin(viewer);
      const row = await repo.getUser(id);
      if (!row) throw notFound(`Användaren ${id} finns inte.`);
      return toPublicUser(row);
    },

    /** Changes a user as of the version the admin read; a stale version → conflict with the current copy. */
    async updateUser({ id, expectedVersion, patch, viewer }: { id: string; expectedVersion: number; patch: UserPatch; viewer: Viewer }): Promise<PublicUser> {
      mustBeAdmin(viewer);
      const current = await repo.getUser(id);
      if (!current) throw notFound(`Användaren ${id} finns inte.`);
      const stale = (latest: UserRow): DomainError =>
        new DomainError(
          'conflict',
          `Användaren ${latest.email} har ändrats sedan du öppnade den: din version ${expectedVersion}, aktuell version ${latest.version}. Ladda om och gör om ändringen.`,
          [],
          { currentVersion: latest.version, current: toPublicUser(latest) },
        );
      if (current.version !== expectedVersion) throw stale(current);
      const role = patch.role ?? current.role;
      const code = patch.municipalityCode !== undefined ? patch.municipalityCode : role === 'municipality' ? current.municipalityCode : null;
      const municipalityCode = await checkMunicipality(role, code);
      const disabled = patch.disabled ?? current.disabled;
      const name = patch.name?.trim() || current.name;
      const row = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await keepOneAdmin(current, { role, disabled }, tx);
        const updated = await repo.updateUser(id, { name, role, municipalityCode, disabled }, tx, expectedVersion);
        if (!updated) {
          const latest = await repo.getUser(id, tx);
          throw latest ? stale(latest) : notFound(`Användaren ${id} finns inte.`);
        }
        // A new role or a disabled account takes effect at once: existing sessions end.
        if (role !== current.role || disabled || municipalityCode !== current.municipalityCode) await repo.deleteUserSessions(id, tx);
        const before = auditView(current);
        const after = auditView(updated);
        const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        if (changed.length) {
          await audit.record(
            { viewer, entity: 'user', entityId: id, action: 'update', change: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])) } },
            tx,
          );
        }
        return updated;
      });
      return toPublicUser(row);
    },

    /** Issues a one-time link (valid 24 hours) that lets the user choose a new password. Only the hash is stored. */
    async issuePasswordReset({ id, viewer, baseUrl }: { id: string; viewer: Viewer; baseUrl: string }): Promise<{ token: string; url: string; expiresAt: string }> {
      mustBeAdmin(viewer);
      const user = await repo.getUser(id);
      if (!user) throw notFound(`Användaren ${id} finns inte.`);
      const token = randomToken();
      const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000);
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await repo.insertReset({ tokenHash: sha256(token), userId: id, expiresAt }, tx);
        await audit.record({ viewer, entity: 'user', entityId: id, action: 'password_reset_issued', change: { before: null, after: { expiresAt: expiresAt.toISOString() } } }, tx);
      });
      const url = `${baseUrl.replace(/\/+$/, '')}/aterstall-losenord#token=${token}`;
      return { token, url, expiresAt: expiresAt.toISOString() };
    },

    /** Uses a reset token once: sets the password, ends every session of the user and every other reset link. */
    async resetPassword({ token, password }: { token: string; password: string }): Promise<void> {
      const hashOf = sha256(token);
      const userId = await repo.peekReset(hashOf, new Date());
      const refused = new DomainError('validation', 'Länken för att byta lösenord är ogiltig, redan använd eller för gammal. Be en administratör om en ny länk.');
      if (!userId) throw refused;
      const user = await repo.getUser(userId);
      if (!user) throw refused;
      checkPassword(password, user.email);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const used = await repo.consumeReset(hashOf, new Date(), tx);
        if (used !== userId) throw refused;
        await repo.updateUser(userId, { passwordHash }, tx);
        await repo.deleteUserSessions(userId, tx);
        await repo.deleteUserResets(userId, tx);
        await audit.record({ viewer: viewerOf(user), entity: 'user', entityId: userId, action: 'password_reset', change: { before: null, after: { passwordChanged: true } } }, tx);
      });
    },

    /**
     * Changes the signed-in user's own password. Every other session of the user ends (the one that made the
     * change, `sessionId`, stays signed in), and so does every outstanding reset link.
     */
    async changePassword({ viewer, sessionId, currentPassword, newPassword, onWrongPassword }: { viewer: Viewer; sessionId: string | null; currentPassword: string; newPassword: string; onWrongPassword?: () => Promise<void> }): Promise<void> {
      if (!viewer.userId) throw new DomainError('unauthorized', 'Du måste logga in för att byta lösenord.');
      const user = await repo.getUser(viewer.userId);
      if (!user) throw new DomainError('unauthorized', 'Du måste logga in för att byta lösenord.');
      if (!user.passwordHash || !(await verify(user.passwordHash, currentPassword))) {
        await onWrongPassword?.();
        throw new DomainError('validation', 'Det nuvarande lösenordet är fel.', [{ path: 'currentPassword', message: 'fel lösenord' }]);
      }
      checkPassword(newPassword, user.email);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await repo.updateUser(user.id, { passwordHash }, tx);
        if (sessionId) await repo.deleteOtherSessions(user.id, sessionId, tx);
        else await repo.deleteUserSessions(user.id, tx);
        await repo.deleteUserResets(user.id, tx);
        await audit.record({ viewer, entity: 'user', entityId: user.id, action: 'password_change', change: { before: null, after: { passwordChanged: true } } }, tx);
      });
    },

    /** Creates the first (or another) administrator with a password: `kompass user create-admin`. */
    async createAdmin({ email, password, name }: { email: string; password: string; name?: string }): Promise<PublicUser> {
      return service.createUser({ input: { email, password, role: 'admin', name: name ?? normalizeEmail(email).split('@')[0] ?? 'Administratör' }, viewer: SYSTEM });
    },

    /** Creates the user if missing, and (re)sets the password. Demo accounts only. */
    async ensureUserWithPassword({ input, password }: { input: Omit<UserInput, 'password'>; password: string }): Promise<PublicUser> {
      const email = normalizeEmail(input.email);
      const existing = await repo.findByEmail(email);
      if (!existing) return service.createUser({ input: { ...input, password }, viewer: SYSTEM });
      const updated = await repo.updateUser(existing.id, { passwordHash: await hashPassword(password), disabled: false });
      if (!updated) throw notFound(`Användaren ${email} finns inte.`);
      return toPublicUser(updated);
    },

    /**
     * The account of someone who signed in through the identity provider. The provider's claims decide the role
     * (and municipality) at every sign-in. Found by subject; else an account with the same verified e-mail is
     * linked; else one is created. No mapped role → refused.
     */
    async signInWithOidc({ identity, config }: { identity: OidcIdentity; config: OidcConfig | null }): Promise<UserRow> {
      if (!config) throw new DomainError('not_found', 'Inloggning via identitetstjänst är inte konfigurerad.');
      const role = roleFromClaim(identity.claims[config.roleClaim], config.roleMap);
      if (!role) throw new DomainError('forbidden', 'Ditt konto i identitetstjänsten har ingen roll i kompass. Kontakta kompass administratör.');
      const rawCode = identity.claims[config.municipalityClaim];
      const code = role === 'municipality' ? (typeof rawCode === 'string' ? rawCode : null) : null;
      if (role === 'municipality') {
        if (!code || !/^\d{2,4}$/.test(code)) throw new DomainError('forbidden', 'Identitetstjänsten anger ingen kommun för ditt konto.');
        await municipalities.getMunicipality({ code });
      }
      const subject = `${identity.issuer}|${identity.subject}`;
      const actor: Viewer = { userId: null, role: 'admin', municipalityCode: null, name: 'identitetstjänst' };
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        let user = await repo.findByOidcSubject(subject, tx);
        const email = identity.email ? normalizeEmail(identity.email) : null;
        if (!user && email && identity.emailVerified) {
          const byEmail = await repo.findByEmail(email, tx);
          if (byEmail && byEmail.oidcSubject === null) {
            user = await repo.updateUser(byEmail.id, { oidcSubject: subject }, tx);
            if (user) await audit.record({ viewer: actor, entity: 'user', entityId: user.id, action: 'sso_link', change: { before: { sso: false }, after: { sso: true } } }, tx);
          }
        }
        if (!user) {
          if (!email) throw new DomainError('forbidden', 'Identitetstjänsten lämnar ingen e-postadress för ditt konto.');
          if (await repo.findByEmail(email, tx)) throw new DomainError('forbidden', 'Det finns redan ett konto med din e-postadress; be administratören koppla det.');
          const created = await repo.insertUser({ email, name: identity.name ?? email, role, municipalityCode: code, passwordHash: null, oidcSubject: subject }, tx);
          await audit.record({ viewer: actor, entity: 'user', entityId: created.id, action: 'create', change: { before: null, after: { ...auditView(created), sso: true } } }, tx);
          return created;
        }
        if (user.disabled) throw new DomainError('unauthorized', 'Kontot är spärrat. Kontakta kompass administratör.');
        if (user.role !== role || user.municipalityCode !== code) {
          await keepOneAdmin(user, { role, disabled: false }, tx);
          const updated = await repo.updateUser(user.id, { role, municipalityCode: code }, tx);
          if (!updated) throw notFound(`Användaren ${user.id} finns inte.`);
          await audit.record({ viewer: actor, entity: 'user', entityId: user.id, action: 'update', change: { before: { role: user.role, municipalityCode: user.municipalityCode }, after: { role, municipalityCode: code } } }, tx);
          user = updated;
        }
        return user;
      });
    },
  };
  return service;
}
export type UserService = ReturnType<typeof createUserService>;
