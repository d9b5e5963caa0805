/** Stages of an evaluation and the start page's worklist. */
import { z } from 'zod';
import { calendarDate } from '../domain/input.ts';
import { STAGES, WORK_KINDS } from '../domain/stages.ts';
import { IdParams, safeText, Version } from './common.ts';

export const StageName = z.enum(STAGES, { error: `okänt steg; stegen är ${STAGES.join(', ')}` });

const Check = z.object({ stage: StageName, key: z.string(), ok: z.boolean(), hard: z.boolean(), message: z.string() });
const PerStage = z.partialRecord(StageName, z.string());

export const StageOut = z.object({
  evaluationId: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'review', 'published']),
  stage: StageName,
  next: StageName.nullable(),
  previous: StageName.nullable(),
  checks: z.array(Check).nullable(),
  actor: z.enum(['lead', 'team', 'municipality', 'nobody']),
  actingNames: z.array(z.string()),
  entered: PerStage,
  deadlines: PerStage,
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  agreementDate: z.string().nullable(),
  feedbackMeetingDate: z.string().nullable(),
  feedbackNotes: z.string(),
  canMoveForward: z.boolean(),
  canMoveBack: z.boolean(),
  canEditDetails: z.boolean(),
});
export type StageViewContract = z.infer<typeof StageOut>;

export const MoveStageBody = z.object({
  expectedVersion: Version,
  to: StageName,
  /** Why the team goes on although something (not hard) is missing; recorded in the history. */
  reason: safeText(500).nullable().optional(),
});

export const StageDetailsBody = z.object({
  expectedVersion: Version,
  agreementDate: calendarDate.nullable().optional(),
  feedbackMeetingDate: calendarDate.nullable().optional(),
  feedbackNotes: safeText(20_000).optional(),
  deadlines: z.partialRecord(StageName, calendarDate.nullable()).optional(),
});

export const WorkItemOut = z.object({
  kind: z.enum(WORK_KINDS),
  evaluationId: z.string().nullable(),
  frameworkId: z.string().nullable(),
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  year: z.number().nullable(),
  stage: StageName.nullable(),
  next: StageName.nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  count: z.number().nullable(),
  missing: z.array(z.string()),
});
export type WorkItem = z.infer<typeof WorkItemOut>;
export const WorklistOut = z.object({ items: z.array(WorkItemOut) });

export { IdParams };

// ---------- in-app notifications ----------

export const NotificationOut = z.object({ id: z.string(), evaluationId: z.string().nullable(), subject: z.string(), body: z.string(), createdAt: z.string(), read: z.boolean() });
export type NotificationDto = z.infer<typeof NotificationOut>;
export const NotificationListOut = z.object({ items: z.array(NotificationOut), unread: z.number().int() });
/** Marks the listed notifications read, or every one when `ids` is left out. */
export const NotificationsReadBody = z.object({ ids: z.array(z.uuid('ids ska vara UUID')).max(200).optional() });
export const NotificationsReadOut = z.object({ unread: z.number().int() });
