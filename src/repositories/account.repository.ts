import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
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
    async updateUser(id: string, patch: Partial<NewUserRow>, executor: Db = db): Promise<UserRow | undefined> {
      const [row] = await executor.update(users).set(patch).where(eq(users.id, id)).returning();
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
