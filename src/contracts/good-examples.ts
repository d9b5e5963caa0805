/** Good examples from published evaluations. */
import { z } from 'zod';
import { FrameworkIdParam, safeText, SubareaId, TEXT_LIMITS } from './common.ts';

export const EXAMPLE_KINDS = ['good-example', 'strength', 'narrative'] as const;

export const GoodExampleQuery = z.object({
  q: safeText(TEXT_LIMITS.query).optional(),
  framework: FrameworkIdParam.optional(),
  area: z.coerce.number().int().min(1, 'område 1–8').max(8, 'område 1–8').optional(),
  subarea: SubareaId.optional(),
  kind: z.enum(EXAMPLE_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const GoodExampleHitOut = z.object({
  kind: z.enum(EXAMPLE_KINDS),
  evaluationId: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  frameworkId: z.string(),
  areaNumber: z.number(),
  areaTitle: z.string(),
  subareaId: z.string().nullable(),
  subareaTitle: z.string().nullable(),
  example: z.object({ code: z.string().nullable(), name: z.string() }).nullable(),
  text: z.string(),
  percent: z.number().nullable(),
});
export type GoodExampleHit = z.infer<typeof GoodExampleHitOut>;
export const GoodExampleListOut = z.object({ items: z.array(GoodExampleHitOut), count: z.number() });
