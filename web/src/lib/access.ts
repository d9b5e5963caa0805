/**
 * What the signed-in user may do with one evaluation, from the same pure rules the server uses
 * (src/domain/access.ts) plus the evaluation's assignments. The server refuses anyway; the UI only
 * avoids offering what would be refused.
 */
import { canReadInternals, commentRefusal, editRefusal, NOT_ASSIGNED, statusChangeRefusal, type Assignment, type Viewer } from '../../../src/domain/access.ts';
import type { AssignedUser } from '../../../src/contracts/workflow.ts';
import { apiFetch } from './api.ts';
import type { AuthUser } from './auth.tsx';
import type { EvaluationStatus } from './types.ts';
import { useResource } from './useResource.ts';

export type { AssignedUser };

export interface EvaluationAccess {
  /** False while the assignments are still loading. */
  ready: boolean;
  canEdit: boolean;
  /** Why editing is refused (Swedish, from the shared rules); null when allowed. */
  editRefusal: string | null;
  canShare: boolean;
  canPublish: boolean;
  /** Start a correction of a published evaluation (evaluators and administrators). */
  canCorrect: boolean;
  canReadInternals: boolean;
  canComment: boolean;
}

export function viewerOf(user: AuthUser | null): Viewer {
  if (!user) return { userId: null, role: 'public', municipalityCode: null, name: 'anonym' };
  return { userId: user.id, role: user.role, municipalityCode: user.municipalityCode, name: user.name };
}

/** May this user create evaluations or import reports? */
export function canCreateEvaluations(user: AuthUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'evaluator';
}

interface EvaluationRef {
  id: string;
  status: EvaluationStatus;
  municipality: { code: string };
  supersededById?: string | null;
}

export function evaluationAccess(user: AuthUser | null, e: EvaluationRef, a: Assignment, ready = true): EvaluationAccess {
  const viewer = viewerOf(user);
  const row = { status: e.status, municipalityCode: e.municipality.code };
  const edit = editRefusal(viewer, a);
  const open = e.status !== 'published';
  return {
    ready,
    canEdit: edit === null && open,
    editRefusal: edit,
    canShare: open && statusChangeRefusal(viewer, 'review', a) === null,
    canPublish: open && statusChangeRefusal(viewer, 'published', a) === null,
    canCorrect: (viewer.role === 'admin' || viewer.role === 'evaluator') && e.status === 'published' && !e.supersededById,
    canReadInternals: canReadInternals(viewer, row),
    canComment: commentRefusal(viewer, row) === null,
  };
}

/** Access for one evaluation; evaluators' assignments come from GET /api/evaluations/:id/assignments. */
export function useEvaluationAccess(user: AuthUser | null, e: EvaluationRef | undefined): EvaluationAccess & { assignments: AssignedUser[] } {
  const needsAssignments = e !== undefined && user !== null && user.role === 'evaluator';
  const res = useResource(needsAssignments ? `assignments:${e.id}:${user.id}` : null, (signal) =>
    apiFetch(`/api/evaluations/${encodeURIComponent(e?.id ?? '')}/assignments`, { contract: 'workflow.assignments', signal }),
  );
  const items = res.data?.items ?? [];
  const mine = user ? items.find((x) => x.userId === user.id) : undefined;
  const assignment: Assignment = mine ? { assigned: true, lead: mine.isLead } : NOT_ASSIGNED;
  const ready = !needsAssignments || !res.loading;
  if (!e) return { ...evaluationAccess(null, { id: '', status: 'published', municipality: { code: '' } }, NOT_ASSIGNED, false), assignments: [] };
  return { ...evaluationAccess(user, e, assignment, ready), assignments: items };
}
