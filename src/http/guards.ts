import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';

const GUARD = Symbol('kompass.roleGuard');
type Guard = ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & { [GUARD]?: true };

/**
 * Early route-level refusal: 401 for the public, 403 for a role not listed. Exactly the roles given
 * are admitted (administrators only when listed); the services decide for real through
 * src/policies, this guard only answers early. Written as `preHandler: requireRole(...)`, it runs as an
 * `onRequest` hook (see `guardsBeforeBody`): a refused request is answered before its body is read.
 */
export function requireRole(...roles: Role[]): Guard {
  const guard: Guard = async (request) => {
    const v = request.viewer;
    if (v.role === 'public') throw new DomainError('unauthorized', 'Du måste logga in för att göra detta.');
    if (!roles.includes(v.role)) throw new DomainError('forbidden', 'Din roll får inte göra detta.');
  };
  guard[GUARD] = true;
  return guard;
}

const isGuard = (hook: unknown): boolean => typeof hook === 'function' && (hook as Guard)[GUARD] === true;

/**
 * `onRoute` hook: moves role guards from preHandler to onRequest, so authentication comes before
 * body parsing and validation (an anonymous 2 MB body costs nothing but a 401).
 */
export function guardsBeforeBody(route: RouteOptions): void {
  const pre = route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
  const guards = pre.filter(isGuard);
  if (guards.length === 0) return;
  const on = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
  route.onRequest = [...on, ...guards] as RouteOptions['onRequest'];
  const rest = pre.filter((h) => !isGuard(h));
  if (rest.length) route.preHandler = rest as RouteOptions['preHandler'];
  else delete route.preHandler;
}
