/**
 * Independent scoring and consensus (CAF-style): every assigned evaluator scores every subarea on
 * their own, others' scores stay hidden from an evaluator until that evaluator has submitted, the team
 * then agrees on one score per subarea with a one-line reason, and those agreed scores become the
 * evaluation's scores. Pure rules over plain data; the service loads and stores.
 */
import type { ErrorDetail } from './errors.ts';
import type { FrameworkDef } from './framework.ts';

/** A spread of at least this share of a subarea's maximum is a divergence the team must discuss. */
export const DIVERGENCE_SHARE = 0.2;

export interface IndependentSheet {
  userId: string;
  name: string;
  submitted: boolean;
  scores: Record<string, number>;
}

export interface AgreedScore {
  subareaId: string;
  value: number;
  reason: string;
  agreedBy: string;
  agreedAt: string;
}

export interface IndependentSubareaView {
  id: string;
  title: string;
  max: number | null;
  mine: number | null;
  /** Submitted scores of the other evaluators; null until the viewer has submitted their own. */
  others: Array<{ userId: string; value: number }> | null;
  /** Highest minus lowest submitted score (the viewer's included); null until the viewer has submitted. */
  spread: number | null;
  divergent: boolean | null;
  agreed: { value: number; reason: string; agreedBy: string; agreedAt: string } | null;
}

export interface IndependentScoresView {
  evaluators: Array<{ userId: string; name: string; submitted: boolean }>;
  subareas: IndependentSubareaView[];
  /** True when every assigned evaluator has submitted: the team may record agreed scores. */
  readyForConsensus: boolean;
  /** Subareas without an agreed score. */
  missingAgreement: string[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Highest minus lowest of the values (0 for one value, null for none). */
export function spreadOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return round1(Math.max(...values) - Math.min(...values));
}

export function isDivergent(spread: number | null, max: number | null): boolean {
  if (spread === null || spread === 0) return false;
  if (max === null || max <= 0) return spread > 0;
  return spread >= max * DIVERGENCE_SHARE - 1e-9;
}

const subareasOf = (fw: FrameworkDef) => fw.areas.flatMap((a) => a.subareas);

/**
 * Problems with an evaluator's own scores: unknown subareas, values outside 0..max, and, on
 * submission, subareas left unscored (the method scores every subarea).
 */
export function validateIndependentScores(fw: FrameworkDef, scores: Record<string, number>, submitted: boolean): ErrorDetail[] {
  const subs = new Map(subareasOf(fw).map((s) => [s.id, s]));
  const details: ErrorDetail[] = [];
  for (const [id, value] of Object.entries(scores)) {
    const s = subs.get(id);
    if (!s) {
      details.push({ path: `scores.${id}`, message: `Delområde ${id} finns inte i ${fw.name}.` });
      continue;
    }
    if (!Number.isFinite(value) || value < 0) details.push({ path: `scores.${id}`, message: `Delområde ${id}: poängen måste vara ett tal från 0 och uppåt.` });
    else if (s.max !== null && value > s.max) details.push({ path: `scores.${id}`, message: `Delområde ${id}: ${String(value).replace('.', ',')} poäng är mer än max ${s.max}.` });
  }
  if (submitted) {
    const missing = [...subs.keys()].filter((id) => scores[id] === undefined);
    if (missing.length) {
      details.push({ path: 'scores', message: `Alla delområden måste ha poäng innan bedömningen lämnas in; saknas: ${missing.join(', ')}.` });
    }
  }
  return details;
}

/**
 * What one viewer sees of the team's independent scores. Unsubmitted sheets of others are never
 * shown; submitted ones only once the viewer has submitted (`viewerUserId` null: a viewer without
 * a sheet of their own, e.g. an administrator, sees the submitted sheets).
 */
export function independentView(input: {
  framework: FrameworkDef;
  sheets: readonly IndependentSheet[];
  agreed: readonly AgreedScore[];
  viewerUserId: string | null;
  viewerIsScorer: boolean;
}): IndependentScoresView {
  const { framework, sheets, agreed, viewerUserId, viewerIsScorer } = input;
  const own = viewerUserId ? sheets.find((s) => s.userId === viewerUserId) : undefined;
  const mayCompare = viewerIsScorer ? own?.submitted === true : true;
  const submittedOthers = sheets.filter((s) => s.submitted && s.userId !== viewerUserId);
  const agreedBy = new Map(agreed.map((a) => [a.subareaId, a]));
  const subareas = subareasOf(framework).map((s): IndependentSubareaView => {
    const mine = own?.scores[s.id] ?? null;
    const others = mayCompare ? submittedOthers.flatMap((o) => (o.scores[s.id] === undefined ? [] : [{ userId: o.userId, value: o.scores[s.id] as number }])) : null;
    const values = mayCompare ? [...(own?.submitted && mine !== null ? [mine] : []), ...(others ?? []).map((o) => o.value)] : [];
    const spread = mayCompare ? spreadOf(values) : null;
    const a = agreedBy.get(s.id);
    return {
      id: s.id,
      title: s.heading ?? s.title,
      max: s.max,
      mine,
      others,
      spread,
      divergent: mayCompare ? isDivergent(spread, s.max) : null,
      agreed: a ? { value: a.value, reason: a.reason, agreedBy: a.agreedBy, agreedAt: a.agreedAt } : null,
    };
  });
  return {
    evaluators: sheets.map((s) => ({ userId: s.userId, name: s.name, submitted: s.submitted })),
    subareas,
    readyForConsensus: sheets.length > 0 && sheets.every((s) => s.submitted),
    missingAgreement: subareas.filter((s) => !s.agreed).map((s) => s.id),
  };
}

/** Problems with agreed scores: unknown subareas, values outside 0..max, a missing reason. */
export function validateAgreedScores(fw: FrameworkDef, items: ReadonlyArray<{ subareaId: string; value: number; reason: string }>): ErrorDetail[] {
  const subs = new Map(subareasOf(fw).map((s) => [s.id, s]));
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const s = subs.get(it.subareaId);
    if (!s) return void details.push({ path: `items.${i}.subareaId`, message: `Delområde ${it.subareaId} finns inte i ${fw.name}.` });
    if (seen.has(it.subareaId)) details.push({ path: `items.${i}.subareaId`, message: `Delområde ${it.subareaId} finns flera gånger.` });
    seen.add(it.subareaId);
    if (!Number.isFinite(it.value) || it.value < 0) details.push({ path: `items.${i}.value`, message: `Delområde ${it.subareaId}: poängen måste vara ett tal från 0 och uppåt.` });
    else if (s.max !== null && it.value > s.max) details.push({ path: `items.${i}.value`, message: `Delområde ${it.subareaId}: ${String(it.value).replace('.', ',')} poäng är mer än max ${s.max}.` });
    if (it.reason.trim().length === 0) details.push({ path: `items.${i}.reason`, message: `Delområde ${it.subareaId}: skriv en kort motivering till den överenskomna poängen.` });
  });
  return details;
}

