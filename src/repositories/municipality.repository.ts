import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { municipalities } from '../db/schema.ts';
import { foldName } from '../domain/text.ts';
import type { MunicipalityRecord } from '../catalog/municipalities.ts';

export type MunicipalityRow = typeof municipalities.$inferSelect;

export function createMunicipalityRepository(db: Db) {
  return {
    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
      return row?.n ?? 0;
    },
    async upsertAll(records: readonly MunicipalityRecord[]): Promise<void> {
      if (records.length === 0) return;
      await db
        .insert(municipalities)
        .values(records.map((r) => ({ ...r, searchKey: foldName(r.name) })))
        .onConflictDoUpdate({
          target: municipalities.code,
          set: {
            name: sql`excluded.name`,
            countyCode: sql`excluded.county_code`,
            countyName: sql`excluded.county_name`,
            kind: sql`excluded.kind`,
            searchKey: sql`excluded.search_key`,
          },
        });
    },
    async listAll(): Promise<MunicipalityRow[]> {
      return db.select().from(municipalities).orderBy(asc(municipalities.code));
    },
    async get(code: string): Promise<MunicipalityRow | undefined> {
      const [row] = await db.select().from(municipalities).where(eq(municipalities.code, code));
      return row;
    },
  };
}
export type MunicipalityRepository = ReturnType<typeof createMunicipalityRepository>;
