/**
 * In-memory read model of every evaluation's scores. Summaries, averages, lists and comparisons read
 * it instead of querying per request. It is updated incrementally: after a committed change (the
 * change feed, also fed by other processes through PostgreSQL NOTIFY) it reads the id and version
 * of every evaluation (two columns) and reloads and rescores only the evaluations whose version
 * changed, were added or removed; a changed framework version rescores its evaluations from the
 * points already in memory.
 *
 * Two things are derived from it in the same step as each evaluation is put in or taken out, so they
 * are never older than the index itself: running sums per framework version of the current published
 * evaluations (an average costs a few additions, not a pass over the archive) and every evaluation in
 * list order (a page of the list is a filter and a slice, with its count, without sorting per request).
 */
import type { Db } from '../db/client.ts';
import { changeFeedFor } from '../db/changes.ts';
import { compareForList, rankNames } from '../domain/evaluation.ts';
import { addToScoreSums, averageFromScoreSums, computeScores, emptyScoreSums, type AverageResult, type EvaluationScore, type ScoreSums } from '../domain/scoring.ts';
import type { EvaluationFilter, EvaluationRepository, ScoreData } from '../repositories/evaluation.repository.ts';
import type { FrameworkService, StoredFramework } from './framework.service.ts';

export type ScoredEvaluation = ScoreData & { score: EvaluationScore };

/** Evaluations reloaded per query when many changed at once (an import in another process). */
const RELOAD_BATCH = 2000;
/** Filtered lists kept at once (filters times kinds of viewer; a municipality's list is short). */
const MAX_LISTS = 1000;

