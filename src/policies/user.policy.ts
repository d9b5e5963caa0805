/** Accounts: administrators manage every account (create, change role, disable, issue reset links). */
import type { Viewer } from '../domain/access.ts';
import { adminOnly, type Decision } from './policy.ts';

export function canManageUsers(viewer: Viewer): Decision {
  return adminOnly(viewer, 'Bara en administratör kan hantera användare.');
}
