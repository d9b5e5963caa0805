import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { areaTexts, evaluations, evaluators, municipalities, subareaScores } from '../db/schema.ts';
import type { AreaText, Evaluation, EvaluationInputParsed, EvaluationStatus } from '../domain/evaluation.ts';
import { AREA_NUMBERS } from '../domain/framework.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;

export interface EvaluationFilter {
  municipalityCode?: string | undefined;
  year?: number | undefined;
  frameworkId?: string | undefined;
  statuses?: readonly EvaluationStatus[] | undefined;
  /** Only published evaluations, and those shared for review with this municipality (municipality users). */
  reviewFor?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface ListedEvaluation {
  row: EvaluationRow;
  municipalityName: string;
}

export interface ScoreData {
  id: string;
  frameworkId: string;
  municipalityCode: string;
  year: number;
  month: number | null;
  reportDate: string | null;
  status: EvaluationStatus;
  statedTotal: number | null;
  /** Set when a published correction replaced this evaluation. */
  supersededById: string | null;
  /** Bumped by every change of the evaluation (read models compare it to reload only what changed). */
  version: number;
  ordinal: number | null;
  updatedAt: Date;
  subareaPoints: Record<string, number>;
  statedAreaScores: Record<number, number>;
}

/** The columns an evaluation row shares by name with the evaluation as data (both directions). */
const FACT_KEYS = [
  'municipalityCode', 'frameworkId', 'year', 'month', 'reportDate', 'periodStart', 'periodEnd', 'ordinal',
  'interviews', 'interviewsApprox', 'status', 'summary', 'statedTotal', 'keyFacts', 'sourceHash',
] as const satisfies ReadonlyArray<keyof EvaluationRow & keyof EvaluationInputParsed>;
type Facts = Pick<EvaluationInputParsed, (typeof FACT_KEYS)[number]>;

function pickFacts(from: Facts): Facts {
  return Object.fromEntries(FACT_KEYS.map((k) => [k, from[k]])) as Facts;
}

function emptyArea(number: number): AreaText {
  return { number, statedScore: null, summary: '', narratives: {}, strengths: [], improvements: [], goodExamples: [] };
}

/** Evaluations restored per batch, and rows per multi-row statement (well below the 65,535 parameters of one statement). */
const RESTORE_BATCH = 100;
const ROWS_PER_STATEMENT = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createEvaluationRepository(db: Db) {
  const where = (f: EvaluationFilter): SQL | undefined => {
    const parts: SQL[] = [];
    if (f.municipalityCode) parts.push(eq(evaluations.municipalityCode, f.municipalityCode));
    if (f.year !== undefined) parts.push(eq(evaluations.year, f.year));
    if (f.frameworkId) parts.push(eq(evaluations.frameworkId, f.frameworkId));
    if (f.statuses) parts.push(f.statuses.length ? inArray(evaluations.status, [...f.statuses]) : sql`false`);
    if (f.reviewFor !== undefined) {
      const scope = or(eq(evaluations.status, 'published'), and(eq(evaluations.status, 'review'), eq(evaluations.municipalityCode, f.reviewFor)));
      if (scope) parts.push(scope);
    }
    return parts.length ? and(...parts) : undefined;
  };

  const repo = {
    async insert(input: EvaluationInputParsed, actor: string | null, executor: Db = db): Promise<string> {
      const [row] = await executor
        .insert(evaluations)
        .values({
          ...pickFacts(input),
          source: input.source,
          updatedBy: actor,
        })
        .returning({ id: evaluations.id });
      if (!row) throw new Error('insert returned no row');
      await repo.replaceEvaluators(row.id, input.evaluators, executor);
      await repo.setScores(row.id, input.scores, executor);
      for (const area of input.areas) await repo.upsertArea(row.id, area, executor);
      return row.id;
    },

    /**
     * Restores exported evaluations exactly (ids, versions, timestamps kept), with one multi-row
     * statement per table and batch instead of a dozen statements per evaluation.
     */
    async insertRestored(list: readonly Evaluation[], executor: Db = db): Promise<void> {
      for (let i = 0; i < list.length; i += RESTORE_BATCH) {
        const batch = list.slice(i, i + RESTORE_BATCH);
        await executor.insert(evaluations).values(
          batch.map((e) => ({
            id: e.id,
            ...pickFacts(e),
            source: e.source,
            supersedesId: e.supersedesId,
            supersededById: e.supersededById,
            version: e.version,
            createdAt: new Date(e.createdAt),
            updatedAt: new Date(e.updatedAt),
            updatedBy: e.updatedBy,
          })),
        );
        const people = batch.flatMap((e) => e.evaluators.map((v, position) => ({ evaluationId: e.id, position, name: v.name, organisation: v.organisation, isLead: v.isLead })));
        const points = batch.flatMap((e) => Object.entries(e.scores).flatMap(([subareaId, p]) => (p === null ? [] : [{ evaluationId: e.id, subareaId, points: p }])));
        const texts = batch.flatMap((e) =>
          e.areas.map((a) => ({ evaluationId: e.id, areaNumber: a.number, statedScore: a.statedScore, summary: a.summary, narratives: a.narratives, strengths: a.strengths, improvements: a.improvements, goodExamples: a.goodExamples })),
        );
        for (const chunk of chunks(people, ROWS_PER_STATEMENT)) await executor.insert(evaluators).values(chunk);
        for (const chunk of chunks(points, ROWS_PER_STATEMENT)) await executor.insert(subareaScores).values(chunk);
        for (const chunk of chunks(texts, ROWS_PER_STATEMENT)) await executor.insert(areaTexts).values(chunk);
      }
    },

    async replaceEvaluators(id: string, list: Evaluation['evaluators'], executor: Db = db): Promise<void> {
      await executor.delete(evaluators).where(eq(evaluators.evaluationId, id));
      if (list.length === 0) return;
      await executor.insert(evaluators).values(list.map((e, position) => ({ evaluationId: id, position, name: e.name, organisation: e.organisation, isLead: e.isLead })));
    },

    /** Sets points per subarea; null removes a score (unknown). */
    async setScores(id: string, scores: Readonly<Record<string, number | null>>, executor: Db = db): Promise<void> {
      const entries = Object.entries(scores);
      const removed = entries.filter(([, v]) => v === null).map(([k]) => k);
      const set = entries.flatMap(([subareaId, points]) => (points === null ? [] : [{ evaluationId: id, subareaId, points }]));
      if (removed.length) await executor.delete(subareaScores).where(and(eq(subareaScores.evaluationId, id), inArray(subareaScores.subareaId, removed)));
      if (set.length) {
        await executor
          .insert(subareaScores)
          .values(set)
          .onConflictDoUpdate({ target: [subareaScores.evaluationId, subareaScores.subareaId], set: { points: sql`excluded.points` } });
      }
    },

    async upsertArea(id: string, area: AreaText, executor: Db = db): Promise<void> {
      const values = {
        evaluationId: id,
        areaNumber: area.number,
        statedScore: area.statedScore,
        summary: area.summary,
        narratives: area.narratives,
        strengths: area.strengths,
        improvements: area.improvements,
        goodExamples: area.goodExamples,
      };
      const { evaluationId: _e, areaNumber: _a, ...rest } = values;
      await executor.insert(areaTexts).values(values).onConflictDoUpdate({ target: [areaTexts.evaluationId, areaTexts.areaNumber], set: rest });
    },

    /** Optimistic concurrency: bumps the version only when it still equals expectedVersion. */
    async bumpVersion(id: string, expectedVersion: number, actor: string | null, patch: Partial<EvaluationRow>, executor: Db = db): Promise<EvaluationRow | undefined> {
      const [row] = await executor
        .update(evaluations)
        .set({ ...patch, version: sql`${evaluations.version} + 1`, updatedAt: new Date(), updatedBy: actor })
        .where(and(eq(evaluations.id, id), eq(evaluations.version, expectedVersion)))
        .returning();
      return row;
    },

    /** The unpublished correction of an evaluation, if one is under way. */
    async findOpenCorrection(originalId: string, executor: Db = db): Promise<{ id: string } | undefined> {
      const [row] = await executor
        .select({ id: evaluations.id })
        .from(evaluations)
        .where(and(eq(evaluations.supersedesId, originalId), ne(evaluations.status, 'published'), isNull(evaluations.supersededById)));
      return row;
    },

    /** Marks a new draft as the correction of `originalId` (in the creating transaction). */
    async linkCorrection(correctionId: string, originalId: string, executor: Db = db): Promise<void> {
      await executor.update(evaluations).set({ supersedesId: originalId }).where(eq(evaluations.id, correctionId));
    },

    async getRow(id: string, executor: Db = db): Promise<EvaluationRow | undefined> {
      const [row] = await executor.select().from(evaluations).where(eq(evaluations.id, id));
      return row;
    },

    /** Every evaluation of a municipality in a year (the same-year rule). */
    async findSameYear(municipalityCode: string, year: number, executor: Db = db): Promise<EvaluationRow[]> {
      return executor.select().from(evaluations).where(and(eq(evaluations.municipalityCode, municipalityCode), eq(evaluations.year, year))).orderBy(asc(evaluations.createdAt));
    },

    async findBySourceHash(hash: string, executor: Db = db): Promise<EvaluationRow | undefined> {
      const [row] = await executor.select().from(evaluations).where(eq(evaluations.sourceHash, hash));
      return row;
    },

    async getFull(id: string, executor: Db = db): Promise<Evaluation | undefined> {
      const [head] = await executor
        .select({ e: evaluations, m: municipalities })
        .from(evaluations)
        .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
        .where(eq(evaluations.id, id));
      if (!head) return undefined;
      const [evs, areas, scores] = await Promise.all([
        executor.select().from(evaluators).where(eq(evaluators.evaluationId, id)).orderBy(asc(evaluators.position)),
        executor.select().from(areaTexts).where(eq(areaTexts.evaluationId, id)),
        executor.select().from(subareaScores).where(eq(subareaScores.evaluationId, id)),
      ]);
      const e = head.e;
      const byNumber = new Map(areas.map((a) => [a.areaNumber, a]));
      const areaList: AreaText[] = AREA_NUMBERS.map((n) => {
        const a = byNumber.get(n);
        return a
          ? { number: n, statedScore: a.statedScore, summary: a.summary, narratives: a.narratives, strengths: a.strengths, improvements: a.improvements, goodExamples: a.goodExamples }
          : emptyArea(n);
      });
      return {
        id: e.id,
        ...pickFacts(e),
        municipality: { code: head.m.code, name: head.m.name, kind: head.m.kind },
        source: { kind: e.source.kind, ...(e.source.fileName ? { fileName: e.source.fileName } : {}), ...(e.source.found ? { found: e.source.found } : {}), ...(e.source.corrected ? { corrected: e.source.corrected } : {}) },
        evaluators: evs.map((v) => ({ name: v.name, organisation: v.organisation, isLead: v.isLead })),
        scores: Object.fromEntries(scores.sort((a, b) => a.subareaId.localeCompare(b.subareaId, 'sv', { numeric: true })).map((s) => [s.subareaId, s.points])),
        areas: areaList,
        version: e.version,
        createdAt: e.createdAt.toISOString(),
        updatedAt: e.updatedAt.toISOString(),
        updatedBy: e.updatedBy,
        supersedesId: e.supersedesId,
        supersededById: e.supersededById,
      };
    },

    async list(filter: EvaluationFilter): Promise<{ items: ListedEvaluation[]; count: number }> {
      const cond = where(filter);
      const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(evaluations).where(cond);
      const rows = await db
        .select({ e: evaluations, name: municipalities.name })
        .from(evaluations)
        .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
        .where(cond)
        .orderBy(desc(evaluations.year), desc(evaluations.month), asc(municipalities.name), asc(evaluations.id))
        .limit(filter.limit ?? 50)
        .offset(filter.offset ?? 0);
      return { items: rows.map((r) => ({ row: r.e, municipalityName: r.name })), count: countRow?.n ?? 0 };
    },

    /** Score data of evaluations, for totals, averages and comparisons. */
    async scoreData(filter: EvaluationFilter & { ids?: readonly string[] }): Promise<ScoreData[]> {
      const parts: SQL[] = [];
      const base = where(filter);
      if (base) parts.push(base);
      if (filter.ids) parts.push(filter.ids.length ? inArray(evaluations.id, [...filter.ids]) : sql`false`);
      const rows = await db
        .select({
          id: evaluations.id,
          frameworkId: evaluations.frameworkId,
          municipalityCode: evaluations.municipalityCode,
          year: evaluations.year,
          month: evaluations.month,
          reportDate: evaluations.reportDate,
          status: evaluations.status,
          statedTotal: evaluations.statedTotal,
          supersededById: evaluations.supersededById,
          version: evaluations.version,
          ordinal: evaluations.ordinal,
          updatedAt: evaluations.updatedAt,
        })
        .from(evaluations)
        .where(parts.length ? and(...parts) : undefined);
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const [scores, stated] = await Promise.all([
        db.select().from(subareaScores).where(inArray(subareaScores.evaluationId, ids)),
        db
          .select({ evaluationId: areaTexts.evaluationId, areaNumber: areaTexts.areaNumber, statedScore: areaTexts.statedScore })
          .from(areaTexts)
          .where(and(inArray(areaTexts.evaluationId, ids), sql`${areaTexts.statedScore} is not null`)),
      ]);
      const out = new Map<string, ScoreData>(rows.map((r) => [r.id, { ...r, subareaPoints: {}, statedAreaScores: {} }]));
      for (const s of scores) {
        const d = out.get(s.evaluationId);
        if (d) d.subareaPoints[s.subareaId] = s.points;
      }
      for (const s of stated) {
        const d = out.get(s.evaluationId);
        if (d && s.statedScore !== null) d.statedAreaScores[s.areaNumber] = s.statedScore;
      }
      return [...out.values()];
    },

    async delete(id: string, expectedVersion: number, executor: Db = db): Promise<boolean> {
      const rows = await executor.delete(evaluations).where(and(eq(evaluations.id, id), eq(evaluations.version, expectedVersion))).returning({ id: evaluations.id });
      return rows.length > 0;
    },

    /** Area texts (strengths, narratives, good examples) of the given evaluations. */
    async areaTextsOf(ids: readonly string[]): Promise<Array<AreaText & { evaluationId: string }>> {
      if (ids.length === 0) return [];
      const rows = await db.select().from(areaTexts).where(inArray(areaTexts.evaluationId, [...ids]));
      return rows.map((a) => ({
        evaluationId: a.evaluationId,
        number: a.areaNumber,
        statedScore: a.statedScore,
        summary: a.summary,
        narratives: a.narratives,
        strengths: a.strengths,
        improvements: a.improvements,
        goodExamples: a.goodExamples,
      }));
    },

    /** Every stored subarea score of evaluations in a framework version, with what names the evaluation. */
    async scoredSubareas(frameworkId: string, executor: Db = db): Promise<Array<{ evaluationId: string; municipalityName: string; year: number; subareaId: string; points: number }>> {
      return executor
        .select({ evaluationId: evaluations.id, municipalityName: municipalities.name, year: evaluations.year, subareaId: subareaScores.subareaId, points: subareaScores.points })
        .from(subareaScores)
        .innerJoin(evaluations, eq(evaluations.id, subareaScores.evaluationId))
        .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
        .where(eq(evaluations.frameworkId, frameworkId))
        .orderBy(asc(subareaScores.subareaId), asc(municipalities.name), asc(evaluations.year));
    },

    /** Id and version of every evaluation: what a read model checks after a change (two columns, no texts). */
    async versions(): Promise<Array<{ id: string; version: number }>> {
      return db.select({ id: evaluations.id, version: evaluations.version }).from(evaluations);
    },

    async allIds(executor: Db = db): Promise<string[]> {
      const rows = await executor.select({ id: evaluations.id }).from(evaluations).orderBy(asc(evaluations.createdAt), asc(evaluations.id));
      return rows.map((r) => r.id);
    },
  };
  return repo;
}
export type EvaluationRepository = ReturnType<typeof createEvaluationRepository>;
