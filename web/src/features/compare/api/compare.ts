import { apiFetch } from '../../../lib/api.ts';
import type { EvaluationSummary } from '../../../lib/types.ts';
import { useMemo } from 'react';
import { useLang } from '../../../i18n/i18n.tsx';
import { localizeSummary } from '../../../lib/frameworkTitles.ts';
import { useResource } from '../../../lib/useResource.ts';

export function useCompareSummaries(ids: readonly string[]) {
  const key = ids.length > 0 ? `compare:${ids.join(',')}` : null;
  const res = useResource(key, (signal) =>
    Promise.all(ids.map((id) => apiFetch<EvaluationSummary>(`/api/evaluations/${encodeURIComponent(id)}/summary`, { signal }))),
  );
  const [lang] = useLang();
  const data = useMemo(() => res.data?.map((s) => localizeSummary(s, lang)), [res.data, lang]);
  return { ...res, data };
}

/** Municipalities and regions to choose from (the reference list, about 300). */
export function useMunicipalityChoices() {
  return useResource('compare-municipalities', (signal) => apiFetch('/api/municipalities', { contract: 'municipalities.list', query: { limit: 400 }, signal }));
}

/** The evaluations of one municipality: what the picker shows once a municipality is chosen, not the whole archive. */
export function useEvaluationChoices(municipalityCode: string) {
  return useResource(municipalityCode ? `compare-choices:${municipalityCode}` : null, (signal) =>
    apiFetch('/api/evaluations', { contract: 'evaluations.list', query: { municipality: municipalityCode, limit: 100 }, signal }),
  );
}

export type { ComparisonReply } from '../../../lib/types.ts';

/** The comparison as the server pairs it: by number within a version, through the concordance across versions, totals only without one. */
export function useComparison(ids: readonly string[]) {
  const key = ids.length > 0 ? `comparison:${ids.join(',')}` : null;
  return useResource(key, (signal) => apiFetch('/api/comparisons', { contract: 'comparison', query: { ids: ids.join(',') }, signal }));
}
