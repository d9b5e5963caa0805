/**
 * Action plans: made from an evaluation's improvement opportunities, owned and edited by the evaluated
 * municipality, read by evaluators, shown to the public once published. Every change is one transaction
 * with an optimistic version check (409 on a stale version) and its audit record.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import {
  cadenceState,
  checkItem,
  diffActionPlan,
  newOwnItem,
  overdueActions,
  patchItem,
  planFromOpportunities,
  statusCounts,
  type ActionPlanItemData,
  type Cadence,
  type CadenceState,
  type ItemPatch,
  type ItemStatus,
  type NewItem,
  type OverdueAction,
  type PlanState,
} from '../domain/action-plan.ts';
import { actionAssociations, planEffect, type Associations, type EvaluationPoints, type PlanEffect, type PlanPair } from '../domain/effect.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { canReadWholeActionPlan, canViewActionPlan, createActionPlanRefusal, editActionPlanRefusal, planStatusRefusal } from '../policies/action-plan.policy.ts';
import type { ActionPlanRow } from '../repositories/action-plan.repository.ts';
import { planCsv, planXlsx } from '../reports/plan-export.ts';
import type { AuditEntry, AuditService } from './audit.service.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';

export interface ActionPlanItemView extends ActionPlanItemData {
  areaTitle: string | null;
  subareaTitle: string | null;
}

export interface ActionPlanView {
  id: string;
  evaluationId: string;
  municipality: { code: string; name: string };
  evaluation: { id: string; year: number; frameworkId: string; frameworkName: string; status: string; total: number | null; max: number; areaScores: Record<string, number | null> };
  title: string;
  caseNumber: string;
  officer: string;
  cadence: Cadence;
  published: boolean;
  demo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  items: ActionPlanItemView[];
  counts: Record<ItemStatus, number>;
  followUp: CadenceState & { overdueActions: OverdueAction[] };
  /** What the viewer may do. */
  canEdit: boolean;
  /** True when the viewer sees only the published part. */
  publicView: boolean;
}

export interface PlanSettingsPatch {
  title?: string | undefined;
  caseNumber?: string | undefined;
  officer?: string | undefined;
  cadence?: Cadence | undefined;
  published?: boolean | undefined;
}

export interface OverviewEntry {
  planId: string;
  evaluationId: string;
  municipality: { code: string; name: string };
  year: number;
  title: string;
  followUp: CadenceState;
  overdueActions: OverdueAction[];
  counts: Record<ItemStatus, number>;
}

const today = (clock: () => Date): string => clock().toISOString().slice(0, 10);
const refuse = (viewer: Viewer, message: string): DomainError => new DomainError(viewer.role === 'public' ? 'unauthorized' : 'forbidden', message);

function stateOf(row: ActionPlanRow): PlanState {
  return { version: row.version, title: row.title, caseNumber: row.caseNumber, officer: row.officer, cadence: row.cadence, published: row.published, items: row.items };
}

