/**
 * The audit trail: who changed what, when, before and after. Records are written inside the
 * transaction of the change they describe, and can only be appended.
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { AuditEntity } from '../db/schema.ts';
import type { Viewer } from '../domain/access.ts';
import type { Change } from '../domain/audit.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: { userId: string | null; name: string };
  entity: AuditEntity;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditRecord {
  viewer: Viewer;
  entity: AuditEntity;
  entityId: string;
  action: string;
  change: Change;
}

export function createAuditService(db: Db, repositories: Pick<Repositories, 'audit'>) {
  const repo = repositories.audit;
  return {
    /** Appends one record; pass the transaction of the change so both are written or neither. */
    async record({ viewer, entity, entityId, action, change }: AuditRecord, executor: Db = db): Promise<void> {
      await repo.insert({ actorUserId: viewer.userId, actorName: viewer.name, entity, entityId, action, before: change.before, after: change.after }, executor);
    },
    /** Records of one entity, newest first. Access is decided by the caller (the owning service). */
    async listEntries({ entity, entityId, limit = 100, beforeId }: { entity: AuditEntity; entityId: string; limit?: number; beforeId?: number }): Promise<AuditEntry[]> {
      const rows = await repo.list({ entity, entityId, limit, beforeId });
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: { userId: r.actorUserId, name: r.actorName },
        entity: r.entity,
        entityId: r.entityId,
        action: r.action,
        before: r.before ?? null,
        after: r.after ?? null,
      }));
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
