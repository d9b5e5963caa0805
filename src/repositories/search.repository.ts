/**
 * Full-text search over the passages of current published evaluations (`search_documents`, kept up
 * to date by triggers in the same transaction as the texts, migration 0003), and the bulk fill used
 * by imports.
 */
import { and, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { searchDocuments, searchEvaluations, searchTerms } from '../db/schema.ts';
import { foldTerm, HEADLINE_OPTIONS, stemPrefixes, type AnalysedWord, type SearchKind } from '../domain/search.ts';

export interface SearchFilter {
  /** One framework version; undefined searches all versions. */
  frameworkId?: string | undefined;
  areaNumber?: number | undefined;
  subareaId?: string | undefined;
  kinds?: readonly SearchKind[] | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  countyCode?: string | undefined;
  municipalityCode?: string | undefined;
  /**
   * Only evaluations that achieved at least these points in `subareaId`, per framework version
   * ("municipalities scoring ≥ N % on subarea X"). Versions missing from the map are excluded.
   */
  minPoints?: ReadonlyMap<string, number> | undefined;
}

export interface SearchRow {
  id: number;
  evaluationId: string;
  kind: SearchKind;
  areaNumber: number | null;
  subareaId: string | null;
  item: number | null;
  text: string;
  exampleName: string | null;
  exampleCode: string | null;
  frameworkId: string;
  year: number;
  municipalityCode: string;
  municipalityName: string;
  rank: number | null;
  /** ts_headline with the markers of src/domain/search.ts; null without a query. */
  headline: string | null;
}

type RawRow = Record<string, unknown>;
const rowsOf = (result: unknown): RawRow[] => (result as { rows: RawRow[] }).rows;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Compound parts and diacritics: at most this many stored words stand in for one typed word. */
const TERMS_PER_WORD = 60;

export function createSearchRepository(db: Db) {
  // Raw column references: the queries below name search_documents `d`.
  const conditions = (f: SearchFilter): SQL[] => {
    const parts: SQL[] = [];
    if (f.frameworkId) parts.push(sql`d.framework_id = ${f.frameworkId}`);
    if (f.subareaId) parts.push(sql`d.subarea_id = ${f.subareaId}`);
    if (f.areaNumber !== undefined) parts.push(sql`d.area_number = ${f.areaNumber}`);
    if (f.kinds) parts.push(f.kinds.length ? sql`d.kind in (${sql.join(f.kinds.map((k) => sql`${k}`), sql`, `)})` : sql`false`);
    if (f.yearFrom !== undefined) parts.push(sql`d.year >= ${f.yearFrom}`);
    if (f.yearTo !== undefined) parts.push(sql`d.year <= ${f.yearTo}`);
    if (f.countyCode) parts.push(sql`d.county_code = ${f.countyCode}`);
    if (f.municipalityCode) parts.push(sql`d.municipality_code = ${f.municipalityCode}`);
    if (f.minPoints && f.subareaId) {
      const entries = [...f.minPoints.entries()];
      if (entries.length === 0) parts.push(sql`false`);
      else {
        const threshold = sql`case d.framework_id ${sql.join(
          entries.map(([fw, min]) => sql`when ${fw} then ${min}::double precision`),
          sql` `,
        )} end`;
        parts.push(sql`exists (select 1 from subarea_scores s where s.evaluation_id = d.evaluation_id and s.subarea_id = ${f.subareaId} and s.points >= ${threshold})`);
      }
    }
    return parts;
  };

  const columns = sql`d.id, d.evaluation_id, d.kind, d.area_number, d.subarea_id, d.item, d.text, d.example_name, d.example_code, d.framework_id, d.year, d.municipality_code, d.municipality_name, d.kind_rank`;

  const toRow = (r: RawRow): SearchRow => ({
    id: Number(r.id),
    evaluationId: String(r.evaluation_id),
    kind: r.kind as SearchKind,
    areaNumber: r.area_number === null ? null : Number(r.area_number),
    subareaId: (r.subarea_id as string | null) ?? null,
    item: r.item === null ? null : Number(r.item),
    text: String(r.text),
    exampleName: (r.example_name as string | null) ?? null,
    exampleCode: (r.example_code as string | null) ?? null,
    frameworkId: String(r.framework_id),
    year: Number(r.year),
    municipalityCode: String(r.municipality_code),
    municipalityName: String(r.municipality_name),
    rank: r.rank === undefined || r.rank === null ? null : Number(r.rank),
    headline: (r.headline as string | null | undefined) ?? null,
  });

  /** The listing order of passages: named good examples first, then strengths, narratives; newest first. */
  const LISTING_ORDER = sql`d.kind_rank, d.year desc, d.id`;
  const whereOf = (parts: SQL[]): SQL => (parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``);

  return {
    /**
     * Analyses typed words: their Swedish stems (as typed, and typed without å/ä/ö), and the stored
     * words that contain a stem (parts of compounds: "dialog" → "medborgardialog") or that a longer
     * typed form starts with ("jamforelserna" → "jämför").
     */
    async analyseWords(words: readonly string[]): Promise<AnalysedWord[]> {
      if (words.length === 0) return [];
      const stemRows = rowsOf(
        await db.execute(sql`select w.i, array(select lexeme from unnest(to_tsvector('swedish', w.word))) as stems,
            array(select lexeme from unnest(to_tsvector('swedish', search_fold(w.word)))) as folded
          from (values ${sql.join(words.map((w, i) => sql`(${i}::int, ${w}::text)`), sql`, `)}) as w(i, word) order by w.i`),
      );
      const out: AnalysedWord[] = [];
      for (const r of stemRows) {
        const stems = (r.stems as string[] | null) ?? [];
        const foldedStems = [...new Set([...stems.map(foldTerm), ...((r.folded as string[] | null) ?? [])])];
        const contains = foldedStems.filter((f) => f.length >= 3).map((f) => sql`${searchTerms.folded} like ${`%${escapeLike(f)}%`}`);
        const shorter = [...new Set(foldedStems.flatMap(stemPrefixes))];
        const alternatives = [...contains, ...(shorter.length ? [inArray(searchTerms.folded, shorter)] : [])];
        if (stems.length === 0 && alternatives.length === 0) continue;
        const terms = alternatives.length
          ? (
              await db
                .select({ term: searchTerms.term })
                .from(searchTerms)
                .where(or(...alternatives))
                .orderBy(sql`length(${searchTerms.term})`, searchTerms.term)
                .limit(TERMS_PER_WORD)
            ).map((t) => t.term)
          : [];
        out.push({ stems, terms });
      }
      return out;
    },

    /**
     * Passages matching a tsquery, with highlighted excerpts, ranked by ts_rank_cd when that is cheap,
     * else in the listing order (named good examples first, newest first) with a lower-bound count.
     * Ranking needs every matching passage; listing needs matches to be common in the listing order.
     * So: when at most `denseAfter` evaluations match (their word sets, one row each), every matching
     * passage (at most `candidates`) is ranked. When more do, the first `sample.passages` passages in
     * listing order are tried: with at least `sample.matches` matches among them the word is common and
     * its passages are listed; with fewer it is spread thinly (one passage in many evaluations) and its
     * passages are ranked after all. (Deciding by evaluations alone walked ~200,000 passages in listing
     * order for a word in 956 passages of 24,000 evaluations: 280 ms; counting passages through the
     * word index instead cost a common word at 2,400 evaluations 60–120 ms on PGlite.)
     */
    async searchText({ tsquery, filter, limit, offset, candidates, denseAfter, sample }: { tsquery: string; filter: SearchFilter; limit: number; offset: number; candidates: number; denseAfter: number; sample: { passages: number; matches: number } }): Promise<{ rows: SearchRow[]; count: number; lowerBound: boolean }> {
      const q = sql`${tsquery}::tsquery`;
      const e = searchEvaluations;
      const evaluationParts: SQL[] = [sql`${e.tsv} @@ ${q}`];
      if (filter.frameworkId) evaluationParts.push(eq(e.frameworkId, filter.frameworkId));
      if (filter.yearFrom !== undefined) evaluationParts.push(gte(e.year, filter.yearFrom));
      if (filter.yearTo !== undefined) evaluationParts.push(lte(e.year, filter.yearTo));
      if (filter.countyCode) evaluationParts.push(eq(e.countyCode, filter.countyCode));
      if (filter.municipalityCode) evaluationParts.push(eq(e.municipalityCode, filter.municipalityCode));
      const [matching] = rowsOf(await db.execute(sql`select count(*)::int as n from (select 1 from ${e} where ${and(...evaluationParts)} limit ${denseAfter + 1}) x`));
      const evaluations = Number(matching?.n ?? 0);
      if (evaluations === 0) return { rows: [], count: 0, lowerBound: false };
      let dense = false;
      if (evaluations > denseAfter) {
        const [sampled] = rowsOf(
          await db.execute(sql`select count(*)::int as n from (
              select 1 from (select d.tsv from search_documents d ${whereOf(conditions(filter))} order by ${LISTING_ORDER} limit ${sample.passages}) s
              where ts_match_vq(s.tsv, ${q}) limit ${sample.matches}) x`),
        );
        dense = Number(sampled?.n ?? 0) >= sample.matches;
      }
      const headline = sql`ts_headline('swedish', r.text, ${q}, ${HEADLINE_OPTIONS}) as headline`;
      const outer = sql`r.id, r.evaluation_id, r.kind, r.area_number, r.subarea_id, r.item, r.text, r.example_name, r.example_code, r.framework_id, r.year, r.municipality_code, r.municipality_name, r.rank`;

      if (dense) {
        // ts_match_vq instead of @@: the passages are read in listing order, not through the word index.
        const where = whereOf([sql`ts_match_vq(d.tsv, ${q})`, ...conditions(filter)]);
        const result = rowsOf(
          await db.execute(sql`select ${outer}, ${headline} from (
              select ${columns}, ts_rank_cd(d.tsv, ${q}) as rank from search_documents d ${where}
              order by ${LISTING_ORDER} limit ${limit + 1} offset ${offset}) r
            order by r.kind_rank, r.year desc, r.id`),
        );
        const more = result.length > limit;
        const rows = result.slice(0, limit).map(toRow);
        return { rows, count: offset + rows.length + (more ? 1 : 0), lowerBound: more };
      }

      const matches = whereOf([sql`d.tsv @@ ${q}`, ...conditions(filter)]);
      // Ranked over the word sets alone; the passages' columns and excerpts only for the page shown.
      const result = rowsOf(
        await db.execute(sql`with m as (select d.id, d.kind_rank, d.year, d.tsv from search_documents d ${matches} limit ${candidates}),
          r as (select m.id, m.kind_rank, m.year, ts_rank_cd(m.tsv, ${q}) as rank, count(*) over () as total from m
                order by rank desc, m.kind_rank, m.year desc, m.id limit ${limit} offset ${offset})
          select ${columns}, r.rank, r.total, ts_headline('swedish', d.text, ${q}, ${HEADLINE_OPTIONS}) as headline
            from r join search_documents d on d.id = r.id order by r.rank desc, r.kind_rank, r.year desc, r.id`),
      );
      let count = result.length ? Number(result[0]?.total) : 0;
      if (result.length === 0 && offset > 0) {
        const [c] = rowsOf(await db.execute(sql`select count(*)::int as n from (select 1 from search_documents d ${matches} limit ${candidates}) x`));
        count = Number(c?.n ?? 0);
      }
      return { rows: result.map(toRow), count, lowerBound: count >= candidates };
    },

    /** Passages without a query: good examples first, then strengths, narratives; newest first. */
    async list({ filter, limit, offset, countLimit }: { filter: SearchFilter; limit: number; offset: number; countLimit: number }): Promise<{ rows: SearchRow[]; count: number; lowerBound: boolean }> {
      const where = whereOf(conditions(filter));
      const [rows, counted] = await Promise.all([
        db.execute(sql`select ${columns} from search_documents d ${where} order by ${LISTING_ORDER} limit ${limit} offset ${offset}`),
        db.execute(sql`select count(*)::int as n from (select 1 from search_documents d ${where} limit ${countLimit}) x`),
      ]);
      const count = Number(rowsOf(counted)[0]?.n ?? 0);
      return { rows: rowsOf(rows).map(toRow), count, lowerBound: count >= countLimit };
    },

    /**
     * Bulk imports: defer the per-row triggers for the rest of the transaction, then fill the index
     * in batches with `fillIndex`. When this role owns the passages table (always on the embedded
     * database), its secondary indexes (but the one by evaluation, which each batch reads) are dropped too and built again in one pass by `settleIndex`
     * from their own definitions: faster than updating them row by row. Both are part of the
     * transaction: a failed import rolls the indexes back with everything else.
     */
    async deferIndexing(executor: Db): Promise<string[]> {
      await executor.execute(sql`select set_config('kompass.search_deferred', 'on', true)`);
      const defs = rowsOf(
        await executor.execute(sql`select i.indexname, i.indexdef from pg_indexes i
          join pg_class c on c.relname = i.tablename and c.relnamespace = to_regnamespace(i.schemaname)
          where i.schemaname = current_schema() and i.tablename = 'search_documents' and i.indexname not in ('search_documents_pkey', 'search_documents_evaluation_idx')
            and pg_has_role(c.relowner, 'USAGE')
            and not exists (select 1 from search_documents)`),
      );
      for (const d of defs) await executor.execute(sql`drop index ${sql.identifier(String(d.indexname))}`);
      return defs.map((d) => String(d.indexdef));
    },

    /** Indexes the given evaluations in one statement (triggers resumed for the rest of the transaction). */
    async fillIndex(ids: readonly string[], executor: Db): Promise<void> {
      await executor.execute(sql`select set_config('kompass.search_deferred', 'off', true)`);
      if (ids.length === 0) return;
      const list = sql`array[${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`;
      await executor.execute(sql`select search_insert_documents(${list}, null)`);
      await executor.execute(sql`select search_summarise(${list})`);
    },

    /** After a bulk fill: merge the word index's pending entries and refresh the planner statistics. */
    async settleIndex(executor: Db, dropped: readonly string[] = []): Promise<void> {
      // The definitions come from pg_indexes of this database, as deferIndexing read them.
      for (const def of dropped) await executor.execute(sql.raw(def));
      await executor.execute(sql`select gin_clean_pending_list('search_documents_tsv_idx'::regclass)`);
      await executor.execute(sql`analyze search_documents, search_evaluations, search_terms`);
    },

    /** Number of indexed passages (tests, benchmarks). */
    async countDocuments(): Promise<number> {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(searchDocuments);
      return Number(r?.n ?? 0);
    },
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
