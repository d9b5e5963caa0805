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

export function updateUser(id: string, patch: Partial<Pick<UserItem, 'name' | 'role' | 'municipalityCode' | 'disabled'>>): Promise<UserItem> {
  return apiFetch<UserItem>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch });
}

export function issueResetLink(id: string): Promise<ResetLink> {
  return apiFetch<ResetLink>(`/api/users/${encodeURIComponent(id)}/password-reset`, { method: 'POST' });
}
