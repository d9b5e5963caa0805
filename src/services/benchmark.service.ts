/**
 * Benchmarking over current published evaluations: the national distribution per framework version and
 * year (aggregated in the database), a municipality's rank within its county or a saved peer group and
 * its distance to the best, and the peer groups themselves (private to the user who saved them).
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { describe, distanceToBest, rankAmong, type Distribution, type Rank } from '../domain/statistics.ts';
import { clean } from '../domain/scoring.ts';
import { authorize } from '../policies/policy.ts';
import { canSavePeerGroups, ownsPeerGroup } from '../policies/peer-group.policy.ts';
import type { AggregateRow, ValueRow } from '../repositories/benchmark.repository.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

export const PEER_GROUP_MAX_MEMBERS = 50;

export interface BenchmarkLine {
  stats: Distribution | null;
}

export interface Benchmarks {
  framework: { id: string; name: string; year: number };
  /** null: all years of the version. */
  year: number | null;
  /** Years with published evaluations in this version, and how many. */
  years: Array<{ year: number; n: number }>;
  total: Distribution | null;
  max: number;
  areas: Array<{ number: number; title: string; max: number; stats: Distribution | null; subareas: Array<{ id: string; title: string; max: number | null; stats: Distribution | null }> }>;
}

export interface Standing {
  score: number | null;
  rank: Rank | null;
  /** Best score in the group, and how far below it the municipality is. */
  groupBest: number | null;
  distanceToGroupBest: number | null;
  groupMedian: number | null;
  /** Best score of all published evaluations in the version (and year). */
  nationalBest: number | null;
  distanceToNationalBest: number | null;
}

export interface MunicipalityBenchmark {
  municipality: { code: string; name: string; countyCode: string; countyName: string };
  framework: { id: string; name: string };
  year: number | null;
  group: { kind: 'county' | 'peer-group'; id: string | null; name: string; members: Array<{ code: string; name: string; evaluationId: string; year: number; total: number | null }> };
  /** The municipality's evaluation that is compared (its latest published one in the version); null when none. */
  evaluation: { id: string; year: number } | null;
  total: Standing;
  areas: Array<{ number: number; title: string; standing: Standing; subareas: Array<{ id: string; title: string; max: number | null; standing: Standing }> }>;
}

export interface PeerGroup {
  id: string;
  name: string;
  municipalities: Array<{ code: string; name: string }>;
  version: number;
  updatedAt: string;
}

const keyOf = (level: string, key: string) => `${level}:${key}`;

