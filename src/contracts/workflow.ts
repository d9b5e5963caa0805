/** History, comments, assignments and corrections of an evaluation. */
import { z } from 'zod';
import { AreaNumber, IdParams, safeText, SubareaId, Version } from './common.ts';

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

const Actor = z.object({ userId: z.string().nullable(), name: z.string() });

/** One audit record: who changed what and when, before and after. */
export const HistoryEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  actor: Actor,
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntryOut>;
export const HistoryListOut = z.object({ items: z.array(HistoryEntryOut) });

export const CommentBody = z.object({
  body: safeText(20_000).min(1),
  areaNumber: AreaNumber.nullable().optional(),
  subareaId: SubareaId.nullable().optional(),
  /** Reply in the thread of this comment (area and visibility come from the thread). */
  parentId: z.uuid('parentId ska vara ett UUID').nullable().optional(),
  /** A note for the evaluation team only (never shown to the municipality). */
  internal: z.boolean().optional(),
  /** A comment on one list item of the area: a strength or an improvement opportunity, by its place (0-based) in the list. */
  item: z.object({ kind: z.enum(['strength', 'improvement']), index: z.number().int().min(0).max(999) }).nullable().optional(),
});
export type CommentInput = z.input<typeof CommentBody>;

export const CommentOut = z.object({
  id: z.string(),
  evaluationId: z.string(),
  author: Actor,
  areaNumber: z.number().nullable(),
  subareaId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  parentId: z.string().nullable(),
  internal: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  /** The list item the thread is about, with its text when the comment was written. */
  item: z.object({ kind: z.enum(['strength', 'improvement']), index: z.number(), text: z.string() }).nullable(),
});
export const ResolveBody = z.object({ resolved: z.boolean() });
export const CommentParams = z.object({ id: z.uuid('id ska vara ett UUID'), commentId: z.uuid('commentId ska vara ett UUID') });
export type CommentItem = z.infer<typeof CommentOut>;
export const CommentListOut = z.object({ items: z.array(CommentOut) });

/** PUT assignments replaces the whole list (each entry complete; isLead defaults to false). */
export const AssignmentsBody = z.object({ expectedVersion: Version, assignments: z.array(z.object({ userId: z.uuid(), isLead: z.boolean().default(false) })).max(20) });
export const AssignedUserOut = z.object({ userId: z.string(), name: z.string(), email: z.string(), isLead: z.boolean() });
export type AssignedUser = z.infer<typeof AssignedUserOut>;
export const AssignmentListOut = z.object({ items: z.array(AssignedUserOut) });

export { IdParams };
