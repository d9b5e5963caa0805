import { apiFetch } from '../../../lib/api.ts';
import type { AccountRole } from '../../../lib/auth.tsx';
import { useResource } from '../../../lib/useResource.ts';

export interface UserItem {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  municipalityCode: string | null;
  disabled: boolean;
  sso: boolean;
  hasPassword: boolean;
  createdAt: string;
  /** Sent back as expectedVersion when changing the user (409 when someone changed it first). */
  version: number;
}

export interface NewUser {
  email: string;
  name: string;
  role: AccountRole;
  municipalityCode: string | null;
}

export interface ResetLink {
  url: string;
  expiresAt: string;
}

export function useUsers() {
  return useResource('users', (signal) => apiFetch<{ items: UserItem[] }>('/api/users', { signal }));
}

export function createUser(input: NewUser): Promise<UserItem> {
  return apiFetch<UserItem>('/api/users', { method: 'POST', json: input });
}

/** Changes the user as of the copy shown (its version); a stale copy gets 409 with the current one. */
export function updateUser(user: Pick<UserItem, 'id' | 'version'>, patch: Partial<Pick<UserItem, 'name' | 'role' | 'municipalityCode' | 'disabled'>>): Promise<UserItem> {
  return apiFetch<UserItem>(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', json: { expectedVersion: user.version, ...patch } });
}

export function issueResetLink(id: string): Promise<ResetLink> {
  return apiFetch<ResetLink>(`/api/users/${encodeURIComponent(id)}/password-reset`, { method: 'POST' });
}
