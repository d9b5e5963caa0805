/**
 * Who is asking: the viewer every service function takes, roles and the relation to an evaluation.
 * The rules of who may do what are named policies in src/policies/ (one file per aggregate).
 */

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

/** A signed-in user's relation to one evaluation (from evaluation_assignments). */
export interface Assignment {
  assigned: boolean;
  lead: boolean;
}

export const NOT_ASSIGNED: Assignment = { assigned: false, lead: false };

/** Roles an account can have (public is the absence of an account). */
export const ACCOUNT_ROLES = ['admin', 'evaluator', 'municipality'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'administratör',
  evaluator: 'utvärderare',
  municipality: 'kommunanvändare',
  public: 'allmänheten',
};
