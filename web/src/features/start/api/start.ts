import { apiFetch } from '../../../lib/api.ts';
import type { EvaluationStatus } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';

export interface EvaluationFilters {
  year?: number;
  framework?: string;
  status?: EvaluationStatus;
  limit: number;
}

export function fetchEvaluations(filters: EvaluationFilters, signal?: AbortSignal) {
  return apiFetch('/api/evaluations', { contract: 'evaluations.list', 
    query: { year: filters.year, framework: filters.framework, status: filters.status, limit: filters.limit },
    signal,
  });
}

export function useEvaluationList(filters: EvaluationFilters) {
  const key = `evaluations:${filters.year ?? ''}:${filters.framework ?? ''}:${filters.status ?? ''}:${filters.limit}`;
  return useResource(key, (signal) => fetchEvaluations(filters, signal));
}

/** All evaluations (up to 500), for the year filter's options. */
export function useAllEvaluationYears() {
  return useResource('evaluation-years', async (signal) => {
    const list = await fetchEvaluations({ limit: 500 }, signal);
    return [...new Set(list.items.map((e) => e.year))].sort((a, b) => b - a);
  });
}

export function useFrameworks() {
  return useResource('frameworks', (signal) => apiFetch('/api/frameworks', { contract: 'frameworks.list',  signal }));
}

export function useMunicipalitySearch(q: string) {
  const trimmed = q.trim();
  return useResource(trimmed.length === 0 ? null : `municipalities:${trimmed}`, (signal) =>
    apiFetch('/api/municipalities', { contract: 'municipalities.list',  query: { q: trimmed, limit: 10 }, signal }),
  );
}
