import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { authorize } from '../policies/policy.ts';
import { canCreateFramework, canUpdateFramework } from '../policies/framework.policy.ts';
import { canImportReport } from '../policies/evaluation.policy.ts';
import type { AuditService } from './audit.service.ts';
import { changeFeedFor } from '../db/changes.ts';
import { CATALOG_FRAMEWORKS } from '../catalog/frameworks.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { validateFramework, type FrameworkDef } from '../domain/framework.ts';
import { sentFields } from '../domain/input.ts';
import { scoresBrokenBy } from '../domain/scoring.ts';
import { toFrameworkDef } from '../repositories/framework.repository.ts';

export type StoredFramework = FrameworkDef & { createdAt: string; updatedAt: string; version: number };

/** The top-level fields that differ, before and after (areas compared as a whole). */
function frameworkChange(before: FrameworkDef | null, after: FrameworkDef): { before: Record<string, unknown> | null; after: Record<string, unknown> } {
  const keys = ['name', 'year', 'origin', 'needsReview', 'about', 'notes', 'areas'] as const;
  if (!before) return { before: null, after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
  // Deep comparison: stored JSON (jsonb) does not keep key order.
  const changed = keys.filter((k) => !isDeepStrictEqual(before[k], after[k]));
  return { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])) };
}

