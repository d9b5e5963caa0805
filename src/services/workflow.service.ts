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
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { authorize } from '../policies/policy.ts';
import { canAssignEvaluators, canComment, canCorrectEvaluation, canReadInternals } from '../policies/evaluation.policy.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import type { AssignedUser } from '../repositories/assignment.repository.ts';
import type { AuditEntry, AuditService } from './audit.service.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { MunicipalityService } from './municipality.service.ts';
import type { NotificationService } from './notification.service.ts';
import { canResolveThread, canSeeComment, canWriteInternalNote } from '../policies/comment.policy.ts';
import type { CommentRow } from '../repositories/assignment.repository.ts';

export interface Comment {
  id: string;
  evaluationId: string;
  author: { userId: string | null; name: string };
  areaNumber: number | null;
  subareaId: string | null;
  body: string;
  createdAt: string;
  /** The thread's first comment (null: this one starts a thread). */
  parentId: string | null;
  /** Only the team sees it. */
  internal: boolean;
  /** A thread's first comment: when and by whom it was resolved (null: open). */
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** The list item (strength or improvement opportunity) the thread is about, as it read when the comment was written. */
  item: { kind: 'strength' | 'improvement'; index: number; text: string } | null;
}

/** History actions the municipality does not see (internal notes of the team). */
const INTERNAL_ACTIONS = new Set(['internal_comment']);

const toComment = (c: CommentRow): Comment => ({
  id: c.id,
  evaluationId: c.evaluationId,
  author: { userId: c.userId, name: c.authorName },
  areaNumber: c.areaNumber,
  subareaId: c.subareaId,
  body: c.body,
  createdAt: c.createdAt.toISOString(),
  parentId: c.parentId,
  internal: c.internal,
  resolvedAt: c.resolvedAt ? c.resolvedAt.toISOString() : null,
  resolvedBy: c.resolvedBy,
  item: c.itemKind && c.itemIndex !== null ? { kind: c.itemKind, index: c.itemIndex, text: c.itemText ?? '' } : null,
});

