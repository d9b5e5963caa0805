/**
 * Benchmark and open-data queries over current published evaluations (status published, not superseded
 * by a correction). Scores are computed in SQL with the method's rules (src/domain/scoring.ts
 * `computeScores`): an area is the sum of its subareas once all are scored, otherwise its printed score;
 * the total is the printed total, otherwise the sum of the areas once all are known. Aggregates
 * (count, mean, percentile_cont, min, max) run in the database, so nothing is loaded per request but
 * the figures. test/integration/benchmarks.test.ts checks these numbers against the score index.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { peerGroupMembers, peerGroups } from '../db/schema.ts';
import type { Distribution } from '../domain/statistics.ts';

export type ScoreLevel = 'total' | 'area' | 'subarea';

/** The figures of `describe` (src/domain/statistics.ts), computed by the database for one score. */
export interface AggregateRow extends Distribution {
  level: ScoreLevel;
  /** '' for the total, the area number or the subarea id. */
  key: string;
}

export interface ValueRow {
  evaluationId: string;
  level: ScoreLevel;
  key: string;
  score: number | null;
  /** Area rows: subareas / stated / partial / unknown; total rows: computed / stated / unknown. */
  source: string;
}

export interface PublishedEvaluationRow {
  id: string;
  frameworkId: string;
  year: number;
  month: number | null;
  reportDate: string | null;
  municipalityCode: string;
  municipalityName: string;
  countyCode: string;
  countyName: string;
}

type Raw = Record<string, unknown>;
const rowsOf = (result: unknown): Raw[] => (result as { rows: Raw[] }).rows;
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

const CURRENT_PUBLISHED = sql`e.status = 'published' and e.superseded_by_id is null`;

/**
 * Per evaluation selected by `evaluationWhere` (over `evaluations e`): every known subarea score,
 * every area score (with its source) and the total (with its source), as rows (evaluation_id, level, key, score, source).
 */
function scoredValues(evaluationWhere: SQL, limit?: number): SQL {
  return sql`with ev as (
      select e.id, e.framework_id, e.stated_total from evaluations e where ${evaluationWhere}
      ${limit === undefined ? sql`` : sql`order by e.id limit ${limit}`}
    ),
    fa as (
      select f.id as framework_id, (a->>'number')::int as area_number, jsonb_array_length(a->'subareas') as n_sub
      from frameworks f cross join lateral jsonb_array_elements(f.areas) a
      where f.id in (select distinct framework_id from ev)
    ),
    sub as (
      select s.evaluation_id, s.subarea_id, split_part(s.subarea_id, '.', 1)::int as area_number, s.points
      from subarea_scores s join ev on ev.id = s.evaluation_id
    ),
    area as (
      select ev.id as evaluation_id, fa.area_number,
        case when fa.n_sub > 0 and count(sub.points) = fa.n_sub then round(sum(sub.points)::numeric, 6)::float8 else max(at.stated_score) end as score,
        case when fa.n_sub > 0 and count(sub.points) = fa.n_sub then 'subareas' when max(at.stated_score) is not null then 'stated' when count(sub.points) > 0 then 'partial' else 'unknown' end as source
      from ev join fa on fa.framework_id = ev.framework_id
      left join sub on sub.evaluation_id = ev.id and sub.area_number = fa.area_number
      left join area_texts at on at.evaluation_id = ev.id and at.area_number = fa.area_number
      group by ev.id, fa.area_number, fa.n_sub
    ),
    total as (
      select ev.id as evaluation_id,
        coalesce(ev.stated_total, case when count(area.score) = count(*) and count(*) > 0 then round(sum(area.score)::numeric, 6)::float8 end) as score,
        case when ev.stated_total is not null then 'stated' when count(area.score) = count(*) and count(*) > 0 then 'computed' else 'unknown' end as source
      from ev left join area on area.evaluation_id = ev.id
      group by ev.id, ev.stated_total
    ),
    vals as (
      select evaluation_id, 'total' as level, '' as key, score, source from total
      union all select evaluation_id, 'area', area_number::text, score, source from area
      union all select evaluation_id, 'subarea', subarea_id, points, 'subareas' from sub
    )`;
}

const toValue = (r: Raw): ValueRow => ({ evaluationId: String(r.evaluation_id), level: r.level as ScoreLevel, key: String(r.key), score: numOrNull(r.score), source: String(r.source) });

