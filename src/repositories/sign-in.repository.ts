import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginThrottle, oidcPending } from '../db/schema.ts';
import type { ThrottleCounter } from '../domain/throttle.ts';

export type OidcPendingRow = typeof oidcPending.$inferSelect;

/**
 * State of sign-ins in progress that every app process must share: failed-sign-in counters and
 * pending single sign-ons. Kept in the database so N processes behind a load balancer behave as one.
 */
export function createSignInRepository(db: Db) {
  return {
    async readCounters(keys: readonly string[]): Promise<Map<string, ThrottleCounter>> {
      if (keys.length === 0) return new Map();
      const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, [...keys]));
      return new Map(rows.map((r) => [r.key, { failures: r.failures, lastFailureAt: r.lastFailureAt }]));
    },
    /**
     * Counts one failure on each key, atomically per row (concurrent failures on several processes all
     * count). A counter whose last failure is before `resetBefore` starts again at 1 (the window rule of
     * src/domain/throttle.ts, applied in the statement so it holds under concurrency).
     */
    async countFailure(keys: readonly string[], now: Date, resetBefore: Date): Promise<void> {
      if (keys.length === 0) return;
      await db
        .insert(loginThrottle)
        .values(keys.map((key) => ({ key, failures: 1, lastFailureAt: now })))
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            failures: sql`case when ${loginThrottle.lastFailureAt} < ${resetBefore.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
            lastFailureAt: now,
          },
        });
    },
    async clearCounter(key: string): Promise<void> {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
    },
    async deleteCountersBefore(before: Date): Promise<void> {
      await db.delete(loginThrottle).where(lt(loginThrottle.lastFailureAt, before));
    },

    async insertPending(values: OidcPendingRow): Promise<void> {
      await db.insert(oidcPending).values(values);
    },
    /** Removes and returns a pending sign-in (each can be finished once), when it has not expired. */
    async takePending(stateHash: string, now: Date): Promise<OidcPendingRow | undefined> {
      const [row] = await db.delete(oidcPending).where(and(eq(oidcPending.stateHash, stateHash), gt(oidcPending.expiresAt, now))).returning();
      return row;
    },
    async countPending(now: Date): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(oidcPending).where(gt(oidcPending.expiresAt, now));
      return row?.n ?? 0;
    },
    async deleteExpiredPending(now: Date): Promise<void> {
      await db.delete(oidcPending).where(lt(oidcPending.expiresAt, now));
    },
  };
}
export type SignInRepository = ReturnType<typeof createSignInRepository>;
