/**
 * Scoring rules of Kommunkompassen as pure functions.
 * Area score = sum of its subareas (a stated area score only while not every subarea is known);
 * total = sum of the unrounded area scores (a printed total is kept as printed); reports print
 * integers and whole percentages, so printed areas may not add up to the printed total.
 */
import { AREA_MAX, findSubarea, type FrameworkDef } from './framework.ts';

export type ScoreSource = 'subareas' | 'stated' | 'partial' | 'unknown';

export interface ScoreInput {
  framework: FrameworkDef;
  /** Known achieved points per subarea id; absent = unknown. */
  subareaPoints: Readonly<Record<string, number>>;
  /** Area totals printed in a report when subarea points are not known (area number → points). */
  statedAreaScores?: Readonly<Record<number, number>>;
  /** Total printed in a report; kept as printed even when areas add up differently. */
  statedTotal?: number | null;
}

export interface SubareaResult {
  id: string;
  title: string;
  max: number | null;
  achieved: number | null;
  percent: number | null;
}

export interface AreaResult {
  number: number;
  title: string;
  /** Unrounded score, null when unknown. */
  score: number | null;
  max: number;
  percent: number | null;
  source: ScoreSource;
  /** Sum of the known subareas (for partly scored areas). */
  subareaSum: number;
  knownSubareas: number;
  subareas: SubareaResult[];
}

export interface ScoreConsistencyNote {
  kind: 'area-vs-subareas' | 'total-vs-areas';
  area?: number;
  printed: number;
  computed: number;
  message: string;
}

export interface EvaluationScore {
  /** The total to show: the printed total when one is stated, otherwise the sum of the areas. */
  total: number | null;
  totalSource: 'computed' | 'stated' | 'unknown';
  /** Sum of the unrounded area scores when every area is known. */
  computedTotal: number | null;
  max: number;
  areas: AreaResult[];
  notes: ScoreConsistencyNote[];
}

const EPS = 1e-9;

