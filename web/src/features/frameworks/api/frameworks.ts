import type { FrameworkUpdate } from '../../../../../src/contracts/frameworks.ts';
import { apiFetch } from '../../../lib/api.ts';
import { useResource } from '../../../lib/useResource.ts';

const fw = (id: string) => `/api/frameworks/${encodeURIComponent(id)}`;

/** Every version with how many evaluations use it (administrators). */
export function useFrameworkAdminList() {
  return useResource('admin-frameworks', (signal) => apiFetch('/api/admin/frameworks', { contract: 'frameworks.admin.list', signal }));
}

/** One version with the evaluations made with it. */
export function useFrameworkAdmin(id: string) {
  return useResource(`admin-framework:${id}`, (signal) => apiFetch(`/api/admin/frameworks/${encodeURIComponent(id)}`, { contract: 'frameworks.admin', signal }));
}

/** A known version to merge into (its areas, for the comparison). */
export function useFrameworkDef(id: string | null) {
  return useResource(id ? `framework:${id}` : null, (signal) => apiFetch(fw(id ?? ''), { contract: 'framework', signal }));
}

export const updateFramework = (id: string, body: FrameworkUpdate) => apiFetch(fw(id), { contract: 'framework', method: 'PUT', json: body });
export const acceptVariant = (id: string, expectedVersion: number) => apiFetch(`${fw(id)}/accept`, { contract: 'framework', method: 'POST', json: { expectedVersion } });
export const renameFramework = (id: string, body: { name: string; year?: number; expectedVersion: number }) => apiFetch(`${fw(id)}/rename`, { contract: 'framework', method: 'POST', json: body });
export const mergeVariant = (id: string, into: string, expectedVersion: number) => apiFetch(`${fw(id)}/merge`, { contract: 'frameworks.merge', method: 'POST', json: { into, expectedVersion } });
