import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notificationOutbox } from '../db/schema.ts';

export type OutboxRow = typeof notificationOutbox.$inferSelect;

/** The e-mail outbox: written with the change it reports, claimed and sent by any instance. */
export function createNotificationRepository(db: Db) {
  return {
    async enqueue(rows: ReadonlyArray<{ recipient: string; subject: string; body: string }>, executor: Db = db): Promise<void> {
      if (rows.length) await executor.insert(notificationOutbox).values([...rows]);
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
