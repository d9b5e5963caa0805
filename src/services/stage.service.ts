/**
 * The stages of an evaluation: where it is, what is missing before the next stage, who must act,
 * dates and deadlines, and moving it one step. A move that crosses a status boundary (sharing for
 * review, back to draft, publishing) goes through `changeStatus` of the evaluation service in the
 * same transaction, so every gate of the status workflow (consensus, the publication rule, who may
 * publish) still applies; the stage rules in src/domain/stages.ts come on top.
 */
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import { NOT_ASSIGNED, SYSTEM, type Viewer } from '../domain/access.ts';
import { consensusMissing } from '../domain/consensus.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import { lackingEvidenceMessage, subareasLackingEvidence } from '../domain/evidence.ts';
import { publishProblem } from '../domain/scoring.ts';
import {
  checkTransition,
  conductChecks,
  effectiveStage,
  isOverdue,
  isStage,
  nextStage,
  previousStage,
  STAGE_LABELS,
  STAGE_STATUS,
  stageChecks,
  whoMustAct,
  type Stage,
  type StageActor,
  type StageCheck,
  type StageFacts,
} from '../domain/stages.ts';
import { authorize } from '../policies/policy.ts';
import type { InterviewService } from './interview.service.ts';
import type { QuestionnaireService } from './questionnaire.service.ts';
import { canEditStageDetails, canMoveStage, canReadStageChecklist, canViewStage } from '../policies/stage.policy.ts';
import type { EvaluationRow } from '../repositories/evaluation.repository.ts';
import type { StageRow } from '../repositories/stage.repository.ts';
import type { AuditService } from './audit.service.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { EvidenceService } from './evidence.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';
import type { NotificationService } from './notification.service.ts';

export interface StageView {
  evaluationId: string;
  version: number;
  status: Evaluation['status'];
  stage: Stage;
  next: Stage | null;
  previous: Stage | null;
  /** What must hold before the next stage (satisfied ones included); null for the municipality. */
  checks: StageCheck[] | null;
  actor: StageActor;
  /** Who must act, by name (the lead, the team, those who have not submitted). */
  actingNames: string[];
  entered: Partial<Record<Stage, string>>;
  deadlines: Partial<Record<Stage, string>>;
  deadline: string | null;
  overdue: boolean;
  agreementDate: string | null;
  feedbackMeetingDate: string | null;
  feedbackNotes: string;
  /** Moves the viewer may try (the checks may still hold them back). */
  canMoveForward: boolean;
  canMoveBack: boolean;
  canEditDetails: boolean;
}

export interface StageDetailsPatch {
  agreementDate?: string | null | undefined;
  feedbackMeetingDate?: string | null | undefined;
  feedbackNotes?: string | undefined;
  /** Deadlines per stage; null removes one. */
  deadlines?: Partial<Record<Stage, string | null>> | undefined;
}

const today = (d: Date): string => d.toISOString().slice(0, 10);

