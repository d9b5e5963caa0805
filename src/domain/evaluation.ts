/**
 * The evaluation as plain data, shared by services, importer, demo data, export/import and reports.
 */
import { z } from 'zod';
import { AREA_COUNT, AREA_MAX, TOTAL_MAX } from './framework.ts';
import { AreaNumberSchema, calendarDate, patchOf, safeText, SubareaIdSchema, TEXT_LIMITS } from './input.ts';

export const EVALUATION_STATUSES = ['draft', 'review', 'published'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: 'utkast',
  review: 'delad för granskning',
  published: 'publicerad',
};

/** Where an evaluation may go from each status (who may move it: src/policies/evaluation.policy.ts). */
export const STATUS_TRANSITIONS: Record<EvaluationStatus, EvaluationStatus[]> = {
  draft: ['review', 'published'],
  review: ['draft', 'published'],
  published: [],
};

const text = safeText;
const points = z.number().finite().min(0).max(AREA_MAX);
const isoDate = calendarDate;

export const EvaluatorSchema = z.object({
  name: text(TEXT_LIMITS.name).min(1, 'namn saknas'),
  organisation: text(TEXT_LIMITS.name).default(''),
  isLead: z.boolean().default(false),
});
export type Evaluator = z.infer<typeof EvaluatorSchema>;

export const GoodExampleSchema = z.object({
  municipalityCode: z.string().regex(/^\d{2,4}$/).nullable().default(null),
  name: text(TEXT_LIMITS.name).min(1),
  subareaId: SubareaIdSchema.nullable().default(null),
  text: text(TEXT_LIMITS.item).default(''),
});
export type GoodExampleInput = z.infer<typeof GoodExampleSchema>;

export const AreaTextSchema = z.object({
  number: AreaNumberSchema,
  /** Area total as printed, when subarea points are unknown (older reports). */
  statedScore: points.nullable().default(null),
  summary: text(TEXT_LIMITS.summary).default(''),
  /** Narrative per subarea id (Markdown). */
  narratives: z.record(SubareaIdSchema, text(TEXT_LIMITS.long)).default({}),
  strengths: z.array(text(TEXT_LIMITS.item).min(1)).max(200).default([]),
  improvements: z.array(text(TEXT_LIMITS.item).min(1)).max(200).default([]),
  goodExamples: z.array(GoodExampleSchema).max(200).default([]),
});
export type AreaText = z.infer<typeof AreaTextSchema>;

export const KeyFactSchema = z.object({ label: text(TEXT_LIMITS.name).min(1), value: text(TEXT_LIMITS.item) });

export const EvaluationFactsSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  month: z.number().int().min(1).max(12).nullable().default(null),
  reportDate: isoDate.nullable().default(null),
  periodStart: isoDate.nullable().default(null),
  periodEnd: isoDate.nullable().default(null),
  ordinal: z.number().int().min(1).max(50).nullable().default(null),
  interviews: z.number().int().min(0).max(10_000).nullable().default(null),
  interviewsApprox: z.boolean().default(false),
  summary: text(TEXT_LIMITS.long).default(''),
  statedTotal: z.number().finite().min(0).max(TOTAL_MAX).nullable().default(null),
  keyFacts: z.array(KeyFactSchema).max(100).default([]),
  evaluators: z.array(EvaluatorSchema).max(20).default([]),
});
export type EvaluationFacts = z.infer<typeof EvaluationFactsSchema>;

/** A change to the facts: only the fields sent (no defaults), so nothing unsent is cleared. */
export const EvaluationFactsPatchSchema = patchOf(EvaluationFactsSchema);
export type EvaluationFactsPatch = z.input<typeof EvaluationFactsPatchSchema>;

/** A change to an area's texts: only the fields sent; the rest keep their stored values. */
export const AreaTextPatchSchema = patchOf(AreaTextSchema.omit({ number: true }));
export type AreaTextPatch = z.input<typeof AreaTextPatchSchema>;

/** Everything needed to create an evaluation in one transaction. */
export const EvaluationInputSchema = EvaluationFactsSchema.extend({
  municipalityCode: z.string().regex(/^\d{2,4}$/, 'kommunkod ska vara 4 siffror (region: 2)'),
  frameworkId: text(64).min(1),
  status: z.enum(EVALUATION_STATUSES).default('draft'),
  /** Achieved points per subarea id. */
  scores: z.record(z.string(), z.number().finite()).default({}),
  areas: z.array(AreaTextSchema).max(AREA_COUNT).default([]),
  source: z
    .object({
      kind: z.enum(['import', 'manual', 'demo']),
      fileName: text(500).optional(),
      found: z.array(text(TEXT_LIMITS.name)).max(200).optional(),
      /** Corrections made in the import preview before saving, and by whom. */
      corrected: z.object({ by: text(TEXT_LIMITS.name), count: z.number().int().min(1) }).optional(),
    })
    .default({ kind: 'manual' }),
  /** Hash of the imported report, so the same report is not imported twice. */
  sourceHash: z.string().max(128).nullable().default(null),
});
export type EvaluationInput = z.input<typeof EvaluationInputSchema>;
export type EvaluationInputParsed = z.output<typeof EvaluationInputSchema>;

