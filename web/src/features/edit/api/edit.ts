import { ApiError, apiFetch } from '../../../lib/api.ts';
import type { Evaluation, EvaluationInput, FrameworkDef } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';
import type { AreaPayload, FactsPayload } from '../draft.ts';

const evUrl = (id: string) => `/api/evaluations/${encodeURIComponent(id)}`;

export interface EditorData {
  evaluation: Evaluation;
  framework: FrameworkDef;
}

export async function fetchEditorData(id: string, signal?: AbortSignal): Promise<EditorData> {
  const evaluation = await apiFetch(evUrl(id), { contract: 'evaluation',  signal });
  const framework = await apiFetch(`/api/frameworks/${encodeURIComponent(evaluation.frameworkId)}`, { contract: 'framework',  signal });
  return { evaluation, framework };
}

export function useEditorData(id: string) {
  return useResource(`editor:${id}`, (signal) => fetchEditorData(id, signal));
}

export function fetchEvaluation(id: string): Promise<Evaluation> {
  return apiFetch(evUrl(id), { contract: 'evaluation' });
}

export function patchFacts(id: string, expectedVersion: number, facts: FactsPayload): Promise<Evaluation> {
  return apiFetch(evUrl(id), { contract: 'evaluation',  method: 'PATCH', json: { expectedVersion, ...facts } });
}

export function putScores(id: string, expectedVersion: number, scores: Record<string, number | null>): Promise<Evaluation> {
  return apiFetch(`${evUrl(id)}/scores`, { contract: 'evaluation',  method: 'PUT', json: { expectedVersion, scores } });
}

export function putArea(id: string, number: number, expectedVersion: number, area: AreaPayload): Promise<Evaluation> {
  return apiFetch(`${evUrl(id)}/areas/${number}`, { contract: 'evaluation',  method: 'PUT', json: { expectedVersion, ...area } });
}

/** Other evaluations of the municipality that year (shown as a warning before a new one is created). */
export function fetchSameYear(municipalityCode: string, year: number, signal?: AbortSignal) {
  return apiFetch(`/api/evaluations/same-year?municipality=${encodeURIComponent(municipalityCode)}&year=${year}`, { contract: 'evaluations.sameYear', signal });
}

export function createEvaluation(input: EvaluationInput): Promise<Evaluation> {
  return apiFetch('/api/evaluations', { contract: 'evaluation',  method: 'POST', json: input });
}

/**
 * A correction of a published evaluation: a new draft with the same content that replaces the
 * published one when it is published. Servers without the corrections endpoint get a plain copy.
 */
export async function createCorrection(source: Evaluation): Promise<Evaluation> {
  try {
    return await apiFetch(`${evUrl(source.id)}/corrections`, { contract: 'evaluation',  method: 'POST' });
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404 || err.body.code !== 'not_found' || !err.detail.includes('resurs')) throw err;
  }
  return createEvaluation({
    municipalityCode: source.municipality.code,
    frameworkId: source.frameworkId,
    year: source.year,
    month: source.month,
    reportDate: source.reportDate,
    periodStart: source.periodStart,
    periodEnd: source.periodEnd,
    ordinal: source.ordinal,
    interviews: source.interviews,
    interviewsApprox: source.interviewsApprox,
    summary: source.summary,
    statedTotal: source.statedTotal,
    keyFacts: source.keyFacts,
    evaluators: source.evaluators,
    status: 'draft',
    scores: source.scores,
    areas: source.areas,
    source: { kind: 'manual' },
  });
}

export function useFrameworkList() {
  return useResource('frameworks', (signal) => apiFetch('/api/frameworks', { contract: 'frameworks.list',  signal }));
}

export function useMunicipality(code: string | null) {
  return useResource(code ? `municipality:${code}` : null, (signal) => apiFetch(`/api/municipalities/${encodeURIComponent(code ?? '')}`, { contract: 'municipality',  signal }));
}
