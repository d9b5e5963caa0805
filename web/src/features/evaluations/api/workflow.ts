import { apiFetch } from '../../../lib/api.ts';
import type { Evaluation, EvaluationStatus } from '../../../lib/types.ts';

const evUrl = (id: string) => `/api/evaluations/${encodeURIComponent(id)}`;

/** One audit record (src/services/audit.service.ts AuditEntry). */
export interface HistoryEntry {
  id: number;
  at: string;
  actor: { userId: string | null; name: string };
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A comment (src/services/workflow.service.ts Comment). */
export interface CommentItem {
  id: string;
  evaluationId: string;
  author: { userId: string | null; name: string };
  areaNumber: number | null;
  subareaId: string | null;
  body: string;
  createdAt: string;
}

export const HISTORY_PAGE = 50;

export function fetchHistory(id: string, beforeId?: number, signal?: AbortSignal): Promise<{ items: HistoryEntry[] }> {
  return apiFetch<{ items: HistoryEntry[] }>(`${evUrl(id)}/history`, { query: { limit: HISTORY_PAGE, before: beforeId }, signal });
}

export function fetchComments(id: string, signal?: AbortSignal): Promise<{ items: CommentItem[] }> {
  return apiFetch<{ items: CommentItem[] }>(`${evUrl(id)}/comments`, { signal });
}

export function postComment(id: string, body: string, areaNumber: number | null): Promise<CommentItem> {
  return apiFetch<CommentItem>(`${evUrl(id)}/comments`, { method: 'POST', json: { body, areaNumber } });
}

export function changeStatus(id: string, expectedVersion: number, status: EvaluationStatus): Promise<Evaluation> {
  return apiFetch<Evaluation>(`${evUrl(id)}/status`, { method: 'POST', json: { expectedVersion, status } });
}

export function startCorrection(id: string): Promise<Evaluation> {
  return apiFetch<Evaluation>(`${evUrl(id)}/corrections`, { method: 'POST' });
}
