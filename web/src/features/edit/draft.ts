/**
 * The editor's working copy ("draft") of an evaluation: what the user types, kept as text so nothing
 * is lost or reformatted while typing; plus pure functions to validate it, find what changed, build
 * the API payloads, and put the user's changes on top of a newer server copy after a conflict.
 */
import { AreaTextPatchSchema, EvaluationFactsSchema } from '../../../../src/domain/evaluation.ts';
import { findSubarea } from '../../../../src/domain/framework.ts';
import { checkSubareaPoints, computeScores, parsePoints } from '../../../../src/domain/scoring.ts';
import type { Lang, TFunction } from '../../i18n/i18n.tsx';
import { wordIssue } from '../../lib/validation.ts';
import type { Formatters } from '../../lib/format.ts';
import type { AreaText, Evaluation, FrameworkDef } from '../../lib/types.ts';

export interface EvaluatorDraft {
  name: string;
  organisation: string;
  isLead: boolean;
}

export interface FactsDraft {
  year: string;
  month: string;
  reportDate: string;
  ordinal: string;
  interviews: string;
  interviewsApprox: boolean;
  statedTotal: string;
  summary: string;
  evaluators: EvaluatorDraft[];
}

/** A named good example: which municipality, what, and the subarea it belongs to ("" = the whole area). */
export interface GoodExampleDraft {
  municipalityCode: string | null;
  name: string;
  subareaId: string;
  text: string;
}

export interface AreaDraft {
  summary: string;
  narratives: Record<string, string>;
  strengths: string[];
  improvements: string[];
  goodExamples: GoodExampleDraft[];
}

export interface Draft {
  facts: FactsDraft;
  /** Typed text per subarea id ("" = unknown). */
  scores: Record<string, string>;
  areas: Record<number, AreaDraft>;
}

export type FactsKey = keyof FactsDraft;
export const FACT_KEYS: readonly FactsKey[] = ['year', 'month', 'reportDate', 'ordinal', 'interviews', 'interviewsApprox', 'statedTotal', 'summary', 'evaluators'];
type AreaField = 'summary' | 'strengths' | 'improvements' | 'goodExamples';
const AREA_FIELDS: readonly AreaField[] = ['summary', 'strengths', 'improvements', 'goodExamples'];

export interface FieldError {
  /** DOM id of the input, for the error summary's links. */
  fieldId: string;
  message: string;
  /** The area whose texts the field belongs to (the form shows one area at a time). */
  area?: number;
}

export interface FactsPayload {
  year: number;
  month: number | null;
  reportDate: string | null;
  ordinal: number | null;
  interviews: number | null;
  interviewsApprox: boolean;
  statedTotal: number | null;
  summary: string;
  evaluators: EvaluatorDraft[];
  keyFacts: Evaluation['keyFacts'];
  periodStart: string | null;
  periodEnd: string | null;
}

export type AreaPayload = Omit<AreaText, 'number'>;

// ---------- building drafts ----------

const numText = (v: number | null | undefined, f: Formatters) => (v === null || v === undefined ? '' : f.input(v));

export function emptyArea(): AreaDraft {
  return { summary: '', narratives: {}, strengths: [], improvements: [], goodExamples: [] };
}

