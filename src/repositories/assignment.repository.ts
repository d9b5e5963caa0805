import { and, asc, eq } from 'drizzle-orm';
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
    async allComments(executor: Db = db): Promise<CommentRow[]> {
      return executor.select().from(evaluationComments).orderBy(asc(evaluationComments.createdAt), asc(evaluationComments.id));
    },
    async insertComments(rows: readonly CommentRow[], executor: Db = db): Promise<void> {
      if (rows.length) await executor.insert(evaluationComments).values([...rows]);
    },
  };
}
export type AssignmentRepository = ReturnType<typeof createAssignmentRepository>;
