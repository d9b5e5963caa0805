import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notificationOutbox, userNotifications } from '../db/schema.ts';

export type OutboxRow = typeof notificationOutbox.$inferSelect;
export type InAppRow = typeof userNotifications.$inferSelect;

/** The e-mail outbox: written with the change it reports, claimed and sent by any instance. */
export function createNotificationRepository(db: Db) {
  return {
    async enqueue(rows: ReadonlyArray<{ recipient: string; subject: string; body: string }>, executor: Db = db): Promise<void> {
      if (rows.length) await executor.insert(notificationOutbox).values([...rows]);
    },

    /** In-app notifications, one per recipient, in the change's transaction. */
    async insertInApp(rows: ReadonlyArray<{ userId: string; evaluationId: string | null; subject: string; body: string }>, executor: Db = db): Promise<void> {
      if (rows.length) await executor.insert(userNotifications).values([...rows]);
    },

    async listInApp(userId: string, limit: number): Promise<InAppRow[]> {
      return db.select().from(userNotifications).where(eq(userNotifications.userId, userId)).orderBy(desc(userNotifications.createdAt), desc(userNotifications.id)).limit(limit);
    },

    async unreadInApp(userId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(userNotifications).where(and(eq(userNotifications.userId, userId), isNull(userNotifications.readAt)));
      return Number(row?.n ?? 0);
    },

    /** Marks the user's own notifications read: the listed ones, or all when `ids` is null. */
    async markInAppRead(userId: string, ids: readonly string[] | null, at: Date): Promise<void> {
      const mine = and(eq(userNotifications.userId, userId), isNull(userNotifications.readAt));
      await db.update(userNotifications).set({ readAt: at }).where(ids === null ? mine : and(mine, inArray(userNotifications.id, ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000'])));
    },

    /**
     * Claims up to `limit` messages that are due: the rows are locked with FOR UPDATE SKIP LOCKED
     * (another instance claiming at the same moment skips them) and leased until `leaseUntil`, so the
     * sending happens outside any transaction and no other instance takes them meanwhile.
     */
    async claim(limit: number, now: Date, leaseUntil: Date): Promise<OutboxRow[]> {
      return db.transaction(async (tx) => {
        const due = await tx
          .select({ id: notificationOutbox.id })
          .from(notificationOutbox)
          .where(
            and(
              isNull(notificationOutbox.sentAt),
              isNull(notificationOutbox.failedAt),
              lte(notificationOutbox.nextAttemptAt, now),
              or(isNull(notificationOutbox.claimedUntil), lte(notificationOutbox.claimedUntil, now)),
            ),
          )
          .orderBy(asc(notificationOutbox.id))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        return tx
          .update(notificationOutbox)
          .set({ claimedUntil: leaseUntil, attempts: sql`${notificationOutbox.attempts} + 1` })
          .where(inArray(notificationOutbox.id, due.map((d) => d.id)))
          .returning();
      });
    },

    async markSent(id: number, at: Date): Promise<void> {
      await db.update(notificationOutbox).set({ sentAt: at, claimedUntil: null, lastError: null }).where(eq(notificationOutbox.id, id));
    },

    /** A failed attempt: try again at `retryAt`, or give up (`retryAt` null). */
    async markFailed(id: number, error: string, retryAt: Date | null, at: Date): Promise<void> {
      await db
        .update(notificationOutbox)
        .set({ claimedUntil: null, lastError: error.slice(0, 1000), ...(retryAt ? { nextAttemptAt: retryAt } : { failedAt: at }) })
        .where(eq(notificationOutbox.id, id));
    },

    async list(executor: Db = db): Promise<OutboxRow[]> {
      return executor.select().from(notificationOutbox).orderBy(asc(notificationOutbox.id));
    },
  };
}
export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
