/**
 * Action plans (handlingsplaner): improvement opportunities become plan items with actions, followed up
 * in report-backs at a cadence. Pure rules: no I/O, no clock (today is a parameter).
 */
import { z } from 'zod';
import type { ErrorDetail } from './errors.ts';
import { AREA_DIGIT, type FrameworkDef } from './framework.ts';
import { AreaNumberSchema, SubareaIdSchema } from './input.ts';
import { foldName } from './text.ts';

export const ITEM_STATUSES = ['not_started', 'ongoing', 'done', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = { not_started: 'ej påbörjad', ongoing: 'pågår', done: 'klar', dropped: 'avbruten' };

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { high: 'hög', medium: 'medel', low: 'låg' };

export const CADENCES = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 };
export const CADENCE_LABELS: Record<Cadence, string> = { monthly: 'varje månad', quarterly: 'varje kvartal', 'half-yearly': 'varje halvår', yearly: 'varje år' };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum ska skrivas ÅÅÅÅ-MM-DD');
const optionalDate = isoDate.nullable().default(null);
const text = (max: number) => z.string().max(max);

export const ActionSchema = z.object({
  id: z.uuid().optional(),
  text: text(2000).min(1, 'åtgärden saknar text'),
  /** Responsible person. */
  responsible: text(200).default(''),
  /** Responsible unit, committee or organisation. */
  unit: text(200).default(''),
  start: optionalDate,
  plannedDone: optionalDate,
  /** Actual done date. */
  done: optionalDate,
});
export type ActionInput = z.input<typeof ActionSchema>;
export interface ActionData extends Omit<z.output<typeof ActionSchema>, 'id'> {
  id: string;
}

export const ItemPatchSchema = z.object({
  comment: text(20_000).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  droppedReason: text(2000).optional(),
  priority: z.enum(PRIORITIES).nullable().optional(),
  /** Shown to the public when the plan is published. */
  public: z.boolean().optional(),
  actions: z.array(ActionSchema).max(50).optional(),
  /** Only for items the municipality added itself; opportunity items keep the report's wording. */
  improvement: text(2000).min(1).optional(),
  areaNumber: AreaNumberSchema.nullable().optional(),
  subareaId: SubareaIdSchema.nullable().optional(),
});
export type ItemPatch = z.input<typeof ItemPatchSchema>;

export const NewItemSchema = ItemPatchSchema.extend({ improvement: text(2000).min(1, 'beskriv vad som ska förbättras') });
export type NewItem = z.input<typeof NewItemSchema>;

export interface ActionPlanItemData {
  id: string;
  /** From one of the evaluation's improvement opportunities, or added by the municipality. */
  source: 'opportunity' | 'own';
  areaNumber: number | null;
  subareaId: string | null;
  improvement: string;
  comment: string;
  status: ItemStatus;
  droppedReason: string;
  priority: Priority | null;
  public: boolean;
  actions: ActionData[];
}

/** A stored item as a whole, as a backup file holds it (checked before an import writes anything). */
export const ActionPlanItemDataSchema = z.object({
  id: z.uuid(),
  source: z.enum(['opportunity', 'own']),
  areaNumber: AreaNumberSchema.nullable(),
  subareaId: SubareaIdSchema.nullable(),
  improvement: text(50_000).min(1, 'punkten saknar text'),
  comment: text(20_000),
  status: z.enum(ITEM_STATUSES),
  droppedReason: text(2000),
  priority: z.enum(PRIORITIES).nullable(),
  public: z.boolean(),
  actions: z.array(z.object({ id: z.uuid(), text: text(2000).min(1, 'åtgärden saknar text'), responsible: text(200), unit: text(200), start: isoDate.nullable(), plannedDone: isoDate.nullable(), done: isoDate.nullable() })).max(50),
});

/** What a report-back reported, kept so the document can be produced again and the next one can say what changed. */
export interface ReportBackSnapshot {
  municipality: { code: string; name: string };
  evaluation: { id: string; year: number; frameworkName: string; total: number | null; max: number; areaScores: Record<string, number | null>; areaTitles: Record<string, string>; subareaTitles: Record<string, string> };
  planTitle: string;
  cadence: Cadence;
  items: ActionPlanItemData[];
  changes: ItemChange[];
  previous: { number: number; reportDate: string } | null;
  indicators: Array<{ id: string; kpi: string; name: string; unit: string; direction: 'higher' | 'lower'; values: Array<{ period: number; value: number | null }>; targets: Array<{ label: string; period: number; value: number; planItemId: string | null }> }>;
  nextDue: string;
  demo: boolean;
}

/** Folds text for matching: lower case, no diacritics, single spaces; dots kept (subarea ids "1.2"). */
const fold = (s: string): string => foldName(s, { keep: '.' });

/**
 * The subarea an improvement opportunity belongs to, where the text says so: an explicit subarea
 * number of the same area ("1.3", "delområde 1.3") or the subarea's title in the text. Otherwise null.
 */
