/**
 * Who may read notifications in the app: every signed-in account reads and marks its own (and
 * nobody else's: the service only ever queries the viewer's own rows). The CLI's system viewer has
 * no account and none to read.
 */
import type { Viewer } from '../domain/access.ts';
import { ALLOW, refuse, SIGN_IN_REQUIRED, type Decision } from './policy.ts';

export function canReadOwnNotifications(viewer: Viewer): Decision {
  if (viewer.role === 'public' || viewer.userId === null) return refuse(viewer, SIGN_IN_REQUIRED);
  return ALLOW;
}
