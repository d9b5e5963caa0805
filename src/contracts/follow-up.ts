/**
 * Request schemas of the follow-up routes (action plans, report-backs, indicators), shared with the web app.
 */
import { z } from 'zod';
import { ActionSchema, CADENCES, ItemPatchSchema, NewItemSchema } from '../domain/action-plan.ts';
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
