import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { actionPlans, reportBacks } from '../db/schema.ts';

export type ActionPlanRow = typeof actionPlans.$inferSelect;
export type ReportBackRow = typeof reportBacks.$inferSelect;

/** Action plans (with their items as one JSON document) and their report-backs. No rules. */
export function createActionPlanRepository(db: Db) {
  return {
    async get(id: string, executor: Db = db): Promise<ActionPlanRow | undefined> {
      const [row] = await executor.select().from(actionPlans).where(eq(actionPlans.id, id));
      return row;
    },
    /** The plan row, locked until the transaction ends (numbering report-backs). */
    async lock(id: string, executor: Db): Promise<ActionPlanRow | undefined> {
      const [row] = await executor.select().from(actionPlans).where(eq(actionPlans.id, id)).for('update');
      return row;
    },
    async getByEvaluation(evaluationId: string, executor: Db = db): Promise<ActionPlanRow | undefined> {
      const [row] = await executor.select().from(actionPlans).where(eq(actionPlans.evaluationId, evaluationId));
      return row;
    },
    /** Inserts unless the evaluation already has a plan (then returns undefined). */
    async insert(values: typeof actionPlans.$inferInsert, executor: Db = db): Promise<ActionPlanRow | undefined> {
      const [row] = await executor.insert(actionPlans).values(values).onConflictDoNothing({ target: actionPlans.evaluationId }).returning();
      return row;
    },
    /** Writes when the stored version is the expected one; returns the new row, or undefined on a stale version. */
    async update(id: string, expectedVersion: number, actor: string, patch: Partial<ActionPlanRow>, executor: Db = db): Promise<ActionPlanRow | undefined> {
      const [row] = await executor
        .update(actionPlans)
        .set({ ...patch, version: sql`${actionPlans.version} + 1`, updatedAt: new Date(), updatedBy: actor })
        .where(and(eq(actionPlans.id, id), eq(actionPlans.version, expectedVersion)))
        .returning();
      return row;
    },
    async listByMunicipality(code: string, executor: Db = db): Promise<ActionPlanRow[]> {
      return executor.select().from(actionPlans).where(eq(actionPlans.municipalityCode, code)).orderBy(asc(actionPlans.createdAt));
    },
    async listAll(executor: Db = db): Promise<ActionPlanRow[]> {
      return executor.select().from(actionPlans).orderBy(asc(actionPlans.createdAt));
    },
    async hasPublished(code: string, executor: Db = db): Promise<boolean> {
      const [row] = await executor.select({ id: actionPlans.id }).from(actionPlans).where(and(eq(actionPlans.municipalityCode, code), eq(actionPlans.published, true))).limit(1);
      return row !== undefined;
    },

    /** Ids of the items made public in the municipality's published plans (what the public may see indicators for). */
    async publishedItemIds(code: string, executor: Db = db): Promise<Set<string>> {
      const rows = await executor.select({ items: actionPlans.items }).from(actionPlans).where(and(eq(actionPlans.municipalityCode, code), eq(actionPlans.published, true)));
      return new Set(rows.flatMap((r) => r.items.filter((i) => i.public).map((i) => i.id)));
    },

    async listReportBacks(planId: string, executor: Db = db): Promise<ReportBackRow[]> {
      return executor.select().from(reportBacks).where(eq(reportBacks.planId, planId)).orderBy(asc(reportBacks.number));
    },
    async getReportBack(planId: string, number: number, executor: Db = db): Promise<ReportBackRow | undefined> {
      const [row] = await executor.select().from(reportBacks).where(and(eq(reportBacks.planId, planId), eq(reportBacks.number, number)));
      return row;
    },
    async lastReportBack(planId: string, executor: Db = db): Promise<ReportBackRow | undefined> {
      const [row] = await executor.select().from(reportBacks).where(eq(reportBacks.planId, planId)).orderBy(desc(reportBacks.number)).limit(1);
      return row;
    },
    async insertReportBack(values: typeof reportBacks.$inferInsert, executor: Db = db): Promise<ReportBackRow> {
      const [row] = await executor.insert(reportBacks).values(values).returning();
      if (!row) throw new Error('report-back insert returned nothing');
      return row;
    },
    /** Every plan and report-back, in a stable order (backup). */
    async allPlans(executor: Db = db): Promise<ActionPlanRow[]> {
      return executor.select().from(actionPlans).orderBy(asc(actionPlans.createdAt), asc(actionPlans.id));
    },
    async allReportBacks(executor: Db = db): Promise<ReportBackRow[]> {
      return executor.select().from(reportBacks).orderBy(asc(reportBacks.planId), asc(reportBacks.number));
    },
    /** Writes plans and report-backs as they were exported (ids, versions and timestamps kept). */
    async restore(plans: readonly ActionPlanRow[], backs: readonly ReportBackRow[], executor: Db = db): Promise<void> {
      for (let i = 0; i < plans.length; i += 200) await executor.insert(actionPlans).values(plans.slice(i, i + 200));
      for (let i = 0; i < backs.length; i += 200) await executor.insert(reportBacks).values(backs.slice(i, i + 200));
    },
    async updateReportBack(planId: string, number: number, patch: Partial<ReportBackRow>, executor: Db = db): Promise<ReportBackRow | undefined> {
      const [row] = await executor.update(reportBacks).set(patch).where(and(eq(reportBacks.planId, planId), eq(reportBacks.number, number))).returning();
      return row;
    },
  };
}
export type ActionPlanRepository = ReturnType<typeof createActionPlanRepository>;
