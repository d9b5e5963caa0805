/**
 * Who may see and do what with action plans, their report-backs and a municipality's indicators.
 * Pure; the follow-up services call these with the viewer of every request.
 *
 * - The evaluated municipality's users own the plan: they create, edit, publish and report back.
 * - Evaluators read every plan (they are the method's people); administrators may do everything.
 * - Everyone else (the public, other municipalities) sees a plan only once it is published, and then
 *   only the items the municipality made public.
 */
import type { Viewer } from '../domain/access.ts';
import type { EvaluationStatus } from '../domain/evaluation.ts';

export interface PlanFacts {
  municipalityCode: string;
  published: boolean;
}

const owns = (viewer: Viewer, municipalityCode: string): boolean => viewer.role === 'municipality' && viewer.municipalityCode === municipalityCode;

/** Whether the viewer sees the whole plan (owners, evaluators, administrators) rather than its public part. */
export function canReadWholeActionPlan(viewer: Viewer, plan: PlanFacts): boolean {
  return viewer.role === 'admin' || viewer.role === 'evaluator' || owns(viewer, plan.municipalityCode);
}

/** Whether the viewer may see the plan at all. */
export function canViewActionPlan(viewer: Viewer, plan: PlanFacts): boolean {
  return canReadWholeActionPlan(viewer, plan) || plan.published;
}

/** Why the viewer may not change the plan (items, actions, settings, publishing, report-backs); null when allowed. */
export function editActionPlanRefusal(viewer: Viewer, plan: PlanFacts): string | null {
  if (viewer.role === 'admin' || owns(viewer, plan.municipalityCode)) return null;
  if (viewer.role === 'public') return 'Du måste logga in för att ändra handlingsplanen.';
  if (viewer.role === 'evaluator') return 'Utvärderare kan läsa handlingsplanen men inte ändra den; den ägs av kommunen.';
  return 'Bara den utvärderade kommunens användare kan ändra handlingsplanen.';
}

/** Why the viewer may not create the plan for an evaluation they can see; null when allowed. */
export function createActionPlanRefusal(viewer: Viewer, evaluation: { municipalityCode: string; status: EvaluationStatus }): string | null {
  const refusal = editActionPlanRefusal(viewer, { municipalityCode: evaluation.municipalityCode, published: false });
  if (refusal) return refusal.replace('ändra handlingsplanen', 'skapa en handlingsplan').replace('ändra den', 'skapa den');
  return null;
}

/** Evaluations a plan can be made for: shared for review (the municipality prepares) or published. */
export function planStatusRefusal(status: EvaluationStatus): string | null {
  return status === 'draft' ? 'En handlingsplan kan göras först när utvärderingen är delad med kommunen eller publicerad.' : null;
}

/** Report-backs are documents to the board: whoever may see the whole plan may read them; the public once the plan is published. */
export const canViewReportBacks = canViewActionPlan;

// ---------- indicators ----------

/** Whether the viewer sees all of a municipality's indicators and targets: its users, evaluators, administrators. */
export function canReadAllIndicators(viewer: Viewer, municipalityCode: string): boolean {
  return viewer.role === 'admin' || viewer.role === 'evaluator' || owns(viewer, municipalityCode);
}

/** Whether the viewer may ask for a municipality's indicators at all: those who read them all; others once it has a published plan. */
export function canViewIndicators(viewer: Viewer, m: { municipalityCode: string; hasPublishedPlan: boolean }): boolean {
  return canReadAllIndicators(viewer, m.municipalityCode) || m.hasPublishedPlan;
}

/**
 * What the public (and other municipalities) may see of a municipality's indicators: only what the
 * municipality published, i.e. the items made public in its published plans.
 */
export interface PublishedItems {
  municipalityCode: string;
  /** Ids of the public items of the municipality's published plans. */
  publishedItemIds: ReadonlySet<string>;
}

/** Whether the viewer sees one target (goal): all of them for those who read everything; others only a target tied to a published item. */
export function canViewIndicatorTarget(viewer: Viewer, target: { planItemId: string | null }, m: PublishedItems): boolean {
  return canReadAllIndicators(viewer, m.municipalityCode) || (target.planItemId !== null && m.publishedItemIds.has(target.planItemId));
}

/** Whether the viewer sees an indicator (with its values): for others than its readers, only when a target ties it to a published item. */
export function canViewIndicator(viewer: Viewer, indicator: { targets: ReadonlyArray<{ planItemId: string | null }> }, m: PublishedItems): boolean {
  return canReadAllIndicators(viewer, m.municipalityCode) || indicator.targets.some((t) => canViewIndicatorTarget(viewer, t, m));
}

/** Why the viewer may not define indicators, targets or record values for the municipality; null when allowed. */
export function editIndicatorsRefusal(viewer: Viewer, municipalityCode: string): string | null {
  if (viewer.role === 'admin' || owns(viewer, municipalityCode)) return null;
  if (viewer.role === 'public') return 'Du måste logga in för att ändra indikatorer.';
  if (viewer.role === 'evaluator') return 'Utvärderare kan läsa kommunens indikatorer men inte ändra dem.';
  return `Du kan bara ändra indikatorer för din egen kommun, inte för kommun ${municipalityCode}.`;
}
