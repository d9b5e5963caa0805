import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { frameworks } from '../db/schema.ts';
import type { FrameworkDef } from '../domain/framework.ts';

export type FrameworkRow = typeof frameworks.$inferSelect;

export function toFrameworkDef(row: FrameworkRow): FrameworkDef & { createdAt: string; updatedAt: string; version: number } {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    origin: row.origin,
    needsReview: row.needsReview,
    about: row.about,
    notes: row.notes,
    areas: row.areas,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function createFrameworkRepository(db: Db) {
  return {
    async list(): Promise<FrameworkRow[]> {
      return db.select().from(frameworks).orderBy(asc(frameworks.year), asc(frameworks.id));
    },
    async get(id: string): Promise<FrameworkRow | undefined> {
      const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id));
      return row;
    },
    async insert(fw: FrameworkDef, executor: Db = db): Promise<FrameworkRow> {
      const [row] = await executor
        .insert(frameworks)
        .values({ id: fw.id, name: fw.name, year: fw.year, origin: fw.origin, needsReview: fw.needsReview, about: fw.about, notes: fw.notes, areas: fw.areas })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    /** Every update bumps the version; with `expectedVersion` only that version is changed (else undefined). */
    async update(fw: FrameworkDef, executor: Db = db, expectedVersion?: number): Promise<FrameworkRow | undefined> {
      const [row] = await executor
        .update(frameworks)
        .set({ name: fw.name, year: fw.year, origin: fw.origin, needsReview: fw.needsReview, about: fw.about, notes: fw.notes, areas: fw.areas, updatedAt: new Date(), version: sql`${frameworks.version} + 1` })
        .where(expectedVersion === undefined ? eq(frameworks.id, fw.id) : and(eq(frameworks.id, fw.id), eq(frameworks.version, expectedVersion)))
        .returning();
      return row;
    },
  };
}
export type FrameworkRepository = ReturnType<typeof createFrameworkRepository>;
