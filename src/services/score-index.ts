/**
 * In-memory read model of every evaluation's scores. Summaries, averages, lists and comparisons read
 * it instead of querying per request. It is updated incrementally: after a committed change (the
 * change feed, also fed by other processes through PostgreSQL NOTIFY) it reads the id and version
 * of every evaluation (two columns) and reloads and rescores only the evaluations whose version
 * changed, were added or removed; a changed framework version rescores its evaluations from the
 * points already in memory (or reloads them when its subareas changed).
 *
 * An entry is lean (about 0.8 kB): the facts a list, filter or access check needs, the total, and the
 * area scores and subarea points as one `Float64Array` in the framework's order. The whole computed
 * score (areas with subareas and titles, consistency notes) is made again from those points when a
 * summary or comparison asks for it (`scoreOf`), for the few evaluations it shows. Municipality names
 * are not copied into entries: one map per municipality, read again when the data changes, names them
 * at reply time and orders the list, so a renamed municipality shows its new name at once.
 *
 * Two things are derived from it in the same step as each evaluation is put in or taken out, so they
 * are never older than the index itself: running sums per framework version of the current published
 * evaluations (an average costs a few additions, not a pass over the archive) and every evaluation in
 * list order (a page of the list is a filter and a slice, with its count, without sorting per request).
 */
import type { Db } from '../db/client.ts';
import { changeFeedFor } from '../db/changes.ts';
import { compareForListByCode, rankMunicipalities, type EvaluationStatus } from '../domain/evaluation.ts';
import { addToScoreSums, averageFromScoreSums, computeScores, emptyScoreSums, type AverageResult, type ComparableScores, type EvaluationScore, type ScoreSums } from '../domain/scoring.ts';
import type { EvaluationFilter, EvaluationRepository, ScoreData } from '../repositories/evaluation.repository.ts';
import type { FrameworkService, StoredFramework } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

/** How a framework version's scores are laid out in `IndexedEvaluation.values` (one object per version). */
interface Layout {
  readonly framework: StoredFramework;
  readonly areaNumbers: readonly number[];
  readonly subareaIds: readonly string[];
}

/** What the index keeps of one evaluation. */
export interface IndexedEvaluation {
  readonly id: string;
  readonly frameworkId: string;
  readonly municipalityCode: string;
  readonly year: number;
  readonly month: number | null;
  readonly reportDate: string | null;
  readonly status: EvaluationStatus;
  /** Set when a published correction replaced this evaluation. */
  readonly supersededById: string | null;
  readonly version: number;
  readonly ordinal: number | null;
  /** Milliseconds since the epoch. */
  readonly updatedAt: number;
  readonly statedTotal: number | null;
  /** The total to show (`EvaluationScore.total`). */
  readonly total: number | null;
  /**
   * The area scores in the layout's area order, then the subarea points in its subarea order, then (only
   * when some area score is stated in print) the stated area scores in area order; NaN where unknown.
   */
  readonly values: Float64Array;
  readonly layout: Layout;
}

/** Evaluations reloaded per query when many changed at once (an import in another process). */
const RELOAD_BATCH = 2000;
/** Filtered lists kept at once (filters times kinds of viewer; a municipality's list is short). */
const MAX_LISTS = 1000;

