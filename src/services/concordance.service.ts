/**
 * The concordance of areas and subareas between framework versions: read by comparisons, the summary's
 * comparison with an earlier evaluation and the trend; edited by administrators (versioned, audited).
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { changeFeedFor } from '../db/changes.ts';
import { CONCORDANCE_KK2010_KK2020 } from '../catalog/concordance-kk2010-kk2020.ts';
import type { Viewer } from '../domain/access.ts';
import { areaCounterparts, orientConcordance, validateConcordance, type Concordance, type ConcordancePair } from '../domain/concordance.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { authorize } from '../policies/policy.ts';
import { canEditConcordance } from '../policies/concordance.policy.ts';
import type { ConcordanceRow } from '../repositories/concordance.repository.ts';
import type { AuditService } from './audit.service.ts';
import type { FrameworkService } from './framework.service.ts';

export interface StoredConcordance extends Concordance {
  notes: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

const CATALOG = [CONCORDANCE_KK2010_KK2020];

const toStored = (r: ConcordanceRow): StoredConcordance => ({
  fromFrameworkId: r.fromFrameworkId,
  toFrameworkId: r.toFrameworkId,
  pairs: r.pairs,
  notes: r.notes,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

export function createConcordanceService({ db, frameworks, audit, repositories }: { db: Db; frameworks: FrameworkService; audit: AuditService; repositories: Pick<Repositories, 'concordances'> }) {
  const repo = repositories.concordances;
  const changes = changeFeedFor(db);
  let cache: { revision: number; list: StoredConcordance[] } | null = null;

  const all = async (): Promise<StoredConcordance[]> => {
    if (cache && cache.revision === changes.revision) return cache.list;
    const revision = changes.revision;
    const list = (await repo.list()).map(toStored);
    cache = { revision, list };
    return list;
  };

  /** Pairs from version `fromId` to version `toId`, whichever way they are stored; null when none exists. */
  const pairsBetween = async (fromId: string, toId: string): Promise<ConcordancePair[] | null> => {
    for (const c of await all()) {
      const oriented = orientConcordance(c, fromId, toId);
      if (oriented) return oriented;
    }
    return null;
  };

  return {
    /** Loads the catalog concordances (kk2010 ↔ kk2020) when absent; an administrator's edits are kept. */
    async ensureCatalog(): Promise<void> {
      const known = new Set((await frameworks.listFrameworks()).map((f) => f.id));
      for (const c of CATALOG) {
        if (known.has(c.fromFrameworkId) && known.has(c.toFrameworkId)) await repo.insertIfAbsent({ fromFrameworkId: c.fromFrameworkId, toFrameworkId: c.toFrameworkId, pairs: [...c.pairs], notes: c.notes });
      }
      changes.bump();
    },

    async listConcordances({ viewer: _viewer }: { viewer: Viewer }): Promise<StoredConcordance[]> {
      return all();
    },

    /** The concordance seen from `fromId` to `toId` (404 when the two versions have none). */
    async getConcordance({ fromId, toId, viewer: _viewer }: { fromId: string; toId: string; viewer: Viewer }): Promise<StoredConcordance> {
      const stored = (await all()).find((c) => orientConcordance(c, fromId, toId));
      if (!stored) throw notFound(`Det finns ingen konkordans mellan ${fromId} och ${toId}; versionerna jämförs bara på totalpoäng.`);
      return { ...stored, fromFrameworkId: fromId, toFrameworkId: toId, pairs: orientConcordance(stored, fromId, toId) ?? [] };
    },

    pairsBetween,

    /** Current area number → counterpart area number in the other version (empty map: none). */
    async areaMap(fromId: string, toId: string): Promise<Map<number, number> | null> {
      const pairs = await pairsBetween(fromId, toId);
      if (!pairs) return null;
      return new Map([...areaCounterparts(pairs)].map(([k, v]) => [k, v.area]));
    },

    /**
     * Creates or replaces the concordance between two versions (administrators). `expectedVersion` is the
     * version read (409 when stale); omitted, the concordance must not exist yet.
     */
    async saveConcordance({
      fromId,
      toId,
      pairs,
      notes,
      expectedVersion,
      viewer,
    }: {
      fromId: string;
      toId: string;
      pairs: ConcordancePair[];
      notes: string;
      expectedVersion?: number | undefined;
      viewer: Viewer;
    }): Promise<StoredConcordance> {
      authorize(canEditConcordance(viewer));
      const [from, to] = await Promise.all([frameworks.getFramework({ id: fromId }), frameworks.getFramework({ id: toId })]);
      const issues = validateConcordance(from, to, pairs);
      if (issues.length) throw new DomainError('validation', `Konkordansen kan inte sparas: ${issues[0]?.message ?? ''}`, issues);
      const saved = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const existing = await repo.between(fromId, toId, t);
        if (!existing) {
          if (expectedVersion !== undefined) throw notFound(`Det finns ingen konkordans mellan ${fromId} och ${toId} att ändra; skicka utan expectedVersion för att skapa den.`);
          const inserted = await repo.insert({ fromFrameworkId: fromId, toFrameworkId: toId, pairs, notes, updatedBy: viewer.name }, t);
          if (!inserted) throw new DomainError('conflict', `Konkordansen mellan ${fromId} och ${toId} skapades samtidigt av någon annan. Ladda om.`);
          await audit.record({ viewer, entity: 'framework', entityId: fromId, action: 'concordance', change: { before: null, after: { toFrameworkId: toId, pairs, notes } } }, t);
          return inserted;
        }
        if (expectedVersion === undefined || existing.version !== expectedVersion) {
          throw new DomainError(
            'conflict',
            `Konkordansen mellan ${fromId} och ${toId} har ändrats av ${existing.updatedBy ?? 'någon annan'} sedan du läste den: din version ${expectedVersion ?? 'ingen'}, aktuell version ${existing.version}. Ladda om och gör om ändringen.`,
            [],
            { currentVersion: existing.version },
          );
        }
        // Stored the other way round: keep its direction.
        const reversed = existing.fromFrameworkId !== fromId;
        const storedPairs = reversed ? pairs.map((p) => ({ ...p, from: p.to, to: p.from })) : pairs;
        const updated = await repo.update({ fromFrameworkId: existing.fromFrameworkId, toFrameworkId: existing.toFrameworkId, expectedVersion, pairs: storedPairs, notes, updatedBy: viewer.name }, t);
        if (!updated) throw new DomainError('conflict', `Konkordansen mellan ${fromId} och ${toId} ändrades samtidigt av någon annan. Ladda om.`, [], { currentVersion: existing.version + 1 });
        await audit.record(
          { viewer, entity: 'framework', entityId: existing.fromFrameworkId, action: 'concordance', change: { before: { toFrameworkId: existing.toFrameworkId, pairs: existing.pairs, notes: existing.notes }, after: { toFrameworkId: existing.toFrameworkId, pairs: storedPairs, notes } } },
          t,
        );
        return updated;
      });
      const stored = toStored(saved);
      return { ...stored, fromFrameworkId: fromId, toFrameworkId: toId, pairs: orientConcordance(stored, fromId, toId) ?? [] };
    },
  };
}
export type ConcordanceService = ReturnType<typeof createConcordanceService>;
