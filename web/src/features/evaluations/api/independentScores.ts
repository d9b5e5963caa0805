import type { IndependentScoresViewContract } from '../../../../../src/contracts/independent-scores.ts';
import { apiFetch } from '../../../lib/api.ts';
import type { Evaluation } from '../../../lib/types.ts';

export type IndependentScores = IndependentScoresViewContract;

const url = (id: string) => `/api/evaluations/${encodeURIComponent(id)}`;

export function fetchIndependentScores(id: string, signal?: AbortSignal): Promise<IndependentScores> {
  return apiFetch<IndependentScores>(`${url(id)}/independent-scores`, { signal });
}

export function saveIndependentScores(id: string, scores: Record<string, number>, submitted: boolean): Promise<IndependentScores> {
  return apiFetch<IndependentScores>(`${url(id)}/independent-scores`, { method: 'PUT', json: { scores, submitted } });
}

export function recordConsensus(id: string, expectedVersion: number, items: Array<{ subareaId: string; value: number; reason: string }>): Promise<{ evaluation: Evaluation; scores: IndependentScores }> {
  return apiFetch<{ evaluation: Evaluation; scores: IndependentScores }>(`${url(id)}/consensus`, { method: 'PUT', json: { expectedVersion, items } });
}