export function createFrameworkService(db: Db, audit: AuditService, repositories: Pick<Repositories, 'frameworks' | 'evaluations'>) {
  const { frameworks: repo, evaluations } = repositories;
  const changes = changeFeedFor(db);
  let cache: Map<string, StoredFramework> | null = null;
  let cacheRevision = -1;

  /** Frameworks are read on every scoring; cached until any change is committed. */
  const load = async (): Promise<Map<string, StoredFramework>> => {
    if (!cache || cacheRevision !== changes.revision) {
      const revision = changes.revision;
      cache = new Map((await repo.list()).map((r) => [r.id, toFrameworkDef(r)]));
      cacheRevision = revision;
    }
    return cache;
  };

  const create = async (framework: FrameworkDef, viewer: Viewer, executor?: Db): Promise<StoredFramework> => {
    const issues = validateFramework(framework);
    if (issues.length) throw new DomainError('validation', `Ramverksversionen "${framework.id}" är ogiltig.`, issues);
    if ((await load()).has(framework.id)) throw new DomainError('duplicate', `Ramverksversionen "${framework.id}" finns redan.`);
    const write = async (t: Db) => {
      const inserted = await repo.insert(framework, t);
      await audit.record({ viewer, entity: 'framework', entityId: framework.id, action: 'create', change: frameworkChange(null, framework) }, t);
      return inserted;
    };
    if (executor) {
      // Inside the caller's transaction: the new version is visible to that transaction's later steps
      // through the cache; the transaction's end (commit or rollback) bumps the change feed, which reloads it.
      const stored = toFrameworkDef(await write(executor));
      cache?.set(stored.id, stored);
      return stored;
    }
    const row = await db.transaction(async (tx) => write(tx as unknown as Db));
    cache = null;
    changes.bump();
    return toFrameworkDef(row);
  };

  const service = {
    /** Inserts catalog versions that are missing; keeps edits made to stored ones (texts are editable data). */
    async ensureCatalog(): Promise<void> {
      const existing = await load();
      for (const fw of CATALOG_FRAMEWORKS) {
        if (!existing.has(fw.id)) await repo.insert(fw);
      }
      cache = null;
      changes.bump();
    },
    async listFrameworks(): Promise<StoredFramework[]> {
      return [...(await load()).values()];
    },
    async getFramework({ id }: { id: string }): Promise<StoredFramework> {
      const fw = (await load()).get(id);
      if (!fw) throw notFound(`Ramverksversionen "${id}" finns inte.`);
      return fw;
    },
    /** Adds a version (data); recorded in the audit trail in the same transaction. */
    async createFramework({ framework, executor, viewer }: { framework: FrameworkDef; executor?: Db; viewer: Viewer }): Promise<StoredFramework> {
      authorize(canCreateFramework(viewer));
      return create(framework, viewer, executor);
    },
    /**
     * A framework variant found in an imported report (origin derived-import, marked for review): whoever
     * may import reports may register it as part of the import; an administrator reviews it later.
     */
    async registerDerivedFramework({ framework, executor, viewer }: { framework: FrameworkDef; executor?: Db; viewer: Viewer }): Promise<StoredFramework> {
      authorize(canImportReport(viewer));
      return create({ ...framework, origin: 'derived-import', needsReview: true }, viewer, executor);
    },
    /**
     * Updates texts, titles, maxima or the review flag, as of the version the caller read (a stale version →
     * conflict with the current copy). Subarea ids stay; a maximum may not be set below points already scored
     * in an evaluation of this version (refused, naming each evaluation and subarea).
     * Changes the fields given; the others keep their stored values (`areas`, when given, replaces all areas).
     */
    async updateFramework({ framework: update, expectedVersion, viewer }: { framework: Partial<FrameworkDef> & { id: string }; expectedVersion: number; viewer: Viewer }): Promise<StoredFramework> {
      authorize(canUpdateFramework(viewer));
      const stored = await service.getFramework({ id: update.id });
      const stale = (latest: StoredFramework): DomainError =>
        new DomainError(
          'conflict',
          `Ramverksversionen "${latest.id}" har ändrats sedan du öppnade den: din version ${expectedVersion}, aktuell version ${latest.version}. Ladda om och gör om ändringen.`,
          [],
          { currentVersion: latest.version, current: latest },
        );
      if (stored.version !== expectedVersion) throw stale(stored);
      const current: FrameworkDef = { id: stored.id, name: stored.name, year: stored.year, origin: stored.origin, needsReview: stored.needsReview, about: stored.about, notes: stored.notes, areas: stored.areas };
      const framework: FrameworkDef = { ...current, ...sentFields(update), id: stored.id };
      const issues = validateFramework(framework);
      if (issues.length) throw new DomainError('validation', `Ramverksversionen "${framework.id}" är ogiltig.`, issues);
      const oldIds = current.areas.flatMap((a) => a.subareas.map((s) => s.id)).join(',');
      const newIds = framework.areas.flatMap((a) => a.subareas.map((s) => s.id)).join(',');
      if (oldIds !== newIds) throw new DomainError('rule_violation', 'Delområdenas id kan inte ändras i en befintlig ramverksversion; skapa en ny version.');
      const change = frameworkChange(current, framework);
      const row = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const broken = scoresBrokenBy(
          framework,
          (await evaluations.scoredSubareas(framework.id, t)).map((s) => ({ label: `${s.municipalityName} ${s.year}`, subareaId: s.subareaId, points: s.points })),
        );
        if (broken.length) {
          const shown = broken.slice(0, 5).map((b) => b.message).join(' ');
          throw new DomainError('rule_violation', `Ramverksversionen "${framework.id}" kan inte ändras: ${broken.length === 1 ? 'en poäng' : `${broken.length} poäng`} i befintliga utvärderingar blir högre än nytt max. ${shown}${broken.length > 5 ? ` … och ${broken.length - 5} till.` : ''}`, broken);
        }
        const updated = await repo.update(framework, t, expectedVersion);
        if (!updated) return undefined;
        if (Object.keys(change.after).length > 0) await audit.record({ viewer, entity: 'framework', entityId: framework.id, action: 'update', change }, t);
        return updated;
      });
      cache = null;
      changes.bump();
      if (!row) {
        const latest = await repo.get(framework.id);
        if (!latest) throw notFound(`Ramverksversionen "${framework.id}" finns inte.`);
        throw stale(toFrameworkDef(latest));
      }
      return toFrameworkDef(row);
    },
    invalidate(): void {
      cache = null;
      changes.bump();
    },
  };
  return service;
}
export type FrameworkService = ReturnType<typeof createFrameworkService>;
