/**
 * The interview plan of an evaluation. The schedule (days, sessions, groups, number of people) is shared
 * with the evaluated municipality, which arranges the interviews; the notes taken in each session are
 * evidence (src/policies/evidence.policy.ts) and stay with the evaluators.
 */
import type { Assignment, Viewer } from '../domain/access.ts';
import type { EvaluationStatus } from '../domain/evaluation.ts';
import { ALLOW, refuse, ruleRefusal, SIGN_IN_REQUIRED, type Decision } from './policy.ts';

export function canViewInterviewPlan(viewer: Viewer, a: Assignment, e: { municipalityCode: string }): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (viewer.role === 'admin' || (viewer.role === 'evaluator' && a.assigned)) return ALLOW;
  if (viewer.role === 'municipality' && viewer.municipalityCode === e.municipalityCode) return ALLOW;
  return refuse(viewer, 'Intervjuplanen visas för utvärderarna i teamet och den utvärderade kommunen.');
}

export function canEditInterviewPlan(viewer: Viewer, a: Assignment, e: { status: EvaluationStatus }): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (viewer.role !== 'admin' && !(viewer.role === 'evaluator' && a.assigned)) return refuse(viewer, 'Bara utvärderarna i teamet planerar intervjuerna.');
  return e.status === 'published' ? ruleRefusal('Utvärderingen är publicerad; intervjuplanen kan inte längre ändras.') : ALLOW;
}