export function createBenchmarkRepository(db: Db) {
  const published = (frameworkId: string, year: number | undefined): SQL =>
    sql`${CURRENT_PUBLISHED} and e.framework_id = ${frameworkId}${year === undefined ? sql`` : sql` and e.year = ${year}`}`;

  /** The latest current published evaluation of each listed municipality in a version (and year). */
  const latestOf = (frameworkId: string, year: number | undefined, municipalityCodes: SQL): SQL =>
    sql`e.id in (select distinct on (x.municipality_code) x.id from evaluations x
      where x.status = 'published' and x.superseded_by_id is null and x.framework_id = ${frameworkId}
      ${year === undefined ? sql`` : sql`and x.year = ${year}`} and x.municipality_code in (${municipalityCodes})
      order by x.municipality_code, x.year desc, x.month desc nulls last, x.report_date desc nulls last, x.created_at desc)`;

  return {
    /** n, mean, median, quartiles, min and max of the total, each area and each subarea. */
    async aggregates({ frameworkId, year }: { frameworkId: string; year?: number | undefined }): Promise<AggregateRow[]> {
      const rows = rowsOf(
        await db.execute(sql`${scoredValues(published(frameworkId, year))}
          select level, key, count(score)::int as n, avg(score) as mean,
            percentile_cont(0.5) within group (order by score) as median,
            percentile_cont(0.25) within group (order by score) as p25,
            percentile_cont(0.75) within group (order by score) as p75,
            min(score) as min, max(score) as max
          from vals where score is not null group by level, key`),
      );
      return rows.map((r) => ({ level: r.level as ScoreLevel, key: String(r.key), n: num(r.n), mean: num(r.mean), median: num(r.median), p25: num(r.p25), p75: num(r.p75), min: num(r.min), max: num(r.max) }));
    },

    /** How many current published evaluations each (version, year) has. */
    async publishedCounts(): Promise<Array<{ frameworkId: string; year: number; n: number }>> {
      const rows = rowsOf(await db.execute(sql`select e.framework_id, e.year, count(*)::int as n from evaluations e where ${CURRENT_PUBLISHED} group by e.framework_id, e.year order by e.framework_id, e.year`));
      return rows.map((r) => ({ frameworkId: String(r.framework_id), year: num(r.year), n: num(r.n) }));
    },

    /** The framework version of a municipality's latest current published evaluation (in `year`, when given). */
    async latestPublishedFramework(code: string, year?: number | undefined): Promise<string | null> {
      const [row] = rowsOf(
        await db.execute(sql`select e.framework_id from evaluations e where ${CURRENT_PUBLISHED} and e.municipality_code = ${code}
          ${year === undefined ? sql`` : sql`and e.year = ${year}`} order by e.year desc, e.month desc nulls last limit 1`),
      );
      return row ? String(row.framework_id) : null;
    },

    /** Scores of the latest evaluation of every municipality in a county, or in a list of municipalities. */
    async groupValues({ frameworkId, year, group }: { frameworkId: string; year?: number | undefined; group: { countyCode: string } | { codes: readonly string[] } }): Promise<{ evaluations: PublishedEvaluationRow[]; values: ValueRow[] }> {
      const codes =
        'countyCode' in group
          ? sql`select code from municipalities where county_code = ${group.countyCode}`
          : group.codes.length
            ? sql.join(group.codes.map((c) => sql`${c}`), sql`, `)
            : sql`null`;
      const where = latestOf(frameworkId, year, codes);
      const [evRows, valueRows] = await Promise.all([
        db.execute(sql`select e.id, e.framework_id, e.year, e.month, e.report_date, e.municipality_code, m.name as municipality_name, m.county_code, m.county_name
          from evaluations e join municipalities m on m.code = e.municipality_code where ${where}`),
        db.execute(sql`${scoredValues(where)} select * from vals`),
      ]);
      return { evaluations: rowsOf(evRows).map(toEvaluation), values: rowsOf(valueRows).map(toValue) };
    },

    /**
     * One page of current published evaluations (all versions) ordered by id, after `afterId`, with their
     * scores: the open-data export reads the archive page by page.
     */
    async publishedPage({ afterId, limit }: { afterId: string | null; limit: number }): Promise<{ evaluations: PublishedEvaluationRow[]; values: ValueRow[] }> {
      const where = afterId === null ? CURRENT_PUBLISHED : sql`${CURRENT_PUBLISHED} and e.id > ${afterId}`;
      const evRows = rowsOf(
        await db.execute(sql`select e.id, e.framework_id, e.year, e.month, e.report_date, e.municipality_code, m.name as municipality_name, m.county_code, m.county_name
          from evaluations e join municipalities m on m.code = e.municipality_code where ${where} order by e.id limit ${limit}`),
      );
      if (evRows.length === 0) return { evaluations: [], values: [] };
      const ids = evRows.map((r) => String(r.id));
      const values = rowsOf(await db.execute(sql`${scoredValues(sql`e.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)} select * from vals`)).map(toValue);
      return { evaluations: evRows.map(toEvaluation), values };
    },

    // ---------- peer groups ----------

    async listPeerGroups(userId: string): Promise<Array<{ id: string; name: string; version: number; updatedAt: Date; codes: string[] }>> {
      const groups = await db.select().from(peerGroups).where(eq(peerGroups.userId, userId)).orderBy(asc(peerGroups.name), asc(peerGroups.createdAt));
      if (groups.length === 0) return [];
      const members = await db.select().from(peerGroupMembers).where(inArray(peerGroupMembers.groupId, groups.map((g) => g.id))).orderBy(asc(peerGroupMembers.municipalityCode));
      return groups.map((g) => ({ id: g.id, name: g.name, version: g.version, updatedAt: g.updatedAt, codes: members.filter((m) => m.groupId === g.id).map((m) => m.municipalityCode) }));
    },

    async getPeerGroup(id: string, executor: Db = db): Promise<{ id: string; userId: string; name: string; version: number; updatedAt: Date; codes: string[] } | undefined> {
      const [g] = await executor.select().from(peerGroups).where(eq(peerGroups.id, id));
      if (!g) return undefined;
      const members = await executor.select().from(peerGroupMembers).where(eq(peerGroupMembers.groupId, id)).orderBy(asc(peerGroupMembers.municipalityCode));
      return { id: g.id, userId: g.userId, name: g.name, version: g.version, updatedAt: g.updatedAt, codes: members.map((m) => m.municipalityCode) };
    },

    async insertPeerGroup({ userId, name, codes }: { userId: string; name: string; codes: readonly string[] }, executor: Db = db): Promise<string> {
      const [row] = await executor.insert(peerGroups).values({ userId, name }).returning({ id: peerGroups.id });
      if (!row) throw new Error('insert returned no row');
      if (codes.length) await executor.insert(peerGroupMembers).values(codes.map((municipalityCode) => ({ groupId: row.id, municipalityCode })));
      return row.id;
    },

    /** Replaces name and members when the version still equals expectedVersion; false when stale. */
    async updatePeerGroup({ id, expectedVersion, name, codes }: { id: string; expectedVersion: number; name: string; codes: readonly string[] }, executor: Db = db): Promise<boolean> {
      const bumped = await executor
        .update(peerGroups)
        .set({ name, version: sql`${peerGroups.version} + 1`, updatedAt: new Date() })
        .where(and(eq(peerGroups.id, id), eq(peerGroups.version, expectedVersion)))
        .returning({ id: peerGroups.id });
      if (bumped.length === 0) return false;
      await executor.delete(peerGroupMembers).where(eq(peerGroupMembers.groupId, id));
      if (codes.length) await executor.insert(peerGroupMembers).values(codes.map((municipalityCode) => ({ groupId: id, municipalityCode })));
      return true;
    },

    async deletePeerGroup(id: string, executor: Db = db): Promise<void> {
      await executor.delete(peerGroups).where(eq(peerGroups.id, id));
    },
  };
}

function toEvaluation(r: Raw): PublishedEvaluationRow {
  return {
    id: String(r.id),
    frameworkId: String(r.framework_id),
    year: num(r.year),
    month: numOrNull(r.month),
    reportDate: r.report_date === null || r.report_date === undefined ? null : String(r.report_date instanceof Date ? r.report_date.toISOString().slice(0, 10) : r.report_date),
    municipalityCode: String(r.municipality_code),
    municipalityName: String(r.municipality_name),
    countyCode: String(r.county_code),
    countyName: String(r.county_name),
  };
}

export type BenchmarkRepository = ReturnType<typeof createBenchmarkRepository>;