/**
 * Why an evaluation whose team scores independently may not be published yet; empty when it may.
 * An evaluation whose team has not begun scoring independently (no sheet saved: an imported report,
 * an older evaluation, scores entered directly) is not gated here: its scores are the published ones.
 */
export function consensusMissing(fw: FrameworkDef, state: { started: boolean; sheets: readonly IndependentSheet[]; agreed: readonly AgreedScore[] }): ErrorDetail[] {
  const { started, sheets, agreed } = state;
  if (!started || sheets.length === 0) return [];
  const details: ErrorDetail[] = [];
  const pending = sheets.filter((s) => !s.submitted).map((s) => s.name);
  if (pending.length) details.push({ path: 'independentScores', message: `Oberoende bedömning inte inlämnad av: ${pending.join(', ')}.` });
  const done = new Set(agreed.map((a) => a.subareaId));
  const missing = subareasOf(fw).filter((s) => !done.has(s.id)).map((s) => s.id);
  if (missing.length) details.push({ path: 'consensus', message: `Överenskommen poäng saknas för delområde ${missing.join(', ')}.` });
  return details;
}

export interface CalibrationRow {
  subareaId: string;
  title: string;
  /** Evaluations with at least two submitted sheets for this subarea. */
  evaluations: number;
  meanSpread: number;
  maxSpread: number;
  /** Share (0..1) of those evaluations where the spread was a divergence. */
  divergentShare: number;
}

/**
 * The evaluations whose submitted sheets may go into a viewer's calibration report: an evaluator
 * assigned to an evaluation compares with the others only after handing in their own sheet (as in
 * `independentView`), so an evaluation they are still scoring is left out.
 */
export function comparableForCalibration(
  perEvaluation: ReadonlyMap<string, readonly IndependentSheet[]>,
  viewer: { userId: string | null; scoringIn: ReadonlySet<string> },
): Array<readonly IndependentSheet[]> {
  return [...perEvaluation].filter(([evaluationId, sheets]) => !viewer.scoringIn.has(evaluationId) || sheets.some((x) => x.submitted && x.userId === viewer.userId)).map(([, sheets]) => sheets);
}

/**
 * Where evaluators disagree most, across evaluations of one framework version: per subarea the mean
 * and largest spread of submitted independent scores and how often it was a divergence. Sorted by
 * mean spread relative to the subarea's maximum, largest first.
 */
export function calibration(fw: FrameworkDef, perEvaluation: ReadonlyArray<readonly IndependentSheet[]>): CalibrationRow[] {
  const rows = subareasOf(fw).map((s) => {
    const spreads: number[] = [];
    for (const sheets of perEvaluation) {
      const values = sheets.filter((x) => x.submitted && x.scores[s.id] !== undefined).map((x) => x.scores[s.id] as number);
      if (values.length >= 2) spreads.push(spreadOf(values) ?? 0);
    }
    const n = spreads.length;
    return {
      subareaId: s.id,
      title: s.heading ?? s.title,
      max: s.max,
      evaluations: n,
      meanSpread: n ? round1(spreads.reduce((a, b) => a + b, 0) / n) : 0,
      maxSpread: n ? Math.max(...spreads) : 0,
      divergentShare: n ? Math.round((spreads.filter((x) => isDivergent(x, s.max)).length / n) * 100) / 100 : 0,
    };
  });
  const rel = (r: (typeof rows)[number]) => (r.max ? r.meanSpread / r.max : r.meanSpread);
  return rows
    .filter((r) => r.evaluations > 0)
    .sort((a, b) => rel(b) - rel(a) || a.subareaId.localeCompare(b.subareaId, 'sv', { numeric: true }))
    .map(({ max: _max, ...r }) => r);
}
