import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';

/**
 * Early route-level refusal before the body is read: 401 for the public, 403 for a role not listed.
 * Exactly the roles given are admitted (administrators only when listed). The services decide for real
 * through src/policies; this guard only answers early.
 */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const v = request.viewer;
    if (v.role === 'public') throw new DomainError('unauthorized', 'Du måste logga in för att göra detta.');
    if (!roles.includes(v.role)) throw new DomainError('forbidden', 'Din roll får inte göra detta.');
  };
}
