import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { authorize } from '../policies/policy.ts';
import { canAdministerFrameworks, canCreateFramework, canReviewFrameworkVariant, canUpdateFramework } from '../policies/framework.policy.ts';
import { canImportReport } from '../policies/evaluation.policy.ts';
import type { AuditService } from './audit.service.ts';
import { changeFeedFor } from '../db/changes.ts';
import { CATALOG_FRAMEWORKS } from '../catalog/frameworks.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { cleanTranslations, titleTableOf, validateFramework, type FrameworkDef, type TitleLang, type TitleTranslation } from '../domain/framework.ts';
import { sentFields } from '../domain/input.ts';
import { mergeProblems, scoresBrokenBy } from '../domain/scoring.ts';
import { toFrameworkDef, type FrameworkEvaluation } from '../repositories/framework.repository.ts';

export type StoredFramework = FrameworkDef & { createdAt: string; updatedAt: string; version: number };
export type { FrameworkEvaluation };

/** A version in the administration list: how many evaluations use it. */
export type AdministeredFramework = StoredFramework & { evaluationCount: number; publishedCount: number; subareaCount: number };

/** "Burlöv 2020", the way refusals name an evaluation. */
const labelOf = (e: { municipalityName: string; year: number }): string => `${e.municipalityName} ${e.year}`;

/** A list of refusals in one sentence: the first five, then how many more. */
function listed(messages: readonly string[]): string {
  return `${messages.slice(0, 5).join(' ')}${messages.length > 5 ? ` … och ${messages.length - 5} till.` : ''}`;
}

/** The evaluations a refusal names, once each, for links. */
function namedEvaluations(items: ReadonlyArray<{ evaluationId: string }>, all: readonly FrameworkEvaluation[]): Array<{ id: string; label: string }> {
  const ids = new Set(items.map((i) => i.evaluationId));
  return all.filter((e) => ids.has(e.id)).map((e) => ({ id: e.id, label: labelOf(e) }));
}

