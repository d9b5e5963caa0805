import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { concordances } from '../db/schema.ts';
import type { ConcordancePair } from '../domain/concordance.ts';

export type ConcordanceRow = typeof concordances.$inferSelect;

export function createConcordanceRepository(db: Db) {
  return {
    async list(): Promise<ConcordanceRow[]> {
      return db.select().from(concordances).orderBy(asc(concordances.fromFrameworkId), asc(concordances.toFrameworkId));
    },
    /** The concordance between two versions, stored in either direction. */
    async between(a: string, b: string, executor: Db = db): Promise<ConcordanceRow | undefined> {
      const [row] = await executor
        .select()
        .from(concordances)
        .where(or(and(eq(concordances.fromFrameworkId, a), eq(concordances.toFrameworkId, b)), and(eq(concordances.fromFrameworkId, b), eq(concordances.toFrameworkId, a))));
      return row;
    },
    /** Adds the concordance unless one exists (catalog seed). */
    async insertIfAbsent(row: { fromFrameworkId: string; toFrameworkId: string; pairs: ConcordancePair[]; notes: string }): Promise<void> {
      await db.insert(concordances).values({ ...row, updatedBy: 'system' }).onConflictDoNothing();
    },
    async insert(row: { fromFrameworkId: string; toFrameworkId: string; pairs: ConcordancePair[]; notes: string; updatedBy: string }, executor: Db = db): Promise<ConcordanceRow | undefined> {
      const [inserted] = await executor.insert(concordances).values(row).onConflictDoNothing().returning();
      return inserted;
    },
    /** Replaces pairs and notes when the version still equals expectedVersion; undefined when stale. */
    async update(
      { fromFrameworkId, toFrameworkId, expectedVersion, pairs, notes, updatedBy }: { fromFrameworkId: string; toFrameworkId: string; expectedVersion: number; pairs: ConcordancePair[]; notes: string; updatedBy: string },
      executor: Db = db,
    ): Promise<ConcordanceRow | undefined> {
      const [row] = await executor
        .update(concordances)
        .set({ pairs, notes, updatedBy, version: sql`${concordances.version} + 1`, updatedAt: new Date() })
        .where(and(eq(concordances.fromFrameworkId, fromFrameworkId), eq(concordances.toFrameworkId, toFrameworkId), eq(concordances.version, expectedVersion)))
        .returning();
      return row;
    },
  };
}
export type ConcordanceRepository = ReturnType<typeof createConcordanceRepository>;