/** A subarea id written in running text ("se 3.2"), not part of a longer number. */
const SUBAREA_IN_TEXT = new RegExp(`(?<![\\d.])(${AREA_DIGIT}\\.[1-9])(?![\\d])`, 'g');

export function subareaOfImprovement(text: string, areaNumber: number, framework: FrameworkDef): string | null {
  const area = framework.areas.find((a) => a.number === areaNumber);
  if (!area) return null;
  const ids = new Set(area.subareas.map((s) => s.id));
  for (const m of text.matchAll(SUBAREA_IN_TEXT)) {
    if (m[1] && ids.has(m[1])) return m[1];
  }
  const t = ` ${fold(text)} `;
  const byTitle = area.subareas.filter((s) => s.title.length >= 6 && t.includes(` ${fold(s.title)} `));
  return byTitle.length === 1 ? (byTitle[0]?.id ?? null) : null;
}

/** One plan item per improvement opportunity, in area order, linked to the subarea where the text says so. */
export function planFromOpportunities(
  areas: ReadonlyArray<{ number: number; improvements: readonly string[] }>,
  framework: FrameworkDef,
  newId: () => string,
): ActionPlanItemData[] {
  return [...areas]
    .sort((a, b) => a.number - b.number)
    .flatMap((a) =>
      a.improvements.map((improvement) => ({
        id: newId(),
        source: 'opportunity' as const,
        areaNumber: a.number,
        subareaId: subareaOfImprovement(improvement, a.number, framework),
        improvement,
        comment: '',
        status: 'not_started' as const,
        droppedReason: '',
        priority: null,
        public: true,
        actions: [],
      })),
    );
}

const before = (a: string | null, b: string | null): boolean => a !== null && b !== null && a > b;

/** Problems with an item as it would be saved; `path` is relative to the item. */
export function checkItem(item: ActionPlanItemData, framework: FrameworkDef): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (item.status === 'dropped' && item.droppedReason.trim() === '') {
    out.push({ path: 'droppedReason', message: 'Ange varför åtgärdspunkten avbryts.' });
  }
  if (item.subareaId !== null) {
    const area = framework.areas.find((a) => a.subareas.some((s) => s.id === item.subareaId));
    if (!area) out.push({ path: 'subareaId', message: `Delområde ${item.subareaId} finns inte i ${framework.name}.` });
    else if (item.areaNumber !== null && area.number !== item.areaNumber) out.push({ path: 'subareaId', message: `Delområde ${item.subareaId} hör inte till område ${item.areaNumber}.` });
  }
  item.actions.forEach((a, i) => {
    if (before(a.start, a.plannedDone)) out.push({ path: `actions[${i}].plannedDone`, message: `Åtgärd ${i + 1}: planerat klart (${a.plannedDone}) är före start (${a.start}).` });
    if (before(a.start, a.done)) out.push({ path: `actions[${i}].done`, message: `Åtgärd ${i + 1}: klar (${a.done}) är före start (${a.start}).` });
  });
  return out;
}

/** Applies a patch to an item. Opportunity items keep the report's wording and area. */
export function patchItem(item: ActionPlanItemData, patch: ItemPatch, newId: () => string): ActionPlanItemData {
  const next: ActionPlanItemData = { ...item };
  if (patch.comment !== undefined) next.comment = patch.comment;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.droppedReason !== undefined) next.droppedReason = patch.droppedReason;
  if (patch.priority !== undefined) next.priority = patch.priority;
  if (patch.public !== undefined) next.public = patch.public;
  if (patch.subareaId !== undefined) next.subareaId = patch.subareaId;
  if (item.source === 'own') {
    if (patch.improvement !== undefined) next.improvement = patch.improvement;
    if (patch.areaNumber !== undefined) next.areaNumber = patch.areaNumber;
  }
  if (next.subareaId !== null && next.areaNumber === null) next.areaNumber = Number(next.subareaId.split('.')[0]);
  // Taking a dropped item up again clears the reason it was dropped for.
  if (item.status === 'dropped' && next.status !== 'dropped' && patch.droppedReason === undefined) next.droppedReason = '';
  if (patch.actions !== undefined) {
    const parsed = patch.actions.map((a) => ActionSchema.parse(a));
    next.actions = parsed.map((a) => ({ ...a, id: a.id ?? newId() }));
  }
  return next;
}

export function newOwnItem(input: NewItem, newId: () => string): ActionPlanItemData {
  const base: ActionPlanItemData = {
    id: newId(),
    source: 'own',
    areaNumber: input.areaNumber ?? null,
    subareaId: null,
    improvement: input.improvement,
    comment: '',
    status: 'not_started',
    droppedReason: '',
    priority: null,
    public: true,
    actions: [],
  };
  return patchItem(base, input, newId);
}

// ---------- dates and cadence ----------

/** "2024-01-31" + 1 month → "2024-02-29" (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface CadenceState {
  cadence: Cadence;
  /** Date of the last report-back, or null when there is none. */
  lastReportDate: string | null;
  /** When the next report-back is due. */
  nextDue: string;
  overdue: boolean;
}

