import { apiFetch } from '../../../lib/api.ts';
import type { EvaluationSummary } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';

export function useCompareSummaries(ids: readonly string[]) {
  const key = ids.length > 0 ? `compare:${ids.join(',')}` : null;
  return useResource(key, (signal) =>
    Promise.all(ids.map((id) => apiFetch<EvaluationSummary>(`/api/evaluations/${encodeURIComponent(id)}/summary`, { signal }))),
  );
}

export function useEvaluationChoices() {
  return useResource('compare-choices', (signal) => apiFetch('/api/evaluations', { contract: 'evaluations.list',  query: { limit: 500 }, signal }));
}
