import { apiFetch } from './api.ts';
import { useResource } from './useResource.ts';

/** Municipalities matching a name or code (same search as the start page). */
export function useMunicipalitySearch(q: string, limit = 8) {
  const trimmed = q.trim();
  return useResource(trimmed ? `municipality-search:${trimmed}:${limit}` : null, (signal) =>
    apiFetch('/api/municipalities', { contract: 'municipalities.list',  query: { q: trimmed, limit }, signal }),
  );
}
