/**
 * Good-example search: the query and the reply of `GET /api/good-examples`, shared with the web app.
 */
import { z } from 'zod';
import { SEARCH_KINDS } from '../domain/search.ts';
import { AreaNumber, FrameworkIdParam, safeText, SubareaId, TEXT_LIMITS } from './common.ts';

export const GoodExampleQuerySchema = z
  .object({
    q: safeText(TEXT_LIMITS.query).optional(),
    /** A framework version id, or `all` (also the default) for every version. */
    framework: FrameworkIdParam.optional(),
    area: z.coerce.number().pipe(AreaNumber).optional(),
    subarea: SubareaId.optional(),
    /** One kind, or several separated by commas. */
    kind: z
      .string()
      .max(200)
      .transform((s, ctx) => {
        const kinds = s.split(',').map((k) => k.trim()).filter(Boolean);
        const bad = kinds.find((k) => !(SEARCH_KINDS as readonly string[]).includes(k));
        if (bad) {
          ctx.addIssue({ code: 'custom', message: `okänd typ "${bad}" (tillåtna: ${SEARCH_KINDS.join(', ')})` });
          return z.NEVER;
        }
        return kinds as Array<(typeof SEARCH_KINDS)[number]>;
      })
      .optional(),
    yearFrom: z.coerce.number().int().min(1990, 'år från 1990').max(2100).optional(),
    yearTo: z.coerce.number().int().min(1990, 'år från 1990').max(2100).optional(),
    county: z.string().regex(/^\d{2}$/, 'länskoden har två siffror').optional(),
    municipality: z.string().regex(/^\d{4}$/, 'kommunkoden har fyra siffror').optional(),
    /** With `subarea`: only evaluations with at least this percent of the subarea's points. */
    minPercent: z.coerce.number().min(0, 'andel 0–100').max(100, 'andel 0–100').optional(),
    limit: z.coerce.number().int().min(1).max(100, 'högst 100 träffar per sida').default(20),
    offset: z.coerce.number().int().min(0).max(10000, 'högst 10 000 träffar kan bläddras').default(0),
  })
  .refine((v) => v.minPercent === undefined || v.subarea !== undefined, { message: 'minPercent kräver ett delområde (subarea)', path: ['minPercent'] })
  .refine((v) => v.yearFrom === undefined || v.yearTo === undefined || v.yearFrom <= v.yearTo, { message: 'yearFrom är senare än yearTo', path: ['yearFrom'] });

export const ExcerptPartSchema = z.object({ text: z.string(), hit: z.boolean() });

export const GoodExampleHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  evaluationId: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  frameworkId: z.string(),
  areaNumber: z.number().int().nullable(),
  areaTitle: z.string().nullable(),
  subareaId: z.string().nullable(),
  subareaTitle: z.string().nullable(),
  /** The municipality named as a good example (good-example kind). */
  example: z.object({ code: z.string().nullable(), name: z.string() }).nullable(),
  /** The passage as plain text (long texts cut at a word). */
  text: z.string(),
  /** The passage around the matched words, as plain text parts; matched words have `hit`. */
  excerpt: z.array(ExcerptPartSchema),
  /** Element id of the passage on the evaluation page (`#d-1.4`, `#s-2-3`, …). */
  anchor: z.string(),
  /** Percent achieved in the subarea (or the area, or the whole evaluation); null when unknown. */
  percent: z.number().nullable(),
  /** Text relevance (ts_rank_cd); null without a query. */
  rank: z.number().nullable(),
});

export const GoodExampleResultSchema = z.object({
  items: z.array(GoodExampleHitSchema),
  /** Matching passages; a lower bound when `countIsLowerBound`. */
  count: z.number().int(),
  countIsLowerBound: z.boolean(),
});

export type GoodExampleQuery = z.infer<typeof GoodExampleQuerySchema>;
export type GoodExampleHit = z.infer<typeof GoodExampleHitSchema>;
export type GoodExampleResult = z.infer<typeof GoodExampleResultSchema>;
export type ExcerptPart = z.infer<typeof ExcerptPartSchema>;
