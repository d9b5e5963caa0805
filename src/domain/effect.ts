/**
 * Effect tracking: did the plan's items go with a better score in the next comparable evaluation?
 * Pure. Only evaluations made with the same framework version are compared subarea by subarea;
 * across versions the answer says why not. Across municipalities the result is an association, not proof.
 */
import type { ActionPlanItemData, ItemStatus } from './action-plan.ts';
import type { FrameworkDef } from './framework.ts';

export interface EvaluationPoints {
  id: string;
  year: number;
  frameworkId: string;
  frameworkName: string;
  /** Achieved points per subarea id (absent = unknown). */
  points: Readonly<Record<string, number>>;
}

export interface SubareaEffect {
  subareaId: string;
  title: string;
  areaNumber: number;
  items: Array<{ id: string; improvement: string; status: ItemStatus; done: boolean }>;
  before: number | null;
  after: number | null;
  delta: number | null;
}

export type PlanEffect =
  | { comparable: true; from: Omit<EvaluationPoints, 'points'>; to: Omit<EvaluationPoints, 'points'>; subareas: SubareaEffect[]; notTied: Array<{ id: string; improvement: string; status: ItemStatus }> }
  | { comparable: false; from: Omit<EvaluationPoints, 'points'>; to: Omit<EvaluationPoints, 'points'> | null; reason: string };

const head = ({ points: _p, ...rest }: EvaluationPoints): Omit<EvaluationPoints, 'points'> => rest;
const round = (n: number): number => Math.round(n * 100) / 100;

/** Why two evaluations cannot be compared subarea by subarea; null when they can. */
export function comparabilityProblem(from: EvaluationPoints, to: EvaluationPoints | null): string | null {
  if (!to) return 'Det finns ännu ingen senare utvärdering av kommunen att jämföra med.';
  if (from.frameworkId !== to.frameworkId) {
    return `Utvärderingarna gjordes med olika versioner av metoden (${from.frameworkName} ${from.year} och ${to.frameworkName} ${to.year}). Delområdena är inte desamma, så poängen går inte att jämföra delområde för delområde.`;
  }
  return null;
}

/** Per subarea of the framework: the plan items tied to it, done or not, and how its score moved. */
export function planEffect(items: readonly ActionPlanItemData[], framework: FrameworkDef, from: EvaluationPoints, to: EvaluationPoints | null): PlanEffect {
  const problem = comparabilityProblem(from, to);
  if (problem || !to) return { comparable: false, from: head(from), to: to ? head(to) : null, reason: problem ?? '' };
  const subareas = framework.areas.flatMap((a) =>
    a.subareas.map((s) => {
      const tied = items.filter((i) => i.subareaId === s.id && i.status !== 'dropped');
      const b = from.points[s.id];
      const f = to.points[s.id];
      return {
        subareaId: s.id,
        title: s.title,
        areaNumber: a.number,
        items: tied.map((i) => ({ id: i.id, improvement: i.improvement, status: i.status, done: i.status === 'done' })),
        before: b ?? null,
        after: f ?? null,
        delta: b === undefined || f === undefined ? null : round(f - b),
      };
    }),
  );
  const notTied = items.filter((i) => i.subareaId === null).map((i) => ({ id: i.id, improvement: i.improvement, status: i.status }));
  return { comparable: true, from: head(from), to: head(to), subareas, notTied };
}

export interface PlanPair {
  municipalityCode: string;
  items: readonly ActionPlanItemData[];
  from: EvaluationPoints;
  to: EvaluationPoints;
}

export interface GroupStat {
  /** Number of municipalities (evaluation pairs) in the group with a known score change. */
  n: number;
  meanDelta: number | null;
}

export interface AssociationRow {
  subareaId: string;
  title: string;
  /** Pairs where at least one item tied to the subarea was done. */
  withDone: GroupStat;
  /** Pairs where no item tied to the subarea was done (none planned, or not finished). */
  withoutDone: GroupStat;
  /** withDone.meanDelta − withoutDone.meanDelta, when both are known. */
  difference: number | null;
}

export interface Associations {
  frameworkId: string;
  pairs: number;
  rows: AssociationRow[];
  /** How to read the table (association, not proof). */
  caveat: string;
}

const stat = (deltas: number[]): GroupStat => ({ n: deltas.length, meanDelta: deltas.length ? round(deltas.reduce((s, d) => s + d, 0) / deltas.length) : null });

/**
 * Across municipalities with a plan and two comparable evaluations: per subarea, the mean score change
 * where items tied to it were done against where none were. Pairs made with another framework are left out.
 */
export function actionAssociations(pairs: readonly PlanPair[], framework: FrameworkDef): Associations {
  const usable = pairs.filter((p) => p.from.frameworkId === framework.id && p.to.frameworkId === framework.id);
  const rows = framework.areas.flatMap((a) =>
    a.subareas.map((s) => {
      const done: number[] = [];
      const other: number[] = [];
      for (const p of usable) {
        const b = p.from.points[s.id];
        const f = p.to.points[s.id];
        if (b === undefined || f === undefined) continue;
        const wasDone = p.items.some((i) => i.subareaId === s.id && i.status === 'done');
        (wasDone ? done : other).push(f - b);
      }
      const withDone = stat(done);
      const withoutDone = stat(other);
      return {
        subareaId: s.id,
        title: s.title,
        withDone,
        withoutDone,
        difference: withDone.meanDelta === null || withoutDone.meanDelta === null ? null : round(withDone.meanDelta - withoutDone.meanDelta),
      };
    }),
  );
  return {
    frameworkId: framework.id,
    pairs: usable.length,
    rows,
    caveat: `Sambandet bygger på ${usable.length} ${usable.length === 1 ? 'kommun' : 'kommuner'} med två jämförbara utvärderingar. Det visar vad som samvarierar, inte att åtgärderna orsakade förändringen: poängen påverkas av mycket annat, och små grupper ger osäkra medelvärden.`,
  };
}
