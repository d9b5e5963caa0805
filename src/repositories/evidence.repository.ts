import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { evidenceFiles, evidenceItems } from '../db/schema.ts';

export type EvidenceKind = (typeof evidenceItems.$inferSelect)['kind'];

export interface FileMeta {
  id: string;
  evaluationId: string;
  purpose: 'questionnaire' | 'evidence';
  storedName: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

export interface EvidenceValues {
  kind: EvidenceKind;
  title: string;
  decisionBody: string;
  decidedOn: string | null;
  url: string | null;
  fileId: string | null;
  sessionId: string | null;
  note: string;
  subareaIds: string[];
}

export interface EvidenceRow extends EvidenceValues {
  id: string;
  evaluationId: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

const toFile = (r: typeof evidenceFiles.$inferSelect): FileMeta => ({
  id: r.id,
  evaluationId: r.evaluationId,
  purpose: r.purpose,
  storedName: r.storedName,
  fileName: r.fileName,
  mediaType: r.mediaType,
  size: r.size,
  uploadedBy: r.uploadedBy,
  createdAt: r.createdAt.toISOString(),
});

const toItem = (r: typeof evidenceItems.$inferSelect): EvidenceRow => ({
  id: r.id,
  evaluationId: r.evaluationId,
  kind: r.kind,
  title: r.title,
  decisionBody: r.decisionBody,
  decidedOn: r.decidedOn,
  url: r.url,
  fileId: r.fileId,
  sessionId: r.sessionId,
  note: r.note,
  subareaIds: r.subareaIds,
  createdBy: r.createdBy,
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

/** The evidence register of an evaluation and the metadata of its uploaded files (the bytes are in the file store). */
export function createEvidenceRepository(db: Db) {
  return {
    async insertFile(values: { evaluationId: string; purpose: 'questionnaire' | 'evidence'; storedName: string; fileName: string; mediaType: string; size: number; sha256: string; uploadedBy: string }, executor: Db = db): Promise<FileMeta> {
      const [row] = await executor.insert(evidenceFiles).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return toFile(row);
    },

    async file(evaluationId: string, fileId: string, executor: Db = db): Promise<FileMeta | null> {
      const [row] = await executor.select().from(evidenceFiles).where(and(eq(evidenceFiles.evaluationId, evaluationId), eq(evidenceFiles.id, fileId)));
      return row ? toFile(row) : null;
    },

    async files(evaluationId: string, purpose?: 'questionnaire' | 'evidence', executor: Db = db): Promise<FileMeta[]> {
      const rows = await executor
        .select()
        .from(evidenceFiles)
        .where(purpose ? and(eq(evidenceFiles.evaluationId, evaluationId), eq(evidenceFiles.purpose, purpose)) : eq(evidenceFiles.evaluationId, evaluationId))
        .orderBy(asc(evidenceFiles.createdAt));
      return rows.map(toFile);
    },

    async items(evaluationId: string, executor: Db = db): Promise<EvidenceRow[]> {
      const rows = await executor.select().from(evidenceItems).where(eq(evidenceItems.evaluationId, evaluationId)).orderBy(asc(evidenceItems.createdAt), asc(evidenceItems.id));
      return rows.map(toItem);
    },

    async item(evaluationId: string, id: string, executor: Db = db): Promise<EvidenceRow | null> {
      const [row] = await executor.select().from(evidenceItems).where(and(eq(evidenceItems.evaluationId, evaluationId), eq(evidenceItems.id, id)));
      return row ? toItem(row) : null;
    },

    async insertItem(evaluationId: string, values: EvidenceValues, createdBy: string, executor: Db = db): Promise<EvidenceRow> {
      const [row] = await executor.insert(evidenceItems).values({ evaluationId, ...values, createdBy }).returning();
      if (!row) throw new Error('insert returned no row');
      return toItem(row);
    },

    /** Writes the item when it is still at `expectedVersion` (null otherwise: gone or changed by someone else). */
    async updateItem(evaluationId: string, id: string, expectedVersion: number, values: EvidenceValues, executor: Db = db): Promise<EvidenceRow | null> {
      const [row] = await executor
        .update(evidenceItems)
        .set({ ...values, updatedAt: new Date(), version: sql`${evidenceItems.version} + 1` })
        .where(and(eq(evidenceItems.evaluationId, evaluationId), eq(evidenceItems.id, id), eq(evidenceItems.version, expectedVersion)))
        .returning();
      return row ? toItem(row) : null;
    },

    /** Removes the item when it is still at `expectedVersion`; returns what was removed. */
    async deleteItem(evaluationId: string, id: string, expectedVersion: number, executor: Db = db): Promise<EvidenceRow | null> {
      const [row] = await executor.delete(evidenceItems).where(and(eq(evidenceItems.evaluationId, evaluationId), eq(evidenceItems.id, id), eq(evidenceItems.version, expectedVersion))).returning();
      return row ? toItem(row) : null;
    },

    /**
     * Removes an uploaded evidence file no item links to any more (questionnaire attachments stay with
     * their answer); returns its stored name for the file store, or null when it is kept.
     */
    async releaseFile(evaluationId: string, fileId: string, executor: Db = db): Promise<string | null> {
      const [used] = await executor.select({ id: evidenceItems.id }).from(evidenceItems).where(and(eq(evidenceItems.evaluationId, evaluationId), eq(evidenceItems.fileId, fileId))).limit(1);
      if (used) return null;
      const [row] = await executor.delete(evidenceFiles).where(and(eq(evidenceFiles.evaluationId, evaluationId), eq(evidenceFiles.id, fileId), eq(evidenceFiles.purpose, 'evidence'))).returning({ storedName: evidenceFiles.storedName });
      return row?.storedName ?? null;
    },

    /** Stored names of every uploaded file of some evaluations (removed from disk once those are deleted). */
    async storedNames(evaluationIds: readonly string[], executor: Db = db): Promise<string[]> {
      if (evaluationIds.length === 0) return [];
      const rows = await executor.select({ storedName: evidenceFiles.storedName }).from(evidenceFiles).where(inArray(evidenceFiles.evaluationId, [...evaluationIds]));
      return rows.map((r) => r.storedName);
    },

    async filesByIds(evaluationId: string, ids: readonly string[], executor: Db = db): Promise<FileMeta[]> {
      if (ids.length === 0) return [];
      const rows = await executor.select().from(evidenceFiles).where(and(eq(evidenceFiles.evaluationId, evaluationId), inArray(evidenceFiles.id, [...ids])));
      return rows.map(toFile);
    },
  };
}
export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;
