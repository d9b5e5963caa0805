/**
 * What waits for a signed-in user (the start page's worklist), by role:
 * - evaluator: scoring sheets to submit, consensus to record (lead), stage steps that are the
 *   viewer's to take with what is missing, open comment threads;
 * - municipality user: the questionnaire to answer, a draft to read and comment on while shared for review;
 * - administrator: evaluations under way without a lead evaluator, overdue stage deadlines,
 *   framework variants from imports that need review.
 * Built from the stage views (src/services/stage.service.ts), so the worklist and the evaluation page agree.
 */
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { isOverdue, type Stage, type WorkKind } from '../domain/stages.ts';
import { authorize } from '../policies/policy.ts';
import { canViewWorklist } from '../policies/stage.policy.ts';
import type { EvaluationRow } from '../repositories/evaluation.repository.ts';
import type { FrameworkService } from './framework.service.ts';
import type { StageService, StageView } from './stage.service.ts';


export interface WorkItem {
  kind: WorkKind;
  evaluationId: string | null;
  frameworkId: string | null;
  municipality: { code: string; name: string } | null;
  year: number | null;
  stage: Stage | null;
  next: Stage | null;
  deadline: string | null;
  overdue: boolean;
  /** Open threads, or how many of something the item is about. */
  count: number | null;
  /** What is missing before the next stage (evaluators). */
  missing: string[];
}

const LIMIT = 200;

export function createWorklistService(deps: { stages: StageService; frameworks: FrameworkService; repositories: Pick<Repositories, 'evaluations' | 'assignments' | 'independentScores'>; clock?: () => Date }) {
  const { stages, frameworks } = deps;
  const clock = deps.clock ?? (() => new Date());
  const { evaluations: repo, assignments, independentScores: independent } = deps.repositories;

  const item = (row: EvaluationRow, municipalityName: string, kind: WorkKind, v: StageView | null, extra: Partial<WorkItem> = {}): WorkItem => ({
    kind,
    evaluationId: row.id,
    frameworkId: row.frameworkId,
    municipality: { code: row.municipalityCode, name: municipalityName },
    year: row.year,
    stage: v?.stage ?? null,
    next: v?.next ?? null,
    deadline: v?.deadline ?? null,
    overdue: v?.overdue ?? false,
    count: null,
    missing: [],
    ...extra,
  });

  const underWay = async (filter: { municipalityCode?: string }) => (await repo.list({ ...filter, statuses: ['draft', 'review'], limit: LIMIT })).items;

  const forEvaluator = async (viewer: Viewer & { userId: string }): Promise<WorkItem[]> => {
    const mine = new Map((await assignments.byUser(viewer.userId)).map((a) => [a.evaluationId, a.isLead]));
    const listed = (await underWay({})).filter((l) => mine.has(l.row.id));
    const views = await stages.stagesFor({ rows: listed.map((l) => l.row), viewer });
    const threads = await assignments.openThreads(listed.map((l) => l.row.id));
    const out: WorkItem[] = [];
    for (const [i, { row, municipalityName }] of listed.entries()) {
      const v = views[i] as StageView;
      const lead = mine.get(row.id) === true;
      const missing = (v.checks ?? []).filter((c) => !c.ok).map((c) => c.message);
      if (v.stage === 'independent_scoring') {
        const own = (await independent.sheets(row.id)).find((s) => s.userId === viewer.userId);
        if (own && !own.submitted) out.push(item(row, municipalityName, 'submit_sheet', v));
        else if (lead) out.push(item(row, municipalityName, 'advance_stage', v, { missing }));
      } else if (v.stage === 'consensus' && lead) {
        out.push(item(row, municipalityName, 'record_consensus', v, { missing }));
      } else if ((v.actor === 'team' || (v.actor === 'lead' && lead)) && v.canMoveForward) {
        out.push(item(row, municipalityName, 'advance_stage', v, { missing }));
      }
      const open = threads.filter((t) => t.evaluationId === row.id && t.userId !== viewer.userId).length;
      if (open > 0) out.push(item(row, municipalityName, 'open_threads', v, { count: open }));
    }
    return out;
  };

  const forMunicipality = async (viewer: Viewer): Promise<WorkItem[]> => {
    if (!viewer.municipalityCode) return [];
    const listed = await underWay({ municipalityCode: viewer.municipalityCode });
    const views = await stages.stagesFor({ rows: listed.map((l) => l.row), viewer });
    const threads = await assignments.openThreads(listed.map((l) => l.row.id));
    const out: WorkItem[] = [];
    for (const [i, { row, municipalityName }] of listed.entries()) {
      const v = views[i] as StageView;
      if (v.stage === 'questionnaire_sent') out.push(item(row, municipalityName, 'answer_questionnaire', v));
      if (v.stage === 'shared_for_review' || v.stage === 'feedback_meeting') {
        out.push(item(row, municipalityName, 'review_draft', v, { count: threads.filter((t) => t.evaluationId === row.id && !t.internal).length }));
      }
    }
    return out;
  };

  const forAdmin = async (): Promise<WorkItem[]> => {
    const listed = await underWay({});
    const led = await assignments.withLead();
    const stored = await stages.storedStages(listed.map((l) => l.row.id));
    const day = clock().toISOString().slice(0, 10);
    const out: WorkItem[] = [];
    for (const { row, municipalityName } of listed) {
      if (!led.has(row.id)) out.push(item(row, municipalityName, 'assign_team', null));
      const s = stored.get(row.id);
      const deadline = s?.stage ? s.deadlines[s.stage] : undefined;
      if (s?.stage && isOverdue(deadline, day)) out.push(item(row, municipalityName, 'overdue', null, { stage: s.stage, deadline: deadline ?? null, overdue: true }));
    }
    for (const fw of await frameworks.listFrameworks()) {
      if (fw.needsReview) out.push({ kind: 'review_framework', evaluationId: null, frameworkId: fw.id, municipality: null, year: fw.year ?? null, stage: null, next: null, deadline: null, overdue: false, count: null, missing: [] });
    }
    return out;
  };

  return {
    /** What waits for the viewer; overdue first, then by deadline. */
    async getWorklist({ viewer }: { viewer: Viewer }): Promise<{ items: WorkItem[] }> {
      authorize(canViewWorklist(viewer));
      const items =
        viewer.role === 'evaluator' && viewer.userId ? await forEvaluator({ ...viewer, userId: viewer.userId }) : viewer.role === 'municipality' ? await forMunicipality(viewer) : viewer.role === 'admin' ? await forAdmin() : [];
      const key = (i: WorkItem) => `${i.overdue ? 0 : 1}${i.deadline ?? '9999'}`;
      return { items: items.sort((a, b) => key(a).localeCompare(key(b))) };
    },
  };
}
export type WorklistService = ReturnType<typeof createWorklistService>;