/** A stored evaluation as services return it. */
export interface Evaluation extends Omit<EvaluationInputParsed, 'areas'> {
  id: string;
  municipality: { code: string; name: string; kind: 'kommun' | 'region' };
  areas: AreaText[];
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  supersedesId: string | null;
  supersededById: string | null;
}

/** What orders the evaluation list. */
export interface ListOrderKey {
  id: string;
  year: number;
  month: number | null;
  municipalityName: string;
}

const swedish = new Intl.Collator('sv');

/**
 * The order of the evaluation list: newest year first, then newest month (an unknown month first, as
 * in the database's `desc`), then municipality name in Swedish alphabetical order, then id.
 * `nameRank` gives each name's place in Swedish order when known (a number compares faster than a
 * collation); without it names are collated.
 */
export function compareForList(a: ListOrderKey, b: ListOrderKey, nameRank?: ReadonlyMap<string, number>): number {
  const byDate = compareListDates(a, b);
  if (byDate !== 0) return byDate;
  if (a.municipalityName !== b.municipalityName) {
    const ra = nameRank?.get(a.municipalityName);
    const rb = nameRank?.get(b.municipalityName);
    const byName = ra !== undefined && rb !== undefined ? ra - rb : swedish.compare(a.municipalityName, b.municipalityName);
    if (byName !== 0) return byName;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Each name's place in Swedish alphabetical order (for `compareForList`). */
export function rankNames(names: Iterable<string>): Map<string, number> {
  return new Map([...new Set(names)].sort(swedish.compare).map((n, i) => [n, i]));
}

function compareListDates(a: Pick<ListOrderKey, 'year' | 'month'>, b: Pick<ListOrderKey, 'year' | 'month'>): number {
  if (a.year !== b.year) return b.year - a.year;
  if (a.month !== b.month) return a.month === null ? -1 : b.month === null ? 1 : b.month - a.month;
  return 0;
}

/** Each municipality code's place in Swedish alphabetical order of the names (the same place for the same name). */
export function rankMunicipalities(names: ReadonlyMap<string, string>): Map<string, number> {
  const byName = rankNames(names.values());
  return new Map([...names].map(([code, name]) => [code, byName.get(name) ?? 0]));
}

/**
 * The order of `compareForList` for keys that carry the municipality's code rather than its name,
 * with `codeRank` from `rankMunicipalities` (a read model need not copy a name into every evaluation).
 */
export function compareForListByCode(a: Omit<ListOrderKey, 'municipalityName'> & { municipalityCode: string }, b: Omit<ListOrderKey, 'municipalityName'> & { municipalityCode: string }, codeRank: ReadonlyMap<string, number>): number {
  const byDate = compareListDates(a, b);
  if (byDate !== 0) return byDate;
  if (a.municipalityCode !== b.municipalityCode) {
    const byName = (codeRank.get(a.municipalityCode) ?? Number.MAX_SAFE_INTEGER) - (codeRank.get(b.municipalityCode) ?? Number.MAX_SAFE_INTEGER);
    if (byName !== 0) return byName;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Another evaluation of the same municipality and year, as the same-year rule sees it. */
export interface SameYearEvaluation {
  id: string;
  year: number;
  status: EvaluationStatus;
  frameworkId: string;
  sourceKind: 'manual' | 'import' | 'demo';
  supersededById: string | null;
}

/**
 * "Mistakes": a second evaluation of the same municipality and year is usually a mistake, but not
 * always (a record of an old report next to one conducted anew, another framework version, a new
 * start after an abandoned draft), so creating it goes ahead with a warning naming the existing ones
 * (superseded versions are history and left out). The clear duplicate — the same report imported
 * twice — is refused by the report's hash (`createEvaluation`).
 */
export function sameYearWarnings(existing: readonly SameYearEvaluation[]): SameYearEvaluation[] {
  return existing.filter((e) => e.supersededById === null);
}

/** The Swedish sentence naming an existing evaluation of the same municipality and year. */
export function sameYearMessage(municipalityName: string, e: SameYearEvaluation, frameworkName: string): string {
  return `Det finns redan en utvärdering av ${municipalityName} ${e.year}: ${e.id} (${STATUS_LABELS[e.status]}, ${frameworkName}${e.sourceKind === 'manual' ? '' : e.sourceKind === 'import' ? ', importerad rapport' : ', demodata'}).`;
}
