import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, type AuditEntity } from '../db/schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/** Insert and read only: audit records are never updated or deleted (a database trigger refuses it too). */
export function createAuditRepository(db: Db) {
  return {
    async insert(values: NewAuditRow, executor: Db = db): Promise<void> {
      await executor.insert(auditLog).values(values);
    },
    /** Newest first, paged by id. */
    async list(filter: { entity: AuditEntity; entityId: string; limit: number; beforeId?: number | undefined }, executor: Db = db): Promise<AuditRow[]> {
      const parts = [eq(auditLog.entity, filter.entity), eq(auditLog.entityId, filter.entityId)];
      if (filter.beforeId !== undefined) parts.push(lt(auditLog.id, filter.beforeId));
      return executor.select().from(auditLog).where(and(...parts)).orderBy(desc(auditLog.id)).limit(filter.limit);
    },
    async all(executor: Db = db): Promise<AuditRow[]> {
      return executor.select().from(auditLog).orderBy(asc(auditLog.id));
    },
    /** Restores exported records with their ids, then moves the id sequence past them. */
    async restore(rows: readonly AuditRow[], executor: Db = db): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) await executor.insert(auditLog).values(rows.slice(i, i + 500));
      await executor.execute(sql`select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false)`);
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
