/**
 * What the signed-in user may do with one evaluation, from the same pure rules the server uses
 * (src/policies/evaluation.policy.ts) plus the evaluation's assignments. The server refuses anyway; the UI only
 * avoids offering what would be refused.
 */
import { NOT_ASSIGNED, type Assignment, type Viewer } from '../../../src/domain/access.ts';
import { canChangeStatus, canComment, canCorrectEvaluation, canCreateEvaluation, canEditEvaluation, canReadInternals } from '../../../src/policies/evaluation.policy.ts';
import { canResolveThread } from '../../../src/policies/comment.policy.ts';
import { refusalMessage } from '../../../src/policies/policy.ts';
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
  /** Start a correction of a published evaluation (administrators and evaluators on its team). */
  canCorrect: boolean;
  canReadInternals: boolean;
  canComment: boolean;
  /** May this user mark the thread resolved or reopen it (the team, and whoever started it)? */
  canResolveThread: (thread: { userId: string | null; internal: boolean }) => boolean;
}

export function viewerOf(user: AuthUser | null): Viewer {
  if (!user) return { userId: null, role: 'public', municipalityCode: null, name: 'anonym' };
  return { userId: user.id, role: user.role, municipalityCode: user.municipalityCode, name: user.name };
}

/** May this user create evaluations or import reports? */
export function canCreateEvaluations(user: AuthUser | null): boolean {
  return canCreateEvaluation(viewerOf(user)).allowed;
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
  const edit = refusalMessage(canEditEvaluation(viewer, a));
  const open = e.status !== 'published';
  return {
    ready,
    canEdit: edit === null && open,
    editRefusal: edit,
    canShare: open && canChangeStatus(viewer, 'review', a).allowed,
    canPublish: open && canChangeStatus(viewer, 'published', a).allowed,
    canCorrect: canCorrectEvaluation(viewer, a).allowed && e.status === 'published' && !e.supersededById,
    canReadInternals: canReadInternals(viewer, row).allowed,
    canComment: canComment(viewer, row).allowed,
    canResolveThread: (thread) => open && canResolveThread(viewer, a, thread).allowed,
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
