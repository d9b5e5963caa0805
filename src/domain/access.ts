/**
 * Who may see and do what. Pure rules; services call them, the HTTP layer never decides alone.
 */
import type { EvaluationStatus } from './evaluation.ts';

export type Role = 'admin' | 'evaluator' | 'municipality' | 'public';

export interface Viewer {
  userId: string | null;
  role: Role;
  /** The municipality a municipality user belongs to. */
  municipalityCode: string | null;
  /** Name recorded in history ("Anna Andersson" or "system"). */
  name: string;
}

export const SYSTEM: Viewer = { userId: null, role: 'admin', municipalityCode: null, name: 'system' };
export const PUBLIC: Viewer = { userId: null, role: 'public', municipalityCode: null, name: 'anonym' };

export function canViewEvaluation(viewer: Viewer, e: { status: EvaluationStatus; municipalityCode: string }): boolean {
  if (e.status === 'published') return true;
  if (viewer.role === 'admin' || viewer.role === 'evaluator') return true;
  if (viewer.role === 'municipality') return e.status === 'review' && viewer.municipalityCode === e.municipalityCode;
  return false;
}

/** Statuses a viewer may list, before per-row checks. */
export function visibleStatuses(viewer: Viewer): EvaluationStatus[] {
  if (viewer.role === 'admin' || viewer.role === 'evaluator') return ['draft', 'review', 'published'];
  if (viewer.role === 'municipality') return ['review', 'published'];
  return ['published'];
}

export const STATUS_TRANSITIONS: Record<EvaluationStatus, EvaluationStatus[]> = {
  draft: ['review', 'published'],
  review: ['draft', 'published'],
  published: [],
};

/** A signed-in user's relation to one evaluation (from evaluation_assignments). */
export interface Assignment {
  assigned: boolean;
  lead: boolean;
}

export const NOT_ASSIGNED: Assignment = { assigned: false, lead: false };

/**
 * Why the viewer may not edit scores, texts or facts of an evaluation they can see; null when allowed.
 * Administrators may edit every evaluation; evaluators those they are assigned to; nobody else.
 */
export function editRefusal(viewer: Viewer, a: Assignment): string | null {
  if (viewer.role === 'admin') return null;
  if (viewer.role === 'evaluator') return a.assigned ? null : 'Du är inte tilldelad den här utvärderingen och kan inte ändra den.';
  if (viewer.role === 'municipality') return 'Kommunens användare kan läsa och kommentera men inte ändra utvärderingen.';
  return 'Du måste logga in för att göra detta.';
}

/**
 * Why the viewer may not move an evaluation to `to`; null when allowed.
 * Draft ↔ shared for review: assigned evaluators. Publishing: the lead evaluator (or an administrator).
 */
export function statusChangeRefusal(viewer: Viewer, to: EvaluationStatus, a: Assignment): string | null {
  const edit = editRefusal(viewer, a);
  if (edit) return edit;
  if (to === 'published' && viewer.role !== 'admin' && !a.lead) return 'Bara huvudutvärderaren kan publicera utvärderingen.';
  return null;
}

/** Who may read an evaluation's history and comments: signed-in users who may see the evaluation. */
export function canReadInternals(viewer: Viewer, e: { status: EvaluationStatus; municipalityCode: string }): boolean {
  if (viewer.role === 'public') return false;
  if (viewer.role === 'municipality') return viewer.municipalityCode === e.municipalityCode && canViewEvaluation(viewer, e);
  return true;
}

/** Why the viewer may not comment; null when allowed. Municipality users comment while their evaluation is shared for review. */
export function commentRefusal(viewer: Viewer, e: { status: EvaluationStatus; municipalityCode: string }): string | null {
  if (viewer.role === 'public') return 'Du måste logga in för att kommentera.';
  if (e.status === 'published') return 'En publicerad utvärdering kan inte kommenteras.';
  if (viewer.role === 'municipality') {
    if (viewer.municipalityCode !== e.municipalityCode || e.status !== 'review') return 'Kommunen kan kommentera först när utvärderingen är delad för granskning.';
  }
  return null;
}

/** Roles an account can have (public is the absence of an account). */
export const ACCOUNT_ROLES = ['admin', 'evaluator', 'municipality'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'administratör',
  evaluator: 'utvärderare',
  municipality: 'kommunanvändare',
  public: 'allmänheten',
};