export function createWorkflowService(deps: { db: Db; evaluations: EvaluationService; audit: AuditService; notifications: NotificationService; municipalities: MunicipalityService; repositories: Pick<Repositories, 'assignments' | 'evaluations' | 'accounts'> }) {
  const { db, evaluations: ev, audit, notifications, municipalities } = deps;
  const { assignments, evaluations: repo, accounts } = deps.repositories;

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
      const row = await ev.mustSee(id, viewer);
      authorize(canAssignEvaluators(viewer, await ev.assignmentOf(id, viewer)));
      const municipality = await municipalities.getMunicipality({ code: row.municipalityCode });
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
        const added = after.filter((a) => !before.some((b) => b.userId === a.userId)).map((a) => a.userId);
        if (added.length) {
          const recipients = await notifications.recipients({ evaluationId: id, municipalityCode: bumped.municipalityCode, only: added, exceptUserId: viewer.userId }, t);
          await notifications.enqueue(
            recipients.map((recipient) => ({
              recipient,
              evaluationId: id,
              subject: `${municipality.name} ${bumped.year}: du är tilldelad utvärderingen`,
              body: `${viewer.name} har tilldelat dig utvärderingen av ${municipality.name} ${bumped.year}.\n\n${notifications.link(id)}\n`,
            })),
            t,
          );
        }
      });
      notifications.kick();
      return assignments.list(id);
    },

    async listComments({ id, viewer }: { id: string; viewer: Viewer }): Promise<Comment[]> {
      await mustReadInternals(id, viewer);
      return (await assignments.listComments(id)).filter((c) => canSeeComment(viewer, c)).map(toComment);
    },

    /**
     * A comment on a draft shared for review (municipality) or on a draft (evaluators), or a reply in a
     * thread (`parentId`; it joins the thread of the first comment and reopens it when resolved). An
     * internal note is the team's: its replies are internal too and its text stays out of the history
     * the municipality reads. Never changes scores. The team (and the municipality, for a comment it may
     * see) is told by e-mail.
     */
    async addComment({
      id,
      body,
      areaNumber = null,
      subareaId = null,
      parentId = null,
      internal = false,
      item = null,
      viewer,
    }: {
      id: string;
      body: string;
      areaNumber?: number | null;
      subareaId?: string | null;
      parentId?: string | null;
      internal?: boolean;
      /** One strength or improvement opportunity of the area (`areaNumber` required), by its place in the list. */
      item?: { kind: 'strength' | 'improvement'; index: number } | null;
      viewer: Viewer;
    }): Promise<Comment> {
      const row = await mustReadInternals(id, viewer);
      authorize(canComment(viewer, row));
      const text = body.trim();
      if (!text) throw new DomainError('validation', 'Kommentaren är tom.', [{ path: 'body', message: 'skriv en kommentar' }]);
      let root: CommentRow | undefined;
      if (parentId) {
        const parent = await assignments.getComment(parentId);
        if (!parent || parent.evaluationId !== id || !canSeeComment(viewer, parent)) throw notFound(`Kommentaren ${parentId} finns inte i utvärderingen.`);
        root = parent.parentId ? await assignments.getComment(parent.parentId) : parent;
        if (!root) throw notFound(`Kommentaren ${parentId} finns inte i utvärderingen.`);
      }
      const isInternal = root ? root.internal : internal;
      if (isInternal && !root) authorize(canWriteInternalNote(viewer));
      const area = root ? root.areaNumber : areaNumber;
      const subarea = root ? root.subareaId : subareaId;
      if (subarea && area !== null && !subarea.startsWith(`${area}.`)) throw new DomainError('validation', `Delområde ${subarea} hör inte till område ${area}.`);
      // A thread on a list item keeps the item of its first comment; a new one names an item that exists.
      let listItem: { itemKind: 'strength' | 'improvement' | null; itemIndex: number | null; itemText: string | null } = { itemKind: root?.itemKind ?? null, itemIndex: root?.itemIndex ?? null, itemText: root?.itemText ?? null };
      if (!root && item) {
        const label = item.kind === 'strength' ? 'styrka' : 'förbättringsmöjlighet';
        if (area === null) throw new DomainError('validation', `Ange området för kommentaren om en ${label}.`, [{ path: 'areaNumber', message: 'området saknas' }]);
        const full = await ev.getEvaluation({ id, viewer });
        const texts = full.areas.find((a) => a.number === area);
        const list = (item.kind === 'strength' ? texts?.strengths : texts?.improvements) ?? [];
        const text = list[item.index];
        if (text === undefined) throw new DomainError('validation', `Område ${area} har ingen ${label} nummer ${item.index + 1} (${list.length} finns).`, [{ path: 'item.index', message: `högst ${list.length}` }]);
        listItem = { itemKind: item.kind, itemIndex: item.index, itemText: text };
      }
      const municipality = await municipalities.getMunicipality({ code: row.municipalityCode });
      const c = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const inserted = await assignments.insertComment({ evaluationId: id, userId: viewer.userId, authorName: viewer.name, areaNumber: area, subareaId: subarea, body: text, parentId: root?.id ?? null, internal: isInternal, ...listItem }, t);
        if (root?.resolvedAt) await assignments.setResolved(root.id, null, t);
        await audit.record(
          isInternal
            ? { viewer, entity: 'evaluation', entityId: id, action: 'internal_comment', change: { before: null, after: { commentId: inserted.id, parentId: root?.id ?? null, areaNumber: area, subareaId: subarea } } }
            : { viewer, entity: 'evaluation', entityId: id, action: 'comment', change: { before: null, after: { commentId: inserted.id, ...(root ? { parentId: root.id } : {}), areaNumber: area, subareaId: subarea, body: text } } },
          t,
        );
        const recipients = await notifications.recipients({ evaluationId: id, municipalityCode: row.municipalityCode, municipality: !isInternal && row.status === 'review', exceptUserId: viewer.userId }, t);
        const where = subarea ? `delområde ${subarea}` : area !== null ? `område ${area}` : 'utvärderingen';
        await notifications.enqueue(
          recipients.map((recipient) => ({
            recipient,
            evaluationId: id,
            subject: `${municipality.name} ${row.year}: ${root ? 'nytt svar' : isInternal ? 'ny intern anteckning' : 'ny kommentar'} om ${where}`,
            body: `${viewer.name} skrev om ${where} i utvärderingen av ${municipality.name} ${row.year}:\n\n${text.slice(0, 2000)}\n\n${notifications.link(id)}\n`,
          })),
          t,
        );
        return inserted;
      });
      notifications.kick();
      return toComment(c);
    },

    /** Marks a thread resolved or open again (its first comment). */
    async resolveThread({ id, commentId, resolved, viewer }: { id: string; commentId: string; resolved: boolean; viewer: Viewer }): Promise<Comment> {
      const row = await mustReadInternals(id, viewer);
      const c = await assignments.getComment(commentId);
      if (!c || c.evaluationId !== id || !canSeeComment(viewer, c)) throw notFound(`Kommentaren ${commentId} finns inte i utvärderingen.`);
      if (c.parentId) throw new DomainError('rule_violation', 'Det är tråden som markeras som löst: välj trådens första kommentar.');
      authorize(canResolveThread(viewer, await ev.assignmentOf(id, viewer), c));
      if (row.status === 'published') throw new DomainError('rule_violation', 'En publicerad utvärdering kan inte kommenteras.');
      if (Boolean(c.resolvedAt) === resolved) return toComment(c);
      const updated = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const u = await assignments.setResolved(commentId, resolved ? { at: new Date(), by: viewer.name } : null, t);
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: c.internal ? 'internal_comment' : resolved ? 'resolve_comment' : 'reopen_comment', change: { before: { commentId, resolved: !resolved }, after: { commentId, resolved } } }, t);
        return u;
      });
      if (!updated) throw notFound(`Kommentaren ${commentId} finns inte i utvärderingen.`);
      return toComment(updated);
    },

    /** Who changed what and when, newest first. Signed-in users who may see the evaluation. */
    async listHistory({ id, viewer, limit = 100, beforeId }: { id: string; viewer: Viewer; limit?: number; beforeId?: number }): Promise<AuditEntry[]> {
      await mustReadInternals(id, viewer);
      const entries = await audit.listEntries({ entity: 'evaluation', entityId: id, limit, ...(beforeId !== undefined ? { beforeId } : {}) });
      return viewer.role === 'admin' || viewer.role === 'evaluator' ? entries : entries.filter((e) => !INTERNAL_ACTIONS.has(e.action));
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