export function createStageService(deps: { db: Db; evaluations: EvaluationService; frameworks: FrameworkService; municipalities: MunicipalityService; audit: AuditService; notifications: NotificationService; evidence: EvidenceService; questionnaires: Pick<QuestionnaireService, 'getQuestionnaireFacts'>; interviews: Pick<InterviewService, 'getInterviewFacts'>; repositories: Pick<Repositories, 'stages' | 'evaluations' | 'assignments' | 'independentScores'>; clock?: () => Date }) {
  const { db, evaluations: ev, frameworks, municipalities, audit, notifications, evidence } = deps;
  const clock = deps.clock ?? (() => new Date());
  const { stages, evaluations: repo, assignments, independentScores: independent } = deps.repositories;

  /** The evaluation row the viewer may follow the stages of (404 otherwise, like the evaluation). */
  const mustFollow = async (id: string, viewer: Viewer): Promise<EvaluationRow> => {
    if (viewer.role === 'public') authorize(canViewStage(viewer, { status: 'published', municipalityCode: '' }));
    const row = await repo.getRow(id);
    if (!row || !canViewStage(viewer, row).allowed) throw notFound(`Utvärderingen ${id} finns inte.`);
    return row;
  };

  const storedStage = (s: StageRow | undefined): Stage | null => (s && isStage(s.stage) ? s.stage : null);

  /** The facts the stage rules look at, gathered from the evaluation, its team, scores and comments. */
  const factsFor = async (row: EvaluationRow, s: StageRow | undefined): Promise<StageFacts> => {
    const full = await repo.getFull(row.id);
    if (!full) throw notFound(`Utvärderingen ${row.id} finns inte.`);
    const fw = await frameworks.getFramework({ id: row.frameworkId });
    const [team, sheets, agreed, started, threads, scores, register, questionnaire, plan] = await Promise.all([
      assignments.list(row.id),
      independent.sheets(row.id),
      independent.agreed(row.id),
      independent.started(row.id),
      assignments.openThreads([row.id]),
      ev.getScores({ ids: [row.id], viewer: SYSTEM }),
      evidence.getEvidenceFacts({ id: row.id, viewer: SYSTEM }),
      deps.questionnaires.getQuestionnaireFacts({ id: row.id, viewer: SYSTEM }),
      deps.interviews.getInterviewFacts({ id: row.id, viewer: SYSTEM }),
    ]);
    const agreedIds = new Set(agreed.map((a) => a.subareaId));
    const gate = consensusMissing(fw, { started, sheets, agreed });
    const score = scores[0]?.score;
    // A score needs an evidence link (evaluations made in kompass): part of the completeness check before
    // publishing, overridable with a recorded reason like the other soft gaps.
    const lacking = subareasLackingEvidence(full.source.kind, agreed.map((a) => a.subareaId), register.bySubarea);
    const problem = gate.length ? `Teamet är inte överens: ${gate.map((g) => g.message).join(' ')}` : score ? publishProblem(score, full.source.kind) : 'Poängen är inte kända.';
    return {
      status: row.status,
      team: team.map((t) => ({ userId: t.userId, name: t.name, isLead: t.isLead })),
      agreementDate: s?.agreementDate ?? null,
      feedbackMeetingDate: s?.feedbackMeetingDate ?? null,
      feedbackNotes: s?.feedbackNotes ?? '',
      interviews: full.interviews,
      reportDate: full.reportDate,
      sheets: sheets.map((x) => ({ userId: x.userId, name: x.name, submitted: x.submitted })),
      missingAgreement: fw.areas.flatMap((a) => a.subareas.map((x) => x.id)).filter((sid) => !agreedIds.has(sid)),
      areas: fw.areas.map((a) => {
        const t = full.areas.find((x) => x.number === a.number);
        return { number: a.number, summary: Boolean(t?.summary.trim()), strengths: t?.strengths.length ?? 0, improvements: t?.improvements.length ?? 0 };
      }),
      openThreads: threads.length,
      publishProblem: problem,
      extra: [
        ...conductChecks({ questionnaire: { submitted: questionnaire.status === 'submitted', answered: questionnaire.answered, total: questionnaire.total }, interviews: plan }),
        { stage: 'feedback_meeting', key: 'evidence', ok: lacking.length === 0, hard: false, message: lackingEvidenceMessage(lacking) },
      ],
    };
  };

  const viewOf = async (row: EvaluationRow, viewer: Viewer): Promise<StageView> => {
    const s = await stages.get(row.id);
    const stage = effectiveStage(storedStage(s), row.status);
    const facts = await factsFor(row, s);
    const a = await ev.assignmentOf(row.id, viewer);
    const next = nextStage(stage);
    const previous = previousStage(stage);
    const deadlines = (s?.deadlines ?? {}) as Partial<Record<Stage, string>>;
    const acting = whoMustAct(stage, facts);
    const staff = canReadStageChecklist(viewer);
    return {
      evaluationId: row.id,
      version: row.version,
      status: row.status,
      stage,
      next,
      previous,
      checks: staff ? stageChecks(stage, facts) : null,
      actor: acting.actor,
      actingNames: acting.names,
      entered: (s?.entered ?? {}) as Partial<Record<Stage, string>>,
      deadlines,
      deadline: deadlines[stage] ?? null,
      overdue: isOverdue(deadlines[stage], today(clock())),
      agreementDate: facts.agreementDate,
      feedbackMeetingDate: facts.feedbackMeetingDate,
      feedbackNotes: facts.feedbackNotes,
      canMoveForward: next !== null && canMoveStage(viewer, a, row, stage, next).allowed,
      canMoveBack: previous !== null && canMoveStage(viewer, a, row, stage, previous).allowed,
      canEditDetails: canEditStageDetails(viewer, a).allowed,
    };
  };

  /** Writes the stage row, bumps the evaluation's version (unless `changeStatus` already did) and audits. */
  const saveStage = async (t: Db, row: EvaluationRow, s: StageRow | undefined, values: Partial<Omit<StageRow, 'evaluationId' | 'updatedAt'>>, viewer: Viewer): Promise<void> => {
    await stages.upsert(
      {
        evaluationId: row.id,
        stage: s?.stage ?? effectiveStage(null, row.status),
        entered: s?.entered ?? {},
        deadlines: s?.deadlines ?? {},
        agreementDate: s?.agreementDate ?? null,
        feedbackMeetingDate: s?.feedbackMeetingDate ?? null,
        feedbackNotes: s?.feedbackNotes ?? '',
        updatedBy: viewer.name,
        ...values,
      },
      t,
    );
  };

  const bumpOrConflict = async (t: Db, id: string, expectedVersion: number, viewer: Viewer): Promise<void> => {
    const bumped = await repo.bumpVersion(id, expectedVersion, viewer.name, {}, t);
    if (!bumped) throw await ev.conflict(id, expectedVersion, t);
  };

  return {
    async getStage({ id, viewer }: { id: string; viewer: Viewer }): Promise<StageView> {
      return viewOf(await mustFollow(id, viewer), viewer);
    },

    /**
     * Moves the evaluation one stage forward (when nothing hard is missing and every soft gap is filled
     * or overridden with `reason`) or one stage back. Notifies the team, and the municipality when it is
     * the municipality's turn or the evaluation is published.
     */
    async moveStage({ id, expectedVersion, to, reason = null, viewer }: { id: string; expectedVersion: number; to: Stage; reason?: string | null; viewer: Viewer }): Promise<StageView> {
      const row = await mustFollow(id, viewer);
      const s = await stages.get(id);
      const from = effectiveStage(storedStage(s), row.status);
      authorize(canMoveStage(viewer, await ev.assignmentOf(id, viewer), row, from, to));
      const result = checkTransition(from, to, await factsFor(row, s), reason);
      if (!result.ok) throw new DomainError('rule_violation', result.message, result.missing.filter((m) => !m.ok).map((m) => ({ path: `stage.${m.key}`, message: m.message })), { stage: from });
      const now = clock();
      const municipality = await municipalities.getMunicipality({ code: row.municipalityCode });
      const write = async (t: Db): Promise<void> => {
        await saveStage(t, row, s, { stage: to, entered: { ...(s?.entered ?? {}), [to]: now.toISOString() } }, viewer);
        const overridden = result.overridden.map((c) => c.key);
        await audit.record(
          {
            viewer,
            entity: 'evaluation',
            entityId: id,
            action: 'change_stage',
            change: { before: { stage: from }, after: { stage: to, ...(overridden.length ? { overridden, reason: reason?.trim() ?? '' } : {}) } },
          },
          t,
        );
        const forMunicipality = to === 'questionnaire_sent' || to === 'shared_for_review' || to === 'published';
        const recipients = await notifications.recipients({ evaluationId: id, municipalityCode: row.municipalityCode, municipality: forMunicipality, exceptUserId: viewer.userId }, t);
        await notifications.enqueue(
          recipients.map((recipient) => ({
            recipient,
            evaluationId: id,
            subject: `${municipality.name} ${row.year}: ${STAGE_LABELS[to]}`,
            body: `${viewer.name} förde utvärderingen av ${municipality.name} ${row.year} från steget ${STAGE_LABELS[from]} till ${STAGE_LABELS[to]}.\n\n${notifications.link(id)}\n`,
          })),
          t,
        );
      };
      if (STAGE_STATUS[to] !== row.status) {
        await ev.changeStatus({ id, expectedVersion, status: STAGE_STATUS[to], viewer, also: write });
      } else {
        await db.transaction(async (tx) => {
          const t = tx as unknown as Db;
          await bumpOrConflict(t, id, expectedVersion, viewer);
          await write(t);
        });
      }
      notifications.kick();
      return viewOf(await mustFollow(id, viewer), viewer);
    },

    /** Dates, deadlines and the feedback meeting's notes. Only the fields sent change. */
    async updateStageDetails({ id, expectedVersion, patch, viewer }: { id: string; expectedVersion: number; patch: StageDetailsPatch; viewer: Viewer }): Promise<StageView> {
      const row = await mustFollow(id, viewer);
      authorize(canEditStageDetails(viewer, viewer.role === 'evaluator' ? await ev.assignmentOf(id, viewer) : NOT_ASSIGNED));
      if (row.status === 'published') throw new DomainError('rule_violation', 'Utvärderingen är publicerad; dess arbetsgång är avslutad.');
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const s = await stages.get(id, t);
        const deadlines: Record<string, string> = { ...(s?.deadlines ?? {}) };
        for (const [stage, date] of Object.entries(patch.deadlines ?? {})) {
          if (date === null || date === undefined) delete deadlines[stage];
          else deadlines[stage] = date;
        }
        const values = {
          ...(patch.agreementDate !== undefined ? { agreementDate: patch.agreementDate } : {}),
          ...(patch.feedbackMeetingDate !== undefined ? { feedbackMeetingDate: patch.feedbackMeetingDate } : {}),
          ...(patch.feedbackNotes !== undefined ? { feedbackNotes: patch.feedbackNotes.trim() } : {}),
          ...(patch.deadlines !== undefined ? { deadlines } : {}),
        };
        await bumpOrConflict(t, id, expectedVersion, viewer);
        await saveStage(t, row, s, values, viewer);
        const before = { agreementDate: s?.agreementDate ?? null, feedbackMeetingDate: s?.feedbackMeetingDate ?? null, feedbackNotes: s?.feedbackNotes ?? '', deadlines: s?.deadlines ?? {} };
        const changedKeys = Object.keys(values) as Array<keyof typeof before>;
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'update_stage_details', change: { before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])), after: values } }, t);
      });
      return viewOf(await mustFollow(id, viewer), viewer);
    },

    /** Stage views of many evaluations for the worklist (the caller has already decided who may see them). */
    async stagesFor({ rows, viewer }: { rows: readonly EvaluationRow[]; viewer: Viewer }): Promise<StageView[]> {
      const out: StageView[] = [];
      for (const row of rows) out.push(await viewOf(row, viewer));
      return out;
    },

    /** Stored stages and deadlines of many evaluations, without the facts (cheap; the administrator's overview). */
    async storedStages(ids: readonly string[]): Promise<Map<string, { stage: Stage | null; deadlines: Partial<Record<Stage, string>> }>> {
      const rows = await stages.getMany(ids);
      return new Map([...rows].map(([k, v]) => [k, { stage: storedStage(v), deadlines: v.deadlines as Partial<Record<Stage, string>> }]));
    },
  };
}
export type StageService = ReturnType<typeof createStageService>;
