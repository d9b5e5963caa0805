import { and, asc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { passwordResets, sessions, users } from '../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;

/** Every query on users, sessions and password reset tokens. */
export function createAccountRepository(db: Db) {
  return {
    async insertUser(values: NewUserRow, executor: Db = db): Promise<UserRow> {
      const [row] = await executor.insert(users).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    /**
     * A change of what an administrator edits (name, role, municipality, disabled…) bumps the version; with
     * `expectedVersion` only that version is changed. A new password hash alone does not: the user changing
     * their own password must not make an administrator's open copy of the account stale.
     */
    async updateUser(id: string, patch: Partial<NewUserRow>, executor: Db = db, expectedVersion?: number): Promise<UserRow | undefined> {
      const where = expectedVersion === undefined ? eq(users.id, id) : and(eq(users.id, id), eq(users.version, expectedVersion));
      const credentialsOnly = Object.keys(patch).every((k) => k === 'passwordHash');
      const [row] = await executor.update(users).set(credentialsOnly ? patch : { ...patch, version: sql`${users.version} + 1` }).where(where).returning();
      return row;
    },
    async getUser(id: string, executor: Db = db): Promise<UserRow | undefined> {
      const [row] = await executor.select().from(users).where(eq(users.id, id));
      return row;
    },
    async findByEmail(email: string, executor: Db = db): Promise<UserRow | undefined> {
      const [row] = await executor.select().from(users).where(eq(users.email, email));
      return row;
    },
    async findByOidcSubject(subject: string, executor: Db = db): Promise<UserRow | undefined> {
      const [row] = await executor.select().from(users).where(eq(users.oidcSubject, subject));
      return row;
    },
    async findUsersByIds(ids: readonly string[], executor: Db = db): Promise<UserRow[]> {
      if (ids.length === 0) return [];
      return executor.select().from(users).where(inArray(users.id, [...ids]));
    },
    /** Active municipality users of one municipality (the evaluation's contacts). */
    async municipalityUsers(code: string, executor: Db = db): Promise<UserRow[]> {
      return executor.select().from(users).where(and(eq(users.role, 'municipality'), eq(users.municipalityCode, code), eq(users.disabled, false)));
    },
    async listUsers(executor: Db = db): Promise<UserRow[]> {
      return executor.select().from(users).orderBy(asc(users.createdAt), asc(users.email));
    },
    async countUsers(executor: Db = db): Promise<number> {
      const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },

    async insertSession(values: typeof sessions.$inferInsert): Promise<void> {
      await db.insert(sessions).values(values);
    },
    /** The session and its user, when the session is still valid. */
    async findSession(id: string, now: Date): Promise<{ session: SessionRow; user: UserRow } | undefined> {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
      return row;
    },
    async deleteSession(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },
    async deleteUserSessions(userId: string, executor: Db = db): Promise<void> {
      await executor.delete(sessions).where(eq(sessions.userId, userId));
    },
    /** Ends the user's sessions except `keepId` (the one that changed the password). */
    async deleteOtherSessions(userId: string, keepId: string, executor: Db = db): Promise<void> {
      await executor.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
    },
    async deleteExpiredSessions(now: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },

    async insertReset(values: typeof passwordResets.$inferInsert, executor: Db = db): Promise<void> {
      await executor.insert(passwordResets).values(values);
    },
    /** Marks an unused, unexpired token as used and returns its user id; undefined when the token is not valid. */
    async consumeReset(tokenHash: string, now: Date, executor: Db = db): Promise<string | undefined> {
      const [row] = await executor
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
        .returning({ userId: passwordResets.userId });
      return row?.userId;
    },
    /** Makes every outstanding reset link of the user invalid. */
    async deleteUserResets(userId: string, executor: Db = db): Promise<void> {
      await executor.delete(passwordResets).where(eq(passwordResets.userId, userId));
    },
    async peekReset(tokenHash: string, now: Date): Promise<string | undefined> {
      const [row] = await db
        .select({ userId: passwordResets.userId })
        .from(passwordResets)
        .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
      return row?.userId;
    },
  };
}
export type AccountRepository = ReturnType<typeof createAccountRepository>;
