import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { evaluations, frameworks, municipalities } from '../db/schema.ts';
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
    translations: row.translations,
    mergedVariants: row.mergedVariants,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** An evaluation made with a framework version, as the administration pages name it. */
export interface FrameworkEvaluation {
  id: string;
  municipalityName: string;
  year: number;
  status: 'draft' | 'review' | 'published';
}

/** A subarea id an evaluation refers to somewhere (scores, texts, evidence), with the points where it is a score. */
export interface SubareaUse {
  evaluationId: string;
  subareaId: string;
  /** scores, agreed, independent, narrative, good-example, evidence */
  kind: string;
  points: number | null;
}

const rowsOf = (result: unknown): Array<Record<string, unknown>> => (result as { rows: Array<Record<string, unknown>> }).rows;

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
        .values({ id: fw.id, name: fw.name, year: fw.year, origin: fw.origin, needsReview: fw.needsReview, about: fw.about, notes: fw.notes, areas: fw.areas, translations: fw.translations ?? {}, mergedVariants: fw.mergedVariants ?? [] })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    /** Every update bumps the version; with `expectedVersion` only that version is changed (else undefined). Translations not given are kept. */
    async update(fw: FrameworkDef, executor: Db = db, expectedVersion?: number): Promise<FrameworkRow | undefined> {
      const [row] = await executor
        .update(frameworks)
        .set({ name: fw.name, year: fw.year, origin: fw.origin, needsReview: fw.needsReview, about: fw.about, notes: fw.notes, areas: fw.areas, ...(fw.translations !== undefined ? { translations: fw.translations } : {}), ...(fw.mergedVariants !== undefined ? { mergedVariants: fw.mergedVariants } : {}), updatedAt: new Date(), version: sql`${frameworks.version} + 1` })
        .where(expectedVersion === undefined ? eq(frameworks.id, fw.id) : and(eq(frameworks.id, fw.id), eq(frameworks.version, expectedVersion)))
        .returning();
      return row;
    },
    /** Stores the shipped translations of a version that has none yet (edits made since are kept). */
    async seedTranslations(id: string, translations: FrameworkDef['translations']): Promise<void> {
      await db.update(frameworks).set({ translations: translations ?? {} }).where(and(eq(frameworks.id, id), sql`${frameworks.translations} = '{}'::jsonb`));
    },
    /** How many evaluations (all statuses, and published ones) use each framework version. */
    async evaluationCounts(): Promise<Map<string, { total: number; published: number }>> {
      const rows = await db
        .select({ id: evaluations.frameworkId, total: sql<number>`count(*)::int`, published: sql<number>`(count(*) filter (where ${evaluations.status} = 'published'))::int` })
        .from(evaluations)
        .groupBy(evaluations.frameworkId);
      return new Map(rows.map((r) => [r.id, { total: Number(r.total), published: Number(r.published) }]));
    },
    /** The evaluations made with a version, by municipality and year. */
    async evaluationsUsing(frameworkId: string, executor: Db = db): Promise<FrameworkEvaluation[]> {
      return executor
        .select({ id: evaluations.id, municipalityName: municipalities.name, year: evaluations.year, status: evaluations.status })
        .from(evaluations)
        .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
        .where(eq(evaluations.frameworkId, frameworkId))
        .orderBy(asc(municipalities.name), asc(evaluations.year), asc(evaluations.id));
    },
    /**
     * Every subarea id the evaluations of a version refer to: scores, agreed and independent scores, subarea
     * texts, good examples and evidence. What must exist in another version before its evaluations can move there.
     */
    async subareaUses(frameworkId: string, executor: Db = db): Promise<SubareaUse[]> {
      const rows = rowsOf(
        await executor.execute(sql`
          with e as (select id from evaluations where framework_id = ${frameworkId})
          select s.evaluation_id, s.subarea_id, 'scores' as kind, s.points from subarea_scores s join e on e.id = s.evaluation_id
          union all select a.evaluation_id, a.subarea_id, 'agreed', a.value from agreed_scores a join e on e.id = a.evaluation_id
          union all select i.evaluation_id, k.key, 'independent', (k.value #>> '{}')::double precision from independent_score_sheets i join e on e.id = i.evaluation_id, jsonb_each(i.scores) k
          union all select t.evaluation_id, n.key, 'narrative', null from area_texts t join e on e.id = t.evaluation_id, jsonb_each_text(t.narratives) n where n.value <> ''
          union all select t.evaluation_id, g.value->>'subareaId', 'good-example', null from area_texts t join e on e.id = t.evaluation_id, jsonb_array_elements(t.good_examples) g where g.value->>'subareaId' is not null
          union all select v.evaluation_id, x.value, 'evidence', null from evidence_items v join e on e.id = v.evaluation_id, jsonb_array_elements_text(v.subarea_ids) x
        `),
      );
      return rows.map((r) => ({ evaluationId: String(r.evaluation_id), subareaId: String(r.subarea_id), kind: String(r.kind), points: r.points === null || r.points === undefined ? null : Number(r.points) }));
    },
    /** Evaluations of the version whose questionnaire has answers (answers name the version's own questions). */
    async evaluationsWithAnswers(frameworkId: string, executor: Db = db): Promise<string[]> {
      const rows = rowsOf(
        await executor.execute(sql`select q.evaluation_id from questionnaires q join evaluations e on e.id = q.evaluation_id where e.framework_id = ${frameworkId} and q.answers <> '{}'::jsonb`),
      );
      return rows.map((r) => String(r.evaluation_id));
    },
    /** Moves every evaluation of one version to another; each moved evaluation's version is bumped (read models reload it). */
    async repointEvaluations(from: string, to: string, updatedBy: string, executor: Db = db): Promise<string[]> {
      const rows = await executor
        .update(evaluations)
        .set({ frameworkId: to, version: sql`${evaluations.version} + 1`, updatedAt: new Date(), updatedBy })
        .where(eq(evaluations.frameworkId, from))
        .returning({ id: evaluations.id });
      return rows.map((r) => r.id);
    },
    /** Removes a version (its question bank and concordances go with it); only when no evaluation uses it. */
    /** Records that these variants were merged into `into` (kept with those merged before). */
    async addMergedVariants(into: string, ids: readonly string[], executor: Db = db): Promise<void> {
      await executor
        .update(frameworks)
        .set({ mergedVariants: sql`(select coalesce(jsonb_agg(distinct v), '[]'::jsonb) from jsonb_array_elements_text(${frameworks.mergedVariants} || ${JSON.stringify(ids)}::jsonb) v)` })
        .where(eq(frameworks.id, into));
    },
    async remove(id: string, expectedVersion: number, executor: Db = db): Promise<boolean> {
      const rows = await executor.delete(frameworks).where(and(eq(frameworks.id, id), eq(frameworks.version, expectedVersion))).returning({ id: frameworks.id });
      return rows.length > 0;
    },
  };
}
export type FrameworkRepository = ReturnType<typeof createFrameworkRepository>;
