/**
 * Who may score independently, see the team's scores and record the agreed ones. Pure; the
 * independent-score service calls these with the viewer and their assignment to the evaluation.
 */
import type { Assignment, Viewer } from '../domain/access.ts';

export interface Refusal {
  code: 'unauthorized' | 'forbidden';
  message: string;
}

const signInFirst: Refusal = { code: 'unauthorized', message: 'Du måste logga in för att göra detta.' };

/** Scoring on one's own: the evaluators assigned to the evaluation, nobody else (not even an administrator). */
export function scoreIndependentlyRefusal(viewer: Viewer, a: Assignment): Refusal | null {
  if (viewer.role === 'public') return signInFirst;
  if (viewer.role === 'evaluator' && a.assigned) return null;
  if (viewer.role === 'municipality') return { code: 'forbidden', message: 'Kommunens användare deltar inte i utvärderarnas bedömning.' };
  return { code: 'forbidden', message: 'Bara de utvärderare som är tilldelade utvärderingen gör en oberoende bedömning.' };
}

/**
 * Seeing the independent scores (what the view then reveals is decided by `independentView`):
 * assigned evaluators and administrators. Municipality users never see them.
 */
export function viewIndependentScoresRefusal(viewer: Viewer, a: Assignment): Refusal | null {
  if (viewer.role === 'public') return signInFirst;
  if (viewer.role === 'admin') return null;
  if (viewer.role === 'evaluator' && a.assigned) return null;
  if (viewer.role === 'municipality') return { code: 'forbidden', message: 'Utvärderarnas enskilda bedömningar visas inte för kommunen.' };
  return { code: 'forbidden', message: 'Du är inte tilldelad den här utvärderingen och kan inte se teamets bedömningar.' };
}

/** Recording the agreed scores after the consensus meeting: the lead evaluator or an administrator. */
export function recordConsensusRefusal(viewer: Viewer, a: Assignment): Refusal | null {
  if (viewer.role === 'public') return signInFirst;
  if (viewer.role === 'admin') return null;
  if (viewer.role === 'evaluator' && a.lead) return null;
  return { code: 'forbidden', message: 'Bara huvudutvärderaren kan föra in de överenskomna poängen.' };
}

/** The calibration report across evaluations: evaluators and administrators. */
export function viewCalibrationRefusal(viewer: Viewer): Refusal | null {
  if (viewer.role === 'public') return signInFirst;
  if (viewer.role === 'admin' || viewer.role === 'evaluator') return null;
  return { code: 'forbidden', message: 'Kalibreringsrapporten är till för utvärderare och administratörer.' };
}
