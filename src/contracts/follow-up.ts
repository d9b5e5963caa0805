/**
 * Request and response schemas of the follow-up routes (action plans, report-backs, indicators, effect), shared with the web app.
 */
import { z } from 'zod';
import { ActionSchema, CADENCES, ITEM_STATUSES, ItemPatchSchema, NewItemSchema, PRIORITIES } from '../domain/action-plan.ts';
import { GENDERS } from '../domain/indicator-file.ts';

export { ActionSchema, ItemPatchSchema, NewItemSchema };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum ska skrivas ÅÅÅÅ-MM-DD');
const version = z.number().int().min(1);
const year = z.number().int().min(1900).max(2100);

export const EvaluationIdParams = z.object({ id: z.uuid('id ska vara ett UUID') });
export const PlanIdParams = z.object({ id: z.uuid('id ska vara ett UUID') });
export const ItemParams = PlanIdParams.extend({ itemId: z.uuid('itemId ska vara ett UUID') });
export const ExportParams = PlanIdParams.extend({ format: z.string().max(16) });
export const ReportBackParams = PlanIdParams.extend({ n: z.coerce.number().int().min(1).max(100_000) });
export const ReportBackFileParams = ReportBackParams.extend({ format: z.string().max(16) });
export const MunicipalityParams = z.object({ code: z.string().regex(/^\d{2,4}$/, 'kommunkod ska vara 4 siffror') });
export const IndicatorParams = z.object({ id: z.uuid('id ska vara ett UUID') });
export const TargetParams = IndicatorParams.extend({ targetId: z.uuid('targetId ska vara ett UUID') });

export const PlanSettingsBody = z.object({
  expectedVersion: version,
  title: z.string().max(300).optional(),
  caseNumber: z.string().max(100).optional(),
  officer: z.string().max(200).optional(),
  cadence: z.enum(CADENCES).optional(),
  published: z.boolean().optional(),
});

export const AddItemBody = z.object({ expectedVersion: version, item: NewItemSchema });
export const UpdateItemBody = ItemPatchSchema.extend({ expectedVersion: version });
export const VersionQuery = z.object({ expectedVersion: z.coerce.number().int().min(1) });

export const ReportBackBody = z
  .object({
    periodEnd: isoDate.optional(),
    caseNumber: z.string().max(100).optional(),
    officer: z.string().max(200).optional(),
    decisionProposal: z.array(z.string().min(1).max(1000)).min(1, 'ange minst en beslutspunkt').max(20).optional(),
    summary: z.string().max(20_000).optional(),
    nextSteps: z.string().max(20_000).optional(),
  })
  // A POST without a body makes a report-back with the plan's case number, officer and default texts.
  .nullish();
export const ReportBackPatchBody = z.object({
  caseNumber: z.string().max(100).optional(),
  officer: z.string().max(200).optional(),
  decisionProposal: z.array(z.string().min(1).max(1000)).min(1, 'ange minst en beslutspunkt').max(20).optional(),
  summary: z.string().max(20_000).optional(),
  nextSteps: z.string().max(20_000).optional(),
});

export const IndicatorBody = z.object({
  kpi: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'id får bara innehålla bokstäver, siffror, - och _').optional(),
  name: z.string().min(1, 'namn saknas').max(300),
  unit: z.string().max(50).optional(),
  direction: z.enum(['higher', 'lower']).optional(),
  baselineValue: z.number().finite().nullable().optional(),
  baselinePeriod: year.nullable().optional(),
});
export const IndicatorPatchBody = IndicatorBody.omit({ kpi: true }).partial();
export const ValueBody = z.object({ period: year, value: z.number().finite().nullable(), gender: z.enum(GENDERS).default('T') });
export const TargetBody = z.object({
  label: z.string().max(200).optional(),
  period: year,
  date: isoDate.nullable().optional(),
  value: z.number().finite(),
  planItemId: z.uuid().nullable().optional(),
});
export const OverviewQuery = z.object({ municipality: z.string().regex(/^\d{2,4}$/).optional() });
export const AssociationsQuery = z.object({ framework: z.string().min(1).max(100).default('kk2020') });

// ---------- replies (the services' views: src/services/action-plan.service.ts, report-back.service.ts, indicator.service.ts; src/domain/effect.ts) ----------

const Named = z.object({ code: z.string(), name: z.string() });
const nullableNumber = z.number().nullable();

export const PlanActionOut = z.object({ id: z.string(), text: z.string(), responsible: z.string(), unit: z.string(), start: z.string().nullable(), plannedDone: z.string().nullable(), done: z.string().nullable() });
export const PlanItemOut = z.object({
  id: z.string(),
  source: z.enum(['opportunity', 'own']),
  areaNumber: nullableNumber,
  areaTitle: z.string().nullable(),
  subareaId: z.string().nullable(),
  subareaTitle: z.string().nullable(),
  improvement: z.string(),
  comment: z.string(),
  status: z.enum(ITEM_STATUSES),
  droppedReason: z.string(),
  priority: z.enum(PRIORITIES).nullable(),
  public: z.boolean(),
  actions: z.array(PlanActionOut),
});
const CadenceStateOut = z.object({ cadence: z.enum(CADENCES), lastReportDate: z.string().nullable(), nextDue: z.string(), overdue: z.boolean() });
const OverdueActionOut = z.object({ itemId: z.string(), improvement: z.string(), actionId: z.string(), text: z.string(), responsible: z.string(), plannedDone: z.string() });
const StatusCounts = z.record(z.enum(ITEM_STATUSES), z.number());