/** The next report-back is due one cadence period after the last one (or after the plan was made). */
export function cadenceState(cadence: Cadence, planCreated: string, lastReportDate: string | null, today: string): CadenceState {
  const nextDue = addMonths(lastReportDate ?? planCreated, CADENCE_MONTHS[cadence]);
  return { cadence, lastReportDate, nextDue, overdue: nextDue < today };
}

export interface OverdueAction {
  itemId: string;
  improvement: string;
  actionId: string;
  text: string;
  responsible: string;
  plannedDone: string;
}

/** Actions planned to be done before today that are not done, in items that are still open. */
export function overdueActions(items: readonly ActionPlanItemData[], today: string): OverdueAction[] {
  return items
    .filter((i) => i.status !== 'done' && i.status !== 'dropped')
    .flatMap((i) =>
      i.actions
        .filter((a) => a.done === null && a.plannedDone !== null && a.plannedDone < today)
        .map((a) => ({ itemId: i.id, improvement: i.improvement, actionId: a.id, text: a.text, responsible: [a.responsible, a.unit].filter(Boolean).join(', '), plannedDone: a.plannedDone as string })),
    );
}

// ---------- what changed since the last report-back ----------

export interface ItemChange {
  itemId: string;
  /** Human-readable changes, in Swedish ("Status: ej påbörjad → pågår"). Empty when nothing changed. */
  changes: string[];
  isNew: boolean;
}

/** Per item: what changed since the previous report-back (status, actions added, done, rescheduled). */
export function changesSince(previous: Pick<ReportBackSnapshot, 'items'> | null, items: readonly ActionPlanItemData[]): ItemChange[] {
  return items.map((item) => {
    const old = previous?.items.find((p) => p.id === item.id);
    if (!previous) return { itemId: item.id, changes: [], isNew: false };
    if (!old) return { itemId: item.id, changes: ['Ny sedan förra återrapporteringen'], isNew: true };
    const changes: string[] = [];
    if (old.status !== item.status) changes.push(`Status: ${ITEM_STATUS_LABELS[old.status]} → ${ITEM_STATUS_LABELS[item.status]}`);
    for (const a of item.actions) {
      const o = old.actions.find((x) => x.id === a.id);
      if (!o) changes.push(`Ny åtgärd: ${a.text}`);
      else {
        if (o.done === null && a.done !== null) changes.push(`Klar ${a.done}: ${a.text}`);
        if (o.plannedDone !== a.plannedDone) changes.push(`Planerat klart ändrat ${o.plannedDone ?? '–'} → ${a.plannedDone ?? '–'}: ${a.text}`);
        if (o.responsible !== a.responsible || o.unit !== a.unit) changes.push(`Ny ansvarig: ${[a.responsible, a.unit].filter(Boolean).join(', ') || '–'} (${a.text})`);
      }
    }
    for (const o of old.actions) if (!item.actions.some((a) => a.id === o.id)) changes.push(`Åtgärd borttagen: ${o.text}`);
    return { itemId: item.id, changes, isNew: false };
  });
}

/** Counts per status, for summaries. */
export function statusCounts(items: readonly ActionPlanItemData[]): Record<ItemStatus, number> {
  const out: Record<ItemStatus, number> = { not_started: 0, ongoing: 0, done: 0, dropped: 0 };
  for (const i of items) out[i.status] += 1;
  return out;
}

// ---------- audit ----------

export interface PlanState {
  version: number;
  title: string;
  caseNumber: string;
  officer: string;
  cadence: Cadence;
  published: boolean;
  items: readonly ActionPlanItemData[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What changed between two states of a plan: plan fields, and per item id the fields that changed (null = absent). */
export function diffActionPlan(before: PlanState, after: PlanState): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = { version: before.version };
  const a: Record<string, unknown> = { version: after.version };
  for (const key of ['title', 'caseNumber', 'officer', 'cadence', 'published'] as const) {
    if (!same(before[key], after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  const ib: Record<string, unknown> = {};
  const ia: Record<string, unknown> = {};
  const ids = new Set([...before.items.map((i) => i.id), ...after.items.map((i) => i.id)]);
  for (const id of ids) {
    const x = before.items.find((i) => i.id === id);
    const y = after.items.find((i) => i.id === id);
    if (!x || !y) {
      ib[id] = x ?? null;
      ia[id] = y ?? null;
      continue;
    }
    const fb: Record<string, unknown> = {};
    const fa: Record<string, unknown> = {};
    for (const k of Object.keys(y) as Array<keyof ActionPlanItemData>) {
      if (!same(x[k], y[k])) {
        fb[k] = x[k];
        fa[k] = y[k];
      }
    }
    if (Object.keys(fa).length) {
      ib[id] = fb;
      ia[id] = fa;
    }
  }
  if (Object.keys(ia).length) {
    b.items = ib;
    a.items = ia;
  }
  return { before: b, after: a };
}
