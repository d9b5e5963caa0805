/**
 * Who may see and do what. Pure rules; services call them, the HTTP layer never decides alone.
 */
import type { EvaluationStatus } from './evaluation.ts';

export type Role = 'admin' | 'evaluator' | 'municipality' | 'public';

export interface Viewer {
  userId: string | null;
  role: Role;
  /** The municipality a municipality user belongs to. */
  municipalityCode: string | null;
  /** Name recorded in history ("Anna Andersson" or "system"). */
  name: string;
}

export const SYSTEM: Viewer = { userId: null, role: 'admin', municipalityCode: null, name: 'system' };
export const PUBLIC: Viewer = { userId: null, role: 'public', municipalityCode: null, name: 'anonym' };

export function canViewEvaluation(viewer: Viewer, e: { status: EvaluationStatus; municipalityCode: string }): boolean {
  if (e.status === 'published') return true;
  if (viewer.role === 'admin' || viewer.role === 'evaluator') return true;
  if (viewer.role === 'municipality') return e.status === 'review' && viewer.municipalityCode === e.municipalityCode;
  return false;
}

/** Statuses a viewer may list, before per-row checks. */
export function visibleStatuses(viewer: Viewer): EvaluationStatus[] {
  if (viewer.role === 'admin' || viewer.role === 'evaluator') return ['draft', 'review', 'published'];
  if (viewer.role === 'municipality') return ['review', 'published'];
  return ['published'];
}

export const STATUS_TRANSITIONS: Record<EvaluationStatus, EvaluationStatus[]> = {
  draft: ['review', 'published'],
  review: ['draft', 'published'],
  published: [],
};