export const ActionPlanOut = z.object({
  id: z.string(),
  evaluationId: z.string(),
  municipality: Named,
  evaluation: z.object({ id: z.string(), year: z.number(), frameworkId: z.string(), frameworkName: z.string(), status: z.string(), total: nullableNumber, max: z.number(), areaScores: z.record(z.string(), nullableNumber) }),
  title: z.string(),
  caseNumber: z.string(),
  officer: z.string(),
  cadence: z.enum(CADENCES),
  published: z.boolean(),
  demo: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  items: z.array(PlanItemOut),
  counts: StatusCounts,
  followUp: CadenceStateOut.extend({ overdueActions: z.array(OverdueActionOut) }),
  /** What the viewer may do. */
  canEdit: z.boolean(),
  /** True when the viewer sees only the published part. */
  publicView: z.boolean(),
});

export const FollowUpOverviewOut = z.object({
  items: z.array(
    z.object({ planId: z.string(), evaluationId: z.string(), municipality: Named, year: z.number(), title: z.string(), followUp: CadenceStateOut, overdueActions: z.array(OverdueActionOut), counts: StatusCounts }),
  ),
});

const EvaluationHead = z.object({ id: z.string(), year: z.number(), frameworkId: z.string(), frameworkName: z.string() });
const ItemRef = z.object({ id: z.string(), improvement: z.string(), status: z.enum(ITEM_STATUSES) });
export const PlanEffectOut = z.discriminatedUnion('comparable', [
  z.object({
    comparable: z.literal(true),
    from: EvaluationHead,
    to: EvaluationHead,
    subareas: z.array(
      z.object({ subareaId: z.string(), title: z.string(), areaNumber: z.number(), items: z.array(ItemRef.extend({ done: z.boolean() })), before: nullableNumber, after: nullableNumber, delta: nullableNumber }),
    ),
    notTied: z.array(ItemRef),
  }),
  z.object({ comparable: z.literal(false), from: EvaluationHead, to: EvaluationHead.nullable(), reason: z.string() }),
]);

const GroupStatOut = z.object({ n: z.number(), meanDelta: nullableNumber });
export const AssociationsOut = z.object({
  frameworkId: z.string(),
  pairs: z.number(),
  rows: z.array(z.object({ subareaId: z.string(), title: z.string(), withDone: GroupStatOut, withoutDone: GroupStatOut, difference: nullableNumber })),
  /** How to read the table (association, not proof). */
  caveat: z.string(),
});

export const ReportBackOut = z.object({
  planId: z.string(),
  number: z.number(),
  periodStart: z.string().nullable(),
  periodEnd: z.string(),
  reportDate: z.string(),
  caseNumber: z.string(),
  officer: z.string(),
  decisionProposal: z.array(z.string()),
  summary: z.string(),
  nextSteps: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  changedItems: z.number(),
});
export const ReportBackListOut = z.object({ items: z.array(ReportBackOut) });

export const IndicatorOut = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  kpi: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['higher', 'lower']),
  baseline: z.object({ period: z.number(), value: z.number() }).nullable(),
  demo: z.boolean(),
  values: z.array(z.object({ period: z.number(), value: nullableNumber, gender: z.enum(GENDERS), status: z.string(), source: z.string() })),
  targets: z.array(z.object({ id: z.string(), label: z.string(), period: z.number(), date: z.string().nullable(), value: z.number(), planItemId: z.string().nullable() })),
});
export const IndicatorListOut = z.object({ items: z.array(IndicatorOut) });
export const IndicatorImportOut = z.object({ format: z.enum(['kolada', 'csv']), indicators: z.number(), created: z.number(), values: z.number(), municipalities: z.array(z.string()) });

export type ActionPlanReply = z.infer<typeof ActionPlanOut>;
export type PlanEffectReply = z.infer<typeof PlanEffectOut>;
export type AssociationsReply = z.infer<typeof AssociationsOut>;
export type ReportBackReply = z.infer<typeof ReportBackOut>;
export type IndicatorReply = z.infer<typeof IndicatorOut>;
export type IndicatorImportReply = z.infer<typeof IndicatorImportOut>;
export type IndicatorFields = z.input<typeof IndicatorPatchBody>;
export type TargetFields = z.input<typeof TargetBody>;
export type ReportBackInput = NonNullable<z.input<typeof ReportBackBody>>;
export type ReportBackPatch = z.input<typeof ReportBackPatchBody>;
