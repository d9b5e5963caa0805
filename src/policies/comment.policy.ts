/**
 * Threads of comments on an evaluation: internal notes among the team, and the discussion with the
 * municipality while the draft is shared for review (who may comment at all: `canComment` in
 * evaluation.policy.ts). Pure.
 *
 * - internal notes: written and read by staff only; the municipality never sees them, nor their replies.
 * - replies: whoever may comment and can see the thread.
 * - resolving or reopening a thread: the evaluation's team (assigned evaluators, administrators) and
 *   the person who started the thread.
 */
import type { Assignment, Viewer } from '../domain/access.ts';
import { ALLOW, refuse, SIGN_IN_REQUIRED, type Decision } from './policy.ts';

export function canSeeComment(viewer: Viewer, c: { internal: boolean }): boolean {
  if (!c.internal) return true;
  return viewer.role === 'admin' || viewer.role === 'evaluator';
}

export function canWriteInternalNote(viewer: Viewer): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  return viewer.role === 'admin' || viewer.role === 'evaluator' ? ALLOW : refuse(viewer, 'Interna anteckningar är till för utvärderarna; skriv en vanlig kommentar.');
}

export function canResolveThread(viewer: Viewer, a: Assignment, thread: { userId: string | null; internal: boolean }): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (viewer.role === 'admin' || (viewer.role === 'evaluator' && a.assigned)) return ALLOW;
  if (viewer.userId !== null && thread.userId === viewer.userId) return ALLOW;
  return refuse(viewer, 'Bara utvärderingens team och den som startade tråden kan markera den som löst.');
}
