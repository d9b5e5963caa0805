import { findGoodExamples, type GoodExampleHit, type GoodExampleQuery } from '../domain/good-examples.ts';
import type { Db } from '../db/client.ts';
import { createEvaluationRepository } from '../repositories/evaluation.repository.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

/**
 * Good examples across published evaluations (never drafts: the finder is public, so it reads as the
 * public does, whoever asks). Superseded evaluations are replaced by their corrections.
 */
export function createGoodExampleService(services: {
  db: Db;
  evaluations: Pick<EvaluationService, 'listCurrentPublished'>;
  frameworks: Pick<FrameworkService, 'listFrameworks'>;
  municipalities: Pick<MunicipalityService, 'listMunicipalities'>;
}) {
  const repo = createEvaluationRepository(services.db);
  return {
    async searchGoodExamples({ query, frameworkId, limit = 50, offset = 0 }: { query: GoodExampleQuery; frameworkId?: string; limit?: number; offset?: number }): Promise<{ items: GoodExampleHit[]; count: number }> {
      const scored = await services.evaluations.listCurrentPublished({ frameworkId });
      const texts = await repo.areaTextsOf(scored.map((s) => s.id));
      const byEvaluation = new Map<string, typeof texts>();
      for (const t of texts) byEvaluation.set(t.evaluationId, [...(byEvaluation.get(t.evaluationId) ?? []), t]);
      const frameworks = new Map((await services.frameworks.listFrameworks()).map((f) => [f.id, f]));
      const municipalities = new Map((await services.municipalities.listMunicipalities()).map((m) => [m.code, m]));
      const sources = scored.flatMap((s) => {
        const framework = frameworks.get(s.frameworkId);
        const m = municipalities.get(s.municipalityCode);
        if (!framework || !m) return [];
        return [{ evaluationId: s.id, municipality: { code: m.code, name: m.name }, year: s.year, framework, score: s.score, areas: byEvaluation.get(s.id) ?? [] }];
      });
      const hits = findGoodExamples(sources, query);
      return { items: hits.slice(offset, offset + limit), count: hits.length };
    },
  };
}
export type GoodExampleService = ReturnType<typeof createGoodExampleService>;