/** The top-level fields that differ, before and after (areas compared as a whole). */
function frameworkChange(before: FrameworkDef | null, after: FrameworkDef): { before: Record<string, unknown> | null; after: Record<string, unknown> } {
  const keys = ['name', 'year', 'origin', 'needsReview', 'about', 'notes', 'areas', 'translations'] as const;
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

  const create = async (input: FrameworkDef, viewer: Viewer, executor?: Db): Promise<StoredFramework> => {
    const framework: FrameworkDef = { ...input, translations: cleanTranslations(input.translations) };
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

  const stale = (latest: StoredFramework, expectedVersion: number): DomainError =>
    new DomainError(
      'conflict',
      `Ramverksversionen "${latest.id}" har ändrats sedan du öppnade den: din version ${expectedVersion}, aktuell version ${latest.version}. Ladda om och gör om ändringen.`,
      [],
      { currentVersion: latest.version, current: latest },
    );
  const checkVersion = (stored: StoredFramework, expectedVersion: number): void => {
    if (stored.version !== expectedVersion) throw stale(stored, expectedVersion);
  };

  /**
   * Writes a change to a stored version as of `expectedVersion`: validated, subarea ids kept, no maximum below
   * points already scored (refused naming each evaluation, with the evaluations' ids for links), audited.
   */
  const save = async (stored: StoredFramework, patch: Partial<FrameworkDef>, expectedVersion: number, action: string, viewer: Viewer): Promise<StoredFramework> => {
    const current: FrameworkDef = { id: stored.id, name: stored.name, year: stored.year, origin: stored.origin, needsReview: stored.needsReview, about: stored.about, notes: stored.notes, areas: stored.areas, translations: stored.translations ?? {} };
    const framework: FrameworkDef = { ...current, ...patch, id: stored.id, translations: cleanTranslations(patch.translations ?? current.translations) };
    const issues = validateFramework(framework);
    if (issues.length) throw new DomainError('validation', `Ramverksversionen "${framework.id}" är ogiltig.`, issues);
    const oldIds = current.areas.flatMap((a) => a.subareas.map((s) => s.id)).join(',');
    const newIds = framework.areas.flatMap((a) => a.subareas.map((s) => s.id)).join(',');
    if (oldIds !== newIds) throw new DomainError('rule_violation', 'Delområdenas id kan inte ändras i en befintlig ramverksversion; skapa en ny version.');
    const change = frameworkChange(current, framework);
    const row = await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const scored = (await evaluations.scoredSubareas(framework.id, t)).map((s) => ({ label: labelOf(s), evaluationId: s.evaluationId, subareaId: s.subareaId, points: s.points }));
      const broken = scoresBrokenBy(framework, scored);
      if (broken.length) {
        const named = new Map(broken.map((b) => [b.scored.evaluationId, b.scored.label]));
        throw new DomainError(
          'rule_violation',
          `Ramverksversionen "${framework.id}" kan inte ändras: ${broken.length === 1 ? 'en poäng' : `${broken.length} poäng`} i befintliga utvärderingar blir högre än nytt max. ${listed(broken.map((b) => b.message))}`,
          broken.map(({ path, message }) => ({ path, message })),
          { evaluations: [...named].map(([id, label]) => ({ id, label })) },
        );
      }
      const updated = await repo.update(framework, t, expectedVersion);
      if (!updated) return undefined;
      if (Object.keys(change.after).length > 0) await audit.record({ viewer, entity: 'framework', entityId: framework.id, action, change }, t);
      return updated;
    });
    cache = null;
    changes.bump();
    if (!row) {
      const latest = await repo.get(framework.id);
      if (!latest) throw notFound(`Ramverksversionen "${framework.id}" finns inte.`);
      throw stale(toFrameworkDef(latest), expectedVersion);
    }
    return toFrameworkDef(row);
  };

  const service = {
    /** Inserts catalog versions that are missing; keeps edits made to stored ones (texts are editable data). */
    async ensureCatalog(): Promise<void> {
      const existing = await load();
      for (const fw of CATALOG_FRAMEWORKS) {
        const stored = existing.get(fw.id);
        if (!stored) await repo.insert(fw);
        // Versions stored before translations were data get the shipped ones once.
        else if (Object.keys(stored.translations ?? {}).length === 0 && Object.keys(fw.translations ?? {}).length > 0) await repo.seedTranslations(fw.id, fw.translations);
      }
      cache = null;
      changes.bump();
    },
    async listFrameworks(): Promise<StoredFramework[]> {
      return [...(await load()).values()];
    },
    /** Every version's titles in a language (versions without a translation are left out). */
    async listTitleTranslations({ lang }: { lang: TitleLang }): Promise<Record<string, TitleTranslation>> {
      return Object.fromEntries([...(await load()).values()].flatMap((f) => {
        const table = titleTableOf(f, lang);
        return table ? [[f.id, { note: table.note, areas: table.areas, subareas: table.subareas }]] : [];
      }));
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
      checkVersion(stored, expectedVersion);
      return save(stored, { ...sentFields(update), id: stored.id }, expectedVersion, 'update', viewer);
    },

    /** Every version with how many evaluations (all statuses, published) use it: the administration list. */
    async listFrameworkAdministration({ viewer }: { viewer: Viewer }): Promise<AdministeredFramework[]> {
      authorize(canAdministerFrameworks(viewer));
      const counts = await repo.evaluationCounts();
      return [...(await load()).values()].map((f) => ({
        ...f,
        evaluationCount: counts.get(f.id)?.total ?? 0,
        publishedCount: counts.get(f.id)?.published ?? 0,
        subareaCount: f.areas.reduce((n, a) => n + a.subareas.length, 0),
      }));
    },

    /** One version with the evaluations made with it (drafts included: only administrators see this). */
    async getFrameworkAdministration({ id, viewer }: { id: string; viewer: Viewer }): Promise<{ framework: StoredFramework; evaluations: FrameworkEvaluation[] }> {
      authorize(canAdministerFrameworks(viewer));
      const framework = await service.getFramework({ id });
      return { framework, evaluations: await repo.evaluationsUsing(id) };
    },

    /** A variant derived from an import is accepted as a version of its own (no longer marked for review). */
    async acceptFrameworkVariant({ id, expectedVersion, viewer }: { id: string; expectedVersion: number; viewer: Viewer }): Promise<StoredFramework> {
      authorize(canReviewFrameworkVariant(viewer));
      const stored = await service.getFramework({ id });
      checkVersion(stored, expectedVersion);
      if (stored.origin !== 'derived-import' || !stored.needsReview) {
        throw new DomainError('rule_violation', `Ramverksversionen "${stored.name}" är ingen variant som väntar på granskning.`);
      }
      return save(stored, { needsReview: false }, expectedVersion, 'accept', viewer);
    },

    /** A new name (and year) for a version, e.g. a variant recognised as the 2015 update. The id stays. */
    async renameFramework({ id, name, year, expectedVersion, viewer }: { id: string; name: string; year?: number | undefined; expectedVersion: number; viewer: Viewer }): Promise<StoredFramework> {
      authorize(canReviewFrameworkVariant(viewer));
      const stored = await service.getFramework({ id });
      checkVersion(stored, expectedVersion);
      const taken = [...(await load()).values()].find((f) => f.id !== id && f.name.trim().toLowerCase() === name.trim().toLowerCase());
      if (taken) throw new DomainError('duplicate', `Namnet "${name.trim()}" används redan av ramverksversionen ${taken.id}.`);
      return save(stored, { name: name.trim(), ...(year !== undefined ? { year } : {}) }, expectedVersion, 'rename', viewer);
    },

    /**
     * Merges a variant derived from an import into a known version: its evaluations move to that version (each
     * audited) and the variant is removed. Refused, changing nothing, when an evaluation refers to a subarea the
     * known version lacks or has a score above the known version's maximum (each named), or has questionnaire
     * answers (they answer the variant's own questions).
     */
    async mergeFrameworkVariant({ id, into, expectedVersion, viewer }: { id: string; into: string; expectedVersion: number; viewer: Viewer }): Promise<{ framework: StoredFramework; moved: FrameworkEvaluation[] }> {
      authorize(canReviewFrameworkVariant(viewer));
      const variant = await service.getFramework({ id });
      checkVersion(variant, expectedVersion);
      if (variant.origin !== 'derived-import') throw new DomainError('rule_violation', `Bara varianter härledda ur importer kan slås ihop; "${variant.name}" är ${variant.origin === 'catalog' ? 'en katalogversion' : 'en egen version'}.`);
      if (into === id) throw new DomainError('rule_violation', `En variant kan inte slås ihop med sig själv.`);
      const target = (await load()).get(into);
      if (!target) throw new DomainError('validation', `Ramverksversionen "${into}" finns inte.`, [{ path: 'into', message: `Ramverksversionen "${into}" finns inte.` }]);
      if (target.needsReview) throw new DomainError('rule_violation', `"${target.name}" väntar själv på granskning; slå ihop med en känd version.`);
      const result = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const using = await repo.evaluationsUsing(id, t);
        const byId = new Map(using.map((e) => [e.id, e]));
        const uses = (await repo.subareaUses(id, t)).map((u) => ({ ...u, label: labelOf(byId.get(u.evaluationId) ?? { municipalityName: u.evaluationId, year: 0 }) }));
        const problems = [
          ...mergeProblems(target, uses),
          ...(await repo.evaluationsWithAnswers(id, t)).map((evaluationId) => ({
            evaluationId,
            path: 'questionnaire',
            message: `${labelOf(byId.get(evaluationId) ?? { municipalityName: evaluationId, year: 0 })}: frågeunderlaget har svar på variantens egna frågor.`,
          })),
        ];
        if (problems.length > 0) {
          const evaluationsNamed = namedEvaluations(problems, using);
          throw new DomainError(
            'rule_violation',
            `"${variant.name}" kan inte slås ihop med ${target.name}: ${evaluationsNamed.length === 1 ? 'en utvärdering passar' : `${evaluationsNamed.length} utvärderingar passar`} inte. ${listed(problems.map((p) => p.message))}`,
            problems.map(({ path, message }) => ({ path, message })),
            { evaluations: evaluationsNamed },
          );
        }
        const moved = await repo.repointEvaluations(id, into, viewer.name, t);
        for (const evaluationId of moved) {
          await audit.record({ viewer, entity: 'evaluation', entityId: evaluationId, action: 'change_framework', change: { before: { frameworkId: id }, after: { frameworkId: into } } }, t);
        }
        if (!(await repo.remove(id, expectedVersion, t))) return null;
        // The variant is gone, but a later import of a report in it must land in the known version, not derive it again.
        await repo.addMergedVariants(into, [id, ...(variant.mergedVariants ?? [])], t);
        await audit.record({ viewer, entity: 'framework', entityId: id, action: 'merge', change: { before: frameworkChange(null, variant).after, after: { mergedInto: into, evaluations: moved } } }, t);
        await audit.record({ viewer, entity: 'framework', entityId: into, action: 'merge', change: { before: null, after: { mergedFrom: id, evaluations: moved } } }, t);
        return using.filter((e) => moved.includes(e.id));
      });
      cache = null;
      changes.bump();
      if (!result) throw stale((await load()).get(id) ?? variant, expectedVersion);
      return { framework: target, moved: result };
    },
    invalidate(): void {
      cache = null;
      changes.bump();
    },
  };
  return service;
}
export type FrameworkService = ReturnType<typeof createFrameworkService>;
