/**
 * The interview plan: days and sessions (time, place, group, roles, number of people), a printable
 * schedule for the municipality, and per session the notes (evidence items of kind "interview", seen
 * only by the evaluators). Every change writes the number of interviewees into the evaluation's facts
 * (`interviews`), so the report says how many were interviewed.
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { checkSessionTimes, groupByDay, intervieweeCount, type InterviewRole } from '../domain/evidence.ts';
import { canViewEvidence } from '../policies/evidence.policy.ts';
import { canEditInterviewPlan, canViewInterviewPlan } from '../policies/interview.policy.ts';
import type { SessionRow, SessionValues } from '../repositories/interview.repository.ts';
import { buildScheduleDocument } from '../reports/conduct-document.ts';
import type { TaskRunner } from '../workers/index.ts';
import type { AuditService } from './audit.service.ts';
import { createConductContext } from './conduct-context.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { MunicipalityService } from './municipality.service.ts';
import { REPORT_CONTENT_TYPES, parseReportFormat } from './report.service.ts';

export interface SessionInput {
  day: string;
  startsAt: string;
  endsAt: string;
  place?: string | undefined;
  groupName: string;
  roles: InterviewRole[];
  people: number;
}

export interface SessionView extends SessionRow {
  /** Notes taken in the session (evaluators only; null for those who may not see them). */
  notes: Array<{ id: string; title: string; note: string; subareaIds: string[] }> | null;
}

export interface InterviewPlanView {
  days: Array<{ day: string; sessions: SessionView[] }>;
  sessions: number;
  interviewees: number;
  canEdit: boolean;
}

