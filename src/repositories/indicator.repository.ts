import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { indicators, indicatorTargets, indicatorValues } from '../db/schema.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorValueRow = typeof indicatorValues.$inferSelect;
export type IndicatorTargetRow = typeof indicatorTargets.$inferSelect;

export interface IndicatorWithData extends IndicatorRow {
  values: IndicatorValueRow[];
  targets: IndicatorTargetRow[];
}

/** A municipality's indicators, their measured values and their targets. No rules. */
export function createIndicatorRepository(db: Db) {
  const withData = async (rows: IndicatorRow[], executor: Db): Promise<IndicatorWithData[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [values, targets] = await Promise.all([
      executor.select().from(indicatorValues).where(inArray(indicatorValues.indicatorId, ids)).orderBy(asc(indicatorValues.period), asc(indicatorValues.gender)),
      executor.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids)).orderBy(asc(indicatorTargets.period), asc(indicatorTargets.createdAt)),
    ]);
    return rows.map((r) => ({ ...r, values: values.filter((v) => v.indicatorId === r.id), targets: targets.filter((t) => t.indicatorId === r.id) }));
  };
  return {
    async listByMunicipality(code: string, executor: Db = db): Promise<IndicatorWithData[]> {
      const rows = await executor.select().from(indicators).where(eq(indicators.municipalityCode, code)).orderBy(asc(indicators.name), asc(indicators.kpi));
      return withData(rows, executor);
    },
    async get(id: string, executor: Db = db): Promise<IndicatorWithData | undefined> {
      const rows = await executor.select().from(indicators).where(eq(indicators.id, id));
      return (await withData(rows, executor))[0];
    },
    async findByKpi(municipalityCode: string, kpi: string, executor: Db = db): Promise<IndicatorRow | undefined> {
      const [row] = await executor.select().from(indicators).where(and(eq(indicators.municipalityCode, municipalityCode), eq(indicators.kpi, kpi)));
      return row;
    },
    async insert(values: typeof indicators.$inferInsert, executor: Db = db): Promise<IndicatorRow> {
      const [row] = await executor.insert(indicators).values(values).returning();
      if (!row) throw new Error('indicator insert returned nothing');
      return row;
    },
    async update(id: string, patch: Partial<IndicatorRow>, executor: Db = db): Promise<IndicatorRow | undefined> {
      const [row] = await executor.update(indicators).set(patch).where(eq(indicators.id, id)).returning();
      return row;
    },
    /** Inserts or replaces values (same indicator, period and gender). */
    async upsertValues(rows: ReadonlyArray<typeof indicatorValues.$inferInsert>, executor: Db = db): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        await executor
          .insert(indicatorValues)
          .values(rows.slice(i, i + 1000))
          .onConflictDoUpdate({
            target: [indicatorValues.indicatorId, indicatorValues.period, indicatorValues.gender],
            set: { value: sql`excluded.value`, status: sql`excluded.status`, source: sql`excluded.source`, updatedAt: sql`now()` },
          });
      }
    },
    async insertTarget(values: typeof indicatorTargets.$inferInsert, executor: Db = db): Promise<IndicatorTargetRow> {
      const [row] = await executor.insert(indicatorTargets).values(values).returning();
      if (!row) throw new Error('target insert returned nothing');
      return row;
    },
    async getTarget(id: string, executor: Db = db): Promise<IndicatorTargetRow | undefined> {
      const [row] = await executor.select().from(indicatorTargets).where(eq(indicatorTargets.id, id));
      return row;
    },
    async deleteTarget(id: string, executor: Db = db): Promise<void> {
      await executor.delete(indicatorTargets).where(eq(indicatorTargets.id, id));
    },
  };
}
export type IndicatorRepository = ReturnType<typeof createIndicatorRepository>;