export function draftFromEvaluation(ev: Evaluation, fw: FrameworkDef, f: Formatters): Draft {
  const scores: Record<string, string> = {};
  for (const area of fw.areas) for (const s of area.subareas) scores[s.id] = numText(ev.scores[s.id], f);
  const areas: Record<number, AreaDraft> = {};
  for (const area of fw.areas) {
    const a = ev.areas.find((x) => x.number === area.number);
    areas[area.number] = a
      ? {
          summary: a.summary,
          narratives: { ...a.narratives },
          strengths: [...a.strengths],
          improvements: [...a.improvements],
          goodExamples: a.goodExamples.map((g) => ({ municipalityCode: g.municipalityCode, name: g.name, subareaId: g.subareaId ?? '', text: g.text })),
        }
      : emptyArea();
  }
  return {
    facts: {
      year: String(ev.year),
      month: ev.month === null ? '' : String(ev.month),
      reportDate: ev.reportDate ?? '',
      ordinal: ev.ordinal === null ? '' : String(ev.ordinal),
      interviews: ev.interviews === null ? '' : String(ev.interviews),
      interviewsApprox: ev.interviewsApprox,
      statedTotal: numText(ev.statedTotal, f),
      summary: ev.summary,
      evaluators: ev.evaluators.map((e) => ({ name: e.name, organisation: e.organisation, isLead: e.isLead })),
    },
    scores,
    areas,
  };
}

// ---------- values ----------

/** The number a score text stands for: null = unknown (empty), 'invalid' = not a number. */
export function scoreValue(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const n = parsePoints(text);
  return n === null ? 'invalid' : n;
}

const optInt = (text: string): number | null | 'invalid' => {
  if (text.trim() === '') return null;
  return /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : 'invalid';
};

function normalizeList(items: readonly string[]): string[] {
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

/** Good examples as saved: trimmed, without empty rows. */
export function normalizeGoodExamples(items: readonly GoodExampleDraft[]): AreaText['goodExamples'] {
  return items
    .map((g) => ({ municipalityCode: g.municipalityCode, name: g.name.trim(), subareaId: g.subareaId || null, text: g.text.trim() }))
    .filter((g) => g.name !== '' || g.text !== '');
}

/** Non-empty narratives in subarea order (key order matters when drafts are compared as JSON). */
function normalizeNarratives(n: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(n)
      .filter(([, v]) => v.trim() !== '')
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })),
  );
}

// ---------- validation ----------

export function fieldIdForFact(key: FactsKey): string {
  return `fakta-${key}`;
}
export function fieldIdForScore(id: string): string {
  return `poang-${id.replace('.', '-')}`;
}

export function validateScore(fw: FrameworkDef, id: string, text: string, t: TFunction, f: Formatters): string | null {
  const v = scoreValue(text);
  if (v === null) return null;
  if (v === 'invalid') return t('edit.notANumber', { id });
  const problem = checkSubareaPoints(fw, id, v);
  if (!problem) return null;
  const max = findSubarea(fw, id)?.subarea.max ?? null;
  if (v < 0) return t('edit.belowZero', { id, value: f.number(v) });
  if (max !== null && v > max) return t('edit.aboveMax', { id, value: f.number(v), max: f.number(max) });
  if (max === null && v > 100) return t('edit.aboveMax', { id, value: f.number(v), max: 100 });
  return t('edit.tooManyDecimals', { id });
}

export function validateScores(fw: FrameworkDef, scores: Readonly<Record<string, string>>, t: TFunction, f: Formatters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(scores)) {
    const msg = validateScore(fw, id, text, t, f);
    if (msg) out[id] = msg;
  }
  return out;
}

