import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';

/** Route-level role check (the services enforce the same rules; this gives an early 401/403). */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const v = request.viewer;
    if (v.role === 'public') throw new DomainError('unauthorized', 'Du måste logga in för att göra detta.');
    if (!roles.includes(v.role) && v.role !== 'admin') throw new DomainError('forbidden', 'Din roll får inte göra detta.');
  };
}
