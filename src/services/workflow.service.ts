/**
 * The review and publication workflow around an evaluation: who is assigned (and who leads),
 * comments while a draft is shared for review, corrections of published evaluations, and the history.
 *
 * Corrections: `createCorrection` copies a published evaluation into a new draft that points back at it
 * (`supersedesId`). The original stays published and unchanged until the correction is published; then
 * the original gets `supersededById` (in the same transaction as the publication) and is shown as superseded.
 * Only one unpublished correction may exist per evaluation.
 */
import type { Db } from '../db/client.ts';
import type { Viewer } from '../domain/access.ts';
import { authorize } from '../policies/policy.ts';
import { canAssignEvaluators, canComment, canCorrectEvaluation, canReadInternals } from '../policies/evaluation.policy.ts';
import { DomainError } from '../domain/errors.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import { createAccountRepository } from '../repositories/account.repository.ts';
import { createAssignmentRepository, type AssignedUser } from '../repositories/assignment.repository.ts';
import { createEvaluationRepository } from '../repositories/evaluation.repository.ts';
import type { AuditEntry, AuditService } from './audit.service.ts';
import type { EvaluationService } from './evaluation.service.ts';

export interface Comment {
  id: string;
  evaluationId: string;
  author: { userId: string | null; name: string };
  areaNumber: number | null;
  subareaId: string | null;
  body: string;
  createdAt: string;
}