export function createScoreIndex(deps: { db: Db; repo: EvaluationRepository; frameworks: FrameworkService; municipalities: Pick<MunicipalityService, 'listMunicipalities'> }) {
  const changes = changeFeedFor(deps.db);
  const byId = new Map<string, IndexedEvaluation>();
  const byMunicipality = new Map<string, Set<string>>();
  /** Sums of the current published evaluations (not superseded by a correction) per framework version. */
  const sumsByFramework = new Map<string, ScoreSums>();
  /** Every evaluation in list order, or null until it is next needed. */
  let ordered: IndexedEvaluation[] | null = null;
  /** Municipality names by code, and each code's place in Swedish order of the names. */
  let names = new Map<string, string>();
  let codeRank = new Map<string, number>();
  /** The evaluations a filter and access check match, in list order, until the index next changes. */
  const listed = new Map<string, IndexedEvaluation[]>();
  /** The layout of each framework version the scores were computed with. */
  const layouts = new Map<string, Layout>();
  /** One copy of each short repeated string (framework ids, codes, statuses) instead of one per row. */
  const interned = new Map<string, string>();
  let revision = -1;
  let refreshing: { revision: number; promise: Promise<void> } | null = null;
  /** Evaluations reloaded by the last refreshes (tests, benchmarks). */
  let reloaded = 0;

  const intern = <T extends string>(s: T): T => {
    const known = interned.get(s);
    if (known !== undefined) return known as T;
    interned.set(s, s);
    return s;
  };
  const stampOf = (f: StoredFramework): string => `${f.version}|${f.updatedAt}`;
  const layoutOf = (fw: StoredFramework): Layout => ({ framework: fw, areaNumbers: fw.areas.map((a) => a.number), subareaIds: fw.areas.flatMap((a) => a.subareas.map((s) => intern(s.id))) });
  const sameShape = (a: Layout, b: Layout): boolean =>
    a.areaNumbers.length === b.areaNumbers.length && a.subareaIds.length === b.subareaIds.length && a.areaNumbers.every((n, i) => b.areaNumbers[i] === n) && a.subareaIds.every((id, i) => b.subareaIds[i] === id);

  const known = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);
  const pointsOf = (e: IndexedEvaluation): Record<string, number> => {
    const out: Record<string, number> = {};
    const offset = e.layout.areaNumbers.length;
    e.layout.subareaIds.forEach((id, j) => {
      const p = known(e.values[offset + j]);
      if (p !== null) out[id] = p;
    });
    return out;
  };
  const statedOf = (e: IndexedEvaluation): Record<number, number> => {
    const out: Record<number, number> = {};
    const offset = e.layout.areaNumbers.length + e.layout.subareaIds.length;
    if (e.values.length > offset) {
      e.layout.areaNumbers.forEach((n, i) => {
        const s = known(e.values[offset + i]);
        if (s !== null) out[n] = s;
      });
    }
    return out;
  };
  const areaScoresOf = (e: IndexedEvaluation): ComparableScores['areas'] => e.layout.areaNumbers.map((number, i) => ({ number, score: known(e.values[i]) }));

  type Facts = Omit<ScoreData, 'subareaPoints' | 'statedAreaScores' | 'updatedAt'> & { updatedAt: Date | number };
  const entryOf = (d: Facts, layout: Layout, subareaPoints: Record<string, number>, statedAreaScores: Record<number, number>): IndexedEvaluation => {
    const score = computeScores({ framework: layout.framework, subareaPoints, statedAreaScores, statedTotal: d.statedTotal });
    const nA = layout.areaNumbers.length;
    const nS = layout.subareaIds.length;
    const stated = Object.keys(statedAreaScores).length > 0;
    const values = new Float64Array(nA + nS + (stated ? nA : 0)).fill(NaN);
    score.areas.forEach((a, i) => {
      if (a.score !== null) values[i] = a.score;
    });
    layout.subareaIds.forEach((id, j) => {
      const p = subareaPoints[id];
      if (p !== undefined) values[nA + j] = p;
    });
    if (stated) {
      layout.areaNumbers.forEach((n, i) => {
        const s = statedAreaScores[n];
        if (s !== undefined) values[nA + nS + i] = s;
      });
    }
    return {
      id: d.id,
      frameworkId: intern(d.frameworkId),
      municipalityCode: intern(d.municipalityCode),
      year: d.year,
      month: d.month,
      reportDate: d.reportDate,
      status: intern(d.status),
      supersededById: d.supersededById,
      version: d.version,
      ordinal: d.ordinal,
      updatedAt: typeof d.updatedAt === 'number' ? d.updatedAt : d.updatedAt.getTime(),
      statedTotal: d.statedTotal,
      total: score.total,
      values,
      layout,
    };
  };
  const scoreOf = (e: IndexedEvaluation): EvaluationScore =>
    computeScores({ framework: e.layout.framework, subareaPoints: pointsOf(e), statedAreaScores: statedOf(e), statedTotal: e.statedTotal });

  const counted = (d: IndexedEvaluation): boolean => d.status === 'published' && !d.supersededById;
  const count = (d: IndexedEvaluation, sign: 1 | -1): void => {
    if (!counted(d)) return;
    let sums = sumsByFramework.get(d.frameworkId);
    if (!sums) sumsByFramework.set(d.frameworkId, (sums = emptyScoreSums()));
    addToScoreSums(sums, { total: d.total, areas: areaScoresOf(d) }, sign);
  };
  const compare = (a: IndexedEvaluation, b: IndexedEvaluation): number => compareForListByCode(a, b, codeRank);
  /** Where `d` is or belongs in `ordered` (binary search). */
  const position = (list: readonly IndexedEvaluation[], d: IndexedEvaluation): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(list[mid] as IndexedEvaluation, d) < 0) lo = mid + 1;
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
  const put = (d: IndexedEvaluation): void => {
    remove(d.id);
    byId.set(d.id, d);
    let set = byMunicipality.get(d.municipalityCode);
    if (!set) byMunicipality.set(d.municipalityCode, (set = new Set()));
    set.add(d.id);
    count(d, 1);
    listed.clear();
    if (ordered) ordered.splice(position(ordered, d), 0, d);
  };
  const inOrder = (): IndexedEvaluation[] => {
    if (!ordered) ordered = [...byId.values()].sort(compare);
    return ordered;
  };
  const matches = (filter: EvaluationFilter) => (d: IndexedEvaluation): boolean =>
    (!filter.municipalityCode || d.municipalityCode === filter.municipalityCode) &&
    (filter.year === undefined || d.year === filter.year) &&
    (!filter.frameworkId || d.frameworkId === filter.frameworkId) &&
    (!filter.statuses || filter.statuses.includes(d.status)) &&
    (filter.reviewFor === undefined || d.status === 'published' || (d.status === 'review' && d.municipalityCode === filter.reviewFor));

  /** Reads the municipality names again; a changed name reorders the list and shows in replies at once. */
  const refreshNames = async (): Promise<void> => {
    const next = new Map((await deps.municipalities.listMunicipalities()).map((m) => [intern(m.code), m.name]));
    if (next.size === names.size && [...next].every(([code, name]) => names.get(code) === name)) return;
    names = next;
    codeRank = rankMunicipalities(names);
    ordered = null;
    listed.clear();
  };

  const refresh = async (): Promise<void> => {
    const at = changes.revision;
    await refreshNames();
    const fws = new Map((await deps.frameworks.listFrameworks()).map((f) => [f.id, f]));
    const current = await deps.repo.versions();
    const seen = new Set<string>();
    const stale = new Set<string>();
    for (const { id, version } of current) {
      seen.add(id);
      if (byId.get(id)?.version !== version) stale.add(id);
    }
    for (const id of [...byId.keys()]) if (!seen.has(id)) remove(id);
    // A framework whose maxima or areas changed: rescore its evaluations from the points in memory, or
    // read them again when its subareas changed (points of a subarea new to the layout are not in memory).
    for (const [id, fw] of fws) {
      const before = layouts.get(id);
      if (before && stampOf(before.framework) === stampOf(fw)) continue;
      const layout = layoutOf(fw);
      layouts.set(id, layout);
      if (!before) continue;
      for (const d of [...byId.values()]) {
        if (d.frameworkId !== id || stale.has(d.id)) continue;
        if (sameShape(before, layout)) put(entryOf(d, layout, pointsOf(d), statedOf(d)));
        else stale.add(d.id);
      }
    }
    const reload = [...stale];
    for (let i = 0; i < reload.length; i += RELOAD_BATCH) {
      for (const d of await deps.repo.scoreData({ ids: reload.slice(i, i + RELOAD_BATCH) })) {
        const layout = layouts.get(d.frameworkId);
        if (layout) put(entryOf(d, layout, d.subareaPoints, d.statedAreaScores));
        else remove(d.id);
      }
    }
    reloaded += reload.length;
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
    async get(id: string): Promise<IndexedEvaluation | undefined> {
      await ready();
      return byId.get(id);
    },
    async query(filter: EvaluationFilter & { ids?: readonly string[] }): Promise<IndexedEvaluation[]> {
      await ready();
      const ids = filter.ids ?? (filter.municipalityCode ? [...(byMunicipality.get(filter.municipalityCode) ?? [])] : null);
      const source = ids ? ids.flatMap((id) => byId.get(id) ?? []) : [...byId.values()];
      return source.filter(matches(filter));
    },
    /**
     * A page of the evaluations matching the filter in list order, and how many match in all
     * (`keep` is the per-evaluation access check, applied before counting and paging).
     */
    async page(filter: EvaluationFilter, keep: { key: string; test: (d: IndexedEvaluation) => boolean }): Promise<{ items: IndexedEvaluation[]; count: number }> {
      await ready();
      const offset = filter.offset ?? 0;
      const limit = filter.limit ?? 50;
      const key = JSON.stringify([filter.municipalityCode, filter.year, filter.frameworkId, filter.statuses, filter.reviewFor, keep.key]);
      let all = listed.get(key);
      if (!all) {
        const match = matches(filter);
        const source = filter.municipalityCode ? [...(byMunicipality.get(filter.municipalityCode) ?? [])].flatMap((id) => byId.get(id) ?? []).sort(compare) : inOrder();
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
      const own = current && current.frameworkId === frameworkId && counted(current) ? { total: current.total, areas: areaScoresOf(current) } : undefined;
      return averageFromScoreSums(frameworkId, areaNumbers, sums, own);
    },
    /** The whole computed score of an entry (areas with subareas, notes), made again from its points. */
    scoreOf,
    /** The entry's total and area scores, for comparisons with other evaluations. */
    comparableOf: (e: IndexedEvaluation): ComparableScores => ({ evaluationId: e.id, frameworkId: e.frameworkId, total: e.total, areas: areaScoresOf(e) }),
    /** The municipality's name as it is now (entries hold only the code). */
    nameOf: (code: string): string => names.get(code) ?? code,
    /** How many evaluations are held, and how many were reloaded since start (tests, benchmarks). */
    stats: (): { size: number; reloaded: number } => ({ size: byId.size, reloaded }),
  };
}
export type ScoreIndex = ReturnType<typeof createScoreIndex>;