/** Converts the facts draft to the API's shape, validating with the server's own zod schema. */
export function factsPayload(d: FactsDraft, base: Evaluation, t: TFunction, lang: Lang): { payload: FactsPayload | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const intField = (key: 'year' | 'month' | 'ordinal' | 'interviews'): number | null => {
    const v = optInt(d[key]);
    if (v === 'invalid') {
      errors.push({ fieldId: fieldIdForFact(key), message: t('edit.wholeNumber', { field: t(`edit.field.${key}`) }) });
      return null;
    }
    return v;
  };
  const year = intField('year');
  const month = intField('month');
  const ordinal = intField('ordinal');
  const interviews = intField('interviews');
  const statedTotalValue = scoreValue(d.statedTotal);
  if (statedTotalValue === 'invalid') errors.push({ fieldId: fieldIdForFact('statedTotal'), message: t('edit.number', { field: t('edit.field.statedTotal') }) });
  if (year === null && !errors.some((e) => e.fieldId === fieldIdForFact('year'))) {
    errors.push({ fieldId: fieldIdForFact('year'), message: t('edit.required', { field: t('edit.field.year') }) });
  }
  d.evaluators.forEach((e, i) => {
    if (e.name.trim() === '') errors.push({ fieldId: `utvarderare-${i}-namn`, message: t('edit.evaluatorNameMissing', { n: i + 1 }) });
  });
  const candidate = {
    year: year ?? 0,
    month,
    reportDate: d.reportDate.trim() === '' ? null : d.reportDate.trim(),
    ordinal,
    interviews,
    interviewsApprox: d.interviewsApprox,
    statedTotal: statedTotalValue === 'invalid' ? null : statedTotalValue,
    summary: d.summary,
    evaluators: d.evaluators.map((e) => ({ name: e.name.trim(), organisation: e.organisation.trim(), isLead: e.isLead })),
    keyFacts: base.keyFacts,
    periodStart: base.periodStart,
    periodEnd: base.periodEnd,
  };
  if (errors.length === 0) {
    const parsed = EvaluationFactsSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const known = (FACT_KEYS as readonly string[]).includes(key) ? (key as FactsKey) : null;
        const fieldId = key === 'evaluators' ? `utvarderare-${String(issue.path[1] ?? 0)}-namn` : known ? fieldIdForFact(known) : fieldIdForFact('year');
        const label = known ? t(`edit.field.${known}`) : key;
        errors.push({ fieldId, message: t('validation.field', { field: label, message: wordIssue(issue as unknown as { code?: unknown; message: string }, t, lang) }) });
      }
    }
  }
  return { payload: errors.length === 0 ? candidate : null, errors };
}

/** DOM ids of the area text fields (AreaTextsForm): the error summary links to them. */
export const areaFieldIds = {
  summary: (area: number) => `omrade-${area}-sammanfattning`,
  narrative: (subareaId: string) => `berattelse-${subareaId.replace('.', '-')}`,
  strengths: (area: number) => `styrka-${area}`,
  improvements: (area: number) => `forbattring-${area}`,
};

/**
 * The area texts checked as the user types, with the server's own schema (length limits), each problem
 * worded in the interface language. Empty list rows are not problems: they are dropped on saving.
 */
export function validateAreaTexts(fw: FrameworkDef, areas: Readonly<Record<number, AreaDraft>>, t: TFunction, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const check = (area: number, fieldId: string, field: string, patch: Record<string, unknown>) => {
    const parsed = AreaTextPatchSchema.safeParse(patch);
    if (parsed.success) return;
    const issue = parsed.error.issues[0];
    if (issue) errors.push({ fieldId, area, message: t('validation.field', { field, message: wordIssue(issue as unknown as { code?: unknown; message: string }, t, lang) }) });
  };
  for (const def of fw.areas) {
    const a = areas[def.number];
    if (!a) continue;
    check(def.number, areaFieldIds.summary(def.number), `${def.number}. ${t('edit.areaSummary')}`, { summary: a.summary });
    for (const s of def.subareas) {
      const text = a.narratives[s.id];
      if (text?.trim()) check(def.number, areaFieldIds.narrative(s.id), t('edit.narrative', { id: s.id, title: s.heading ?? s.title }), { narratives: { [s.id]: text } });
    }
    for (const list of ['strengths', 'improvements'] as const) {
      const legend = `${def.number}. ${t(list === 'strengths' ? 'edit.strengths' : 'edit.improvements')}`;
      a[list].forEach((item, i) => {
        if (item.trim()) check(def.number, `${areaFieldIds[list](def.number)}-${i}`, `${legend}: ${t('edit.itemN', { n: i + 1 })}`, { [list]: [item.trim()] });
      });
    }
  }
  return errors;
}

