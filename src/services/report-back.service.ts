/**
 * Report-backs (återrapporteringar) of an action plan: numbered, kept, each storing what it reported
 * (the plan, what changed since the previous one, the indicators), rendered to DOCX or PDF on request.
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { PUBLIC, type Viewer } from '../domain/access.ts';
import { cadenceState, changesSince, type ReportBackSnapshot } from '../domain/action-plan.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { canViewIndicator, canViewIndicatorTarget, canViewReportBacks, editActionPlanRefusal, type PublishedItems } from '../policies/action-plan.policy.ts';
import type { ReportBackRow } from '../repositories/action-plan.repository.ts';
import { buildReportBackViewModel, type ReportBackViewModel } from '../reports/report-back-view-model.ts';
import type { ActionPlanService } from './action-plan.service.ts';
import type { AuditService } from './audit.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { IndicatorService } from './indicator.service.ts';
import type { TaskRunner } from '../workers/index.ts';
import { REPORT_CONTENT_TYPES, parseReportFormat, type ReportFormat } from './report.service.ts';

export interface ReportBackInputFields {
  periodEnd?: string | undefined;
  caseNumber?: string | undefined;
  officer?: string | undefined;
  decisionProposal?: string[] | undefined;
  summary?: string | undefined;
  nextSteps?: string | undefined;
}

export interface ReportBackView {
  planId: string;
  number: number;
  periodStart: string | null;
  periodEnd: string;
  reportDate: string;
  caseNumber: string;
  officer: string;
  decisionProposal: string[];
  summary: string;
  nextSteps: string;
  createdAt: string;
  createdBy: string;
  changedItems: number;
}

export type ReportBackRenderers = Record<ReportFormat, (vm: ReportBackViewModel) => Promise<Buffer>>;

/** The renderers in this thread, loaded lazily (Typst, docx and resvg load only when a document is made). */
export const defaultReportBackRenderers: ReportBackRenderers = {
  pdf: async (vm) => (await import('../reports/report-back-pdf.ts')).renderReportBackPdf(vm),
  docx: async (vm) => (await import('../reports/report-back-docx.ts')).renderReportBackDocx(vm),
};

export const DEFAULT_DECISION_PROPOSAL = ['Återrapporteringen läggs till handlingarna.', 'Ärendet överlämnas till kommunstyrelsen för kännedom.'];

const viewOf = (r: ReportBackRow): ReportBackView => ({
  planId: r.planId,
  number: r.number,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  reportDate: r.reportDate,
  caseNumber: r.caseNumber,
  officer: r.officer,
  decisionProposal: r.decisionProposal,
  summary: r.summary,
  nextSteps: r.nextSteps,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  changedItems: r.snapshot.changes.filter((c) => c.changes.length > 0).length,
});

/** Renderers that run in the worker pool, off the event loop. */
export function workerReportBackRenderers(tasks: Pick<TaskRunner, 'renderReportBack'>): ReportBackRenderers {
  return {
    pdf: (vm) => tasks.renderReportBack({ format: 'pdf', vm }),
    docx: (vm) => tasks.renderReportBack({ format: 'docx', vm }),
  };
}

/**
 * What the public (and other municipalities) see of a report-back: the items made public, what changed in
 * them, and only the indicators and targets tied to those items (canViewIndicator's rule, on the report's own items).
 */
function publicSnapshot(s: ReportBackSnapshot): ReportBackSnapshot {
  const items = s.items.filter((i) => i.public);
  const published: PublishedItems = { municipalityCode: s.municipality.code, publishedItemIds: new Set(items.map((i) => i.id)) };
  return {
    ...s,
    items,
    changes: s.changes.filter((c) => published.publishedItemIds.has(c.itemId)),
    indicators: s.indicators.filter((i) => canViewIndicator(PUBLIC, i, published)).map((i) => ({ ...i, targets: i.targets.filter((t) => canViewIndicatorTarget(PUBLIC, t, published)) })),
  };
}

