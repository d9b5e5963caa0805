/**
 * What the questionnaire, evidence and interview services need to know about an evaluation and the
 * viewer before asking a policy: the evaluation's row and the viewer's assignment to it.
 * A refusal to another municipality's user answers 404, so the evaluation's existence is not revealed.
 */
import { NOT_ASSIGNED, type Assignment, type Viewer } from '../domain/access.ts';
import { notFound } from '../domain/errors.ts';
import { authorize, type Decision } from '../policies/policy.ts';
import type { EvaluationRow } from '../repositories/evaluation.repository.ts';
import type { Repositories } from '../repositories/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createConductContext(repositories: Pick<Repositories, 'evaluations' | 'assignments'>) {
  const { evaluations, assignments } = repositories;
  const missing = (id: string) => notFound(`Utvärderingen ${id} finns inte.`);
  return {
    async load(id: string, viewer: Viewer): Promise<{ row: EvaluationRow; assignment: Assignment }> {
      const row = await evaluations.getRow(id);
      if (!row) throw missing(id);
      let assignment = NOT_ASSIGNED;
      if (viewer.role === 'evaluator' && viewer.userId && UUID.test(viewer.userId)) {
        const a = await assignments.get(id, viewer.userId);
        if (a) assignment = { assigned: true, lead: a.isLead };
      }
      return { row, assignment };
    },
    /** Throws the refusal; another municipality's user (or the public, for a draft) gets 404 instead. */
    authorize(decision: Decision, viewer: Viewer, row: EvaluationRow): void {
      if (!decision.allowed && decision.code !== 'rule_violation') {
        if (viewer.role === 'municipality' && viewer.municipalityCode !== row.municipalityCode) throw missing(row.id);
      }
      authorize(decision);
    },
    missing,
  };
}
export type ConductContext = ReturnType<typeof createConductContext>;