export function areaPayload(d: AreaDraft, base: AreaText | undefined): AreaPayload {
  return {
    statedScore: base?.statedScore ?? null,
    summary: d.summary,
    narratives: normalizeNarratives(d.narratives),
    strengths: normalizeList(d.strengths),
    improvements: normalizeList(d.improvements),
    goodExamples: normalizeGoodExamples(d.goodExamples),
  };
}

// ---------- what changed ----------

export interface Changes {
  facts: FactsKey[];
  scores: string[];
  areas: number[];
  count: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function factComparable(d: FactsDraft, key: FactsKey): unknown {
  switch (key) {
    case 'statedTotal':
      return scoreValue(d.statedTotal);
    case 'year':
    case 'month':
    case 'ordinal':
    case 'interviews':
      return optInt(d[key]);
    case 'reportDate':
      return d.reportDate.trim();
    case 'evaluators':
      return d.evaluators.map((e) => ({ name: e.name.trim(), organisation: e.organisation.trim(), isLead: e.isLead }));
    default:
      return d[key];
  }
}

function areaComparable(d: AreaDraft | undefined): unknown {
  const a = d ?? emptyArea();
  return { summary: a.summary, narratives: normalizeNarratives(a.narratives), strengths: normalizeList(a.strengths), improvements: normalizeList(a.improvements), goodExamples: normalizeGoodExamples(a.goodExamples) };
}

export function diffDrafts(draft: Draft, base: Draft): Changes {
  const facts = FACT_KEYS.filter((k) => !same(factComparable(draft.facts, k), factComparable(base.facts, k)));
  const scores = Object.keys(draft.scores).filter((id) => !same(scoreValue(draft.scores[id] ?? ''), scoreValue(base.scores[id] ?? '')));
  const areas = Object.keys(draft.areas)
    .map(Number)
    .filter((n) => !same(areaComparable(draft.areas[n]), areaComparable(base.areas[n])));
  return { facts, scores, areas, count: facts.length + scores.length + areas.length };
}

/** Scores to send: the changed ones (null = unknown). Call only when they are valid. */
export function scoresPayload(draft: Draft, ids: readonly string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const id of ids) {
    const v = scoreValue(draft.scores[id] ?? '');
    out[id] = v === 'invalid' ? null : v;
  }
  return out;
}

// ---------- conflicts ----------

export interface FieldChange {
  key: string;
  label: string;
  theirs: string;
  yours: string | null;
}

/**
 * Puts the user's changes (draft vs the copy they started from) on top of a newer server copy,
 * field by field: a field the user changed keeps the user's text, every other field takes the server's.
 */
export function rebaseDraft(draft: Draft, oldBase: Draft, newBase: Draft): Draft {
  const facts = { ...newBase.facts } as Record<FactsKey, unknown>;
  for (const k of FACT_KEYS) if (!same(factComparable(draft.facts, k), factComparable(oldBase.facts, k))) facts[k] = draft.facts[k];
  const scores = { ...newBase.scores };
  for (const id of Object.keys(draft.scores)) {
    if (!same(scoreValue(draft.scores[id] ?? ''), scoreValue(oldBase.scores[id] ?? ''))) scores[id] = draft.scores[id] ?? '';
  }
  const areas: Record<number, AreaDraft> = {};
  for (const key of Object.keys(newBase.areas)) {
    const n = Number(key);
    const mine = draft.areas[n] ?? emptyArea();
    const old = oldBase.areas[n] ?? emptyArea();
    const theirs = newBase.areas[n] ?? emptyArea();
    const merged: AreaDraft = { ...theirs, narratives: { ...theirs.narratives } };
    for (const field of AREA_FIELDS) {
      if (!same(mine[field], old[field])) {
        if (field === 'summary') merged.summary = mine.summary;
        else if (field === 'goodExamples') merged.goodExamples = mine.goodExamples.map((g) => ({ ...g }));
        else merged[field] = [...mine[field]];
      }
    }
    const ids = new Set([...Object.keys(mine.narratives), ...Object.keys(old.narratives)]);
    for (const id of ids) {
      if ((mine.narratives[id] ?? '') !== (old.narratives[id] ?? '')) merged.narratives[id] = mine.narratives[id] ?? '';
    }
    areas[n] = merged;
  }
  return { facts: facts as unknown as FactsDraft, scores, areas };
}

