import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { agreedScores, evaluationAssignments, evaluations, independentScoreSheets, users } from '../db/schema.ts';
import type { AgreedScore, IndependentSheet } from '../domain/consensus.ts';

/** Independent score sheets of the assigned evaluators, and the team's agreed scores. */
export function createIndependentScoreRepository(db: Db) {
  return {
    /**
     * One sheet per assigned evaluator (an empty, unsubmitted one for those who have not started),
     * plus sheets of users no longer assigned that were submitted (their scores stay part of the record).
     */
    async sheets(evaluationId: string, executor: Db = db): Promise<IndependentSheet[]> {
      const assigned = await executor
        .select({ userId: users.id, name: users.name })
        .from(evaluationAssignments)
        .innerJoin(users, eq(users.id, evaluationAssignments.userId))
        .where(eq(evaluationAssignments.evaluationId, evaluationId))
        .orderBy(asc(users.name), asc(users.id));
      const stored = await executor
        .select({ userId: independentScoreSheets.userId, name: users.name, scores: independentScoreSheets.scores, submittedAt: independentScoreSheets.submittedAt })
        .from(independentScoreSheets)
        .innerJoin(users, eq(users.id, independentScoreSheets.userId))
        .where(eq(independentScoreSheets.evaluationId, evaluationId));
      const byUser = new Map(stored.map((s) => [s.userId, s]));
      const out: IndependentSheet[] = assigned.map((a) => {
        const s = byUser.get(a.userId);
        return { userId: a.userId, name: a.name, submitted: Boolean(s?.submittedAt), scores: s?.scores ?? {} };
      });
      for (const s of stored) {
        if (s.submittedAt && !assigned.some((a) => a.userId === s.userId)) out.push({ userId: s.userId, name: s.name, submitted: true, scores: s.scores });
      }
      return out;
    },

    /** Whether any evaluator has begun scoring independently (a sheet exists). */
    async started(evaluationId: string, executor: Db = db): Promise<boolean> {
      const [row] = await executor.select({ userId: independentScoreSheets.userId }).from(independentScoreSheets).where(eq(independentScoreSheets.evaluationId, evaluationId)).limit(1);
      return row !== undefined;
    },

    async saveSheet(values: { evaluationId: string; userId: string; scores: Record<string, number>; submitted: boolean }, executor: Db = db): Promise<void> {
      const now = new Date();
      await executor
        .insert(independentScoreSheets)
        .values({ evaluationId: values.evaluationId, userId: values.userId, scores: values.scores, submittedAt: values.submitted ? now : null, updatedAt: now })
        .onConflictDoUpdate({
          target: [independentScoreSheets.evaluationId, independentScoreSheets.userId],
          set: { scores: values.scores, submittedAt: values.submitted ? now : null, updatedAt: now },
        });
    },

    async agreed(evaluationId: string, executor: Db = db): Promise<AgreedScore[]> {
      const rows = await executor.select().from(agreedScores).where(eq(agreedScores.evaluationId, evaluationId)).orderBy(asc(agreedScores.subareaId));
      return rows.map((r) => ({ subareaId: r.subareaId, value: r.value, reason: r.reason, agreedBy: r.agreedBy, agreedAt: r.agreedAt.toISOString() }));
    },

    async upsertAgreed(evaluationId: string, items: ReadonlyArray<{ subareaId: string; value: number; reason: string }>, agreedBy: string, executor: Db = db): Promise<void> {
      if (items.length === 0) return;
      const now = new Date();
      for (const it of items) {
        await executor
          .insert(agreedScores)
          .values({ evaluationId, subareaId: it.subareaId, value: it.value, reason: it.reason, agreedBy, agreedAt: now })
          .onConflictDoUpdate({ target: [agreedScores.evaluationId, agreedScores.subareaId], set: { value: it.value, reason: it.reason, agreedBy, agreedAt: now } });
      }
    },

    /** Every stored sheet and agreed score, in a stable order (backup). */
    async allSheets(executor: Db = db): Promise<Array<typeof independentScoreSheets.$inferSelect>> {
      return executor.select().from(independentScoreSheets).orderBy(asc(independentScoreSheets.evaluationId), asc(independentScoreSheets.userId));
    },
    async allAgreed(executor: Db = db): Promise<Array<typeof agreedScores.$inferSelect>> {
      return executor.select().from(agreedScores).orderBy(asc(agreedScores.evaluationId), asc(agreedScores.subareaId));
    },
    /** Writes sheets and agreed scores as they were exported. */
    async restore(
      sheets: ReadonlyArray<typeof independentScoreSheets.$inferInsert>,
      agreed: ReadonlyArray<typeof agreedScores.$inferInsert>,
      executor: Db = db,
    ): Promise<void> {
      for (let i = 0; i < sheets.length; i += 500) await executor.insert(independentScoreSheets).values(sheets.slice(i, i + 500));
      for (let i = 0; i < agreed.length; i += 500) await executor.insert(agreedScores).values(agreed.slice(i, i + 500));
    },

    /** Submitted sheets of every evaluation of a framework version (for the calibration report). */
    async submittedByFramework(frameworkId: string, executor: Db = db): Promise<Map<string, IndependentSheet[]>> {
      const rows = await executor
        .select({ evaluationId: independentScoreSheets.evaluationId, userId: independentScoreSheets.userId, name: users.name, scores: independentScoreSheets.scores })
        .from(independentScoreSheets)
        .innerJoin(users, eq(users.id, independentScoreSheets.userId))
        .innerJoin(evaluations, eq(evaluations.id, independentScoreSheets.evaluationId))
        .where(and(eq(evaluations.frameworkId, frameworkId), isNotNull(independentScoreSheets.submittedAt)));
      const out = new Map<string, IndependentSheet[]>();
      for (const r of rows) {
        const list = out.get(r.evaluationId) ?? [];
        list.push({ userId: r.userId, name: r.name, submitted: true, scores: r.scores });
        out.set(r.evaluationId, list);
      }
      return out;
    },

    /** Frameworks that have any submitted independent scores. */
    async frameworksWithSheets(executor: Db = db): Promise<string[]> {
      const rows = await executor
        .selectDistinct({ frameworkId: evaluations.frameworkId })
        .from(independentScoreSheets)
        .innerJoin(evaluations, eq(evaluations.id, independentScoreSheets.evaluationId))
        .where(isNotNull(independentScoreSheets.submittedAt));
      return rows.map((r) => r.frameworkId).sort();
    },
  };
}
export type IndependentScoreRepository = ReturnType<typeof createIndependentScoreRepository>;
