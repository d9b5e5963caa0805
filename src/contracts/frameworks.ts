/** Framework versions (areas, subareas, texts): request and response bodies. */
import { z } from 'zod';
import { patchOf } from '../domain/input.ts';
import { AreaNumber, FrameworkIdParam, safeText, SubareaId, TEXT_LIMITS } from './common.ts';
import { AREA_COUNT } from '../domain/framework.ts';

const SubareaSchema = z.object({
  id: SubareaId,
  title: safeText(500).min(1),
  heading: safeText(500).optional(),
  max: z.number().positive().max(100).nullable(),
});
const AreaSchema = z.object({
  number: AreaNumber,
  title: safeText(300).min(1),
  aliases: z.array(safeText(300)).max(10).optional(),
  introduction: safeText(TEXT_LIMITS.summary).default(''),
  subareas: z.array(SubareaSchema).min(1).max(9),
});
export const FRAMEWORK_ORIGINS = ['catalog', 'derived-import', 'custom'] as const;

/** One language's unofficial titles: area number ("1") or subarea id ("1.2") → title; an empty title is dropped. */
const TitleTranslationSchema = z.object({
  note: safeText(500).default(''),
  areas: z.record(z.string().regex(/^\d$/), safeText(300)).default({}),
  subareas: z.record(z.string().regex(/^\d\.\d$/), safeText(500)).default({}),
});
const TranslationsSchema = z.object({ en: TitleTranslationSchema.optional(), nb: TitleTranslationSchema.optional() });
const TitleTranslationOut = z.object({ note: z.string(), areas: z.record(z.string(), z.string()), subareas: z.record(z.string(), z.string()) });
const TranslationsOut = z.object({ en: TitleTranslationOut.optional(), nb: TitleTranslationOut.optional() });

/** A new framework version (POST). */
export const FrameworkSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'id: små bokstäver, siffror och bindestreck'),
  name: safeText(TEXT_LIMITS.name).min(1),
  year: z.number().int().min(1990).max(2100),
  origin: z.enum(FRAMEWORK_ORIGINS).default('custom'),
  needsReview: z.boolean().default(false),
  about: safeText(TEXT_LIMITS.summary).default(''),
  notes: safeText(10_000).default(''),
  areas: z.array(AreaSchema).max(AREA_COUNT),
  /** Unofficial translations of the titles (English, Norwegian bokmål). */
  translations: TranslationsSchema.optional(),
});
export type FrameworkInput = z.input<typeof FrameworkSchema>;

/**
 * A change to a framework version (PUT): the top-level fields sent replace the stored ones, the
 * others stay. `areas`, when sent, replaces all areas (each area complete). The id is the path's.
 */
export const FrameworkUpdateSchema = patchOf(FrameworkSchema.omit({ id: true })).extend({
  id: z.string().optional(),
  /** The version read; another current version → 409 with the current framework (`current`). */
  expectedVersion: z.number().int().min(1),
});
export type FrameworkUpdate = z.input<typeof FrameworkUpdateSchema>;

export const FrameworkParams = z.object({ id: FrameworkIdParam });

const SubareaOut = z.object({ id: z.string(), title: z.string(), heading: z.string().optional(), max: z.number().nullable() });
const AreaOut = z.object({ number: z.number(), title: z.string(), aliases: z.array(z.string()).optional(), introduction: z.string(), subareas: z.array(SubareaOut) });
export const FrameworkOut = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  origin: z.enum(FRAMEWORK_ORIGINS),
  needsReview: z.boolean(),
  about: z.string(),
  notes: z.string(),
  areas: z.array(AreaOut),
  translations: TranslationsOut.optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number().int().optional(),
});
export type Framework = z.infer<typeof FrameworkOut>;

export const FrameworkListItemOut = z.object({ id: z.string(), name: z.string(), year: z.number(), origin: z.string(), needsReview: z.boolean(), areaCount: z.number() });
export type FrameworkListItem = z.infer<typeof FrameworkListItemOut>;
export const FrameworkListOut = z.object({ items: z.array(FrameworkListItemOut) });

/* ---------- administration (administrators only) ---------- */

const EvaluationStatusOut = z.enum(['draft', 'review', 'published']);

/** A version in the administration list, with how many evaluations use it. */
export const FrameworkAdminItemOut = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  origin: z.enum(FRAMEWORK_ORIGINS),
  needsReview: z.boolean(),
  version: z.number().int(),
  areaCount: z.number().int(),
  subareaCount: z.number().int(),
  evaluationCount: z.number().int(),
  publishedCount: z.number().int(),
});
export const FrameworkAdminListOut = z.object({ items: z.array(FrameworkAdminItemOut) });
export type FrameworkAdminItem = z.infer<typeof FrameworkAdminItemOut>;

/** An evaluation made with a version (links from the administration pages and from refusals). */
export const FrameworkEvaluationOut = z.object({ id: z.string(), municipalityName: z.string(), year: z.number(), status: EvaluationStatusOut });

/** One version with the evaluations made with it. */
export const FrameworkAdminOut = z.object({ framework: FrameworkOut, evaluations: z.array(FrameworkEvaluationOut) });
export type FrameworkAdmin = z.infer<typeof FrameworkAdminOut>;

const ExpectedVersion = z.number().int().min(1);

/** Accept a variant derived from an import as a version of its own. */
export const FrameworkAcceptSchema = z.object({ expectedVersion: ExpectedVersion });

/** A new name (and year) for a version; the id stays. */
export const FrameworkRenameSchema = z.object({ name: safeText(TEXT_LIMITS.name).min(1), year: z.number().int().min(1990).max(2100).optional(), expectedVersion: ExpectedVersion });

/** Merge a variant into a known version (`into`): its evaluations move there and the variant is removed. */
export const FrameworkMergeSchema = z.object({ into: FrameworkIdParam.min(1), expectedVersion: ExpectedVersion });
export const FrameworkMergeOut = z.object({ framework: FrameworkOut, moved: z.array(FrameworkEvaluationOut) });
export type FrameworkMergeResult = z.infer<typeof FrameworkMergeOut>;

/** Every version's unofficial titles in one language (the web app loads them with the language). */
export const FrameworkTitlesParams = z.object({ lang: z.enum(['en', 'nb']) });
export const FrameworkTitlesOut = z.object({ lang: z.enum(['en', 'nb']), frameworks: z.record(z.string(), TitleTranslationOut) });
export type FrameworkTitles = z.infer<typeof FrameworkTitlesOut>;
