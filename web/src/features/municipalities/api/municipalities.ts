import { apiFetch } from '../../../lib/api.ts';
import type { EvaluationListItem, EvaluationSummary, FrameworkListItem, MunicipalityItem } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';

export interface MunicipalityView {
  municipality: MunicipalityItem;
  /** Oldest first. */
  evaluations: Array<{ item: EvaluationListItem; summary: EvaluationSummary | null }>;
  frameworks: FrameworkListItem[];
}

export async function fetchMunicipalityView(code: string, signal: AbortSignal): Promise<MunicipalityView> {
  const c = encodeURIComponent(code);
  const [municipality, list, frameworks] = await Promise.all([
    apiFetch(`/api/municipalities/${c}`, { contract: 'municipality',  signal }),
    apiFetch('/api/evaluations', { contract: 'evaluations.list',  query: { municipality: code, limit: 100 }, signal }),
    apiFetch('/api/frameworks', { contract: 'frameworks.list',  signal }),
  ]);
  const sorted = [...list.items].sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0));
  const summaries = await Promise.all(
    sorted.map((e) =>
      apiFetch<EvaluationSummary>(`/api/evaluations/${encodeURIComponent(e.id)}/summary`, { signal }).catch((err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') throw err;
        return null;
      }),
    ),
  );
  return {
    municipality,
    evaluations: sorted.map((item, i) => ({ item, summary: summaries[i] ?? null })),
    frameworks: frameworks.items,
  };
}

export function useMunicipalityView(code: string) {
  return useResource(`municipality:${code}`, (signal) => fetchMunicipalityView(code, signal));
}