/** Removes binary floating noise (0.1 + 0.2) before rounding or comparing. */
export function clean(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Rounds the way reports print points: to an integer, halves up. */
export function roundPoints(value: number): number {
  return Math.floor(clean(value) + 0.5 + EPS);
}

/** Percent of max as printed in reports (whole percent, halves up). */
export function percentOf(achieved: number, max: number): number {
  if (max <= 0) throw new RangeError('max måste vara större än 0');
  return roundPoints((achieved / max) * 100);
}

export function sum(values: readonly number[]): number {
  return clean(values.reduce((a, b) => a + b, 0));
}

/** Validates a subarea score; returns a Swedish message when refused, null when fine. */
export function checkSubareaPoints(framework: FrameworkDef, subareaId: string, points: number): string | null {
  const found = findSubarea(framework, subareaId);
  if (!found) return `Delområde ${subareaId} finns inte i ${framework.name}.`;
  if (!Number.isFinite(points)) return `Delområde ${subareaId}: poängen måste vara ett tal.`;
  if (points < 0) return `Delområde ${subareaId}: ${formatNumber(points)} poäng är mindre än 0.`;
  const max = found.subarea.max;
  if (max !== null && points > max + EPS) return `Delområde ${subareaId}: ${formatNumber(points)} poäng är mer än max ${formatNumber(max)}.`;
  if (max === null && points > AREA_MAX) return `Delområde ${subareaId}: ${formatNumber(points)} poäng är mer än områdets max ${AREA_MAX}.`;
  if (Math.abs(points * 100 - Math.round(points * 100)) > 1e-6) return `Delområde ${subareaId}: högst två decimaler.`;
  return null;
}

/**
 * Points already scored that a changed framework would refuse (a maximum set below them): one issue per
 * score, naming the evaluation by `label` ("Burlöv 2020"). A framework change must not break stored scores.
 */
export function scoresBrokenBy<T extends { label: string; subareaId: string; points: number }>(framework: FrameworkDef, scored: readonly T[]): Array<{ path: string; message: string; scored: T }> {
  return scored.flatMap((s) => {
    const msg = checkSubareaPoints(framework, s.subareaId, s.points);
    return msg ? [{ path: `subareas.${s.subareaId}.max`, message: `${s.label}: ${msg}`, scored: s }] : [];
  });
}

/** What an evaluation's reference to a subarea is, in the words of a refusal. */
const USE_WORDS: Record<string, string> = {
  scores: 'poäng',
  agreed: 'överenskommen poäng',
  independent: 'en utvärderares egen poäng',
  narrative: 'text',
  'good-example': 'gott exempel',
  evidence: 'underlag',
};

/**
 * Why the evaluations of one framework version cannot move to another (a variant merged into a known
 * version): every subarea they refer to must exist there, and every score must fit its maximum. One problem
 * per evaluation and subarea, naming the evaluation by `label`; empty when the move is safe.
 */
export function mergeProblems(
  target: FrameworkDef,
  uses: ReadonlyArray<{ evaluationId: string; label: string; subareaId: string; kind: string; points: number | null }>,
): Array<{ evaluationId: string; path: string; message: string }> {
  const known = new Set(target.areas.flatMap((a) => a.subareas.map((s) => s.id)));
  const missing = new Map<string, { evaluationId: string; label: string; subareaId: string; kinds: Set<string> }>();
  const problems: Array<{ evaluationId: string; path: string; message: string }> = [];
  const seenPoints = new Set<string>();
  for (const u of uses) {
    if (!known.has(u.subareaId)) {
      const key = `${u.evaluationId}|${u.subareaId}`;
      const m = missing.get(key) ?? { evaluationId: u.evaluationId, label: u.label, subareaId: u.subareaId, kinds: new Set<string>() };
      m.kinds.add(USE_WORDS[u.kind] ?? u.kind);
      missing.set(key, m);
      continue;
    }
    if (u.points === null) continue;
    const msg = checkSubareaPoints(target, u.subareaId, u.points);
    const key = `${u.evaluationId}|${u.subareaId}|${u.points}`;
    if (msg && !seenPoints.has(key)) {
      seenPoints.add(key);
      problems.push({ evaluationId: u.evaluationId, path: `subareas.${u.subareaId}`, message: `${u.label}: ${msg}` });
    }
  }
  const absent = [...missing.values()].map((m) => ({
    evaluationId: m.evaluationId,
    path: `subareas.${m.subareaId}`,
    message: `${m.label}: delområde ${m.subareaId} (${[...m.kinds].join(', ')}) finns inte i ${target.name}.`,
  }));
  return [...absent, ...problems];
}

/** Checks a printed area total. */
export function checkAreaScore(areaNumber: number, points: number): string | null {
  if (!Number.isFinite(points) || points < 0 || points > AREA_MAX) {
    return `Område ${areaNumber}: ${formatNumber(points)} poäng ska vara mellan 0 och ${AREA_MAX}.`;
  }
  return null;
}

export function computeScores(input: ScoreInput): EvaluationScore {
  const { framework, subareaPoints } = input;
  const stated = input.statedAreaScores ?? {};
  const notes: ScoreConsistencyNote[] = [];
  const areas: AreaResult[] = framework.areas.map((area) => {
    const subareas: SubareaResult[] = area.subareas.map((s) => {
      const achieved = subareaPoints[s.id];
      const known = achieved !== undefined && Number.isFinite(achieved);
      return {
        id: s.id,
        title: s.title,
        max: s.max,
        achieved: known ? achieved : null,
        percent: known && s.max !== null ? percentOf(achieved, s.max) : null,
      };
    });
    const knownValues = subareas.flatMap((s) => (s.achieved === null ? [] : [s.achieved]));
    const subareaSum = sum(knownValues);
    const allKnown = knownValues.length === subareas.length && subareas.length > 0;
    const statedScore = stated[area.number];
    // The area-score rule: once every subarea has points, the area is their sum (the method's rule, and
    // what an evaluator who edits subareas expects to see). A printed area score counts only while the
    // subareas are not all known (older reports printed area totals only); when both exist and differ
    // in print, the printed one is kept and reported as a note.
    let score: number | null = null;
    let source: ScoreSource = 'unknown';
    if (allKnown) {
      score = subareaSum;
      source = 'subareas';
      if (statedScore !== undefined && roundPoints(subareaSum) !== roundPoints(statedScore)) {
        notes.push({
          kind: 'area-vs-subareas',
          area: area.number,
          printed: statedScore,
          computed: subareaSum,
          message: `Område ${area.number}: angivet ${formatNumber(statedScore)} poäng men delområdena summerar till ${formatNumber(subareaSum)}; delområdenas summa gäller.`,
        });
      }
    } else if (statedScore !== undefined) {
      score = statedScore;
      source = 'stated';
    } else if (knownValues.length > 0) {
      source = 'partial';
    }
    return {
      number: area.number,
      title: area.title,
      score,
      max: AREA_MAX,
      percent: score === null ? null : percentOf(score, AREA_MAX),
      source,
      subareaSum,
      knownSubareas: knownValues.length,
      subareas,
    };
  });
  const areaScores = areas.map((a) => a.score);
  const computedTotal = areaScores.every((s): s is number => s !== null) ? sum(areaScores as number[]) : null;
  const statedTotal = input.statedTotal ?? null;
  let total: number | null = computedTotal;
  let totalSource: EvaluationScore['totalSource'] = computedTotal === null ? 'unknown' : 'computed';
  if (statedTotal !== null) {
    total = statedTotal;
    totalSource = 'stated';
    if (computedTotal !== null) {
      const printedAreaSum = sum(areas.map((a) => roundPoints(a.score ?? 0)));
      // Printed areas may differ from the printed total by the rounding of each area (at most ±1 per 2 areas).
      const tolerance = Math.ceil(areas.length / 2);
      if (Math.abs(printedAreaSum - statedTotal) > tolerance && Math.abs(computedTotal - statedTotal) > 0.5) {
        notes.push({
          kind: 'total-vs-areas',
          printed: statedTotal,
          computed: computedTotal,
          message: `Angiven totalpoäng ${formatNumber(statedTotal)} men områdena summerar till ${formatNumber(computedTotal)}.`,
        });
      }
    }
  }
  return { total, totalSource, computedTotal, max: framework.areas.length * AREA_MAX, areas, notes };
}

/**
 * Why an evaluation cannot be published, or null (the publication rule).
 * - Made in kompass (`manual`): every area needs a score, from points in all its subareas or a stated
 *   area score. A printed total alone is not enough: the report shows and compares areas.
 * - The record of a report published elsewhere (`import`, `demo`): the report is the publication, so
 *   what it printed is enough once the total is known (printed, or the sum of all areas); areas it did
 *   not print stay unknown.
 */
export function publishProblem(score: EvaluationScore, sourceKind: 'manual' | 'import' | 'demo'): string | null {
  if (sourceKind !== 'manual') {
    return score.total === null ? 'Utvärderingen kan inte publiceras: totalpoängen är inte känd (varken angiven i rapporten eller summan av alla områden).' : null;
  }
  const missing = score.areas.filter((a) => a.score === null).map((a) => a.number);
  if (missing.length === 0) return null;
  const list = missing.length === 1 ? `område ${missing[0]}` : `områdena ${missing.slice(0, -1).join(', ')} och ${missing[missing.length - 1]}`;
  return `Utvärderingen kan inte publiceras: ${list} saknar poäng. Varje område behöver poäng i alla delområden eller en angiven områdespoäng.`;
}

/** The rounding effect: sum of printed (rounded) area scores minus the printed total. */
export function printedRoundingGap(score: EvaluationScore): number | null {
  if (score.total === null || score.areas.some((a) => a.score === null)) return null;
  return sum(score.areas.map((a) => roundPoints(a.score as number))) - roundPoints(score.total);
}

// ---------- comparisons ----------

export interface ComparableScores {
  evaluationId: string;
  frameworkId: string;
  total: number | null;
  /** area number → score or null */
  areas: ReadonlyArray<{ number: number; score: number | null }>;
}

export interface AverageResult {
  frameworkId: string;
  /** How many evaluations the total average is based on. */
  count: number;
  total: number | null;
  areas: Array<{ number: number; score: number | null; count: number }>;
}

/** Mean of comparable evaluations (same framework version), per area and total; unknown values are left out. */
export function averageOfComparable(frameworkId: string, areaNumbers: readonly number[], evaluations: readonly ComparableScores[]): AverageResult {
  const same = evaluations.filter((e) => e.frameworkId === frameworkId);
  const mean = (values: number[]): number | null => (values.length === 0 ? null : clean(sum(values) / values.length));
  const totals = same.flatMap((e) => (e.total === null ? [] : [e.total]));
  return {
    frameworkId,
    count: totals.length,
    total: mean(totals),
    areas: areaNumbers.map((n) => {
      const values = same.flatMap((e) => {
        const s = e.areas.find((a) => a.number === n)?.score;
        return s === null || s === undefined ? [] : [s];
      });
      return { number: n, score: mean(values), count: values.length };
    }),
  };
}

/**
 * Running sums behind `averageOfComparable`, kept up to date one evaluation at a time (added when it
 * becomes a current published evaluation, removed when it stops being one), so that an average costs
 * a handful of additions instead of a pass over every evaluation. Values are summed as integers of
 * millionths (the precision `clean` keeps), so adding and removing never drifts.
 */
export interface ScoreSums {
  count: number;
  total: { sum: number; count: number };
  areas: Map<number, { sum: number; count: number }>;
}

const MICRO = 1e6;
const micro = (v: number): number => Math.round(v * MICRO);

export function emptyScoreSums(): ScoreSums {
  return { count: 0, total: { sum: 0, count: 0 }, areas: new Map() };
}

/** Adds (`sign` 1) or removes (`sign` -1) one evaluation's scores; unknown values are left out. */
export function addToScoreSums(sums: ScoreSums, e: Pick<ComparableScores, 'total' | 'areas'>, sign: 1 | -1): void {
  sums.count += sign;
  if (e.total !== null) {
    sums.total.sum += sign * micro(e.total);
    sums.total.count += sign;
  }
  for (const a of e.areas) {
    if (a.score === null) continue;
    let cell = sums.areas.get(a.number);
    if (!cell) sums.areas.set(a.number, (cell = { sum: 0, count: 0 }));
    cell.sum += sign * micro(a.score);
    cell.count += sign;
  }
}

/**
 * The same result as `averageOfComparable` over the evaluations in `sums`, optionally without one of
 * them (`without`, which must be among them): an evaluation is not part of its own average.
 */
export function averageFromScoreSums(frameworkId: string, areaNumbers: readonly number[], sums: ScoreSums, without?: Pick<ComparableScores, 'total' | 'areas'>): AverageResult {
  const mean = (sum: number, count: number): number | null => (count <= 0 ? null : clean(sum / MICRO / count));
  const ownTotal = without && without.total !== null ? micro(without.total) : null;
  const totalCount = sums.total.count - (ownTotal === null ? 0 : 1);
  return {
    frameworkId,
    count: totalCount,
    total: mean(sums.total.sum - (ownTotal ?? 0), totalCount),
    areas: areaNumbers.map((n) => {
      const cell = sums.areas.get(n) ?? { sum: 0, count: 0 };
      const own = without?.areas.find((a) => a.number === n)?.score;
      const ownMicro = own === null || own === undefined ? null : micro(own);
      const count = cell.count - (ownMicro === null ? 0 : 1);
      return { number: n, score: mean(cell.sum - (ownMicro ?? 0), count), count };
    }),
  };
}

export interface Delta {
  number: number;
  current: number | null;
  previous: number | null;
  delta: number | null;
}

export interface PreviousComparison {
  evaluationId: string;
  year: number;
  frameworkId: string;
  /** False when the two evaluations use different framework versions: only partly comparable. */
  sameFramework: boolean;
  /**
   * How areas were paired: by number within one version, through the concordance across versions, or
   * not at all (no concordance: totals only, area deltas unknown).
   */
  pairing: 'same-version' | 'concordance' | 'totals-only';
  total: number | null;
  totalDelta: number | null;
  areas: Delta[];
}

/**
 * Compares with an earlier evaluation. Areas pair by number only within one version; across versions
 * only through `counterparts` (current area number → previous area number, from the concordance), and
 * without it the area deltas stay unknown.
 */
export function compareWithPrevious(
  current: ComparableScores,
  previous: ComparableScores & { year: number },
  counterparts: ReadonlyMap<number, number> | null = null,
): PreviousComparison {
  const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : clean(a - b));
  const same = previous.frameworkId === current.frameworkId;
  const pairing: PreviousComparison['pairing'] = same ? 'same-version' : counterparts && counterparts.size > 0 ? 'concordance' : 'totals-only';
  return {
    evaluationId: previous.evaluationId,
    year: previous.year,
    frameworkId: previous.frameworkId,
    sameFramework: same,
    pairing,
    total: previous.total,
    totalDelta: diff(current.total, previous.total),
    areas: current.areas.map((a) => {
      const other = same ? a.number : counterparts?.get(a.number);
      const p = other === undefined ? null : (previous.areas.find((x) => x.number === other)?.score ?? null);
      return { number: a.number, current: a.score, previous: p, delta: diff(a.score, p) };
    }),
  };
}

// ---------- Swedish number formatting ----------

/** "16,4", "16", "−3" — Swedish decimal comma, at most the given decimals, no trailing zeros. */
export function formatNumber(value: number, maxDecimals = 2): string {
  const v = clean(value);
  const s = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: maxDecimals, useGrouping: true }).format(v);
  return s;
}

/** Points as printed in a report: integer. "–" for unknown. */
export function formatPrintedPoints(value: number | null): string {
  return value === null ? '–' : String(roundPoints(value));
}

/** Percent as printed: "82 %" (no-break space). "–" for unknown. */
export function formatPercent(percent: number | null): string {
  return percent === null ? '–' : `${percent}\u00a0%`;
}

/** Parses user input with decimal comma or point ("16,4", "16.4", " 7 "). Returns null when not a number. */
export function parsePoints(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
