import { inArray, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { evaluationStages } from '../db/schema.ts';

export type StageRow = typeof evaluationStages.$inferSelect;

/** Where each evaluation is in the process (stage, dates, deadlines, feedback meeting). */
export function createStageRepository(db: Db) {
  return {
    async get(evaluationId: string, executor: Db = db): Promise<StageRow | undefined> {
      const [row] = await executor.select().from(evaluationStages).where(eq(evaluationStages.evaluationId, evaluationId));
      return row;
    },
    async getMany(ids: readonly string[], executor: Db = db): Promise<Map<string, StageRow>> {
      if (ids.length === 0) return new Map();
      const rows = await executor.select().from(evaluationStages).where(inArray(evaluationStages.evaluationId, [...ids]));
      return new Map(rows.map((r) => [r.evaluationId, r]));
    },
    async upsert(values: Omit<StageRow, 'updatedAt'>, executor: Db = db): Promise<void> {
      const { evaluationId: _id, ...rest } = values;
      const now = new Date();
      await executor
        .insert(evaluationStages)
        .values({ ...values, updatedAt: now })
        .onConflictDoUpdate({ target: evaluationStages.evaluationId, set: { ...rest, updatedAt: now } });
    },
  };
}
export type StageRepository = ReturnType<typeof createStageRepository>;
