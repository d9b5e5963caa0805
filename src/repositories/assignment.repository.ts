import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { evaluationAssignments, evaluationComments, users } from '../db/schema.ts';

export type CommentRow = typeof evaluationComments.$inferSelect;
export interface AssignedUser {
  userId: string;
  name: string;
  email: string;
  isLead: boolean;
}

/** Which users are assigned to which evaluations, and comments on evaluations. */
export function createAssignmentRepository(db: Db) {
  return {
    async get(evaluationId: string, userId: string, executor: Db = db): Promise<{ isLead: boolean } | undefined> {
      const [row] = await executor
        .select({ isLead: evaluationAssignments.isLead })
        .from(evaluationAssignments)
        .where(and(eq(evaluationAssignments.evaluationId, evaluationId), eq(evaluationAssignments.userId, userId)));
      return row;
    },
    async list(evaluationId: string, executor: Db = db): Promise<AssignedUser[]> {
      return executor
        .select({ userId: users.id, name: users.name, email: users.email, isLead: evaluationAssignments.isLead })
        .from(evaluationAssignments)
        .innerJoin(users, eq(users.id, evaluationAssignments.userId))
        .where(eq(evaluationAssignments.evaluationId, evaluationId))
        .orderBy(asc(users.name), asc(users.id));
    },
    async replace(evaluationId: string, list: ReadonlyArray<{ userId: string; isLead: boolean }>, executor: Db = db): Promise<void> {
      await executor.delete(evaluationAssignments).where(eq(evaluationAssignments.evaluationId, evaluationId));
      if (list.length) await executor.insert(evaluationAssignments).values(list.map((a) => ({ evaluationId, userId: a.userId, isLead: a.isLead })));
    },
    async all(executor: Db = db): Promise<Array<typeof evaluationAssignments.$inferSelect>> {
      return executor.select().from(evaluationAssignments).orderBy(asc(evaluationAssignments.evaluationId), asc(evaluationAssignments.userId));
    },
    async insertMany(rows: ReadonlyArray<typeof evaluationAssignments.$inferInsert>, executor: Db = db): Promise<void> {
      if (rows.length) await executor.insert(evaluationAssignments).values([...rows]);
    },

    async insertComment(values: typeof evaluationComments.$inferInsert, executor: Db = db): Promise<CommentRow> {
      const [row] = await executor.insert(evaluationComments).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    async listComments(evaluationId: string, executor: Db = db): Promise<CommentRow[]> {
      return executor.select().from(evaluationComments).where(eq(evaluationComments.evaluationId, evaluationId)).orderBy(asc(evaluationComments.createdAt), asc(evaluationComments.id));
    },
    async getComment(id: string, executor: Db = db): Promise<CommentRow | undefined> {
      const [row] = await executor.select().from(evaluationComments).where(eq(evaluationComments.id, id));
      return row;
    },
    async setResolved(id: string, resolved: { at: Date; by: string } | null, executor: Db = db): Promise<CommentRow | undefined> {
      const [row] = await executor
        .update(evaluationComments)
        .set({ resolvedAt: resolved?.at ?? null, resolvedBy: resolved?.by ?? null })
        .where(eq(evaluationComments.id, id))
        .returning();
      return row;
    },
    /** Open threads (first comments not resolved) of the evaluations, with whether they are internal. */
    async openThreads(evaluationIds: readonly string[], executor: Db = db): Promise<Array<Pick<CommentRow, 'id' | 'evaluationId' | 'internal' | 'userId'>>> {
      if (evaluationIds.length === 0) return [];
      return executor
        .select({ id: evaluationComments.id, evaluationId: evaluationComments.evaluationId, internal: evaluationComments.internal, userId: evaluationComments.userId })
        .from(evaluationComments)
        .where(and(inArray(evaluationComments.evaluationId, [...evaluationIds]), isNull(evaluationComments.parentId), isNull(evaluationComments.resolvedAt)));
    },
    /** Evaluations a user is assigned to. */
    async byUser(userId: string, executor: Db = db): Promise<Array<{ evaluationId: string; isLead: boolean }>> {
      return executor.select({ evaluationId: evaluationAssignments.evaluationId, isLead: evaluationAssignments.isLead }).from(evaluationAssignments).where(eq(evaluationAssignments.userId, userId));
    },
    /** Evaluations that have a lead evaluator. */
    async withLead(executor: Db = db): Promise<Set<string>> {
      const rows = await executor.select({ evaluationId: evaluationAssignments.evaluationId }).from(evaluationAssignments).where(eq(evaluationAssignments.isLead, true));
      return new Set(rows.map((r) => r.evaluationId));
    },
    async allComments(executor: Db = db): Promise<CommentRow[]> {
      return executor.select().from(evaluationComments).orderBy(asc(evaluationComments.createdAt), asc(evaluationComments.id));
    },
    async insertComments(rows: readonly CommentRow[], executor: Db = db): Promise<void> {
      if (rows.length) await executor.insert(evaluationComments).values([...rows]);
    },
  };
}
export type AssignmentRepository = ReturnType<typeof createAssignmentRepository>;
