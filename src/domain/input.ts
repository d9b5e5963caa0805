/**
 * Input primitives shared by the domain schemas and the HTTP contracts: text that a database can
 * store (no NUL, no lone surrogate halves), dates that exist in the calendar, limits generous enough
 * for real reports, and patch schemas that carry only the fields that were sent.
 */
import { z } from 'zod';
import { AREA_COUNT, AREA_RANGE, SUBAREA_ID } from './framework.ts';

/** Limits on text, in characters. Generous: the longest real report texts are far below these. */
export const TEXT_LIMITS = {
  /** A name, title, label or e-mail address. */
  name: 200,
  /** One list item: a strength, an improvement, a key-fact value, a good example. */
  item: 2000,
  /** An area's summary. */
  summary: 50_000,
  /** A subarea narrative or the evaluation's summary (Markdown). */
  long: 100_000,
  /** A search term or filter in a query string. */
  query: 200,
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text holds no NUL (PostgreSQL cannot store it) and no lone surrogate half (not valid Unicode). */
export function textProblem(value: string): string | null {
  return TEXT_PROBLEMS[textProblemKind(value) ?? 'none'] ?? null;
}

/** Which problem a text has, as a stable code (sent in problem details so clients can word it). */
export function textProblemKind(value: string): 'nul' | 'surrogate' | null {
  if (value.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

const TEXT_PROBLEMS: Record<string, string> = {
  nul: 'Texten innehåller ett NUL-tecken (\\u0000), som inte kan sparas.',
  surrogate: 'Texten innehåller ett ogiltigt Unicode-tecken (ett ensamt surrogattecken).',
};

/** A string of at most `max` characters that can be stored. */
export function safeText(max: number) {
  return z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      const kind = textProblemKind(value);
      if (kind) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEMS[kind] ?? kind, input: value, params: { reason: kind } });
    });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is YYYY-MM-DD and that day exists (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A date written YYYY-MM-DD that exists in the calendar. */
export const calendarDate = z.string().superRefine((value, ctx) => {
  if (!ISO_DATE.test(value)) ctx.addIssue({ code: 'custom', message: 'Datum ska skrivas ÅÅÅÅ-MM-DD.', input: value, params: { reason: 'date_format' } });
  else if (!isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: `Datumet ${value} finns inte i kalendern.`, input: value, params: { reason: 'no_such_date', date: value } });
});

/** The period problem, when a period ends before it starts (ISO dates compare as strings). */
export function periodOrderProblem(start: string | null | undefined, end: string | null | undefined): string | null {
  if (!start || !end || start <= end) return null;
  return `Perioden slutar (${end}) innan den börjar (${start}).`;
}

type Shape = Record<string, z.ZodType>;
type PatchShape<S extends Shape> = { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer I> ? I : S[K]> };

/**
 * The patch version of an object schema: every field optional and WITHOUT its default, so a field
 * that was not sent stays absent (zod's `.partial()` keeps defaults and would write them as if sent).
 */
export function patchOf<S extends Shape>(schema: z.ZodObject<S>): z.ZodObject<PatchShape<S>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  return z.object(shape) as unknown as z.ZodObject<PatchShape<S>>;
}

/** The fields of a parsed patch that were sent (absent and undefined keys dropped). */
export function sentFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An area number 1..AREA_COUNT. */
export const AreaNumberSchema = z.number().int().min(1, `område ${AREA_RANGE}`).max(AREA_COUNT, `område ${AREA_RANGE}`);
/** A subarea id as the frameworks write it ("1.3"). */
export const SubareaIdSchema = z.string().regex(SUBAREA_ID, 'delområde skrivs som 1.3');
