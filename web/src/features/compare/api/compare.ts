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

export function useEvaluationChoices() {
  return useResource('compare-choices', (signal) => apiFetch('/api/evaluations', { contract: 'evaluations.list',  query: { limit: 500 }, signal }));
}

export type { ComparisonReply } from '../../../lib/types.ts';

/** The comparison as the server pairs it: by number within a version, through the concordance across versions, totals only without one. */
export function useComparison(ids: readonly string[]) {
  const key = ids.length > 0 ? `comparison:${ids.join(',')}` : null;
  return useResource(key, (signal) => apiFetch('/api/comparisons', { contract: 'comparison', query: { ids: ids.join(',') }, signal }));
}
