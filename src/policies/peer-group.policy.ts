/**
 * Peer groups ("our five neighbours") belong to the signed-in user who saved them: only that user sees
 * and changes them. Another user's group is answered as not found (its existence is private).
 */
import type { Viewer } from '../domain/access.ts';
import { ALLOW, refuse, SIGN_IN_REQUIRED, type Decision } from './policy.ts';

export function canSavePeerGroups(viewer: Viewer): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  return viewer.userId ? ALLOW : refuse(viewer, 'Jämförelsegrupper sparas för ett användarkonto.');
}

/** Whether the viewer owns the group (reads and writes); otherwise it is not shown at all. */
export function ownsPeerGroup(viewer: Viewer, group: { userId: string }): boolean {
  return viewer.userId !== null && viewer.userId === group.userId;
}
