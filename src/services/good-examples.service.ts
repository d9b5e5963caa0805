/**
 * Good-example search over the database's full-text index of current published evaluations: named
 * good examples, strengths, improvement opportunities, subarea texts and summaries. Drafts and
 * evaluations shared for review are never in the index, whoever asks; superseded evaluations leave
 * it when their correction is published.
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import type { GoodExampleHit, GoodExampleResult } from '../contracts/good-examples.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { percentOf } from '../domain/scoring.ts';
import { buildTsQuery, excerpt, parseHighlight, passageAnchor, queryWords } from '../domain/search.ts';
import type { SearchFilter, SearchRow } from '../repositories/search.repository.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';

/** At most this many matching passages are ranked per query; counts are exact up to it. */
export const RANKED_CANDIDATES = 3000;
/** A query matching more evaluations than this is listed instead of ranked when its word is common… */
export const DENSE_AFTER_EVALUATIONS = 150;
/** …that is, when this many of the first passages in listing order hold it (search.repository.ts). */
export const DENSE_SAMPLE = { passages: 5000, matches: 21 };

/** A search: the text, the filters of the index, and "at least N % of the subarea's points". */
export type GoodExampleSearch = Omit<SearchFilter, 'minPoints' | 'frameworkId'> & {
  q?: string | undefined;
  /** A version id; undefined or `all` for every version. */
  frameworkId?: string | undefined;
  /** With subareaId: only evaluations with at least this percent of the subarea's points. */
  minPercent?: number | undefined;
};

/** Minimum points per framework version for "at least N % of subarea X"; versions without X or its max are left out. */
function minPointsFor(frameworks: readonly FrameworkDef[], subareaId: string, percent: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const fw of frameworks) {
    const sub = fw.areas.flatMap((a) => a.subareas).find((s) => s.id === subareaId);
    if (sub && sub.max !== null) out.set(fw.id, (sub.max * percent) / 100 - 1e-9);
  }
  return out;
}

export function createGoodExampleService(deps: { frameworks: FrameworkService; evaluations: Pick<EvaluationService, 'getScores'>; repositories: Pick<Repositories, 'search'> }) {
  const search = deps.repositories.search;

  /** Percent achieved where each hit stands: its subarea, else its area, else the whole evaluation (from the score index). */
  const percents = async (rows: readonly SearchRow[], viewer: Viewer): Promise<Map<number, number | null>> => {
    const ids = [...new Set(rows.map((r) => r.evaluationId))];
    const scores = new Map((ids.length ? await deps.evaluations.getScores({ ids, viewer }) : []).map((d) => [d.id, d.score]));
    const out = new Map<number, number | null>();
    for (const r of rows) {
      const s = scores.get(r.evaluationId);
      const area = s?.areas.find((a) => a.number === r.areaNumber);
      const sub = r.subareaId ? area?.subareas.find((x) => x.id === r.subareaId) : undefined;
      const percent = sub ? sub.percent : r.subareaId === null && area ? area.percent : r.areaNumber === null && s && s.total !== null ? percentOf(s.total, s.max) : null;
      out.set(r.id, percent ?? null);
    }
    return out;
  };

  return {
    /** The viewer does not widen the search: only published texts are indexed, for everyone. */
    async searchGoodExamples({ viewer, query, limit = 20, offset = 0 }: { viewer: Viewer; query: GoodExampleSearch; limit?: number; offset?: number }): Promise<GoodExampleResult> {
      const all = await deps.frameworks.listFrameworks();
      const byId = new Map<string, FrameworkDef>(all.map((f) => [f.id, f]));
      const frameworkId = query.frameworkId && query.frameworkId !== 'all' ? query.frameworkId : undefined;
      const filter: SearchFilter = {
        frameworkId,
        areaNumber: query.subareaId ? Number(query.subareaId.split('.')[0]) : query.areaNumber,
        subareaId: query.subareaId,
        kinds: query.kinds,
        yearFrom: query.yearFrom,
        yearTo: query.yearTo,
        countyCode: query.countyCode,
        municipalityCode: query.municipalityCode,
        ...(query.subareaId && query.minPercent !== undefined ? { minPoints: minPointsFor(frameworkId ? all.filter((f) => f.id === frameworkId) : all, query.subareaId, query.minPercent) } : {}),
      };
      const words = queryWords(query.q ?? '');
      const tsquery = words.length ? buildTsQuery(await search.analyseWords(words)) : null;
      const found = tsquery
        ? await search.searchText({ tsquery, filter, limit, offset, candidates: RANKED_CANDIDATES, denseAfter: DENSE_AFTER_EVALUATIONS, sample: DENSE_SAMPLE })
        : await search.list({ filter, limit, offset, countLimit: 1000 });
      const percent = await percents(found.rows, viewer);
      const items = found.rows.map((r): GoodExampleHit => {
        const fw = byId.get(r.frameworkId);
        const areaDef = r.areaNumber === null ? undefined : fw?.areas.find((a) => a.number === r.areaNumber);
        const subDef = r.subareaId ? areaDef?.subareas.find((s) => s.id === r.subareaId) : undefined;
        const plain = excerpt(r.text);
        return {
          kind: r.kind,
          evaluationId: r.evaluationId,
          municipality: { code: r.municipalityCode, name: r.municipalityName },
          year: r.year,
          frameworkId: r.frameworkId,
          areaNumber: r.areaNumber,
          areaTitle: areaDef?.title ?? null,
          subareaId: r.subareaId,
          subareaTitle: subDef?.title ?? null,
          example: r.kind === 'good-example' ? { code: r.exampleCode, name: r.exampleName ?? '' } : null,
          text: plain,
          excerpt: r.headline === null ? [{ text: plain, hit: false }] : parseHighlight(r.headline),
          anchor: passageAnchor(r),
          percent: percent.get(r.id) ?? null,
          rank: r.rank,
        };
      });
      return { items, count: found.count, countIsLowerBound: found.lowerBound };
    },

    /** Bulk imports: see the search repository. */
    deferIndexing: (executor: Db) => search.deferIndexing(executor),
    fillIndex: (ids: readonly string[], executor: Db) => search.fillIndex(ids, executor),
    settleIndex: (executor: Db, dropped: readonly string[]) => search.settleIndex(executor, dropped),
    countDocuments: () => search.countDocuments(),
  };
}
export type GoodExampleService = ReturnType<typeof createGoodExampleService>;
