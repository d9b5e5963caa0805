/** Open data downloads and the comparison of evaluations (with its export). */
import { z } from 'zod';
import { OPEN_DATA_LEVELS } from '../domain/open-data.ts';
import { CONCORDANCE_RELATIONS } from '../domain/concordance.ts';

export const OPEN_DATA_FORMATS = ['csv', 'xlsx', 'json'] as const;

export const OpenDataParams = z.object({ format: z.enum(OPEN_DATA_FORMATS, 'format: csv, xlsx eller json') });
export const OpenDataQuery = z.object({
  level: z.enum(OPEN_DATA_LEVELS, 'nivå: evaluation, area eller subarea').default('area').describe('evaluation: totalpoäng per utvärdering; area: per område; subarea: per delområde'),
});

const Ids = z
  .string()
  .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(z.uuid('varje id ska vara ett UUID')).min(1, 'Ange minst en utvärdering.').max(5, 'Högst 5 utvärderingar.'));
export const ComparisonQuery = z.object({ ids: Ids.describe('1–5 utvärderings-id, kommaseparerade') });

const Cell = z.object({
  evaluationId: z.string(),
  frameworkId: z.string(),
  area: z.number().nullable(),
  title: z.string().nullable(),
  score: z.number().nullable(),
  relation: z.union([z.literal('identical'), z.enum(CONCORDANCE_RELATIONS)]).nullable(),
});
export const ComparisonOut = z.object({
  mode: z.enum(['same-version', 'concordance', 'totals-only']),
  referenceFrameworkId: z.string(),
  missingConcordances: z.array(z.object({ fromFrameworkId: z.string(), toFrameworkId: z.string() })),
  rows: z.array(z.object({ area: z.number(), title: z.string(), cells: z.array(Cell) })),
  totals: z.array(z.object({ evaluationId: z.string(), frameworkId: z.string(), total: z.number().nullable(), max: z.number(), percent: z.number().nullable() })),
  evaluations: z.array(z.object({ id: z.string(), municipality: z.object({ code: z.string(), name: z.string() }), year: z.number(), status: z.string(), framework: z.object({ id: z.string(), name: z.string() }) })),
});
export type ComparisonReply = z.infer<typeof ComparisonOut>;