export function createActionPlanService(deps: { db: Db; evaluations: EvaluationService; frameworks: FrameworkService; audit: AuditService; repositories: Pick<Repositories, 'actionPlans'>; clock?: () => Date }) {
  const { db, evaluations, frameworks, audit } = deps;
  const clock = deps.clock ?? (() => new Date());
  const repo = deps.repositories.actionPlans;

  const viewOf = async (row: ActionPlanRow, viewer: Viewer): Promise<ActionPlanView> => {
    // The evaluation's own access rule applies too: a plan on an evaluation the viewer may not see is not there.
    const summary = await evaluations.getSummary({ id: row.evaluationId, viewer });
    const fw = await frameworks.getFramework({ id: summary.frameworkId });
    const whole = canReadWholeActionPlan(viewer, row);
    const items = (whole ? row.items : row.items.filter((i) => i.public)).map((i) => {
      const area = fw.areas.find((a) => a.number === i.areaNumber);
      return { ...i, areaTitle: area?.title ?? null, subareaTitle: area?.subareas.find((s) => s.id === i.subareaId)?.title ?? null };
    });
    const last = whole || row.published ? await repo.lastReportBack(row.id) : undefined;
    const now = today(clock);
    return {
      id: row.id,
      evaluationId: row.evaluationId,
      municipality: summary.municipality,
      evaluation: {
        id: summary.id,
        year: summary.year,
        frameworkId: fw.id,
        frameworkName: fw.name,
        status: summary.status,
        total: summary.total,
        max: summary.max,
        areaScores: Object.fromEntries(summary.areas.map((a) => [String(a.number), a.score])),
      },
      title: row.title,
      caseNumber: whole ? row.caseNumber : '',
      officer: whole ? row.officer : '',
      cadence: row.cadence,
      published: row.published,
      demo: row.demo,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: whole ? row.updatedBy : null,
      items,
      counts: statusCounts(items),
      followUp: { ...cadenceState(row.cadence, row.createdAt.toISOString().slice(0, 10), last?.reportDate ?? null, now), overdueActions: whole ? overdueActions(row.items, now) : [] },
      canEdit: editActionPlanRefusal(viewer, row) === null,
      publicView: !whole,
    };
  };

  /** The plan row if the viewer may see it; otherwise not found (the same answer as for no plan). */
  const mustSee = async (id: string, viewer: Viewer): Promise<ActionPlanRow> => {
    const row = await repo.get(id);
    if (!row || !canViewActionPlan(viewer, row)) throw notFound(`Handlingsplanen ${id} finns inte.`);
    await evaluations.mustSee(row.evaluationId, viewer);
    return row;
  };

  const conflict = (row: ActionPlanRow | undefined, expectedVersion: number): DomainError =>
    row
      ? new DomainError(
          'conflict',
          `Handlingsplanen har ändrats av ${row.updatedBy ?? 'någon annan'} (${row.updatedAt.toISOString()}) sedan du öppnade den: din version ${expectedVersion}, aktuell version ${row.version}. Ladda om och gör om ändringen.`,
          [],
          { currentVersion: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() },
        )
      : notFound('Handlingsplanen finns inte.');

  /** One versioned write: access, version check, the change, its audit record; all or nothing. */
  const write = async (
    id: string,
    expectedVersion: number,
    viewer: Viewer,
    action: string,
    apply: (row: ActionPlanRow, fw: FrameworkDef) => Partial<ActionPlanRow>,
  ): Promise<ActionPlanView> => {
    const row = await mustSee(id, viewer);
    const refusal = editActionPlanRefusal(viewer, row);
    if (refusal) throw refuse(viewer, refusal);
    const evaluation = await evaluations.getEvaluation({ id: row.evaluationId, viewer });
    const fw = await frameworks.getFramework({ id: evaluation.frameworkId });
    const saved = await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const current = await repo.get(id, t);
      if (!current || current.version !== expectedVersion) return null;
      const patch = apply(current, fw);
      const next = await repo.update(id, expectedVersion, viewer.name, patch, t);
      if (!next) return null;
      await audit.record({ viewer, entity: 'action_plan', entityId: id, action, change: diffActionPlan(stateOf(current), stateOf(next)) }, t);
      return next;
    });
    if (!saved) throw conflict(await repo.get(id), expectedVersion);
    return viewOf(saved, viewer);
  };

  const validate = (item: ActionPlanItemData, fw: FrameworkDef, index: number): void => {
    const details = checkItem(item, fw).map((d) => ({ ...d, path: `items[${index}].${d.path}` }));
    if (details.length) throw new DomainError('validation', details[0]?.message ?? 'Ogiltig åtgärdspunkt.', details);
  };

  const pointsOf = async (id: string, viewer: Viewer): Promise<EvaluationPoints> => {
    const e = await evaluations.getEvaluation({ id, viewer });
    const fw = await frameworks.getFramework({ id: e.frameworkId });
    return { id: e.id, year: e.year, frameworkId: e.frameworkId, frameworkName: fw.name, points: e.scores };
  };

  /** The municipality's next evaluation after the plan's one (current versions only, as the viewer may see them). */
  const nextEvaluationOf = async (row: ActionPlanRow, viewer: Viewer): Promise<string | null> => {
    const own = await evaluations.getEvaluation({ id: row.evaluationId, viewer });
    const { items } = await evaluations.listEvaluations({ filter: { municipalityCode: row.municipalityCode, limit: 500 }, viewer });
    const later = items.filter((e) => e.id !== own.id && e.year > own.year && e.status === 'published').sort((a, b) => a.year - b.year);
    return later[0]?.id ?? null;
  };

  const service = {
    /**
     * Creates the plan from the evaluation's improvement opportunities: one item per opportunity, grouped by
     * area, linked to the subarea where the text names it. Idempotent: a plan that exists is returned as it is.
     */
    async createActionPlan({ evaluationId, viewer }: { evaluationId: string; viewer: Viewer }): Promise<{ plan: ActionPlanView; created: boolean }> {
      const evaluation = await evaluations.getEvaluation({ id: evaluationId, viewer });
      const existing = await repo.getByEvaluation(evaluationId);
      if (existing && canViewActionPlan(viewer, existing) && editActionPlanRefusal(viewer, existing) === null) return { plan: await viewOf(existing, viewer), created: false };
      const refusal = createActionPlanRefusal(viewer, { municipalityCode: evaluation.municipality.code, status: evaluation.status });
      if (refusal) throw refuse(viewer, refusal);
      const statusRefusal = planStatusRefusal(evaluation.status);
      if (statusRefusal) throw new DomainError('rule_violation', statusRefusal);
      const fw = await frameworks.getFramework({ id: evaluation.frameworkId });
      const items = planFromOpportunities(evaluation.areas, fw, randomUUID);
      const created = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const row = await repo.insert(
          { evaluationId, municipalityCode: evaluation.municipality.code, title: `Handlingsplan efter Kommunkompassen ${evaluation.year}`, items, updatedBy: viewer.name, demo: evaluation.source.kind === 'demo' },
          t,
        );
        if (!row) return null;
        await audit.record({ viewer, entity: 'action_plan', entityId: row.id, action: 'create', change: { before: null, after: { version: row.version, evaluationId, items: row.items.length } } }, t);
        return row;
      });
      // Another request created it at the same moment: return that one.
      const row = created ?? (await repo.getByEvaluation(evaluationId));
      if (!row) throw new Error('action plan vanished');
      return { plan: await viewOf(row, viewer), created: created !== null };
    },

    async getActionPlanForEvaluation({ evaluationId, viewer }: { evaluationId: string; viewer: Viewer }): Promise<ActionPlanView> {
      await evaluations.mustSee(evaluationId, viewer);
      const row = await repo.getByEvaluation(evaluationId);
      if (!row || !canViewActionPlan(viewer, row)) throw notFound('Utvärderingen har ingen handlingsplan som du kan se.');
      return viewOf(row, viewer);
    },

    async getActionPlan({ id, viewer }: { id: string; viewer: Viewer }): Promise<ActionPlanView> {
      return viewOf(await mustSee(id, viewer), viewer);
    },

    /** Title, case number, officer, cadence and publishing. */
    async updateActionPlan({ id, expectedVersion, patch, viewer }: { id: string; expectedVersion: number; patch: PlanSettingsPatch; viewer: Viewer }): Promise<ActionPlanView> {
      const action = patch.published === true ? 'publish' : patch.published === false ? 'unpublish' : 'update';
      return write(id, expectedVersion, viewer, action, () => Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ActionPlanRow>);
    },

    /** Adds an item no improvement opportunity named. */
    async addItem({ id, expectedVersion, item, viewer }: { id: string; expectedVersion: number; item: NewItem; viewer: Viewer }): Promise<ActionPlanView> {
      return write(id, expectedVersion, viewer, 'add_item', (row, fw) => {
        const created = newOwnItem(item, randomUUID);
        validate(created, fw, row.items.length);
        return { items: [...row.items, created] };
      });
    },

    /** Comment, status (reason when dropped), priority, actions, subarea, public or not. */
    async updateItem({ id, itemId, expectedVersion, patch, viewer }: { id: string; itemId: string; expectedVersion: number; patch: ItemPatch; viewer: Viewer }): Promise<ActionPlanView> {
      return write(id, expectedVersion, viewer, 'update_item', (row, fw) => {
        const index = row.items.findIndex((i) => i.id === itemId);
        const item = row.items[index];
        if (!item) throw notFound(`Åtgärdspunkten ${itemId} finns inte i handlingsplanen.`);
        const next = patchItem(item, patch, randomUUID);
        validate(next, fw, index);
        return { items: row.items.map((i) => (i.id === itemId ? next : i)) };
      });
    },

    /** Removes an item the municipality added; items from the report are dropped (with a reason) instead. */
    async deleteItem({ id, itemId, expectedVersion, viewer }: { id: string; itemId: string; expectedVersion: number; viewer: Viewer }): Promise<ActionPlanView> {
      return write(id, expectedVersion, viewer, 'delete_item', (row) => {
        const item = row.items.find((i) => i.id === itemId);
        if (!item) throw notFound(`Åtgärdspunkten ${itemId} finns inte i handlingsplanen.`);
        if (item.source === 'opportunity') throw new DomainError('rule_violation', 'En punkt från rapportens förbättringsmöjligheter kan inte tas bort; sätt status avbruten och ange varför.');
        return { items: row.items.filter((i) => i.id !== itemId) };
      });
    },

    async listHistory({ id, viewer, limit = 100 }: { id: string; viewer: Viewer; limit?: number }): Promise<AuditEntry[]> {
      const row = await mustSee(id, viewer);
      if (!canReadWholeActionPlan(viewer, row)) throw refuse(viewer, 'Handlingsplanens historik visas bara för kommunen och utvärderarna.');
      return audit.listEntries({ entity: 'action_plan', entityId: id, limit });
    },

    /** Plans the viewer owns (or, for staff, of one municipality) with what is due and what is overdue. */
    async followUpOverview({ viewer, municipalityCode }: { viewer: Viewer; municipalityCode?: string | undefined }): Promise<OverviewEntry[]> {
      const code = viewer.role === 'municipality' ? viewer.municipalityCode : (municipalityCode ?? null);
      if (viewer.role === 'public') throw refuse(viewer, 'Du måste logga in för att se uppföljningen.');
      const rows = code ? await repo.listByMunicipality(code) : await repo.listAll();
      const now = today(clock);
      const out: OverviewEntry[] = [];
      for (const row of rows) {
        if (!canReadWholeActionPlan(viewer, row)) continue;
        const view = await viewOf(row, viewer).catch(() => null);
        if (!view) continue;
        out.push({
          planId: row.id,
          evaluationId: row.evaluationId,
          municipality: view.municipality,
          year: view.evaluation.year,
          title: row.title,
          followUp: cadenceState(row.cadence, row.createdAt.toISOString().slice(0, 10), (await repo.lastReportBack(row.id))?.reportDate ?? null, now),
          overdueActions: overdueActions(row.items, now),
          counts: statusCounts(row.items),
        });
      }
      return out;
    },

    /** Per subarea: the items tied to it, done or not, and the score movement to the next comparable evaluation. */
    async getEffect({ id, viewer }: { id: string; viewer: Viewer }): Promise<PlanEffect> {
      const row = await mustSee(id, viewer);
      const fw = await frameworks.getFramework({ id: (await evaluations.getEvaluation({ id: row.evaluationId, viewer })).frameworkId });
      const items = canReadWholeActionPlan(viewer, row) ? row.items : row.items.filter((i) => i.public);
      const nextId = await nextEvaluationOf(row, viewer);
      return planEffect(items, fw, await pointsOf(row.evaluationId, viewer), nextId ? await pointsOf(nextId, viewer) : null);
    },

    /**
     * Across all municipalities with a plan and a later evaluation in the same framework version: per subarea,
     * the score change where items tied to it were done against where none were. Published plans and
     * evaluations only (staff see every plan), so the result never reveals what is not public.
     */
    async getAssociations({ frameworkId, viewer }: { frameworkId: string; viewer: Viewer }): Promise<Associations> {
      const fw = await frameworks.getFramework({ id: frameworkId });
      const pairs: PlanPair[] = [];
      for (const row of await repo.listAll()) {
        if (!row.published && !(viewer.role === 'admin' || viewer.role === 'evaluator')) continue;
        const from = await pointsOf(row.evaluationId, viewer).catch(() => null);
        if (!from || from.frameworkId !== fw.id) continue;
        const nextId = await nextEvaluationOf(row, viewer).catch(() => null);
        const to = nextId ? await pointsOf(nextId, viewer) : null;
        if (!to) continue;
        pairs.push({ municipalityCode: row.municipalityCode, items: canReadWholeActionPlan(viewer, row) ? row.items : row.items.filter((i) => i.public), from, to });
      }
      return actionAssociations(pairs, fw);
    },

    /** The plan as a CSV or XLSX table (what the viewer may see of it). */
    async exportActionPlan({ id, format, viewer }: { id: string; format: string; viewer: Viewer }): Promise<{ body: Buffer; contentType: string; fileName: string }> {
      const f = format.toLowerCase();
      if (f !== 'csv' && f !== 'xlsx') throw new DomainError('unsupported', `Exportformatet "${format}" stöds inte. Välj csv eller xlsx.`, [{ path: 'format', message: 'Tillåtna format: csv, xlsx' }]);
      const plan = await service.getActionPlan({ id, viewer });
      const fileName = `handlingsplan-${plan.municipality.code}-${plan.evaluation.year}.${f}`;
      const table = { items: plan.items, areaScores: plan.evaluation.areaScores };
      if (f === 'csv') return { body: planCsv(table), contentType: 'text/csv; charset=utf-8', fileName };
      return { body: await planXlsx(table, plan.title), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName };
    },

    /** Internal: the plan row as the viewer may see it (report-backs, exports). */
    mustSee,
    viewOf,
    clock,
  };
  return service;
}
export type ActionPlanService = ReturnType<typeof createActionPlanService>;