export function createWorkflowService(deps: { db: Db; evaluations: EvaluationService; audit: AuditService }) {
  const { db, evaluations: ev, audit } = deps;
  const assignments = createAssignmentRepository(db);
  const repo = createEvaluationRepository(db);
  const accounts = createAccountRepository(db);

  const mustReadInternals = async (id: string, viewer: Viewer) => {
    authorize(canReadInternals(viewer));
    const row = await ev.mustSee(id, viewer);
    authorize(canReadInternals(viewer, row));
    return row;
  };

  return {
    async listAssignments({ id, viewer }: { id: string; viewer: Viewer }): Promise<AssignedUser[]> {
      await mustReadInternals(id, viewer);
      return assignments.list(id);
    },

    /** Replaces who is assigned. The lead evaluator or an administrator decides; exactly one lead. */
    async setAssignments({ id, expectedVersion, list, viewer }: { id: string; expectedVersion: number; list: ReadonlyArray<{ userId: string; isLead: boolean }>; viewer: Viewer }): Promise<AssignedUser[]> {
      await ev.mustSee(id, viewer);
      authorize(canAssignEvaluators(viewer, await ev.assignmentOf(id, viewer)));
      const ids = list.map((a) => a.userId);
      if (new Set(ids).size !== ids.length) throw new DomainError('validation', 'Samma användare finns flera gånger i listan.');
      if (list.length && list.filter((a) => a.isLead).length !== 1) throw new DomainError('validation', 'Ange exakt en huvudutvärderare.');
      const found = await accounts.findUsersByIds(ids);
      for (const a of list) {
        const u = found.find((f) => f.id === a.userId);
        if (!u || u.disabled || u.role !== 'evaluator') throw new DomainError('validation', `Användaren ${a.userId} är ingen aktiv utvärderare.`, [{ path: 'assignments', message: 'bara aktiva utvärderare kan tilldelas' }]);
      }
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const before = await assignments.list(id, t);
        const bumped = await repo.bumpVersion(id, expectedVersion, viewer.name, {}, t);
        if (!bumped) throw await ev.conflict(id, expectedVersion, t);
        await assignments.replace(id, list, t);
        const after = await assignments.list(id, t);
        const view = (xs: AssignedUser[]) => xs.map((x) => ({ userId: x.userId, name: x.name, isLead: x.isLead }));
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'assign', change: { before: { version: expectedVersion, assignments: view(before) }, after: { version: bumped.version, assignments: view(after) } } }, t);
      });
      return assignments.list(id);
    },

    async listComments({ id, viewer }: { id: string; viewer: Viewer }): Promise<Comment[]> {
      await mustReadInternals(id, viewer);
      return (await assignments.listComments(id)).map((c) => ({
        id: c.id,
        evaluationId: c.evaluationId,
        author: { userId: c.userId, name: c.authorName },
        areaNumber: c.areaNumber,
        subareaId: c.subareaId,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
      }));
    },

    /** A comment on a draft shared for review (municipality) or on a draft (evaluators). Never changes scores. */
    async addComment({ id, body, areaNumber = null, subareaId = null, viewer }: { id: string; body: string; areaNumber?: number | null; subareaId?: string | null; viewer: Viewer }): Promise<Comment> {
      const row = await mustReadInternals(id, viewer);
      authorize(canComment(viewer, row));
      const text = body.trim();
      if (!text) throw new DomainError('validation', 'Kommentaren är tom.', [{ path: 'body', message: 'skriv en kommentar' }]);
      if (subareaId && areaNumber !== null && !subareaId.startsWith(`${areaNumber}.`)) throw new DomainError('validation', `Delområde ${subareaId} hör inte till område ${areaNumber}.`);
      const c = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const inserted = await assignments.insertComment({ evaluationId: id, userId: viewer.userId, authorName: viewer.name, areaNumber, subareaId, body: text }, t);
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'comment', change: { before: null, after: { commentId: inserted.id, areaNumber, subareaId, body: text } } }, t);
        return inserted;
      });
      return { id: c.id, evaluationId: id, author: { userId: c.userId, name: c.authorName }, areaNumber: c.areaNumber, subareaId: c.subareaId, body: c.body, createdAt: c.createdAt.toISOString() };
    },

    /** Who changed what and when, newest first. Signed-in users who may see the evaluation. */
    async listHistory({ id, viewer, limit = 100, beforeId }: { id: string; viewer: Viewer; limit?: number; beforeId?: number }): Promise<AuditEntry[]> {
      await mustReadInternals(id, viewer);
      return audit.listEntries({ entity: 'evaluation', entityId: id, limit, ...(beforeId !== undefined ? { beforeId } : {}) });
    },

    /**
     * Starts a correction: a new draft copying a published evaluation; the original stays published until
     * the correction is. A correction belongs to the original's team: only an administrator or an evaluator
     * assigned to the original may start it, and the team (with its lead) carries over unchanged; who is on
     * it changes only through `setAssignments` (the lead or an administrator).
     */
    async createCorrection({ id, viewer }: { id: string; viewer: Viewer }): Promise<Evaluation> {
      const original = await ev.getEvaluation({ id, viewer });
      authorize(canCorrectEvaluation(viewer, await ev.assignmentOf(id, viewer)));
      if (original.status !== 'published') throw new DomainError('rule_violation', 'Bara en publicerad utvärdering kan rättas; ändra utkastet direkt.');
      if (original.supersededById) throw new DomainError('rule_violation', `Utvärderingen är redan ersatt av ${original.supersededById}; rätta den nyaste versionen.`, [], { evaluationId: original.supersededById });
      const pending = await repo.findOpenCorrection(id);
      if (pending) throw new DomainError('duplicate', `Det finns redan en rättelse under arbete: ${pending.id}.`, [], { evaluationId: pending.id });
      const team = await assignments.list(id);
      const { id: _id, municipality: _m, version: _v, createdAt: _c, updatedAt: _u, updatedBy: _b, supersedesId: _s, supersededById: _sb, ...content } = original;
      return ev.createEvaluation({
        input: { ...content, status: 'draft', sourceHash: null, source: { ...content.source } },
        viewer,
        afterCreate: async (t, created) => {
          await repo.linkCorrection(created.id, id, t);
          await assignments.replace(created.id, team.map((a) => ({ userId: a.userId, isLead: a.isLead })), t);
          await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'correction_started', change: { before: null, after: { correctionId: created.id } } }, t);
          await audit.record({ viewer, entity: 'evaluation', entityId: created.id, action: 'correction_of', change: { before: { supersedesId: null }, after: { supersedesId: id } } }, t);
        },
      });
    },
  };
}
export type WorkflowService = ReturnType<typeof createWorkflowService>;
