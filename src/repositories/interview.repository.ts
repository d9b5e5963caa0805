import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { interviewSessions } from '../db/schema.ts';

export interface SessionRow {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  groupName: string;
  roles: string[];
  people: number;
}

export type SessionValues = Omit<SessionRow, 'id'>;

const toSession = (r: typeof interviewSessions.$inferSelect): SessionRow => ({ id: r.id, day: r.day, startsAt: r.startsAt, endsAt: r.endsAt, place: r.place, groupName: r.groupName, roles: r.roles, people: r.people });

/** Interview days and sessions of an evaluation. */
export function createInterviewRepository(db: Db) {
  return {
    async sessions(evaluationId: string, executor: Db = db): Promise<SessionRow[]> {
      const rows = await executor.select().from(interviewSessions).where(eq(interviewSessions.evaluationId, evaluationId)).orderBy(asc(interviewSessions.day), asc(interviewSessions.startsAt), asc(interviewSessions.id));
      return rows.map(toSession);
    },
    async insert(evaluationId: string, v: SessionValues, executor: Db = db): Promise<SessionRow> {
      const [row] = await executor.insert(interviewSessions).values({ evaluationId, ...v }).returning();
      if (!row) throw new Error('insert returned no row');
      return toSession(row);
    },
    async update(evaluationId: string, id: string, v: SessionValues, executor: Db = db): Promise<SessionRow | null> {
      const [row] = await executor.update(interviewSessions).set({ ...v, updatedAt: new Date() }).where(and(eq(interviewSessions.evaluationId, evaluationId), eq(interviewSessions.id, id))).returning();
      return row ? toSession(row) : null;
    },
    async remove(evaluationId: string, id: string, executor: Db = db): Promise<boolean> {
      const rows = await executor.delete(interviewSessions).where(and(eq(interviewSessions.evaluationId, evaluationId), eq(interviewSessions.id, id))).returning({ id: interviewSessions.id });
      return rows.length === 1;
    },
  };
}
export type InterviewRepository = ReturnType<typeof createInterviewRepository>;
