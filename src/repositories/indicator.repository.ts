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
    /** Every indicator with its values and targets, in a stable order (backup). */
    async all(executor: Db = db): Promise<IndicatorWithData[]> {
      const rows = await executor.select().from(indicators).orderBy(asc(indicators.municipalityCode), asc(indicators.kpi));
      const [values, targets] = await Promise.all([
        executor.select().from(indicatorValues).orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.period), asc(indicatorValues.gender)),
        executor.select().from(indicatorTargets).orderBy(asc(indicatorTargets.indicatorId), asc(indicatorTargets.period), asc(indicatorTargets.createdAt), asc(indicatorTargets.id)),
      ]);
      const byIndicator = <T extends { indicatorId: string }>(list: T[]): Map<string, T[]> => {
        const out = new Map<string, T[]>();
        for (const x of list) out.set(x.indicatorId, [...(out.get(x.indicatorId) ?? []), x]);
        return out;
      };
      const v = byIndicator(values);
      const t = byIndicator(targets);
      return rows.map((r) => ({ ...r, values: v.get(r.id) ?? [], targets: t.get(r.id) ?? [] }));
    },
    /** Writes indicators, values and targets as they were exported (ids and timestamps kept). */
    async restore(list: readonly IndicatorWithData[], executor: Db = db): Promise<void> {
      const chunks = async <T>(rows: T[], write: (part: T[]) => Promise<unknown>): Promise<void> => {
        for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
      };
      await chunks(list.map(({ values: _v, targets: _t, ...r }) => r), (part) => executor.insert(indicators).values(part));
      await chunks(list.flatMap((i) => i.values), (part) => executor.insert(indicatorValues).values(part));
      await chunks(list.flatMap((i) => i.targets), (part) => executor.insert(indicatorTargets).values(part));
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
