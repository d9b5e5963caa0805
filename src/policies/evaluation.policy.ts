/**
 * Who may see and do what with an evaluation, one named function per verb. Pure: the service looks up
 * the evaluation and the viewer's assignment (evaluation_assignments) and asks here.
 *
 * - view: published for everyone; drafts and review for administrators and evaluators; a municipality
 *   user sees their own municipality's evaluation while it is shared for review.
 * - edit (facts, scores, areas): administrators; evaluators assigned to the evaluation.
 * - share for review / back to draft: as edit. Publish, delete, assign: the lead evaluator or an administrator.
 * - correct a published evaluation: administrators; evaluators on the original's team.
 * - read history/comments/assignments: signed-in viewers who may see it (municipality: their own).
 * - comment: signed-in viewers; municipality users only on their own evaluation while shared for review;
 *   nobody on a published evaluation.
 */
import type { Assignment, Viewer } from '../domain/access.ts';
import type { EvaluationStatus } from '../domain/evaluation.ts';
import { ALLOW, refuse, ruleRefusal, SIGN_IN_REQUIRED, type Decision } from './policy.ts';

interface Visible {
  status: EvaluationStatus;
  municipalityCode: string;
}

const isStaff = (viewer: Viewer): boolean => viewer.role === 'admin' || viewer.role === 'evaluator';

export function canViewEvaluation(viewer: Viewer, e: Visible): boolean {
  if (e.status === 'published') return true;
  if (isStaff(viewer)) return true;
  if (viewer.role === 'municipality') return e.status === 'review' && viewer.municipalityCode === e.municipalityCode;
  return false;
}

/** Statuses a viewer may list, before per-row checks with `canViewEvaluation`. */
export function visibleStatuses(viewer: Viewer): EvaluationStatus[] {
  if (isStaff(viewer)) return ['draft', 'review', 'published'];
  if (viewer.role === 'municipality') return ['review', 'published'];
  return ['published'];
}

/** Creating an evaluation (by hand or by importing a report). */
export function canCreateEvaluation(viewer: Viewer): Decision {
  if (viewer.role === 'public') return refuse(viewer, 'Du måste logga in för att skapa en utvärdering.');
  return isStaff(viewer) ? ALLOW : refuse(viewer, 'Bara utvärderare och administratörer kan skapa utvärderingar.');
}

/** Importing a report creates evaluations: the same people. */
export function canImportReport(viewer: Viewer): Decision {
  if (viewer.role === 'public') return refuse(viewer, 'Du måste logga in för att importera en rapport.');
  return isStaff(viewer) ? ALLOW : refuse(viewer, 'Bara utvärderare och administratörer kan importera rapporter.');
}

/** Editing scores, texts and facts of an evaluation the viewer can see. */
export function canEditEvaluation(viewer: Viewer, a: Assignment): Decision {
  if (viewer.role === 'admin') return ALLOW;
  if (viewer.role === 'evaluator') return a.assigned ? ALLOW : refuse(viewer, 'Du är inte tilldelad den här utvärderingen och kan inte ändra den.');
  if (viewer.role === 'municipality') return refuse(viewer, 'Kommunens användare kan läsa och kommentera men inte ändra utvärderingen.');
  return refuse(viewer, SIGN_IN_REQUIRED);
}

/** The lead evaluator's verbs: edit access plus being the lead (administrators always). */
function leadOnly(viewer: Viewer, a: Assignment, message: string): Decision {
  const edit = canEditEvaluation(viewer, a);
  if (!edit.allowed) return edit;
  return viewer.role === 'admin' || a.lead ? ALLOW : refuse(viewer, message);
}

export function canPublishEvaluation(viewer: Viewer, a: Assignment): Decision {
  return leadOnly(viewer, a, 'Bara huvudutvärderaren kan publicera utvärderingen.');
}

export function canDeleteEvaluation(viewer: Viewer, a: Assignment): Decision {
  return leadOnly(viewer, a, 'Bara huvudutvärderaren kan ta bort utvärderingen.');
}

export function canAssignEvaluators(viewer: Viewer, a: Assignment): Decision {
  return leadOnly(viewer, a, 'Bara huvudutvärderaren kan ändra vilka som är tilldelade.');
}

/** Moving to `to`: draft ↔ review as edit; publishing as `canPublishEvaluation`. */
export function canChangeStatus(viewer: Viewer, to: EvaluationStatus, a: Assignment): Decision {
  return to === 'published' ? canPublishEvaluation(viewer, a) : canEditEvaluation(viewer, a);
}

/**
 * Starting a correction of a published evaluation. A correction belongs to the original's team: an
 * administrator, or an evaluator assigned to the original (`a` is the viewer's assignment to the original).
 */
export function canCorrectEvaluation(viewer: Viewer, a: Assignment): Decision {
  if (viewer.role === 'admin') return ALLOW;
  if (viewer.role === 'evaluator') return a.assigned ? ALLOW : refuse(viewer, 'Bara utvärderare i den ursprungliga utvärderingens team (eller en administratör) kan rätta den.');
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  return refuse(viewer, 'Bara utvärderare och administratörer kan rätta en publicerad utvärdering.');
}

/** History, comments and assignments of an evaluation the viewer can see (without `e`: the check before looking it up). */
export function canReadInternals(viewer: Viewer, e?: Visible): Decision {
  if (viewer.role === 'public') return refuse(viewer, 'Logga in för att se utvärderingens historik och kommentarer.');
  if (e && viewer.role === 'municipality' && (viewer.municipalityCode !== e.municipalityCode || !canViewEvaluation(viewer, e))) {
    return refuse(viewer, 'Du får inte se utvärderingens historik och kommentarer.');
  }
  return ALLOW;
}

/** Commenting. Municipality users comment while their evaluation is shared for review. */
export function canComment(viewer: Viewer, e: Visible): Decision {
  if (viewer.role === 'public') return refuse(viewer, 'Du måste logga in för att kommentera.');
  if (e.status === 'published') return ruleRefusal('En publicerad utvärdering kan inte kommenteras.');
  if (viewer.role === 'municipality' && (viewer.municipalityCode !== e.municipalityCode || e.status !== 'review')) {
    return refuse(viewer, 'Kommunen kan kommentera först när utvärderingen är delad för granskning.');
  }
  return ALLOW;
}