export function createBenchmarkService({ db, frameworks, municipalities, repositories }: { db: Db; frameworks: FrameworkService; municipalities: MunicipalityService; repositories: Pick<Repositories, 'benchmarks'> }) {
  const repo = repositories.benchmarks;

  const statsByKey = (rows: AggregateRow[]): Map<string, Distribution> =>
    new Map(rows.map((r) => [keyOf(r.level, r.key), { n: r.n, mean: clean(r.mean), median: clean(r.median), p25: clean(r.p25), p75: clean(r.p75), min: r.min, max: r.max }]));

  const peerGroupOut = async (g: { id: string; name: string; version: number; updatedAt: Date; codes: string[] }): Promise<PeerGroup> => {
    const all = await municipalities.listMunicipalities();
    return {
      id: g.id,
      name: g.name,
      municipalities: g.codes.map((code) => ({ code, name: all.find((m) => m.code === code)?.name ?? code })),
      version: g.version,
      updatedAt: g.updatedAt.toISOString(),
    };
  };

  const ownGroup = async (id: string, viewer: Viewer, executor?: Db) => {
    authorize(canSavePeerGroups(viewer));
    const g = await repo.getPeerGroup(id, executor);
    if (!g || !ownsPeerGroup(viewer, g)) throw notFound(`Jämförelsegruppen ${id} finns inte bland dina sparade grupper.`);
    return g;
  };

  const checkMembers = async (codes: readonly string[]): Promise<string[]> => {
    const unique = [...new Set(codes)];
    if (unique.length === 0) throw new DomainError('validation', 'En jämförelsegrupp behöver minst en kommun.', [{ path: 'municipalityCodes', message: 'Välj minst en kommun.' }]);
    if (unique.length > PEER_GROUP_MAX_MEMBERS) throw new DomainError('validation', `En jämförelsegrupp kan ha högst ${PEER_GROUP_MAX_MEMBERS} kommuner, inte ${unique.length}.`, [{ path: 'municipalityCodes', message: `Högst ${PEER_GROUP_MAX_MEMBERS} kommuner.` }]);
    const known = new Set((await municipalities.listMunicipalities()).map((m) => m.code));
    const unknown = unique.filter((c) => !known.has(c));
    if (unknown.length) throw new DomainError('validation', `Det finns ingen kommun eller region med koden ${unknown.join(', ')}.`, unknown.map((c) => ({ path: 'municipalityCodes', message: `Okänd kod ${c}.` })));
    return unique.sort();
  };

  const service = {
    /** National distribution per area and subarea of one version (and year). Public figures: published evaluations only. */
    async getBenchmarks({ frameworkId, year, viewer: _viewer }: { frameworkId: string; year?: number | undefined; viewer: Viewer }): Promise<Benchmarks> {
      const fw = await frameworks.getFramework({ id: frameworkId });
      const [rows, counts] = await Promise.all([repo.aggregates({ frameworkId, year }), repo.publishedCounts()]);
      const stats = statsByKey(rows);
      return {
        framework: { id: fw.id, name: fw.name, year: fw.year },
        year: year ?? null,
        years: counts.filter((c) => c.frameworkId === fw.id).map(({ year: y, n }) => ({ year: y, n })),
        total: stats.get(keyOf('total', '')) ?? null,
        max: fw.areas.length * 100,
        areas: fw.areas.map((a) => ({
          number: a.number,
          title: a.title,
          max: 100,
          stats: stats.get(keyOf('area', String(a.number))) ?? null,
          subareas: a.subareas.map((s) => ({ id: s.id, title: s.title, max: s.max, stats: stats.get(keyOf('subarea', s.id)) ?? null })),
        })),
      };
    },

    /** Versions and years that have published evaluations (for choosing a benchmark). */
    async listBenchmarkVersions({ viewer: _viewer }: { viewer: Viewer }): Promise<Array<{ id: string; name: string; years: Array<{ year: number; n: number }> }>> {
      const [fws, counts] = await Promise.all([frameworks.listFrameworks(), repo.publishedCounts()]);
      return fws
        .map((f) => ({ id: f.id, name: f.name, years: counts.filter((c) => c.frameworkId === f.id).map(({ year, n }) => ({ year, n })) }))
        .filter((f) => f.years.length > 0);
    },

    /**
     * Where a municipality stands within a group: its county (default) or one of the viewer's peer groups.
     * Each member counts with its latest published evaluation in the version (in `year`, when given).
     */
    async getMunicipalityBenchmark({
      code,
      frameworkId,
      year,
      peerGroupId,
      viewer,
    }: {
      code: string;
      frameworkId?: string | undefined;
      year?: number | undefined;
      peerGroupId?: string | undefined;
      viewer: Viewer;
    }): Promise<MunicipalityBenchmark> {
      const municipality = await municipalities.getMunicipality({ code });
      let fwId = frameworkId;
      // Default: the version of the municipality's latest published evaluation, else the newest version with data.
      if (!fwId) fwId = (await repo.latestPublishedFramework(code, year)) ?? (await service.listBenchmarkVersions({ viewer })).at(-1)?.id ?? 'kk2020';
      const fw = await frameworks.getFramework({ id: fwId });
      const group = peerGroupId ? await ownGroup(peerGroupId, viewer) : null;
      const [values, national] = await Promise.all([
        repo.groupValues({ frameworkId: fw.id, year, group: group ? { codes: [...new Set([...group.codes, code])] } : { countyCode: municipality.countyCode } }),
        repo.aggregates({ frameworkId: fw.id, year }),
      ]);
      const nationalStats = statsByKey(national);
      const byEvaluation = new Map<string, Map<string, ValueRow>>();
      for (const v of values.values) {
        const m = byEvaluation.get(v.evaluationId) ?? new Map<string, ValueRow>();
        m.set(keyOf(v.level, v.key), v);
        byEvaluation.set(v.evaluationId, m);
      }
      const ownEvaluation = values.evaluations.find((e) => e.municipalityCode === code) ?? null;
      const scoreOf = (evaluationId: string, k: string): number | null => byEvaluation.get(evaluationId)?.get(k)?.score ?? null;
      const standing = (k: string): Standing => {
        const groupScores = values.evaluations.map((e) => scoreOf(e.id, k));
        const score = ownEvaluation ? scoreOf(ownEvaluation.id, k) : null;
        const known = groupScores.filter((s): s is number => s !== null);
        const nationalBest = nationalStats.get(k)?.max ?? null;
        return {
          score,
          rank: rankAmong(score, groupScores),
          groupBest: known.length ? Math.max(...known) : null,
          distanceToGroupBest: distanceToBest(score, groupScores),
          groupMedian: describe(groupScores)?.median ?? null,
          nationalBest,
          distanceToNationalBest: score === null || nationalBest === null ? null : clean(Math.max(0, nationalBest - score)),
        };
      };
      return {
        municipality: { code: municipality.code, name: municipality.name, countyCode: municipality.countyCode, countyName: municipality.countyName },
        framework: { id: fw.id, name: fw.name },
        year: year ?? null,
        group: {
          kind: group ? 'peer-group' : 'county',
          id: group?.id ?? null,
          name: group?.name ?? municipality.countyName,
          members: values.evaluations
            .map((e) => ({ code: e.municipalityCode, name: e.municipalityName, evaluationId: e.id, year: e.year, total: scoreOf(e.id, keyOf('total', '')) }))
            .sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.name.localeCompare(b.name, 'sv')),
        },
        evaluation: ownEvaluation ? { id: ownEvaluation.id, year: ownEvaluation.year } : null,
        total: standing(keyOf('total', '')),
        areas: fw.areas.map((a) => ({
          number: a.number,
          title: a.title,
          standing: standing(keyOf('area', String(a.number))),
          subareas: a.subareas.map((s) => ({ id: s.id, title: s.title, max: s.max, standing: standing(keyOf('subarea', s.id)) })),
        })),
      };
    },

    // ---------- peer groups ----------

    async listPeerGroups({ viewer }: { viewer: Viewer }): Promise<PeerGroup[]> {
      authorize(canSavePeerGroups(viewer));
      return Promise.all((await repo.listPeerGroups(viewer.userId ?? '')).map(peerGroupOut));
    },

    async getPeerGroup({ id, viewer }: { id: string; viewer: Viewer }): Promise<PeerGroup> {
      return peerGroupOut(await ownGroup(id, viewer));
    },

    async createPeerGroup({ input, viewer }: { input: { name: string; municipalityCodes: string[] }; viewer: Viewer }): Promise<PeerGroup> {
      authorize(canSavePeerGroups(viewer));
      const codes = await checkMembers(input.municipalityCodes);
      const id = await db.transaction(async (tx) => repo.insertPeerGroup({ userId: viewer.userId ?? '', name: input.name.trim(), codes }, tx as unknown as Db));
      return service.getPeerGroup({ id, viewer });
    },

    async updatePeerGroup({ id, input, expectedVersion, viewer }: { id: string; input: { name: string; municipalityCodes: string[] }; expectedVersion: number; viewer: Viewer }): Promise<PeerGroup> {
      await ownGroup(id, viewer);
      const codes = await checkMembers(input.municipalityCodes);
      const ok = await db.transaction(async (tx) => repo.updatePeerGroup({ id, expectedVersion, name: input.name.trim(), codes }, tx as unknown as Db));
      if (!ok) {
        const current = await ownGroup(id, viewer);
        throw new DomainError('conflict', `Jämförelsegruppen "${current.name}" har ändrats sedan du öppnade den: din version ${expectedVersion}, aktuell version ${current.version}. Ladda om och gör om ändringen.`, [], { currentVersion: current.version });
      }
      return service.getPeerGroup({ id, viewer });
    },

    async deletePeerGroup({ id, viewer }: { id: string; viewer: Viewer }): Promise<void> {
      await ownGroup(id, viewer);
      await db.transaction(async (tx) => repo.deletePeerGroup(id, tx as unknown as Db));
    },
  };
  return service;
}
export type BenchmarkService = ReturnType<typeof createBenchmarkService>;