function shortText(v: unknown, t: TFunction): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (Array.isArray(v)) {
    if (v.length === 0) return t('common.none');
    return v.map((x) => (typeof x === 'object' && x !== null && 'name' in x ? String((x as { name: unknown }).name) : String(x))).join('; ');
  }
  const s = String(v);
  return s.length > 140 ? `${s.slice(0, 140)} …` : s;
}

/** What the other user changed (old base → their copy), and the user's own value where they changed it too. */
export function describeConflict(draft: Draft, oldBase: Draft, theirs: Draft, fw: FrameworkDef, t: TFunction): FieldChange[] {
  const out: FieldChange[] = [];
  const mine = diffDrafts(draft, oldBase);
  const other = diffDrafts(theirs, oldBase);
  for (const k of other.facts) {
    const label = t('conflict.field.facts', { field: t(`edit.field.${k}`) });
    out.push({ key: `facts.${k}`, label, theirs: shortText(theirs.facts[k], t), yours: mine.facts.includes(k) ? shortText(draft.facts[k], t) : null });
  }
  for (const id of other.scores) {
    const title = findSubarea(fw, id)?.subarea.title ?? '';
    out.push({
      key: `score.${id}`,
      label: `${t('conflict.field.score', { id })} ${title}`,
      theirs: shortText(theirs.scores[id], t),
      yours: mine.scores.includes(id) ? shortText(draft.scores[id], t) : null,
    });
  }
  for (const n of other.areas) {
    const a = theirs.areas[n] ?? emptyArea();
    const o = oldBase.areas[n] ?? emptyArea();
    const d = draft.areas[n] ?? emptyArea();
    const fields: Array<[string, unknown, unknown, unknown]> = [
      [t('edit.areaSummaryShort'), a.summary, o.summary, d.summary],
      [t('edit.strengths'), normalizeList(a.strengths), normalizeList(o.strengths), normalizeList(d.strengths)],
      [t('edit.improvements'), normalizeList(a.improvements), normalizeList(o.improvements), normalizeList(d.improvements)],
    ];
    const ids = new Set([...Object.keys(a.narratives), ...Object.keys(o.narratives)]);
    for (const id of [...ids].sort()) fields.push([t('edit.narrativeShort', { id }), a.narratives[id] ?? '', o.narratives[id] ?? '', d.narratives[id] ?? '']);
    for (const [name, tv, ov, dv] of fields) {
      if (same(tv, ov)) continue;
      out.push({ key: `area.${n}.${name}`, label: t('conflict.field.area', { n, field: name }), theirs: shortText(tv, t), yours: same(dv, ov) ? null : shortText(dv, t) });
    }
  }
  return out;
}

// ---------- live totals ----------

export function liveScores(fw: FrameworkDef, draft: Draft, base: Evaluation) {
  const subareaPoints: Record<string, number> = {};
  for (const [id, text] of Object.entries(draft.scores)) {
    const v = scoreValue(text);
    // Only valid points count towards the totals; an invalid value shows as unknown until it is corrected.
    if (typeof v === 'number' && checkSubareaPoints(fw, id, v) === null) subareaPoints[id] = v;
  }
  const statedAreaScores: Record<number, number> = {};
  for (const a of base.areas) if (a.statedScore !== null) statedAreaScores[a.number] = a.statedScore;
  const statedTotal = scoreValue(draft.facts.statedTotal);
  return computeScores({ framework: fw, subareaPoints, statedAreaScores, statedTotal: typeof statedTotal === 'number' ? statedTotal : null });
}