export function createInterviewService(deps: { db: Db; evaluations: EvaluationService; municipalities: MunicipalityService; audit: AuditService; tasks: Pick<TaskRunner, 'renderConduct'>; repositories: Pick<Repositories, 'interviews' | 'evidence' | 'evaluations' | 'assignments'> }) {
  const { db, evaluations, municipalities, audit, tasks } = deps;
  const { interviews: repo, evidence } = deps.repositories;
  const ctx = createConductContext(deps.repositories);

  const valuesOf = (input: SessionInput): SessionValues => {
    const wrong = checkSessionTimes(input);
    if (wrong) throw new DomainError('validation', wrong, [{ path: 'endsAt', message: wrong }]);
    const groupName = input.groupName.trim();
    if (!groupName) throw new DomainError('validation', 'Ange vilken grupp som intervjuas.', [{ path: 'groupName', message: 'Grupp saknas.' }]);
    return { day: input.day, startsAt: input.startsAt, endsAt: input.endsAt, place: (input.place ?? '').trim(), groupName, roles: [...new Set(input.roles)], people: input.people };
  };

  /** Writes the number of interviewees into the evaluation's facts when it changed (a concurrent edit: read again and retry once). */
  const syncFacts = async (id: string, viewer: Viewer): Promise<void> => {
    const total = intervieweeCount(await repo.sessions(id));
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const e = await evaluations.getEvaluation({ id, viewer });
      if (e.status === 'published' || (e.interviews === total && !e.interviewsApprox)) return;
      try {
        await evaluations.updateEvaluationFacts({ id, expectedVersion: e.version, patch: { interviews: total, interviewsApprox: false }, viewer });
        return;
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'conflict') || attempt === 1) throw err;
      }
    }
  };

  const plan = async (id: string, viewer: Viewer): Promise<InterviewPlanView> => {
    const { row, assignment } = await ctx.load(id, viewer);
    ctx.authorize(canViewInterviewPlan(viewer, assignment, row), viewer, row);
    const sessions = await repo.sessions(id);
    const seesNotes = canViewEvidence(viewer, assignment).allowed;
    const notes = seesNotes ? (await evidence.items(id)).filter((i) => i.kind === 'interview' && i.sessionId) : [];
    const withNotes = sessions.map((s): SessionView => ({ ...s, notes: seesNotes ? notes.filter((n) => n.sessionId === s.id).map((n) => ({ id: n.id, title: n.title, note: n.note, subareaIds: n.subareaIds })) : null }));
    return { days: groupByDay(withNotes), sessions: sessions.length, interviewees: intervieweeCount(sessions), canEdit: canEditInterviewPlan(viewer, assignment, row).allowed };
  };

  const mustEdit = async (id: string, viewer: Viewer): Promise<void> => {
    const { row, assignment } = await ctx.load(id, viewer);
    ctx.authorize(canEditInterviewPlan(viewer, assignment, row), viewer, row);
  };

  const audited = async <T>(id: string, viewer: Viewer, action: string, after: Record<string, unknown> | null, work: (t: Db) => Promise<T>): Promise<T> =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const out = await work(t);
      await audit.record({ viewer, entity: 'evaluation', entityId: id, action, change: { before: null, after } }, t);
      return out;
    });

  return {
    async getInterviewPlan({ id, viewer }: { id: string; viewer: Viewer }): Promise<InterviewPlanView> {
      return plan(id, viewer);
    },

    async createSession({ id, input, viewer }: { id: string; input: SessionInput; viewer: Viewer }): Promise<InterviewPlanView> {
      await mustEdit(id, viewer);
      const values = valuesOf(input);
      await audited(id, viewer, 'add_interview_session', { day: values.day, startsAt: values.startsAt, people: values.people }, (t) => repo.insert(id, values, t));
      await syncFacts(id, viewer);
      return plan(id, viewer);
    },

    async updateSession({ id, sessionId, input, viewer }: { id: string; sessionId: string; input: SessionInput; viewer: Viewer }): Promise<InterviewPlanView> {
      await mustEdit(id, viewer);
      const values = valuesOf(input);
      await audited(id, viewer, 'update_interview_session', { session: sessionId, day: values.day, startsAt: values.startsAt, people: values.people }, async (t) => {
        if (!(await repo.update(id, sessionId, values, t))) throw notFound(`Intervjupasset ${sessionId} finns inte.`);
      });
      await syncFacts(id, viewer);
      return plan(id, viewer);
    },

    async deleteSession({ id, sessionId, viewer }: { id: string; sessionId: string; viewer: Viewer }): Promise<InterviewPlanView> {
      await mustEdit(id, viewer);
      await audited(id, viewer, 'delete_interview_session', { session: sessionId }, async (t) => {
        if (!(await repo.remove(id, sessionId, t))) throw notFound(`Intervjupasset ${sessionId} finns inte.`);
      });
      await syncFacts(id, viewer);
      return plan(id, viewer);
    },

    /** The schedule for the municipality as PDF or DOCX (no notes). */
    async getSchedule({ id, format, viewer }: { id: string; format: string; viewer: Viewer }): Promise<{ body: Buffer; contentType: string; fileName: string }> {
      const fmt = parseReportFormat(format);
      const { row, assignment } = await ctx.load(id, viewer);
      ctx.authorize(canViewInterviewPlan(viewer, assignment, row), viewer, row);
      const m = await municipalities.getMunicipality({ code: row.municipalityCode });
      const doc = buildScheduleDocument({ municipality: m.name, year: row.year, today: new Date().toISOString().slice(0, 10), sessions: await repo.sessions(id) });
      return { body: await tasks.renderConduct({ format: fmt, doc }), contentType: REPORT_CONTENT_TYPES[fmt], fileName: `${doc.meta.fileBase}.${fmt}` };
    },

    /** Facts for the stage checks: days, sessions and people interviewed. */
    async getInterviewFacts({ id, viewer }: { id: string; viewer: Viewer }): Promise<{ days: number; sessions: number; interviewees: number }> {
      const p = await plan(id, viewer);
      return { days: p.days.length, sessions: p.sessions, interviewees: p.interviewees };
    },
  };
}
export type InterviewService = ReturnType<typeof createInterviewService>;
