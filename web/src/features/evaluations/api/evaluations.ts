import { apiFetch } from '../../../lib/api.ts';
import { apiPaths } from '../../../paths.ts';
import type { Evaluation, EvaluationSummary } from '../../../lib/types.ts';
import { useMemo } from 'react';
import { localizeSummary } from '../../../lib/frameworkTitles.ts';
import { useLang } from '../../../i18n/i18n.tsx';
import { useResource } from '../../../lib/useResource.ts';
import { embeddedAnswer } from '../../../lib/embedded.ts';

export function fetchEvaluation(id: string, signal?: AbortSignal): Promise<Evaluation> {
  return apiFetch(apiPaths.evaluation(id), { contract: 'evaluation', signal });
}

export function fetchEvaluationSummary(id: string, signal?: AbortSignal): Promise<EvaluationSummary> {
  return apiFetch<EvaluationSummary>(apiPaths.evaluationSummary(id), { signal });
}

export interface EvaluationView {
  evaluation: Evaluation;
  summary: EvaluationSummary;
}

export function evaluationViewQuery(id: string) {
  return {
    key: `evaluation-view:${id}`,
    fetch: async (signal: AbortSignal): Promise<EvaluationView> => {
      const [evaluation, summary] = await Promise.all([fetchEvaluation(id, signal), fetchEvaluationSummary(id, signal)]);
      return { evaluation, summary };
    },
  };
}

/** Both answers when the server wrote them into the page (the page first shown). */
function embeddedView(id: string): EvaluationView | undefined {
  const evaluation = embeddedAnswer<Evaluation>(apiPaths.evaluation(id));
  const summary = embeddedAnswer<EvaluationSummary>(apiPaths.evaluationSummary(id));
  return evaluation && summary ? { evaluation, summary } : undefined;
}

/** The evaluation and its summary, framework titles in the interface language. */
export function useEvaluationView(id: string) {
  const q = evaluationViewQuery(id);
  const res = useResource(q.key, q.fetch, () => embeddedView(id));
  const [lang] = useLang();
  const data = useMemo(() => (res.data ? { ...res.data, summary: localizeSummary(res.data.summary, lang) } : undefined), [res.data, lang]);
  return { ...res, data };
}
