/**
 * The evidence register and uploaded files of an evaluation. Evidence (governing documents, web and
 * social-media observations, interview notes) is the evaluators' working material: administrators and
 * the evaluators assigned to the evaluation see and change it; the municipality never sees it.
 * A file attached to a questionnaire answer is seen by whoever may see the questionnaire.
 */
import type { Assignment, Viewer } from '../domain/access.ts';
import type { EvaluationStatus } from '../domain/evaluation.ts';
import { ALLOW, refuse, ruleRefusal, SIGN_IN_REQUIRED, type Decision } from './policy.ts';
import { canAnswerQuestionnaire, canViewQuestionnaire, type QuestionnaireTarget } from './questionnaire.policy.ts';

export function canViewEvidence(viewer: Viewer, a: Assignment): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (viewer.role === 'admin' || (viewer.role === 'evaluator' && a.assigned)) return ALLOW;
  if (viewer.role === 'municipality') return refuse(viewer, 'Utvärderarnas underlag och anteckningar visas inte för kommunen.');
  return refuse(viewer, 'Du är inte tilldelad den här utvärderingen och kan inte se dess underlag.');
}

export function canEditEvidence(viewer: Viewer, a: Assignment, e: { status: EvaluationStatus }): Decision {
  const see = canViewEvidence(viewer, a);
  if (!see.allowed) return see;
  return e.status === 'published' ? ruleRefusal('Utvärderingen är publicerad; underlaget kan inte längre ändras.') : ALLOW;
}

export type FilePurpose = 'questionnaire' | 'evidence';

export function canUploadFile(viewer: Viewer, a: Assignment, purpose: FilePurpose, q: QuestionnaireTarget): Decision {
  return purpose === 'questionnaire' ? canAnswerQuestionnaire(viewer, q) : canEditEvidence(viewer, a, q);
}

export function canDownloadFile(viewer: Viewer, a: Assignment, purpose: FilePurpose, e: { municipalityCode: string }): Decision {
  return purpose === 'questionnaire' ? canViewQuestionnaire(viewer, e) : canViewEvidence(viewer, a);
}
