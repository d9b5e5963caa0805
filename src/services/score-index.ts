/**
 * In-memory read model of every evaluation's scores. Summaries, averages, lists and comparisons read
 * it instead of querying per request. It is updated incrementally: after a committed change (the
 * change feed, also fed by other processes through PostgreSQL NOTIFY) it reads the id and version
 * of every evaluation (two columns) and reloads and rescores only the evaluations whose version
 * changed, were added or removed; a changed framework version rescores its evaluations from the
 * points already in memory.
 */
import type { Db } from '../db/client.ts';
import { changeFeedFor } from '../db/changes.ts';
import { computeScores, type EvaluationScore } from '../domain/scoring.ts';
import type { EvaluationFilter, EvaluationRepository, ScoreData } from '../repositories/evaluation.repository.ts';
import type { FrameworkService, StoredFramework } from './framework.service.ts';

export type ScoredEvaluation = ScoreData & { score: EvaluationScore };

/** Evaluations reloaded per query when many changed at once (an import in another process). */
const RELOAD_BATCH = 2000;

export function createScoreIndex(deps: { db: Db; repo: EvaluationRepository; frameworks: FrameworkService }) {
  const changes = changeFeedFor(deps.db);
  const byId = new Map<string, ScoredEvaluation>();
  const byMunicipality = new Map<string, Set<string>>();
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
  const remove = (id: string): void => {
    const old = byId.get(id);
    if (!old) return;
    byId.delete(id);
    byMunicipality.get(old.municipalityCode)?.delete(id);
  };
  const put = (d: ScoredEvaluation): void => {
    remove(d.id);
    byId.set(d.id, d);
    let set = byMunicipality.get(d.municipalityCode);
    if (!set) byMunicipality.set(d.municipalityCode, (set = new Set()));
    set.add(d.id);
  };

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
      return source.filter(
        (d) =>
          (!filter.municipalityCode || d.municipalityCode === filter.municipalityCode) &&
          (filter.year === undefined || d.year === filter.year) &&
          (!filter.frameworkId || d.frameworkId === filter.frameworkId) &&
          (!filter.statuses || filter.statuses.includes(d.status)) &&
          (filter.reviewFor === undefined || d.status === 'published' || (d.status === 'review' && d.municipalityCode === filter.reviewFor)),
      );
    },
    /** How many evaluations are held, and how many were reloaded since start (tests, benchmarks). */
    stats: (): { size: number; reloaded: number } => ({ size: byId.size, reloaded }),
  };
}
export type ScoreIndex = ReturnType<typeof createScoreIndex>;