export function createReportBackService(deps: { db: Db; plans: ActionPlanService; indicators: IndicatorService; frameworks: FrameworkService; audit: AuditService; renderers?: ReportBackRenderers; repositories: Pick<Repositories, 'actionPlans'> }) {
  const { db, plans, indicators, frameworks, audit } = deps;
  const renderers = deps.renderers ?? defaultReportBackRenderers;
  const repo = deps.repositories.actionPlans;

  const mustSee = async (planId: string, viewer: Viewer) => {
    const row = await plans.mustSee(planId, viewer);
    if (!canViewReportBacks(viewer, row)) throw notFound(`Handlingsplanen ${planId} finns inte.`);
    return row;
  };

  const service = {
    /** Makes the next report-back: what the plan and its indicators look like now, and what changed since the last one. */
    async createReportBack({ planId, input, viewer }: { planId: string; input: ReportBackInputFields; viewer: Viewer }): Promise<ReportBackView> {
      const row = await mustSee(planId, viewer);
      const refusal = editActionPlanRefusal(viewer, row);
      if (refusal) throw new DomainError(viewer.role === 'public' ? 'unauthorized' : 'forbidden', refusal.replace('ändra handlingsplanen', 'återrapportera handlingsplanen'));
      const plan = await plans.viewOf(row, viewer);
      const fw = await frameworks.getFramework({ id: plan.evaluation.frameworkId });
      const today = plans.clock().toISOString().slice(0, 10);
      const periodEnd = input.periodEnd ?? today;
      const itemIds = new Set(row.items.map((i) => i.id));
      const municipalityIndicators = await indicators.listIndicators({ municipalityCode: row.municipalityCode, viewer });
      // The plan's indicators: those with a target tied to one of its items, else all of the municipality's.
      const tied = municipalityIndicators.filter((i) => i.targets.some((t) => t.planItemId && itemIds.has(t.planItemId)));
      const chosen = tied.length ? tied : municipalityIndicators;
      const created = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const locked = await repo.lock(planId, t);
        if (!locked) throw notFound(`Handlingsplanen ${planId} finns inte.`);
        const last = await repo.lastReportBack(planId, t);
        if (last && periodEnd < last.periodEnd) {
          throw new DomainError('validation', `Perioden kan inte sluta ${periodEnd}, före förra återrapporteringens slut ${last.periodEnd}.`, [{ path: 'periodEnd', message: 'före förra perioden' }]);
        }
        const number = (last?.number ?? 0) + 1;
        const snapshot: ReportBackSnapshot = {
          municipality: plan.municipality,
          evaluation: {
            id: plan.evaluation.id,
            year: plan.evaluation.year,
            frameworkName: plan.evaluation.frameworkName,
            total: plan.evaluation.total,
            max: plan.evaluation.max,
            areaScores: plan.evaluation.areaScores,
            areaTitles: Object.fromEntries(fw.areas.map((a) => [String(a.number), a.title])),
            subareaTitles: Object.fromEntries(fw.areas.flatMap((a) => a.subareas.map((s) => [s.id, s.title]))),
          },
          planTitle: locked.title,
          cadence: locked.cadence,
          items: locked.items,
          changes: changesSince(last?.snapshot ?? null, locked.items),
          previous: last ? { number: last.number, reportDate: last.reportDate } : null,
          indicators: chosen.map((i) => ({
            id: i.id,
            kpi: i.kpi,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            values: i.values.filter((v) => v.gender === 'T').map((v) => ({ period: v.period, value: v.value })),
            targets: i.targets.map((x) => ({ label: x.label, period: x.period, value: x.value, planItemId: x.planItemId })),
          })),
          nextDue: cadenceState(locked.cadence, locked.createdAt.toISOString().slice(0, 10), today, today).nextDue,
          demo: locked.demo,
        };
        const rb = await repo.insertReportBack(
          {
            planId,
            number,
            periodStart: last?.periodEnd ?? locked.createdAt.toISOString().slice(0, 10),
            periodEnd,
            reportDate: today,
            caseNumber: input.caseNumber ?? locked.caseNumber,
            officer: input.officer ?? locked.officer,
            decisionProposal: input.decisionProposal ?? DEFAULT_DECISION_PROPOSAL,
            summary: input.summary ?? '',
            nextSteps: input.nextSteps ?? '',
            snapshot,
            createdBy: viewer.name,
          },
          t,
        );
        await audit.record({ viewer, entity: 'action_plan', entityId: planId, action: 'create_report_back', change: { before: null, after: { number, periodEnd, items: snapshot.items.length, changed: snapshot.changes.filter((c) => c.changes.length).length } } }, t);
        return rb;
      });
      return viewOf(created);
    },

    /** Edits the texts of a report-back (decision proposal, summary, next steps, case number, officer). */
    async updateReportBack({ planId, number, input, viewer }: { planId: string; number: number; input: Omit<ReportBackInputFields, 'periodEnd'>; viewer: Viewer }): Promise<ReportBackView> {
      const row = await mustSee(planId, viewer);
      const refusal = editActionPlanRefusal(viewer, row);
      if (refusal) throw new DomainError(viewer.role === 'public' ? 'unauthorized' : 'forbidden', refusal);
      const current = await repo.getReportBack(planId, number);
      if (!current) throw notFound(`Återrapportering ${number} finns inte.`);
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<ReportBackRow>;
      const updated = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const next = await repo.updateReportBack(planId, number, patch, t);
        const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (current as unknown as Record<string, unknown>)[k]]));
        await audit.record({ viewer, entity: 'action_plan', entityId: planId, action: 'update_report_back', change: { before: { number, ...before }, after: { number, ...patch } } }, t);
        return next;
      });
      if (!updated) throw notFound(`Återrapportering ${number} finns inte.`);
      return viewOf(updated);
    },

    async listReportBacks({ planId, viewer }: { planId: string; viewer: Viewer }): Promise<ReportBackView[]> {
      await mustSee(planId, viewer);
      return (await repo.listReportBacks(planId)).map(viewOf);
    },

    async getReportBack({ planId, number, viewer }: { planId: string; number: number; viewer: Viewer }): Promise<ReportBackView> {
      await mustSee(planId, viewer);
      const rb = await repo.getReportBack(planId, number);
      if (!rb) throw notFound(`Återrapportering ${number} finns inte för handlingsplanen.`);
      return viewOf(rb);
    },

    async getReportBackViewModel({ planId, number, viewer }: { planId: string; number: number; viewer: Viewer }): Promise<ReportBackViewModel> {
      const row = await mustSee(planId, viewer);
      const rb = await repo.getReportBack(planId, number);
      if (!rb) throw notFound(`Återrapportering ${number} finns inte för handlingsplanen.`);
      const whole = editActionPlanRefusal(viewer, row) === null || viewer.role === 'evaluator';
      const snapshot = whole ? rb.snapshot : publicSnapshot(rb.snapshot);
      return buildReportBackViewModel({ ...rb, snapshot });
    },

    /** The report-back as a DOCX or PDF file. */
    async renderReportBack({ planId, number, format, viewer }: { planId: string; number: number; format: string; viewer: Viewer }): Promise<{ body: Buffer; contentType: string; fileName: string }> {
      const fmt = parseReportFormat(format);
      const vm = await service.getReportBackViewModel({ planId, number, viewer });
      return { body: await renderers[fmt](vm), contentType: REPORT_CONTENT_TYPES[fmt], fileName: `${vm.meta.fileBase}.${fmt}` };
    },
  };
  return service;
}
export type ReportBackService = ReturnType<typeof createReportBackService>;
