import { apiFetch } from '../../../lib/api.ts';
import type { PeerGroupReply } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';

export function useBenchmarkVersions() {
  return useResource('benchmark-versions', (signal) => apiFetch('/api/benchmarks/versions', { contract: 'benchmarks.versions', signal }));
}

export function useBenchmarks(framework: string | null, year: number | null) {
  return useResource(framework ? `benchmarks:${framework}:${year ?? ''}` : null, (signal) =>
    apiFetch('/api/benchmarks', { contract: 'benchmarks', query: { framework, year }, signal }),
  );
}

export function useMunicipalityBenchmark(code: string | null, framework: string | null, year: number | null, peerGroup: string | null) {
  return useResource(code && framework ? `benchmark-muni:${code}:${framework}:${year ?? ''}:${peerGroup ?? ''}` : null, (signal) =>
    apiFetch(`/api/benchmarks/municipalities/${encodeURIComponent(code ?? '')}`, { contract: 'benchmarks.municipality', query: { framework, year, peerGroup }, signal }),
  );
}

export function usePeerGroups(signedIn: boolean) {
  return useResource(signedIn ? 'peer-groups' : null, (signal) => apiFetch('/api/peer-groups', { contract: 'peerGroups.list', signal }));
}

export function createPeerGroup(input: { name: string; municipalityCodes: string[] }): Promise<PeerGroupReply> {
  return apiFetch('/api/peer-groups', { contract: 'peerGroup', method: 'POST', json: input });
}

export function updatePeerGroup(group: Pick<PeerGroupReply, 'id' | 'version'>, input: { name: string; municipalityCodes: string[] }): Promise<PeerGroupReply> {
  return apiFetch(`/api/peer-groups/${encodeURIComponent(group.id)}`, { contract: 'peerGroup', method: 'PUT', json: { ...input, expectedVersion: group.version } });
}

export function deletePeerGroup(id: string): Promise<void> {
  return apiFetch<void>(`/api/peer-groups/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