export function createScoreIndex(deps: { db: Db; repo: EvaluationRepository; frameworks: FrameworkService }) {
  const changes = changeFeedFor(deps.db);
  const byId = new Map<string, ScoredEvaluation>();
  const byMunicipality = new Map<string, Set<string>>();
  /** Sums of the current published evaluations (not superseded by a correction) per framework version. */
  const sumsByFramework = new Map<string, ScoreSums>();
  /** Every evaluation in list order (`compareForList`), or null until it is next needed. */
  let ordered: ScoredEvaluation[] | null = null;
  let nameRank = new Map<string, number>();
  /** The evaluations a filter and access check match, in list order, until the index next changes. */
  const listed = new Map<string, ScoredEvaluation[]>();
  /** Framework versions the scores were computed with (`id` → `version|updatedAt`). */
  const frameworkStamps = new Map<string, string>();
  let revision = -1;
  let refreshing: { revision: number; promise: Promise<void> } | null = null;
  /** Evaluations reloaded by the last refreshes (tests, benchmarks). */
  let reloaded = 0;

  const stamp = (f: StoredFramework): string => `${f.version}|${f.updatedAt}`;
  const scored = (d: ScoreData, fw: StoredFramework): ScoredEvaluation => ({
    ...d,
    score: computeScores({ framework: fw, subareaPoints: d.subareaPoints, statedAreaScores: d.statedAreaScores, statedTotal: d.statedTotal }),
  });
  const counted = (d: ScoredEvaluation): boolean => d.status === 'published' && !d.supersededById;
  const count = (d: ScoredEvaluation, sign: 1 | -1): void => {
    if (!counted(d)) return;
    let sums = sumsByFramework.get(d.frameworkId);
    if (!sums) sumsByFramework.set(d.frameworkId, (sums = emptyScoreSums()));
    addToScoreSums(sums, { total: d.score.total, areas: d.score.areas }, sign);
  };
  /** Where `d` is or belongs in `ordered` (binary search). */
  const position = (list: readonly ScoredEvaluation[], d: ScoredEvaluation): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareForList(list[mid] as ScoredEvaluation, d, nameRank) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const remove = (id: string): void => {
    const old = byId.get(id);
    if (!old) return;
    byId.delete(id);
    byMunicipality.get(old.municipalityCode)?.delete(id);
    listed.clear();
    count(old, -1);
    if (ordered) {
      const at = position(ordered, old);
      if (ordered[at]?.id === id) ordered.splice(at, 1);
      else ordered = null;
    }
  };
  const put = (d: ScoredEvaluation): void => {
    remove(d.id);
    byId.set(d.id, d);
    let set = byMunicipality.get(d.municipalityCode);
    if (!set) byMunicipality.set(d.municipalityCode, (set = new Set()));
    set.add(d.id);
    count(d, 1);
    listed.clear();
    // A name not ranked yet (a municipality's first evaluation) changes the ranks: sort again when needed.
    if (ordered && nameRank.has(d.municipalityName)) ordered.splice(position(ordered, d), 0, d);
    else ordered = null;
  };
  const inOrder = (): ScoredEvaluation[] => {
    if (!ordered) {
      nameRank = rankNames([...byId.values()].map((d) => d.municipalityName));
      ordered = [...byId.values()].sort((a, b) => compareForList(a, b, nameRank));
    }
    return ordered;
  };
  const matches = (filter: EvaluationFilter) => (d: ScoredEvaluation): boolean =>
    (!filter.municipalityCode || d.municipalityCode === filter.municipalityCode) &&
    (filter.year === undefined || d.year === filter.year) &&
    (!filter.frameworkId || d.frameworkId === filter.frameworkId) &&
    (!filter.statuses || filter.statuses.includes(d.status)) &&
    (filter.reviewFor === undefined || d.status === 'published' || (d.status === 'review' && d.municipalityCode === filter.reviewFor));

  const refresh = async (): Promise<void> => {
    const at = changes.revision;
    const fws = new Map((await deps.frameworks.listFrameworks()).map((f) => [f.id, f]));
    const current = await deps.repo.versions();
    const seen = new Set<string>();
    const stale: string[] = [];
    for (const { id, version } of current) {
      seen.add(id);
      if (byId.get(id)?.version !== version) stale.push(id);
    }
    for (const id of [...byId.keys()]) if (!seen.has(id)) remove(id);
    // A framework whose maxima or areas changed: rescore its evaluations from the points in memory.
    for (const [id, fw] of fws) {
      if (frameworkStamps.get(id) === stamp(fw)) continue;
      if (frameworkStamps.has(id)) for (const d of [...byId.values()]) if (d.frameworkId === id) put(scored(d, fw));
      frameworkStamps.set(id, stamp(fw));
    }
    for (let i = 0; i < stale.length; i += RELOAD_BATCH) {
      for (const d of await deps.repo.scoreData({ ids: stale.slice(i, i + RELOAD_BATCH) })) {
        const fw = fws.get(d.frameworkId);
        if (fw) put(scored(d, fw));
        else remove(d.id);
      }
    }
    reloaded += stale.length;
    // Only current when nothing changed while it was read; otherwise the next read checks again.
    if (at === changes.revision) revision = at;
  };

  const ready = async (): Promise<void> => {
    const at = changes.revision;
    if (revision === at) return;
    // A refresh started before the latest commit would miss it: start a new one after it.
    if (!refreshing || refreshing.revision !== at) {
      const previous = refreshing?.promise ?? Promise.resolve();
      const promise = previous.catch(() => undefined).then(refresh).finally(() => {
        if (refreshing?.promise === promise) refreshing = null;
      });
      refreshing = { revision: at, promise };
    }
    await refreshing.promise;
  };

  return {
    async get(id: string): Promise<ScoredEvaluation | undefined> {
      await ready();
      return byId.get(id);
    },
    async query(filter: EvaluationFilter & { ids?: readonly string[] }): Promise<ScoredEvaluation[]> {
      await ready();
      const ids = filter.ids ?? (filter.municipalityCode ? [...(byMunicipality.get(filter.municipalityCode) ?? [])] : null);
      const source = ids ? ids.flatMap((id) => byId.get(id) ?? []) : [...byId.values()];
      return source.filter(matches(filter));
    },
    /**
     * A page of the evaluations matching the filter in list order, and how many match in all
     * (`keep` is the per-evaluation access check, applied before counting and paging).
     */
    async page(filter: EvaluationFilter, keep: { key: string; test: (d: ScoredEvaluation) => boolean }): Promise<{ items: ScoredEvaluation[]; count: number }> {
      await ready();
      const offset = filter.offset ?? 0;
      const limit = filter.limit ?? 50;
      const key = JSON.stringify([filter.municipalityCode, filter.year, filter.frameworkId, filter.statuses, filter.reviewFor, keep.key]);
      let all = listed.get(key);
      if (!all) {
        const match = matches(filter);
        const source = filter.municipalityCode
          ? [...(byMunicipality.get(filter.municipalityCode) ?? [])].flatMap((id) => byId.get(id) ?? []).sort((a, b) => compareForList(a, b))
          : inOrder();
        all = source.filter((d) => match(d) && keep.test(d));
        if (listed.size >= MAX_LISTS) listed.clear();
        listed.set(key, all);
      }
      return { items: all.slice(offset, offset + limit), count: all.length };
    },
    /**
     * The average of the current published evaluations of a framework version (as
     * `averageOfComparable`), without `without` when it is one of them.
     */
    async average(frameworkId: string, areaNumbers: readonly number[], without?: { id: string }): Promise<AverageResult> {
      await ready();
      const sums = sumsByFramework.get(frameworkId) ?? emptyScoreSums();
      // The sums hold the evaluation as it is in the index now.
      const current = without ? byId.get(without.id) : undefined;
      const own = current && current.frameworkId === frameworkId && counted(current) ? { total: current.score.total, areas: current.score.areas } : undefined;
      return averageFromScoreSums(frameworkId, areaNumbers, sums, own);
    },
    /** How many evaluations are held, and how many were reloaded since start (tests, benchmarks). */
    stats: (): { size: number; reloaded: number } => ({ size: byId.size, reloaded }),
  };
}
export type ScoreIndex = ReturnType<typeof createScoreIndex>;
