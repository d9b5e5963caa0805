import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { evaluationAssignments, evaluations, municipalities, questionBank, questionnaires, type QuestionnaireAnswer } from '../db/schema.ts';

export interface BankRow {
  id: string;
  subareaId: string;
  position: number;
  text: string;
  help: string;
}

export interface QuestionnaireRow {
  answers: Record<string, QuestionnaireAnswer>;
  submittedAt: string | null;
  submittedBy: string | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** Question banks per framework version, and the municipality's answers per evaluation. */
export function createQuestionnaireRepository(db: Db) {
  return {
    async questions(frameworkId: string, executor: Db = db): Promise<BankRow[]> {
      return executor
        .select({ id: questionBank.id, subareaId: questionBank.subareaId, position: questionBank.position, text: questionBank.text, help: questionBank.help })
        .from(questionBank)
        .where(eq(questionBank.frameworkId, frameworkId))
        .orderBy(asc(questionBank.subareaId), asc(questionBank.position));
    },

    /** Writes the starting bank of a version unless it has questions already (one writer at a time per version). */
    async seedIfEmpty(frameworkId: string, rows: ReadonlyArray<{ subareaId: string; text: string; help: string }>): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`question_bank:${frameworkId}`}))`);
        const [any] = await tx.select({ id: questionBank.id }).from(questionBank).where(eq(questionBank.frameworkId, frameworkId)).limit(1);
        if (any || rows.length === 0) return;
        const position = new Map<string, number>();
        await tx.insert(questionBank).values(
          rows.map((r) => {
            const p = (position.get(r.subareaId) ?? 0) + 1;
            position.set(r.subareaId, p);
            return { frameworkId, subareaId: r.subareaId, position: p, text: r.text, help: r.help };
          }),
        );
      });
    },

    /** Replaces the questions of one subarea: kept ids are updated in place (their answers stay theirs), others removed or added. */
    async replaceSubarea(frameworkId: string, subareaId: string, list: ReadonlyArray<{ id?: string | undefined; text: string; help: string }>, executor: Db = db): Promise<void> {
      const existing = await executor.select({ id: questionBank.id }).from(questionBank).where(and(eq(questionBank.frameworkId, frameworkId), eq(questionBank.subareaId, subareaId)));
      const keep = new Set(list.flatMap((q) => (q.id ? [q.id] : [])));
      for (const e of existing) if (!keep.has(e.id)) await executor.delete(questionBank).where(eq(questionBank.id, e.id));
      const now = new Date();
      for (const [i, q] of list.entries()) {
        if (q.id && existing.some((e) => e.id === q.id)) {
          await executor.update(questionBank).set({ position: i + 1, text: q.text, help: q.help, updatedAt: now }).where(eq(questionBank.id, q.id));
        } else {
          await executor.insert(questionBank).values({ frameworkId, subareaId, position: i + 1, text: q.text, help: q.help, updatedAt: now });
        }
      }
    },

    async get(evaluationId: string, executor: Db = db): Promise<QuestionnaireRow | null> {
      const [r] = await executor.select().from(questionnaires).where(eq(questionnaires.evaluationId, evaluationId));
      if (!r) return null;
      return {
        answers: r.answers,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        submittedBy: r.submittedBy,
        reopenedAt: r.reopenedAt?.toISOString() ?? null,
        reopenedBy: r.reopenedBy,
        version: r.version,
        updatedBy: r.updatedBy,
        updatedAt: r.updatedAt.toISOString(),
      };
    },

    /**
     * Saves the answers when the stored version is `expectedVersion` (0: none stored yet); false when
     * someone else saved in between.
     */
    async save(args: { evaluationId: string; expectedVersion: number; answers: Record<string, QuestionnaireAnswer>; submit: boolean; by: string }, executor: Db = db): Promise<boolean> {
      const now = new Date();
      const submitted = args.submit ? { submittedAt: now, submittedBy: args.by } : {};
      if (args.expectedVersion === 0) {
        const rows = await executor
          .insert(questionnaires)
          .values({ evaluationId: args.evaluationId, answers: args.answers, version: 1, updatedBy: args.by, updatedAt: now, ...submitted })
          .onConflictDoNothing()
          .returning({ v: questionnaires.version });
        return rows.length === 1;
      }
      const rows = await executor
        .update(questionnaires)
        .set({ answers: args.answers, version: sql`${questionnaires.version} + 1`, updatedBy: args.by, updatedAt: now, ...submitted })
        .where(and(eq(questionnaires.evaluationId, args.evaluationId), eq(questionnaires.version, args.expectedVersion)))
        .returning({ v: questionnaires.version });
      return rows.length === 1;
    },

    /** Unpublished evaluations (newest first) with their questionnaire, for a municipality's users or an evaluator's assignments. */
    async listOpen(filter: { municipalityCode?: string; assignedTo?: string }, executor: Db = db) {
      const where: SQL[] = [ne(evaluations.status, 'published')];
      if (filter.municipalityCode) where.push(eq(evaluations.municipalityCode, filter.municipalityCode));
      if (filter.assignedTo) where.push(sql`exists (select 1 from ${evaluationAssignments} where ${evaluationAssignments.evaluationId} = ${evaluations.id} and ${evaluationAssignments.userId} = ${filter.assignedTo})`);
      return executor
        .select({ evaluationId: evaluations.id, frameworkId: evaluations.frameworkId, year: evaluations.year, municipalityCode: evaluations.municipalityCode, municipalityName: municipalities.name, answers: questionnaires.answers, submittedAt: questionnaires.submittedAt })
        .from(evaluations)
        .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
        .leftJoin(questionnaires, eq(questionnaires.evaluationId, evaluations.id))
        .where(and(...where))
        .orderBy(desc(evaluations.year), asc(municipalities.name))
        .limit(200);
    },

    async reopen(evaluationId: string, by: string, executor: Db = db): Promise<void> {
      await executor
        .update(questionnaires)
        .set({ submittedAt: null, submittedBy: null, reopenedAt: new Date(), reopenedBy: by, version: sql`${questionnaires.version} + 1` })
        .where(eq(questionnaires.evaluationId, evaluationId));
    },
  };
}
export type QuestionnaireRepository = ReturnType<typeof createQuestionnaireRepository>;
