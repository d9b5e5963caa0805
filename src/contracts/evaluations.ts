/**
 * Evaluations: list, create, read, change facts/scores/area texts/status, delete.
 * Partial updates (PATCH facts, PUT area) change only the fields sent; see the route summaries.
 */
import { z } from 'zod';
import {
  AreaTextPatchSchema,
  EVALUATION_STATUSES,
  EvaluationFactsPatchSchema,
  EvaluationInputSchema,
} from '../domain/evaluation.ts';
import { periodOrderProblem } from '../domain/input.ts';
import { AreaNumber, FrameworkIdParam, IdParams, MunicipalityCode, safeText, Version } from './common.ts';

export { EVALUATION_STATUSES };
export const EvaluationStatusSchema = z.enum(EVALUATION_STATUSES);

export const EvaluationListQuery = z.object({
  municipality: MunicipalityCode.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  framework: FrameworkIdParam.optional(),
  status: EvaluationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const EvaluationListItemOut = z.object({
  id: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  frameworkId: z.string(),
  year: z.number(),
  month: z.number().nullable(),
  reportDate: z.string().nullable(),
  status: EvaluationStatusSchema,
  total: z.number().nullable(),
  ordinal: z.number().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type EvaluationListItem = z.infer<typeof EvaluationListItemOut>;
export const EvaluationListOut = z.object({ items: z.array(EvaluationListItemOut), count: z.number() });

/**
 * A new evaluation; the period may not end before it starts. Its source is set by kompass: what comes
 * through this route is entered by hand (imports are saved by the import routes, demo data by the
 * seeding), so a client cannot claim "import" or "demo" and with it the milder publish rule.
 */
export const EvaluationCreateBody = EvaluationInputSchema.omit({ sourceHash: true, source: true }).extend({
  source: z
    .object({ kind: z.literal('manual', { error: 'Källan för en utvärdering som skapas här är alltid "manual"; importerade rapporter sparas via importen.' }) })
    .optional(),
}).superRefine((v, ctx) => {
  const problem = periodOrderProblem(v.periodStart, v.periodEnd);
  if (problem) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: problem, input: v.periodEnd, params: { reason: 'period_order' } });
});
export type EvaluationCreate = z.input<typeof EvaluationCreateBody>;

export const EvaluationParams = IdParams;
export const AreaParams = IdParams.extend({ number: z.coerce.number().pipe(AreaNumber) });

/** PATCH: only the facts sent change (period order checked against the stored other end). */
export const EvaluationFactsPatchBody = EvaluationFactsPatchSchema.extend({ expectedVersion: Version });
export type EvaluationFactsPatchInput = z.input<typeof EvaluationFactsPatchBody>;

/** PUT area: a merge, like PATCH — the fields sent replace the stored ones, the others stay. */
export const AreaPatchBody = AreaTextPatchSchema.extend({ expectedVersion: Version });
export type AreaPatchInput = z.input<typeof AreaPatchBody>;

/** PUT scores: the subareas sent get the points (null = unknown); the others keep theirs. */
export const ScoresBody = z.object({ expectedVersion: Version, scores: z.record(safeText(8), z.number().finite().nullable()) });
export const StatusBody = z.object({ expectedVersion: Version, status: EvaluationStatusSchema });
export const DeleteQuery = z.object({ expectedVersion: z.coerce.number().int().min(1).max(2_147_483_647) });

const Nullable = <T extends z.ZodType>(t: T) => t.nullable();

// Response shapes describe what is stored; they do not re-validate input rules (a reply never fails on them).
const EvaluatorOut = z.object({ name: z.string(), organisation: z.string(), isLead: z.boolean() });
const GoodExampleOut = z.object({ municipalityCode: Nullable(z.string()), name: z.string(), subareaId: Nullable(z.string()), text: z.string() });
const AreaTextOut = z.object({
  number: z.number(),
  statedScore: Nullable(z.number()),
  summary: z.string(),
  narratives: z.record(z.string(), z.string()),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  goodExamples: z.array(GoodExampleOut),
});

/** An evaluation with points and texts, as GET /api/evaluations/:id returns it. */
export const EvaluationOut = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipality: z.object({ code: z.string(), name: z.string(), kind: z.enum(['kommun', 'region']) }),
  frameworkId: z.string(),
  status: EvaluationStatusSchema,
  year: z.number(),
  month: Nullable(z.number()),
  reportDate: Nullable(z.string()),
  periodStart: Nullable(z.string()),
  periodEnd: Nullable(z.string()),
  ordinal: Nullable(z.number()),
  interviews: Nullable(z.number()),
  interviewsApprox: z.boolean(),
  summary: z.string(),
  statedTotal: Nullable(z.number()),
  keyFacts: z.array(z.object({ label: z.string(), value: z.string() })),
  evaluators: z.array(EvaluatorOut),
  scores: z.record(z.string(), z.number()),
  areas: z.array(AreaTextOut),
  source: z.object({ kind: z.enum(['import', 'manual', 'demo']), fileName: z.string().optional(), found: z.array(z.string()).optional(), corrected: z.object({ by: z.string(), count: z.number() }).optional() }),
  sourceHash: Nullable(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: Nullable(z.string()),
  supersedesId: Nullable(z.string()),
  supersededById: Nullable(z.string()),
});
export type EvaluationDto = z.infer<typeof EvaluationOut>;

/** Another evaluation of the same municipality and year (a warning: creating goes ahead). */
export const SameYearOut = z.object({ evaluationId: z.string(), year: z.number(), status: EvaluationStatusSchema, frameworkId: z.string(), message: z.string() });
export type SameYearDto = z.infer<typeof SameYearOut>;
/** POST /api/evaluations: the new evaluation and the same-year warnings. */
export const EvaluationCreatedOut = EvaluationOut.extend({ warnings: z.array(SameYearOut) });
export const SameYearQuery = z.object({ municipality: MunicipalityCode, year: z.coerce.number().int().min(1990).max(2100) });
export const SameYearListOut = z.object({ items: z.array(SameYearOut) });
