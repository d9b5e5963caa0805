/**
 * What every policy returns: allowed, or refused with the error code and the Swedish sentence the person
 * sees. Policies are pure functions of the viewer and the facts the service looked up; services call
 * `authorize` (which throws) and the web app reads `allowed`/`message` to avoid offering what is refused.
 */
import type { Viewer } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';

export type Decision = { allowed: true } | { allowed: false; code: 'unauthorized' | 'forbidden' | 'rule_violation'; message: string };

export const ALLOW: Decision = { allowed: true };

export const SIGN_IN_REQUIRED = 'Du måste logga in för att göra detta.';

/** Refused: 401 for the public (who may sign in and try again), 403 for a signed-in viewer. */
export function refuse(viewer: Viewer, message: string): Decision {
  return { allowed: false, code: viewer.role === 'public' ? 'unauthorized' : 'forbidden', message };
}

/** Refused by a rule that holds for everyone (a published evaluation cannot be commented on). */
export function ruleRefusal(message: string): Decision {
  return { allowed: false, code: 'rule_violation', message };
}

/** The Swedish reason, or null when allowed (web: what to show instead of a button). */
export function refusalMessage(d: Decision): string | null {
  return d.allowed ? null : d.message;
}

/** Throws the refusal as a DomainError (mapped to 401/403/422 by the HTTP layer). */
export function authorize(d: Decision): void {
  if (!d.allowed) throw new DomainError(d.code, d.message);
}

/** Signed-in administrators only. */
export function adminOnly(viewer: Viewer, message: string): Decision {
  if (viewer.role === 'public') return refuse(viewer, SIGN_IN_REQUIRED);
  return viewer.role === 'admin' ? ALLOW : refuse(viewer, message);
}
