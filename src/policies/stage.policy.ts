/**
 * Who may see and move an evaluation's stage, and see the worklist. Pure; the stage service calls
 * these with the viewer, their assignment and the evaluation.
 *
 * - view the stage: staff; a municipality user for their own municipality's evaluation in any stage
 *   (the municipality takes part in the process before the draft is shared: the questionnaire), but
 *   without the team's internal checklist (`canReadStageChecklist`).
 * - move one step: the team (assigned evaluators, administrators); leaving the lead's stages
 *   (agreement, consensus, feedback meeting) and publishing: the lead evaluator or an administrator;
 *   the municipality marks the questionnaire answered.
 * - stage details (dates, deadlines, feedback notes): the team.
 */
import type { Assignment, Viewer } from '../domain/access.ts';
import type { EvaluationStatus } from '../domain/evaluation.ts';
import { previousStage, STAGE_ACTOR, type Stage } from '../domain/stages.ts';
import { canEditEvaluation, canPublishEvaluation } from './evaluation.policy.ts';
import { ALLOW, refuse, SIGN_IN_REQUIRED, type Decision } from './policy.ts';

interface Visible {
  status: EvaluationStatus;
  municipalityCode: string;
}

const ownMunicipality = (viewer: Viewer, e: Visible): boolean => viewer.role === 'municipality' && viewer.municipalityCode === e.municipalityCode;

export function canViewStage(viewer: Viewer, e: Visible): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (viewer.role === 'admin' || viewer.role === 'evaluator') return ALLOW;
  if (ownMunicipality(viewer, e)) return ALLOW;
  return refuse(viewer, 'Du får bara se arbetsgången för din egen kommuns utvärderingar.');
}

/** The checklist (what is missing, who has not submitted) is the team's: staff only. */
export function canReadStageChecklist(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'evaluator';
}

export function canMoveStage(viewer: Viewer, a: Assignment, e: Visible, from: Stage, to: Stage): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (viewer.role === 'municipality') {
    if (ownMunicipality(viewer, e) && from === 'questionnaire_sent' && to === 'questionnaire_answered') return ALLOW;
    return refuse(viewer, 'Kommunen kan bara meddela att frågeunderlaget är besvarat; övriga steg tar utvärderarna.');
  }
  if (to === 'published') return canPublishEvaluation(viewer, a);
  const edit = canEditEvaluation(viewer, a);
  if (!edit.allowed) return edit;
  const forward = previousStage(to) === from;
  if (forward && STAGE_ACTOR[from] === 'lead' && viewer.role !== 'admin' && !a.lead) return refuse(viewer, 'Bara huvudutvärderaren kan föra utvärderingen vidare från det här steget.');
  return ALLOW;
}

export function canEditStageDetails(viewer: Viewer, a: Assignment): Decision {
  return canEditEvaluation(viewer, a);
}

/** The start page's worklist: every signed-in user has one. */
export function canViewWorklist(viewer: Viewer): Decision {
  return viewer.role === 'public' ? refuse(viewer, 'Logga in för att se vad som väntar på dig.') : ALLOW;
}
