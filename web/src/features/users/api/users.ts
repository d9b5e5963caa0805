import { apiFetch } from '../../../lib/api.ts';
import type { NewUser, ResetLink, UserItem, UserPatch } from '../../../../../src/contracts/users.ts';
import { useResource } from '../../../lib/useResource.ts';

export type { NewUser, ResetLink, UserItem };

export function useUsers() {
  return useResource('users', (signal) => apiFetch('/api/users', { contract: 'users.list', signal }));
}

export function createUser(input: NewUser): Promise<UserItem> {
  return apiFetch('/api/users', { contract: 'user', method: 'POST', json: input });
}

export function updateUser(id: string, patch: UserPatch): Promise<UserItem> {
  return apiFetch(`/api/users/${encodeURIComponent(id)}`, { contract: 'user', method: 'PATCH', json: patch });
}

export function issueResetLink(id: string): Promise<ResetLink> {
  return apiFetch(`/api/users/${encodeURIComponent(id)}/password-reset`, { contract: 'users.resetLink', method: 'POST' });
}
