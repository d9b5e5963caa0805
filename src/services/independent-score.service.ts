/**
 * Independent scoring and consensus of an evaluation team. Each assigned evaluator saves their own
 * scores (hidden from the others until they submit), the view shows every submitted score and the
 * spread once the viewer has submitted, and the lead records the agreed score per subarea with a
 * reason; the agreed scores are written as the evaluation's scores in the same transaction.
 * The audit trail records that a sheet was saved or submitted, never its values, so the history
 * (which municipality users may read) reveals no evaluator's own scores.
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { NOT_ASSIGNED, type Assignment, type Viewer } from '../domain/access.ts';
import {
  calibration,
  comparableForCalibration,
  independentView,
  validateAgreedScores,
  validateIndependentScores,
  type CalibrationRow,
  type IndependentScoresView,
} from '../domain/consensus.ts';
import { DomainError } from '../domain/errors.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import { recordConsensusRefusal, scoreIndependentlyRefusal, viewCalibrationRefusal, viewIndependentScoresRefusal, type Refusal } from '../policies/independent-score.policy.ts';
import type { AuditService } from './audit.service.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';

const refuse = (r: Refusal | null): void => {
  if (r) throw new DomainError(r.code, r.message);
};

export function createIndependentScoreService(deps: { db: Db; evaluations: EvaluationService; frameworks: FrameworkService; audit: AuditService; repositories: Pick<Repositories, 'independentScores' | 'assignments'> }) {
  const { db, evaluations, frameworks, audit } = deps;
  const { independentScores: repo, assignments } = deps.repositories;

  const assignmentOf = async (evaluationId: string, viewer: Viewer): Promise<Assignment> => {
    if (!viewer.userId || viewer.role !== 'evaluator') return NOT_ASSIGNED;
    const a = await assignments.get(evaluationId, viewer.userId);
    return a ? { assigned: true, lead: a.isLead } : NOT_ASSIGNED;
  };

  const view = async (evaluation: Evaluation, viewer: Viewer, a: Assignment): Promise<IndependentScoresView> => {
    const framework = await frameworks.getFramework({ id: evaluation.frameworkId });
    return independentView({
      framework,
      sheets: await repo.sheets(evaluation.id),
      agreed: await repo.agreed(evaluation.id),
      viewerUserId: viewer.userId,
      viewerIsScorer: a.assigned,
    });
  };

  return {
    async getIndependentScores({ id, viewer }: { id: string; viewer: Viewer }): Promise<IndependentScoresView> {
      if (viewer.role === 'public') refuse(viewIndependentScoresRefusal(viewer, NOT_ASSIGNED));
      const evaluation = await evaluations.getEvaluation({ id, viewer });
      const a = await assignmentOf(id, viewer);
      refuse(viewIndependentScoresRefusal(viewer, a));
      return view(evaluation, viewer, a);
    },

    /** Saves the viewer's own scores; `submitted` hands them in (then they can no longer change). */
    async saveIndependentScores({ id, scores, submitted, viewer }: { id: string; scores: Record<string, number>; submitted: boolean; viewer: Viewer }): Promise<IndependentScoresView> {
      if (viewer.role === 'public') refuse(scoreIndependentlyRefusal(viewer, NOT_ASSIGNED));
      const evaluation = await evaluations.getEvaluation({ id, viewer });
      const a = await assignmentOf(id, viewer);
      refuse(scoreIndependentlyRefusal(viewer, a));
      if (evaluation.status === 'published') throw new DomainError('rule_violation', 'Utvärderingen är publicerad; den oberoende bedömningen är avslutad.');
      const framework = await frameworks.getFramework({ id: evaluation.frameworkId });
      const details = validateIndependentScores(framework, scores, submitted);
      if (details.length) throw new DomainError('validation', details.length === 1 ? (details[0]?.message ?? '') : `${details.length} fel i bedömningen: ${details.map((d) => d.message).join(' ')}`, details);
      const userId = viewer.userId as string;
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const own = (await repo.sheets(id, t)).find((s) => s.userId === userId);
        if (own?.submitted) throw new DomainError('rule_violation', 'Din bedömning är redan inlämnad och kan inte ändras; skillnader tas upp i konsensusgenomgången.');
        await repo.saveSheet({ evaluationId: id, userId, scores, submitted }, t);
        await audit.record(
          {
            viewer,
            entity: 'evaluation',
            entityId: id,
            action: submitted ? 'submit_independent_scores' : 'save_independent_scores',
            change: { before: null, after: { evaluator: viewer.name, scoredSubareas: Object.keys(scores).length, submitted } },
          },
          t,
        );
      });
      return view(evaluation, viewer, a);
    },

    /**
     * Records the agreed score and its reason for one or more subareas. Every assigned evaluator must
     * have submitted first. The agreed scores become the evaluation's scores (version-checked).
     */
    async recordConsensus({
      id,
      expectedVersion,
      items,
      viewer,
    }: {
      id: string;
      expectedVersion: number;
      items: ReadonlyArray<{ subareaId: string; value: number; reason: string }>;
      viewer: Viewer;
    }): Promise<{ evaluation: Evaluation; scores: IndependentScoresView }> {
      if (viewer.role === 'public') refuse(recordConsensusRefusal(viewer, NOT_ASSIGNED));
      const evaluation = await evaluations.getEvaluation({ id, viewer });
      const a = await assignmentOf(id, viewer);
      refuse(recordConsensusRefusal(viewer, a));
      const sheets = await repo.sheets(id);
      if (sheets.length === 0) throw new DomainError('rule_violation', 'Ingen i teamet har gjort en oberoende bedömning än.');
      const pending = sheets.filter((s) => !s.submitted).map((s) => s.name);
      if (pending.length) throw new DomainError('rule_violation', `Alla i teamet måste lämna in sin bedömning först; väntar på: ${pending.join(', ')}.`);
      const framework = await frameworks.getFramework({ id: evaluation.frameworkId });
      const clean = items.map((i) => ({ subareaId: i.subareaId, value: i.value, reason: i.reason.trim() }));
      const details = validateAgreedScores(framework, clean);
      if (details.length) throw new DomainError('validation', details.length === 1 ? (details[0]?.message ?? '') : `${details.length} fel: ${details.map((d) => d.message).join(' ')}`, details);
      const updated = await evaluations.setScores({
        id,
        expectedVersion,
        scores: Object.fromEntries(clean.map((i) => [i.subareaId, i.value])),
        viewer,
        action: 'agree_scores',
        also: (tx) => repo.upsertAgreed(id, clean, viewer.name, tx),
      });
      return { evaluation: updated, scores: await view(updated, viewer, a) };
    },

    /** Where evaluators disagree most, per framework version, over every evaluation with submitted sheets (for an evaluator, not those they have yet to hand in on). */
    async getCalibration({ frameworkId, viewer }: { frameworkId?: string | undefined; viewer: Viewer }): Promise<{ frameworks: Array<{ id: string; name: string; evaluations: number; subareas: CalibrationRow[] }> }> {
      refuse(viewCalibrationRefusal(viewer));
      const ids = frameworkId ? [frameworkId] : await repo.frameworksWithSheets();
      // The evaluations the viewer scores on the team: left out until the viewer has handed in there.
      const scoringIn = new Set(viewer.role === 'evaluator' && viewer.userId ? (await assignments.byUser(viewer.userId)).map((a) => a.evaluationId) : []);
      const out = [];
      for (const fid of ids) {
        const fw = await frameworks.getFramework({ id: fid });
        const per = comparableForCalibration(await repo.submittedByFramework(fid), { userId: viewer.userId, scoringIn });
        out.push({ id: fw.id, name: fw.name, evaluations: per.filter((s) => s.length >= 2).length, subareas: calibration(fw, per) });
      }
      return { frameworks: out };
    },
  };
}
export type IndependentScoreService = ReturnType<typeof createIndependentScoreService>;
