/**
 * The questionnaire (frågeunderlag) of an evaluation and the question banks behind it.
 *
 * - view: administrators and evaluators; users of the evaluated municipality (whatever the status:
 *   the questionnaire is answered while the evaluation is still a draft).
 * - answer (save, attach, submit): users of the evaluated municipality, until it is submitted or the
 *   evaluation is published.
 * - reopen a submitted questionnaire: the lead evaluator or an administrator.
 * - question bank: signed-in users read it; administrators edit it.
 */
import type { Assignment, Viewer } from '../domain/access.ts';
import type { EvaluationStatus } from '../domain/evaluation.ts';
import { adminOnly, ALLOW, refuse, ruleRefusal, SIGN_IN_REQUIRED, type Decision } from './policy.ts';

export interface QuestionnaireTarget {
  status: EvaluationStatus;
  municipalityCode: string;
  submitted: boolean;
}

const ownMunicipality = (viewer: Viewer, e: { municipalityCode: string }): boolean => viewer.role === 'municipality' && viewer.municipalityCode === e.municipalityCode;

export function canViewQuestionnaire(viewer: Viewer, e: { municipalityCode: string }): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (viewer.role === 'admin' || viewer.role === 'evaluator' || ownMunicipality(viewer, e)) return ALLOW;
  return refuse(viewer, 'Frågeunderlaget visas bara för den utvärderade kommunen och utvärderarna.');
}

export function canAnswerQuestionnaire(viewer: Viewer, q: QuestionnaireTarget): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (!ownMunicipality(viewer, q)) return refuse(viewer, 'Bara den utvärderade kommunens användare besvarar frågeunderlaget.');
  if (q.status === 'published') return ruleRefusal('Utvärderingen är publicerad; frågeunderlaget kan inte längre ändras.');
  if (q.submitted) return ruleRefusal('Frågeunderlaget är inlämnat och kan bara läsas. Be huvudutvärderaren öppna det igen om något behöver ändras.');
  return ALLOW;
}

export function canReopenQuestionnaire(viewer: Viewer, a: Assignment, q: QuestionnaireTarget): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  if (viewer.role !== 'admin' && !(viewer.role === 'evaluator' && a.lead)) return refuse(viewer, 'Bara huvudutvärderaren kan öppna ett inlämnat frågeunderlag igen.');
  if (q.status === 'published') return ruleRefusal('Utvärderingen är publicerad; frågeunderlaget kan inte öppnas igen.');
  if (!q.submitted) return ruleRefusal('Frågeunderlaget är inte inlämnat; det är redan öppet för kommunen.');
  return ALLOW;
}

export function canViewQuestionBank(viewer: Viewer): Decision {
  return viewer.role === 'public' ? refuse(viewer, SIGN_IN_REQUIRED) : ALLOW;
}

export function canEditQuestionBank(viewer: Viewer): Decision {
  return adminOnly(viewer, 'Bara administratörer kan ändra frågebanken.');
}
