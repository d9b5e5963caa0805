import { apiFetch } from '../../../lib/api.ts';
import type { ConcordanceReply } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';

export function useConcordances() {
  return useResource('concordances', (signal) => apiFetch('/api/concordances', { contract: 'concordances.list', signal }));
}

export function useFrameworkList() {
  return useResource('frameworks', (signal) => apiFetch('/api/frameworks', { contract: 'frameworks.list', signal }));
}

export function useFrameworkDef(id: string | null) {
  return useResource(id ? `framework:${id}` : null, (signal) => apiFetch(`/api/frameworks/${encodeURIComponent(id ?? '')}`, { contract: 'framework', signal }));
}

export function saveConcordance(from: string, to: string, body: { pairs: ConcordanceReply['pairs']; notes: string; expectedVersion?: number }): Promise<ConcordanceReply> {
  return apiFetch(`/api/concordances/${encodeURIComponent(from)}/${encodeURIComponent(to)}`, { contract: 'concordance', method: 'PUT', json: body });
}
