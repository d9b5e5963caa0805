import { apiFetch } from '../../../lib/api.ts';
import type { CommentItem, HistoryEntry } from '../../../../../src/contracts/workflow.ts';
import type { Evaluation, EvaluationStatus } from '../../../lib/types.ts';

const evUrl = (id: string) => `/api/evaluations/${encodeURIComponent(id)}`;

export type { CommentItem, HistoryEntry };

export const HISTORY_PAGE = 50;

export function fetchHistory(id: string, beforeId?: number, signal?: AbortSignal): Promise<{ items: HistoryEntry[] }> {
  return apiFetch(`${evUrl(id)}/history`, { contract: 'workflow.history', query: { limit: HISTORY_PAGE, before: beforeId }, signal });
}

export function fetchComments(id: string, signal?: AbortSignal): Promise<{ items: CommentItem[] }> {
  return apiFetch(`${evUrl(id)}/comments`, { contract: 'workflow.comments', signal });
}

export function postComment(id: string, body: string, areaNumber: number | null, opts: { parentId?: string; internal?: boolean; item?: { kind: 'strength' | 'improvement'; index: number } } = {}): Promise<CommentItem> {
  return apiFetch(`${evUrl(id)}/comments`, { contract: 'workflow.comment', method: 'POST', json: { body, areaNumber, ...opts } });
}

/** Marks a thread (its first comment) resolved, or open again. */
export function resolveThread(id: string, commentId: string, resolved: boolean): Promise<CommentItem> {
  return apiFetch(`${evUrl(id)}/comments/${encodeURIComponent(commentId)}/resolution`, { contract: 'workflow.comment', method: 'POST', json: { resolved } });
}

export function changeStatus(id: string, expectedVersion: number, status: EvaluationStatus): Promise<Evaluation> {
  return apiFetch(`${evUrl(id)}/status`, { contract: 'evaluation', method: 'POST', json: { expectedVersion, status } });
}

export function startCorrection(id: string): Promise<Evaluation> {
  return apiFetch(`${evUrl(id)}/corrections`, { contract: 'evaluation', method: 'POST' });
}
