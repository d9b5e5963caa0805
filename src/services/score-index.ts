/**
 * In-memory read model of every evaluation's scores, rebuilt when a change is committed.
 * Summaries, averages, lists and comparisons read it instead of querying per request.
 */
import type { Db } from '../db/client.ts';
import { changeFeedFor } from '../db/changes.ts';
import { computeScores, type EvaluationScore } from '../domain/scoring.ts';
import type { EvaluationFilter, EvaluationRepository, ScoreData } from '../repositories/evaluation.repository.ts';
import type { FrameworkService } from './framework.service.ts';

export type ScoredEvaluation = ScoreData & { score: EvaluationScore };

export function createScoreIndex(deps: { db: Db; repo: EvaluationRepository; frameworks: FrameworkService }) {
  const changes = changeFeedFor(deps.db);
  let built: { revision: number; byId: Map<string, ScoredEvaluation> } | null = null;
  let building: { revision: number; promise: Promise<Map<string, ScoredEvaluation>> } | null = null;

  const rebuild = async (): Promise<Map<string, ScoredEvaluation>> => {
    const revision = changes.revision;
    const [data, fws] = await Promise.all([deps.repo.scoreData({}), deps.frameworks.listFrameworks()]);
    const byFw = new Map(fws.map((f) => [f.id, f]));
    const byId = new Map<string, ScoredEvaluation>();
    for (const d of data) {
      const fw = byFw.get(d.frameworkId);
      if (fw) byId.set(d.id, { ...d, score: computeScores({ framework: fw, subareaPoints: d.subareaPoints, statedAreaScores: d.statedAreaScores, statedTotal: d.statedTotal }) });
    }
    // Only keep the result when nothing changed while it was read.
    if (revision === changes.revision) built = { revision, byId };
    return byId;
  };

  const all = async (): Promise<Map<string, ScoredEvaluation>> => {
    const revision = changes.revision;
    if (built && built.revision === revision) return built.byId;
    // A build started before the latest commit would miss it: start a new one.
    if (!building || building.revision !== revision) {
      const promise = rebuild().finally(() => {
        if (building?.promise === promise) building = null;
      });
      building = { revision, promise };
    }
    return building.promise;
  };

  return {
    all,
    async get(id: string): Promise<ScoredEvaluation | undefined> {
      return (await all()).get(id);
    },
    async query(filter: EvaluationFilter & { ids?: readonly string[] }): Promise<ScoredEvaluation[]> {
      const map = await all();
      const source = filter.ids ? filter.ids.flatMap((id) => map.get(id) ?? []) : [...map.values()];
      return source.filter(
        (d) =>
          (!filter.municipalityCode || d.municipalityCode === filter.municipalityCode) &&
          (filter.year === undefined || d.year === filter.year) &&
          (!filter.frameworkId || d.frameworkId === filter.frameworkId) &&
          (!filter.statuses || filter.statuses.includes(d.status)) &&
          (filter.reviewFor === undefined || d.status === 'published' || (d.status === 'review' && d.municipalityCode === filter.reviewFor)),
      );
    },
  };
}
export type ScoreIndex = ReturnType<typeof createScoreIndex>;
